"""The package's layers import only downward: the pure layers never reach I/O.

domain (periods, figures, models) and judge (status, coverage, SPC) are pure functions of their
arguments; workspace reads and writes files; edit, legacy and output build on those; app holds
one core function per command; cli parses, calls a core and prints. Each folder's `__init__`
says the same. No module imports itself through others, and none is over 300 lines.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from support.paths import PACKAGE

# What each layer may import from the package, besides itself and the root modules (`errors`,
# `outcome`), which every layer shares.
ALLOWED = {
    "domain": set(),
    "judge": {"domain"},
    "workspace": {"domain", "judge"},
    "edit": {"domain", "judge", "workspace", "output"},
    "legacy": {"domain", "judge", "workspace", "edit"},
    "output": {"domain", "judge", "workspace"},
    "app": {"domain", "judge", "workspace", "edit", "legacy", "output"},
    # The command line parses (dates and periods), calls an `app` core and prints.
    "cli": {"domain", "output", "app"},
}
MAX_LINES = 300
# Standard modules that do I/O, which the pure layers must not use.
IO_MODULES = {"os", "io", "shutil", "subprocess", "tempfile", "socket", "sqlite3", "fcntl"}


def imports(path: Path, *, with_names: bool = False) -> set[str]:
    """Every module named in an import statement of the file, lazy imports included; with
    `with_names`, also `package.name` for each name a `from package import name` takes (which
    may be a module)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
            if with_names:
                found.update(f"{node.module}.{alias.name}" for alias in node.names)
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
        init = PACKAGE / layer / "__init__.py"
        doc = ast.get_docstring(ast.parse(init.read_text(encoding="utf-8")))
        assert doc and "import" in doc, f"{layer}/__init__.py must say what it may import"


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def import_graph() -> dict[str, set[str]]:
    """Each module of the package and the modules of the package it imports, at the top or
    inside a function (`from package import module` names the module)."""
    modules = {module_name(p): p for p in PACKAGE.rglob("*.py")}
    graph: dict[str, set[str]] = {}
    for name, path in modules.items():
        found = set()
        for imported in imports(path, with_names=True):
            if imported in modules and imported != name:
                found.add(imported)
        graph[name] = found
    return graph


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The groups of modules that reach each other through imports (Tarjan's strongly connected
    components, without recursion), each group of two or more sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    for root in sorted(graph):
        if root in index:
            continue
        work = [(root, iter(sorted(graph[root])))]
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = len(index)
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(graph[child]))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[node])
            if low[node] == index[node]:
                group = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    group.append(member)
                    if member == node:
                        break
                if len(group) > 1:
                    found.append(sorted(group))
    return found


def test_cycles_finds_modules_that_import_each_other() -> None:
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}, "e": set()}
    assert cycles(graph) == [["a", "b", "c"]]


def test_no_module_imports_itself_through_others() -> None:
    assert cycles(import_graph()) == []


@pytest.mark.parametrize(
    "path", sorted(PACKAGE.rglob("*.py")), ids=lambda p: str(p.relative_to(PACKAGE))
)
def test_no_module_is_over_300_lines(path: Path) -> None:
    lines = len(path.read_text(encoding="utf-8").splitlines())
    assert lines <= MAX_LINES, f"{path.relative_to(PACKAGE)} has {lines} lines"


def _section(text: str, heading: str, next_mark: str) -> str:
    """The text from `heading` to the next heading of its kind (or the end)."""
    after = text.split(heading, 1)[1] if heading in text else ""
    return after.split(next_mark, 1)[0]


def test_every_module_is_named_in_the_code_layout_page() -> None:
    page = (PACKAGE.parents[1] / "docs" / "code-layout.md").read_text(encoding="utf-8")
    listed = page.split("## Every module", 1)[1]
    missing = []
    for path in PACKAGE.rglob("*.py"):
        parts = path.relative_to(PACKAGE).parts
        if len(parts) == 1 or path.name == "__init__.py":
            continue  # the shared roots and the folders' own docstrings
        section = _section(listed, f"**`{parts[0]}/`**", "**`")
        if len(parts) == 3:
            section = _section(section, f"*`{parts[1]}/`*", "*`")
        if f"`{path.name}`" not in section:
            missing.append("/".join(parts))
    assert not missing, f"name these under their folder in docs/code-layout.md: {missing}"
