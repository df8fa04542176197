"""The shape of the code: builder/ and plugins/ import one way, and only the generator adapter
knows MkDocs and Material."""
from __future__ import annotations

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
ADAPTER = "builder/site/generator.py"
# Lower layers first: a package may import only from its own layer or the layers before it.
LAYERS = [
    {"builder.findings", "builder.storage"},
    {"builder.cache"},
    {"builder.documents"},
    {"builder.markup"},
    {"builder.addresses", "builder.distribution", "builder.duties"},
]


def modules() -> dict[str, Path]:
    found = {}
    for base in ("builder", "plugins"):
        for path in (ROOT / base).rglob("*.py"):
            name = ".".join(path.relative_to(ROOT).with_suffix("").parts)
            found[name.removesuffix(".__init__")] = path
    return found


def imports(name: str, path: Path, known: dict[str, Path]) -> list[tuple[str, ast.stmt, bool]]:
    """(imported project module, statement, at module level) for every import in the file."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    top = {id(node) for node in tree.body}
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    out = []
    for node in ast.walk(tree):
        targets = []
        if isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parts = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join(parts + ([node.module] if node.module else []))
            targets = [f"{base}.{a.name}" if f"{base}.{a.name}" in known else base for a in node.names]
        elif isinstance(node, ast.Import):
            targets = [a.name for a in node.names]
        for target in targets:
            parts = target.split(".")
            # Importing a.b.c runs a/__init__ and a/b/__init__ too.
            for i in range(1, len(parts) + 1):
                prefix = ".".join(parts[:i])
                if prefix in known and prefix != name and not name.startswith(prefix + "."):
                    out.append((prefix, node, id(node) in top))
    return out


def graph() -> dict[str, set[str]]:
    known = modules()
    return {name: {t for t, _, _ in imports(name, path, known)} for name, path in known.items()}


def find_cycle(edges: dict[str, set[str]]) -> list[str] | None:
    """One import cycle as a path, or None (depth-first search, colours)."""
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        stack.append(node)
        for nxt in sorted(edges.get(node, ())):
            if state.get(nxt) == 1:
                return stack[stack.index(nxt):] + [nxt]
            if nxt not in state and (cycle := visit(nxt)):
                return cycle
        stack.pop()
        state[node] = 2
        return None

    for node in sorted(edges):
        if node not in state and (cycle := visit(node)):
            return cycle
    return None


def test_the_cycle_finder_finds_a_cycle():
    assert find_cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert find_cycle({"a": {"b"}, "b": set()}) is None


def test_no_import_cycle_in_builder_and_plugins():
    edges = graph()
    assert len(edges) > 100
    assert find_cycle(edges) is None


def test_no_project_import_hidden_in_a_function():
    """An import inside a function is how a cycle hides; only third-party modules with a
    start-up cost are imported late (each with a comment saying so)."""
    known = modules()
    hidden = [f"{name}:{node.lineno}" for name, path in known.items()
              for _, node, at_top in imports(name, path, known) if not at_top]
    assert hidden == []


def test_lower_layers_never_import_higher_ones():
    edges = graph()
    for index, layer in enumerate(LAYERS):
        allowed = set().union(*LAYERS[: index + 1])
        for name, targets in edges.items():
            package = ".".join(name.split(".")[:2])
            if package in layer:
                upward = {t for t in targets if ".".join(t.split(".")[:2]) not in allowed}
                assert not upward, f"{name} imports {sorted(upward)}"


def test_only_the_adapter_knows_mkdocs_and_material():
    """What the issue's grep looks for (imports of MkDocs, Material's name) is only in the adapter."""
    pattern = re.compile(r"import mkdocs|from mkdocs|material", re.IGNORECASE)
    offenders = [str(p.relative_to(ROOT)) for p in (ROOT / "builder").rglob("*.py")
                 if pattern.search(p.read_text(encoding="utf-8"))]
    assert offenders == [ADAPTER]
