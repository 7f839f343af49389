"""The package's folders are the pipeline's stages, and imports run one way: down.

    cli -> output -> pipeline -> check -> extract -> layout -> read -> shared (package root)

Every import of a package module counts, at module level or inside a function (a lazy import
is still a dependency). The test fails on an import from a lower layer to a higher one, and on
any cycle among the modules (a cycle inside one layer is as confusing as one across layers).
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "src" / "referat_parser"
# Lowest first. A module's layer is its folder; the root modules are the shared bottom, except
# the orchestration and the command line above everything they call.
LAYERS = ["shared", "read", "layout", "extract", "check", "pipeline", "output", "cli"]
ROOT_LAYERS = {"pipeline": "pipeline", "cli": "cli", "__init__": "pipeline"}


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE).with_suffix("").parts
    if parts[-1] == "__init__":
        parts = parts[:-1]
    return ".".join(parts) or "__init__"


def _layer(module: str) -> str:
    head = module.split(".")[0]
    if "." not in module and head not in LAYERS:
        return ROOT_LAYERS.get(head, "shared")
    return head if head in LAYERS else ROOT_LAYERS.get(head, "shared")


MODULES = {_module_name(p): p for p in PACKAGE.rglob("*.py")}


def _resolve(module: str, path: Path, node: ast.ImportFrom) -> list[str]:
    """Package modules an ``from … import …`` statement loads."""
    if node.level == 0:
        if not (node.module or "").startswith("referat_parser"):
            return []
        base = (node.module or "").removeprefix("referat_parser").lstrip(".").split(".")
        base = [b for b in base if b]
    else:
        package = module.split(".") if path.name == "__init__.py" else module.split(".")[:-1]
        if module == "__init__":
            package = []
        base = package[: len(package) - (node.level - 1)] + (
            node.module.split(".") if node.module else []
        )
    found = []
    for alias in node.names:
        candidate = ".".join([*base, alias.name])
        target = candidate if candidate in MODULES else ".".join(base)
        if target in MODULES and target != module:
            found.append(target)
        elif not target and module != "__init__":
            found.append("__init__")
    return found


def _imports() -> dict[str, set[str]]:
    graph: dict[str, set[str]] = {}
    for module, path in MODULES.items():
        targets: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom):
                targets.update(_resolve(module, path, node))
        # a sub-package's __init__ is loaded with it, and says nothing: not an edge
        graph[module] = {t for t in targets if t in MODULES and t != "__init__"}
    return graph


GRAPH = _imports()


def test_the_walk_sees_the_package() -> None:
    assert {"pipeline", "cli", "read.pdf", "layout.outline", "extract.people"} <= set(GRAPH)
    assert "check.assemble" in GRAPH["pipeline"]


@pytest.mark.parametrize("module", sorted(GRAPH))
def test_imports_point_down(module: str) -> None:
    rank = LAYERS.index(_layer(module))
    upward = [t for t in sorted(GRAPH[module]) if LAYERS.index(_layer(t)) > rank]
    assert not upward, f"{module} ({_layer(module)}) imports from a higher layer: {upward}"


def test_no_import_cycle() -> None:
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    path: list[str] = []

    def visit(node: str) -> None:
        state[node] = 1
        path.append(node)
        for target in sorted(GRAPH[node]):
            if state.get(target) == 1:
                cycle = [*path[path.index(target) :], target]
                pytest.fail("import cycle: " + " -> ".join(cycle))
            if target not in state:
                visit(target)
        path.pop()
        state[node] = 2

    for module in sorted(GRAPH):
        if module not in state:
            visit(module)


def test_every_folder_says_what_it_takes_and_gives() -> None:
    for folder in LAYERS:
        init = PACKAGE / folder / "__init__.py"
        if not init.exists():
            continue
        doc = ast.get_docstring(ast.parse(init.read_text(encoding="utf-8"))) or ""
        assert " in, " in doc.splitlines()[0] and "out" in doc.splitlines()[0], init
        assert len([ln for ln in doc.splitlines() if ln.strip()]) == 2, init
