"""The plugins are one core and features around it: a feature plugin uses the
core's public API (the names `multilingual.__all__` lists, imported from the
package itself), never another feature plugin, never a name that starts with
"_" from the core or from Pelican. Read from the source, so a new import that
breaks the rule fails here, whatever the build does."""

from __future__ import annotations

import ast
import sys
from pathlib import Path

import pytest
from conftest import ROOT

PLUGINS = ROOT / "plugins"
CORE = "multilingual"
FEATURES = sorted(
    p.name for p in PLUGINS.iterdir() if (p / "__init__.py").exists() and p.name != CORE
)


def public_api() -> set[str]:
    sys.path.insert(0, str(PLUGINS))
    import multilingual

    return set(multilingual.__all__)


def imports(path: Path) -> list[tuple[int, str, list[str]]]:
    """(line, module, names) of every absolute import in a file."""
    found = []
    for node in ast.walk(ast.parse(path.read_text("utf-8"), str(path))):
        if isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            found.append((node.lineno, node.module, [a.name for a in node.names]))
        elif isinstance(node, ast.Import):
            found += [(node.lineno, alias.name, []) for alias in node.names]
    return found


def crossings(feature: str, api: set[str]) -> list[str]:
    """What a feature plugin's code imports that it may not."""
    wrong = []
    for path in sorted((PLUGINS / feature).rglob("*.py")):
        where = path.relative_to(ROOT)
        for line, module, names in imports(path):
            top = module.split(".")[0]
            if top in FEATURES and top != feature:
                wrong.append(f"{where}:{line}: imports the plugin {top}")
            elif top == CORE and module != CORE:
                wrong.append(f"{where}:{line}: imports {module}, inside the core")
            elif top == CORE:
                wrong += [
                    f"{where}:{line}: {name} is not in the core's __all__"
                    for name in names
                    if name not in api
                ]
            elif top == "pelican" and any(
                part.startswith("_") for part in module.split(".") + names
            ):
                wrong.append(f"{where}:{line}: a private name of Pelican: {module}")
    return wrong


@pytest.mark.parametrize("feature", FEATURES)
def test_a_feature_plugin_uses_only_the_cores_public_api(feature):
    assert crossings(feature, public_api()) == []


def test_every_name_of_the_api_exists_and_is_public():
    sys.path.insert(0, str(PLUGINS))
    import multilingual

    for name in multilingual.__all__:
        assert not name.startswith("_") and hasattr(multilingual, name), name


def test_the_check_sees_a_crossing(tmp_path, monkeypatch):
    """Planted: a feature that reaches into the core and into a sibling."""
    fake = tmp_path / "plugins"
    (fake / "leaky").mkdir(parents=True)
    (fake / "leaky/__init__.py").write_text(
        "from multilingual.frontmatter import field_lines\n"
        "from multilingual import _private\n"
        "from party_feeds.feeds import x\n"
        "from pelican.writers import _helper\n",
        "utf-8",
    )
    monkeypatch.setattr(sys.modules[__name__], "PLUGINS", fake)
    monkeypatch.setattr(sys.modules[__name__], "ROOT", tmp_path)
    found = crossings("leaky", public_api())
    assert [line.split(": ", 1)[1] for line in found] == [
        "imports multilingual.frontmatter, inside the core",
        "_private is not in the core's __all__",
        "imports the plugin party_feeds",
        "a private name of Pelican: pelican.writers",
    ]


def test_no_plugin_keeps_a_run_in_module_globals():
    """What a build knows lives in its BuildState, not in a module: a
    `global` statement rebinding a module name between runs (livereload runs
    many in one process; workers fork from it) is not allowed."""
    found = []
    for path in sorted(PLUGINS.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if isinstance(node, ast.Global):
                found.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert found == []
