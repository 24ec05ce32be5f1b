"""The code's shape: imports run one way through the layers, and no private attribute of
another package is touched (what an upgrade of that package may break without notice)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PREP = Path(__file__).resolve().parents[1] / "prep"

#: Lowest first. A module may import its own layer and the layers below it.
LAYERS = {"config": 0, "languages": 0, "questionnaire": 1, "keeping": 2, "outputs": 3,
          "web": 4, "cli": 5, "__init__": 5}
MODULES = sorted(PREP.rglob("*.py"))


def _layer(module: str) -> int:
    """``prep.keeping.store`` → the keeping layer."""
    parts = module.split(".")
    return LAYERS[parts[1] if len(parts) > 1 else "__init__"]


def _name(path: Path) -> str:
    parts = path.relative_to(PREP.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" and len(parts) > 1 else parts)


def _imports(path: Path) -> list[str]:
    """The ``prep`` modules that ``path`` imports, as absolute names."""
    name, tree = _name(path), ast.parse(path.read_text())
    package = name if path.name == "__init__.py" else name.rsplit(".", 1)[0]
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - node.level + 1]
                module = ".".join(base + ([node.module] if node.module else []))
            else:
                module = node.module or ""
            if module.startswith("prep"):
                found += [module] if node.module else [f"{module}.{a.name}" for a in node.names]
        elif isinstance(node, ast.Import):
            found += [a.name for a in node.names if a.name.startswith("prep")]
    return found


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(PREP)))
def test_imports_run_one_way(path):
    name = _name(path)
    if name == "prep":
        return  # create_app wires every layer together
    own = _layer(name)
    upward = [module for module in _imports(path) if module != "prep" and _layer(module) > own]
    assert not upward, f"{name} imports from a layer above it: {upward}"


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(PREP)))
def test_no_private_attribute_of_another_package(path):
    tree = ast.parse(path.read_text())
    foreign = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and not node.level and \
                not (node.module or "").startswith("prep"):
            for alias in node.names:
                assert not alias.name.startswith("_"), f"imports {node.module}.{alias.name}"
                foreign.add(alias.asname or alias.name)
        elif isinstance(node, ast.Import):
            foreign.update((a.asname or a.name).split(".")[0] for a in node.names
                           if not a.name.startswith("prep"))
    foreign |= {"g", "request", "session", "current_app"}  # Flask's proxies belong to Flask
    touched = [f"{node.value.id}.{node.attr}" for node in ast.walk(tree)
               if isinstance(node, ast.Attribute) and node.attr.startswith("_")
               and not node.attr.startswith("__") and isinstance(node.value, ast.Name)
               and node.value.id in foreign]
    assert not touched, touched
