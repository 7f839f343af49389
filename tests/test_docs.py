"""Docs cannot drift: the committed schema, the README's field tables, codes and commands (H9)."""

from __future__ import annotations

import json
import re
from typing import Any

import pytest
from typer.testing import CliRunner

from conftest import ROOT
from referat_parser.cli import app, json_schema
from referat_parser.diagnostics import CATALOGUE

README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_committed_schema_is_current() -> None:
    committed = json.loads((ROOT / "schema" / "referat.schema.json").read_text(encoding="utf-8"))
    assert committed == json_schema(), "schema/referat.schema.json is stale: run `make schema`"


def _field_names(schema: dict[str, Any]) -> set[str]:
    names: set[str] = set()
    for definition in [schema, *schema.get("$defs", {}).values()]:
        names.update(definition.get("properties", {}))
    return names


def test_every_field_is_documented_in_the_readme() -> None:
    documented = set(re.findall(r"`([a-z0-9_æø]+)`", README))
    documented |= {
        part
        for m in re.findall(r"`([a-z0-9_æø.\[\]]+)`", README)
        for part in re.split(r"[.\[\]]+", m)
    }
    missing = sorted(_field_names(json_schema()) - documented)
    assert missing == [], f"fields missing from the README: {missing}"


def test_every_diagnostic_code_is_documented() -> None:
    missing = sorted(code for code in CATALOGUE if f"`{code}`" not in README)
    assert missing == [], f"diagnostic codes missing from the README: {missing}"


COMMANDS = [c.name or c.callback.__name__ for c in app.registered_commands if not c.hidden]  # type: ignore[union-attr]


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_help_and_is_in_the_readme(command: str) -> None:
    result = CliRunner().invoke(app, [command, "--help"])
    assert result.exit_code == 0 and len(result.stdout) > 100
    assert f"referat {command}" in README
