"""The package's imports point down the layers and never go round in a circle.

Every ``src/facelift/**/*.py`` is parsed (not imported); each ``import facelift...`` /
``from facelift... import ...`` becomes an edge, at module level or inside a function alike:
a function-level import still makes the two modules depend on each other, it only hides
the cycle until the function runs. The layers, lowest first, are the ones drawn in the
README's *Architecture* section.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src"

#: Lowest first. A module may import its own layer and the ones below it. A name covers that
#: module and everything under it; the longest name that covers a module decides its layer.
LAYERS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("core", ("facelift.__init__", "facelift.errors", "facelift.atomic", "facelift.config", "facelift.defaults",
              "facelift.precision", "facelift.sh",
              "facelift.cameras", "facelift.views", "facelift.gaussians", "facelift.render", "facelift.formats",
              "facelift.media",
              "facelift.turntable", "facelift.sequence", "facelift.eval.metrics",
              # weights: store, meta, locate; the modules that need the models are listed in assembly
              "facelift.weights")),
    # train.losses: differentiable image losses, which photo-fit (refine) uses as well as training.
    ("stages", ("facelift.data", "facelift.preprocess", "facelift.mvdiff", "facelift.lrm", "facelift.refine",
                "facelift.reanimate", "facelift.train.losses")),
    ("training", ("facelift.train",)),
    ("assembly", ("facelift.pipeline", "facelift.outputs", "facelift.batch", "facelift.video4d", "facelift.animate",
                  "facelift.weights.folder", "facelift.weights.release", "facelift.weights.convert",
                  "facelift.weights.export")),
    ("evaluation", ("facelift.eval",)),
    ("interface", ("facelift.cli", "facelift.app", "facelift.__main__")),
)


def _modules() -> dict[str, tuple[Path, bool]]:
    """Module name -> (file, is a package's __init__)."""
    found = {}
    for path in sorted((SRC / "facelift").rglob("*.py")):
        parts = list(path.relative_to(SRC).with_suffix("").parts)
        is_package = parts[-1] == "__init__"
        found[".".join(parts[:-1] if is_package else parts)] = (path, is_package)
    return found


def _graph(modules: dict[str, tuple[Path, bool]]) -> dict[str, dict[str, int]]:
    """Module -> {imported facelift module: line of the first such import}."""

    def known(name: str) -> str | None:  # facelift.a.b.C -> facelift.a.b (the module defining C)
        while name and name not in modules:
            name = name.rpartition(".")[0]
        return name or None

    graph: dict[str, dict[str, int]] = {}
    for name, (path, is_package) in modules.items():
        package = name if is_package else name.rpartition(".")[0]
        edges: dict[str, int] = {}
        for node in ast.walk(ast.parse(path.read_text(), str(path))):
            targets: list[str | None] = []
            if isinstance(node, ast.Import):
                targets = [known(a.name) for a in node.names if a.name.split(".")[0] == "facelift"]
            elif isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:  # relative: from .x import y
                    up = package.split(".")[: len(package.split(".")) - node.level + 1]
                    base = ".".join(up + ([node.module] if node.module else []))
                if base.split(".")[0] != "facelift":
                    continue
                # "from facelift import release_weights" imports a module, "from facelift.x import f" x
                targets = [f"{base}.{a.name}" if f"{base}.{a.name}" in modules else known(base) for a in node.names]
            for target in targets:
                if target and target != name:
                    edges.setdefault(target, node.lineno)
        graph[name] = edges
    return graph


MODULES = _modules()
GRAPH = _graph(MODULES)


def layer_of(module: str) -> int | None:
    key = "facelift.__init__" if module == "facelift" else module
    best, best_len = None, -1
    for index, (_, names) in enumerate(LAYERS):
        for covered in names:
            if (key == covered or key.startswith(covered + ".")) and len(covered) > best_len:
                best, best_len = index, len(covered)
    return best


def _cycles(graph: dict[str, dict[str, int]]) -> list[list[str]]:
    """The strongly connected components with more than one module (Tarjan), each as a cycle."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    components: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in graph.get(v, {}):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                components.append(component)

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return [_one_cycle(graph, sorted(c)) for c in components]


def _one_cycle(graph: dict[str, dict[str, int]], component: list[str]) -> list[str]:
    """A concrete path start -> ... -> start inside a strongly connected component."""
    members, start = set(component), component[0]
    paths = {start: [start]}
    frontier = [start]
    while frontier:  # breadth first: the shortest way back to start
        nxt = []
        for v in frontier:
            for w in sorted(graph[v]):
                if w == start:
                    return paths[v] + [start]
                if w in members and w not in paths:
                    paths[w] = paths[v] + [w]
                    nxt.append(w)
        frontier = nxt
    raise AssertionError(f"not a cycle: {component}")  # pragma: no cover


def _where(a: str, b: str) -> str:
    return f"{MODULES[a][0].relative_to(SRC)}:{GRAPH[a][b]}"


def test_the_walk_finds_the_package_and_its_imports():
    # Guards the walk itself: a broken parser would find no edges and pass everything.
    assert {"facelift", "facelift.pipeline", "facelift.lrm.model", "facelift.cli"} <= set(MODULES)
    assert "facelift.errors" in GRAPH["facelift.pipeline"]
    assert "facelift.lrm.model" in GRAPH["facelift.pipeline"]  # a function-level import counts
    assert "facelift.preprocess.io" in GRAPH["facelift.preprocess.detect"]


def test_cycle_finder_names_a_cycle():
    graph = {"a": {"b": 1}, "b": {"c": 1}, "c": {"a": 1, "d": 1}, "d": {}}
    assert _cycles(graph) == [["a", "b", "c", "a"]]
    assert _cycles({"a": {"b": 1}, "b": {}}) == []


def test_every_module_has_a_layer():
    missing = sorted(m for m in MODULES if layer_of(m) is None)
    assert not missing, f"modules in no layer (add them to LAYERS and the README diagram): {missing}"


def test_no_import_cycles():
    cycles = _cycles(GRAPH)
    described = ["  " + " -> ".join(c) + "  (" + ", ".join(_where(a, b) for a, b in zip(c, c[1:])) + ")"
                 for c in cycles]
    assert not cycles, "import cycles:\n" + "\n".join(described)


def test_imports_point_down_the_layers():
    upward = []
    for module, edges in sorted(GRAPH.items()):
        mine = layer_of(module)
        for target in sorted(edges):
            theirs = layer_of(target)
            if mine is not None and theirs is not None and theirs > mine:
                upward.append(f"  {module} ({LAYERS[mine][0]}) imports {target} ({LAYERS[theirs][0]}) "
                              f"at {_where(module, target)}")
    assert not upward, "imports from a lower layer to a higher one:\n" + "\n".join(upward)


@pytest.mark.parametrize("name", [n for _, names in LAYERS for n in names])
def test_every_layer_entry_names_a_module(name):
    # A renamed module must not leave a stale entry behind that silently covers nothing.
    name = "facelift" if name == "facelift.__init__" else name
    assert any(m == name or m.startswith(name + ".") for m in MODULES), name


def test_the_readme_diagram_shows_these_layers_in_this_order():
    text = (SRC.parent / "README.md").read_text()
    block = text.split("## Architecture", 1)[1].split("```", 2)[1]
    rows = [line.split()[0] for line in block.splitlines() if line.strip() and not line.startswith(" ")]
    assert rows == [name for name, _ in reversed(LAYERS)]
