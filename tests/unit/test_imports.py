"""The import graph of the code, read from the source (imports inside functions included): no cycles, and
only the app factory imports ``handlers`` (the core reads what capabilities contribute from the app)."""

from __future__ import annotations

import ast
from pathlib import Path

from tests.conftest import ROOT


def module_files(root: Path) -> dict[str, Path]:
    files = {}
    for path in [*root.glob("bot/**/*.py"), *root.glob("handlers/**/*.py"), root / "run.py"]:
        parts = list(path.relative_to(root).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        files[".".join(parts)] = path
    return files


def imports_of(name: str, path: Path, modules: set[str]) -> set[str]:
    """The project modules ``name`` imports anywhere in its source: ``from pkg import sub`` counts as
    importing ``pkg.sub`` when that is a module, else ``pkg``; ``importlib.import_module("x")`` counts too."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parts = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join(parts + ([node.module] if node.module else []))
            for alias in node.names:
                found.add(f"{base}.{alias.name}" if f"{base}.{alias.name}" in modules else base)
        elif (
            isinstance(node, ast.Call)
            and getattr(node.func, "attr", None) == "import_module"
            and node.args
            and isinstance(node.args[0], ast.Constant)
        ):
            found.add(node.args[0].value)
    return {m for m in found if m in modules and m != name}


def import_graph(root: Path) -> dict[str, set[str]]:
    files = module_files(root)
    return {name: imports_of(name, path, set(files)) for name, path in files.items()}


def find_cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """One import cycle (as a path that ends where it starts), or None."""
    state: dict[str, int] = {}  # 1 = on the current path, 2 = done
    path: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        path.append(node)
        for nxt in sorted(graph[node]):
            if state.get(nxt) == 1:
                return path[path.index(nxt) :] + [nxt]
            if nxt not in state:
                cycle = visit(nxt)
                if cycle:
                    return cycle
        path.pop()
        state[node] = 2
        return None

    for node in sorted(graph):
        if node not in state:
            cycle = visit(node)
            if cycle:
                return cycle
    return None


def test_the_code_has_no_import_cycle():
    assert find_cycle(import_graph(ROOT)) is None


def test_only_the_app_factory_imports_handlers():
    graph = import_graph(ROOT)
    importers = sorted(
        name
        for name, deps in graph.items()
        if not name.startswith("handlers") and any(d.startswith("handlers") for d in deps)
    )
    assert importers == ["bot.app"]


def test_the_cycle_finder_sees_imports_inside_functions(tmp_path):
    (tmp_path / "bot").mkdir()
    (tmp_path / "bot" / "__init__.py").write_text("")
    (tmp_path / "bot" / "a.py").write_text("from bot import b\n")
    (tmp_path / "bot" / "b.py").write_text("def f():\n    from bot.a import x\n")
    (tmp_path / "run.py").write_text("")
    assert find_cycle(import_graph(tmp_path)) == ["bot.a", "bot.b", "bot.a"]


def test_a_package_importing_a_name_from_its_page_module_is_a_cycle(tmp_path):
    """The dashboard's old shape: the package imports its page modules, which import ``bp`` from it."""
    (tmp_path / "bot" / "dash").mkdir(parents=True)
    (tmp_path / "bot" / "__init__.py").write_text("")
    (tmp_path / "bot" / "dash" / "__init__.py").write_text("bp = 1\nfrom bot.dash import views\n")
    (tmp_path / "bot" / "dash" / "views.py").write_text("from bot.dash import bp\n")
    (tmp_path / "run.py").write_text("")
    assert find_cycle(import_graph(tmp_path)) == ["bot.dash", "bot.dash.views", "bot.dash"]
