"""The package's layers: each imports only from below it, and no modules import each other in a circle.

core (numpy) < text (words) < qt (the window's parts) < app (the window's door) < cli < __main__.
Imports inside functions count too: they were how two circles hid before.
"""

import ast
from pathlib import Path

import epochviz

PACKAGE = Path(epochviz.__file__).resolve().parent
LAYERS = {"core": 1, "text": 2, "qt": 3, "app": 4, "bench": 4, "cli": 5, "__main__": 6}


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imported_modules(path: Path, modules: set[str]) -> set[str]:
    """The epochviz modules ``path`` imports anywhere in it (``from a.b import c`` counts a.b.c if it is one)."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(), str(path))):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
            found |= {f"{node.module}.{alias.name}" for alias in node.names}
    return {name for name in found if name in modules}


def import_graph() -> dict[str, set[str]]:
    files = {module_name(p): p for p in PACKAGE.rglob("*.py")}
    return {name: imported_modules(path, set(files)) - {name} for name, path in files.items()}


def layer(module: str) -> int:
    parts = module.split(".")
    return LAYERS.get(parts[1], 0) if len(parts) > 1 else 0


def test_every_module_imports_only_from_its_own_layer_or_below():
    upward = [(name, target) for name, targets in import_graph().items() for target in targets
              if layer(target) > layer(name)]
    assert upward == []


def test_the_core_imports_nothing_from_the_command_line_the_words_or_the_window():
    graph = import_graph()
    core = [name for name in graph if name.startswith("epochviz.core")]
    assert core and all(target.startswith("epochviz.core") or target == "epochviz"
                        for name in core for target in graph[name])


def test_no_modules_import_each_other_in_a_circle():
    graph = import_graph()
    # A package's __init__ is the face of its modules, not one of them: skip the edges into it.
    graph = {name: {t for t in targets if not (PACKAGE / Path(*t.split(".")[1:]) / "__init__.py").exists()}
             for name, targets in graph.items()}
    done, on_path, circles = set(), [], []

    def visit(name: str) -> None:
        if name in on_path:
            circles.append(on_path[on_path.index(name):] + [name])
            return
        if name in done:
            return
        on_path.append(name)
        for target in sorted(graph.get(name, ())):
            visit(target)
        on_path.pop()
        done.add(name)

    for name in sorted(graph):
        visit(name)
    assert circles == []
