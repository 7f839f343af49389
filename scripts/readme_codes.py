"""Print the README's diagnostics table from the catalogue (paste it under <!-- diagnostics-table -->)."""

from __future__ import annotations

from referat_parser.diagnostics import CATALOGUE

print("| code | severity | message template |")
print("|---|---|---|")
for code, (severity, template) in CATALOGUE.items():
    print(f"| `{code}` | {severity} | {template.replace('|', '/')} |")
