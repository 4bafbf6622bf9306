"""The package's layers import only downward: the pure layers never reach I/O.

domain (periods, figures, models) and judge (status, coverage, SPC) are pure functions of their
arguments; workspace reads and writes files; edit, legacy and output build on those; cli sits on
top. Each folder's `__init__` says the same.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).parents[1] / "src" / "actionplan"

# What each layer may import from the package, besides itself and the root modules (`errors`,
# `outcome`), which every layer shares.
ALLOWED = {
    "domain": set(),
    "judge": {"domain"},
    "workspace": {"domain", "judge"},
    "edit": {"domain", "judge", "workspace", "output"},
    "legacy": {"domain", "judge", "workspace", "edit", "output"},
    "output": {"domain", "judge", "workspace"},
    "cli": {"domain", "judge", "workspace", "edit", "legacy", "output"},
}
# Standard modules that do I/O, which the pure layers must not use.
IO_MODULES = {"os", "io", "shutil", "subprocess", "tempfile", "socket", "sqlite3", "fcntl"}


def imports(path: Path) -> set[str]:
    """Every module named in an import statement of the file, lazy imports included."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
    return found


def layer_of(path: Path) -> str:
    relative = path.relative_to(PACKAGE)
    return relative.parts[0] if len(relative.parts) > 1 else relative.stem


MODULES = sorted(p for p in PACKAGE.rglob("*.py") if layer_of(p) in ALLOWED)


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_a_module_imports_only_the_layers_below_it(path: Path) -> None:
    layer = layer_of(path)
    for name in imports(path):
        parts = name.split(".")
        if parts[0] != "actionplan" or len(parts) < 2:
            continue
        target = parts[1]
        if target in (layer, "errors", "outcome"):
            continue
        assert target in ALLOWED[layer], f"{path.name} ({layer}) imports {name}"


@pytest.mark.parametrize(
    "path",
    [p for p in MODULES if layer_of(p) in ("domain", "judge")],
    ids=lambda p: str(p.relative_to(PACKAGE)),
)
def test_the_pure_layers_do_no_io(path: Path) -> None:
    assert not {name.split(".")[0] for name in imports(path)} & IO_MODULES


def test_every_layer_says_what_it_holds_and_may_import() -> None:
    for layer in ALLOWED:
        init = (
            PACKAGE / layer / "__init__.py" if layer != "cli" else PACKAGE / "cli" / "__init__.py"
        )
        if not init.exists():
            continue
        doc = ast.get_docstring(ast.parse(init.read_text(encoding="utf-8")))
        assert doc and "import" in doc, f"{layer}/__init__.py must say what it may import"
