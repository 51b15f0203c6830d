"""Every feature plugin is optional: a party that leaves one out of PLUGINS
gets a site without that feature, not a broken build. (Removing party_feeds
used to stop every page: the theme needed its feed list, structured data its
logo helper, and articles the press room's filters.)"""

from __future__ import annotations

import runpy

import pytest
from conftest import KIT_PLUMBING, build_log, fixture_site, run_pelican
from lxml import html as lxml_html

CORE = "multilingual"  # languages, sections, the reader: the kit itself
FEATURES = [
    name for name in runpy.run_path(str(KIT_PLUMBING))["PLUGINS"] if name != CORE
]


@pytest.mark.parametrize("left_out", FEATURES)
def test_a_site_builds_without_each_feature_plugin(tmp_path, left_out):
    project = fixture_site(tmp_path / "project")
    with open(project / "pelicanconf.py", "a", encoding="utf-8") as conf:
        conf.write(f"\nPLUGINS = [p for p in PLUGINS if p != {left_out!r}]\n")
    log = build_log(project / "output", "pelicanconf.py", project)
    assert "CRITICAL" not in log and "ERROR" not in log, log[-2000:]
    page = lxml_html.fromstring(
        (project / "output/fr/actualites/wells/index.html").read_bytes()
    )
    assert "puits" in page.text_content()
    has_feeds = bool(page.xpath("//link[@type='application/atom+xml']"))
    assert has_feeds == (left_out != "party_feeds")
    has_json_ld = bool(page.xpath("//script[@type='application/ld+json']"))
    assert has_json_ld == (left_out != "structured_data")


@pytest.mark.parametrize(
    ("plugins", "message"),
    [
        (
            '[p for p in PLUGINS if p != "multilingual"]',
            'pelicanconf.py: the plugin party_feeds needs multilingual; add "multi'
            'lingual" to PLUGINS, before "party_feeds"',
        ),
        (
            '["asset_pipeline"] + [p for p in PLUGINS if p != "asset_pipeline"]',
            'pelicanconf.py: in PLUGINS, put "multilingual" before "asset_pipeline" '
            "(asset_pipeline works on what multilingual made)",
        ),
        (
            'PLUGINS[:1] + ["asset_pipeline"] + [p for p in PLUGINS[1:] '
            'if p != "asset_pipeline"]',
            'pelicanconf.py: in PLUGINS, put "web_editor" before "asset_pipeline" '
            "(asset_pipeline works on what web_editor made)",
        ),
    ],
)
def test_plugins_in_a_wrong_order_stop_at_once_with_the_fix(tmp_path, plugins, message):
    project = fixture_site(tmp_path / "project")
    with open(project / "pelicanconf.py", "a", encoding="utf-8") as conf:
        conf.write(f"\nPLUGINS = {plugins}\n")
    result = run_pelican(project, project / "output")
    assert result.returncode != 0
    assert (result.stdout + result.stderr).strip().splitlines()[-1] == message
    assert "Traceback" not in result.stderr
    assert not (project / "output").exists()
