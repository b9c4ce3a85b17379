"""The house rules of docs/architecture.md, checked on the source: no private name crosses a
module of the analysis package, no import circle, lexicons loaded only by the factories."""

from __future__ import annotations

import ast
import re
from collections import defaultdict
from pathlib import Path

ANALYSIS = Path(__file__).resolve().parents[1] / "src" / "chronicle" / "analysis"


def modules() -> dict[str, ast.Module]:
    found = {}
    for path in ANALYSIS.rglob("*.py"):
        parts = list(path.relative_to(ANALYSIS).with_suffix("").parts)
        name = ".".join(["analysis", *parts[:-1]] + ([] if parts[-1] == "__init__" else [parts[-1]]))
        found[name] = (path, ast.parse(path.read_text(encoding="utf-8")))
    return found


def relative_imports():
    for name, (path, tree) in modules().items():
        package = name if path.name == "__init__.py" else name.rsplit(".", 1)[0]
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.level:
                base = package.split(".")[: len(package.split(".")) - (node.level - 1)]
                yield name, ".".join(base + ([node.module] if node.module else [])), node


def test_no_private_name_is_imported_from_another_module():
    private = [f"{name}: {target} {alias.name}" for name, target, node in relative_imports()
               for alias in node.names if alias.name.startswith("_")]
    assert private == []


def test_the_analysis_package_has_no_import_circle():
    graph = defaultdict(set)
    for name, target, _ in relative_imports():
        if target.startswith("analysis") and target != name:
            graph[name].add(target)
    circles, done = [], set()

    def visit(node, path):
        if node in path:
            circles.append(path[path.index(node):] + [node])
            return
        if node in done:
            return
        for nxt in graph.get(node, ()):
            visit(nxt, path + [node])
        done.add(node)

    for node in list(graph):
        visit(node, [])
    assert circles == []


def test_lexicons_and_dictionaries_are_loaded_only_by_the_component_factories():
    loaders = re.compile(r"\b(load_lexicon|load_cues|load_dictionaries|load_verb_patterns)\(")
    callers = set()
    for name, (path, tree) in modules().items():
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and loaders.match(node.func.id + "("):
                callers.add(name)
    assert callers <= {"analysis.components"}
