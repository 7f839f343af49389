"""``make golden-diff``: show how the parser's output now differs from fixtures/expected/*.json.

It only shows; it never writes. Update an expected file by hand after reading the document.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from golden import diff
from referat_parser import parse_file

os.chdir(ROOT)
status = 0
for seed in sorted((ROOT / "fixtures" / "seeds").glob("*.txt")):
    expected_file = ROOT / "fixtures" / "expected" / f"{seed.stem}.json"
    actual = parse_file(seed.relative_to(ROOT)).model_dump(mode="json", by_alias=True)
    if not expected_file.exists():
        print(f"{seed.stem}: no expected file")
        status = 1
        continue
    problems = diff(json.loads(expected_file.read_text(encoding="utf-8")), actual)
    print(f"{seed.stem}: {len(problems)} differences")
    for p in problems:
        print("  " + p)
    status |= bool(problems)
sys.exit(status)
