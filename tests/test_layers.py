"""The import-layer contract: imports run one way and no module imports itself back.

Layers, lowest first (a module may import its own layer and the layers below):
foundation (models, config, resources, russian) → text/nlp → matching →
roles/occupations → analysis → engine (rules) → checks → linter →
surfaces (io, formatters, cli, server …).  A module not listed belongs to the
surfaces: nothing below may import it.  Imports under ``if TYPE_CHECKING:``
are annotations only and do not count; imports inside functions do.
"""

from __future__ import annotations

import ast
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "cmlint"

LAYERS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("foundation", ("cmlint", "cmlint.models", "cmlint.config", "cmlint.budget", "cmlint.files", "cmlint.resources", "cmlint.russian", "cmlint.edits", "cmlint.kinds", "cmlint.scoring", "cmlint.cache", "cmlint.parsed_yaml", "cmlint.collector", "cmlint.memo", "cmlint.factories", "cmlint.validation_ru")),
    ("text/nlp", ("cmlint.text", "cmlint.nlp", "cmlint.posting")),
    ("matching", ("cmlint.matching",)),
    ("roles/occupations", ("cmlint.roles", "cmlint.occupations")),
    ("analysis", ("cmlint.analysis",)),
    ("engine", ("cmlint.engine",)),
    ("checks", ("cmlint.checks",)),
    ("linter", ("cmlint.linter", "cmlint.parallel", "cmlint.quality")),
)
SURFACES = len(LAYERS)

#: Imports against the layers that are known and owned by a stream; each must still exist
#: (remove it here when it is gone), and no other may appear.
KNOWN: dict[tuple[str, str], str] = {
}


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def modules() -> dict[str, Path]:
    return {module_name(path): path for path in sorted(PACKAGE.rglob("*.py"))}


def layer(module: str) -> int:
    """The rank of a module's layer (the longest listed prefix wins)."""
    best, best_length = SURFACES, -1
    for rank, (_, prefixes) in enumerate(LAYERS):
        for prefix in prefixes:
            matches = module == prefix or (prefix != "cmlint" and module.startswith(prefix + "."))
            if matches and len(prefix) > best_length:
                best, best_length = rank, len(prefix)
    return best


def layer_name(rank: int) -> str:
    return LAYERS[rank][0] if rank < SURFACES else "surfaces"


def _type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _walk(node: ast.AST) -> Iterator[ast.AST]:
    """Every node except the bodies of ``if TYPE_CHECKING:``."""
    for child in ast.iter_child_nodes(node):
        if isinstance(child, ast.If) and _type_checking(child):
            for other in child.orelse:
                yield other
                yield from _walk(other)
            continue
        yield child
        yield from _walk(child)


def imports(module: str, path: Path, known: set[str]) -> Iterator[tuple[str, int]]:
    """(imported cmlint module, line) for every import in ``path``."""
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    for node in _walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.split(".")[0] == "cmlint":
                    yield alias.name, node.lineno
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - (node.level - 1)]
                base = ".".join([*anchor, base] if base else anchor)
            if base.split(".")[0] != "cmlint":
                continue
            for alias in node.names:
                candidate = f"{base}.{alias.name}"
                yield (candidate if candidate in known else base), node.lineno


def graph() -> dict[str, dict[str, int]]:
    """Module → {imported module: first line}, without the known exceptions."""
    found = modules()
    names = set(found)
    result: dict[str, dict[str, int]] = {}
    for module, path in found.items():
        targets: dict[str, int] = {}
        for target, line in imports(module, path, names):
            if (module, target) not in KNOWN:
                targets.setdefault(target, line)
        result[module] = targets
    return result


def test_imports_run_down_the_layers() -> None:
    problems = [
        f"{module}:{line} ({layer_name(layer(module))}) imports {target} ({layer_name(layer(target))})"
        for module, targets in graph().items()
        for target, line in targets.items()
        if layer(target) > layer(module)
    ]
    assert not problems, "imports against the layers:\n" + "\n".join(problems)


def test_known_exceptions_still_exist() -> None:
    found = modules()
    names = set(found)
    for module, target in KNOWN:
        assert any(t == target for t, _ in imports(module, found[module], names)), f"{module} → {target} is gone: drop it from KNOWN"


def test_no_import_cycles() -> None:
    edges = {module: sorted(t for t in targets if t != module) for module, targets in graph().items()}
    cycles = [component for component in _components(edges) if len(component) > 1]
    assert not cycles, f"import cycles: {cycles}"


def _components(edges: dict[str, list[str]]) -> list[list[str]]:
    """Strongly connected components (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    result: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for other in edges.get(node, []):
            if other not in index:
                visit(other)
                low[node] = min(low[node], low[other])
            elif other in on_stack:
                low[node] = min(low[node], index[other])
        if low[node] == index[node]:
            component = []
            while True:
                item = stack.pop()
                on_stack.discard(item)
                component.append(item)
                if item == node:
                    break
            result.append(sorted(component))

    for node in sorted(edges):
        if node not in index:
            visit(node)
    return result


def test_the_contract_sees_real_imports() -> None:
    """The checker itself: a known downward import is found, a known layer is assigned."""
    edges = graph()
    assert "cmlint.matching.phrases" in edges["cmlint.roles.matching"]
    assert "cmlint.checks" in edges["cmlint.linter"]
    assert layer("cmlint.engine.specs") > layer("cmlint.analysis") > layer("cmlint.matching.steps")
    assert layer("cmlint.cli.app") == SURFACES and layer("cmlint") == 0


def test_import_from_a_plain_checkout(tmp_path: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    code = "import cmlint, sys; sys.stdout.write(cmlint.__file__)"
    out = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, env=env, capture_output=True, text=True, check=True)
    assert Path(out.stdout).resolve() == PACKAGE / "__init__.py"
