"""The package's layers (docs/ARCHITECTURE.md): each top-level package or module
of ``baseline/`` imports only from layers below its own, never from its own
layer's other members or from above. Every import counts, those inside
functions too (a deferred import is still a dependency, and a cycle that only a
deferred import allows is still a cycle). Pure: reads the source, no server."""
from __future__ import annotations

import ast
from pathlib import Path
from helpers import ROOT

PACKAGE = ROOT / "baseline"

#: Bottom to top. A member may import any member of a lower layer.
LAYERS: list[tuple[str, ...]] = [
    ("errors",),
    ("util",),                  # atomic writes, progress, gc pause
    ("flavor",),                # server differences as data and rules
    ("model",),                 # the schema model, pure dataclasses
    ("snapshot", "sql"),        # the model as JSON; SQL text and grammar
    ("connect", "engine"),      # URLs, passwords, executors; what the server does to a schema
    ("scratch", "chain"),       # throwaway servers; migration chains read, replayed, inverted
    ("render", "sources"),      # model -> files; a SOURCE -> model
    ("compare",),               # model vs model -> differences
    ("report",),                # differences -> text, JSON, JUnit, GitHub
    ("workflows",),             # what each command does, as library functions
    ("cli", "pytest_plugin"),   # the command line; the pytest fixtures
    ("__main__",),
]
RANK = {unit: k for k, layer in enumerate(LAYERS) for unit in layer}


def _module(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _unit(module: str) -> str | None:
    """``baseline.sources.live`` -> ``sources``; ``baseline`` itself -> None."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else None


def _imports(path: Path):
    """(line, imported module) for every import of a ``baseline`` module in ``path``."""
    here = _module(path)
    package = here if path.name == "__init__.py" else here.rpartition(".")[0]
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield node.lineno, alias.name
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[:len(base) - node.level + 1]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            yield node.lineno, target
            for alias in node.names:  # ``from .. import flavor``: the module flavor
                yield node.lineno, f"{target}.{alias.name}"


def _units(package: Path) -> set[str]:
    """The top-level modules and packages of ``package``."""
    units = {p.stem for p in package.glob("*.py") if p.stem != "__init__"}
    return units | {p.name for p in package.iterdir() if (p / "__init__.py").is_file()}


def _edges():
    """(file, line, its unit, imported unit) for every import between two units."""
    units = _units(PACKAGE)
    for path in sorted(PACKAGE.rglob("*.py")):
        source = _unit(_module(path))
        for line, target in _imports(path):
            unit = _unit(target) if target.split(".")[0] == "baseline" else None
            if unit in units and unit != source:  # not a name imported from the root
                yield path.relative_to(PACKAGE.parent).as_posix(), line, source, unit


def test_every_unit_has_one_layer():
    named = [u for layer in LAYERS for u in layer]
    assert len(named) == len(set(named)), "a unit in two layers"
    units = _units(PACKAGE)
    assert units - set(RANK) == set(), "a new package or module: give it a layer in LAYERS"
    assert set(RANK) - units == set(), "LAYERS names what no longer exists"


def test_imports_go_down_the_layers():
    wrong = [f"{file}:{line}: {source} (layer {RANK[source]}) imports {unit} (layer {RANK[unit]})"
             for file, line, source, unit in _edges()
             if source in RANK and unit in RANK and RANK[unit] >= RANK[source]]
    assert not wrong, "imports across the layers of docs/ARCHITECTURE.md:\n" + "\n".join(wrong)


def test_the_check_sees_what_it_checks(tmp_path):
    """Relative, absolute and deferred imports are all read as the module they name."""
    global PACKAGE
    pkg = tmp_path / "baseline"
    (pkg / "model").mkdir(parents=True)
    (pkg / "__init__.py").write_text("")
    (pkg / "model" / "__init__.py").write_text("")
    (pkg / "model" / "x.py").write_text("def f():\n    from ..workflows import verify\n")
    (pkg / "flavor.py").write_text("import baseline.model.x\nfrom .errors import E\nfrom . import __version__\n")
    (pkg / "errors.py").write_text("")
    (pkg / "workflows").mkdir()
    (pkg / "workflows" / "__init__.py").write_text("")
    saved, PACKAGE = PACKAGE, pkg
    try:
        found = {(file, source, unit) for file, _, source, unit in _edges()}
    finally:
        PACKAGE = saved
    assert ("baseline/model/x.py", "model", "workflows") in found
    assert ("baseline/flavor.py", "flavor", "model") in found
    assert ("baseline/flavor.py", "flavor", "errors") in found
    assert len(found) == 3
