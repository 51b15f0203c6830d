"""Addresses the plugins write themselves in every language (the feeds page,
the editors' translation page) cannot be taken by a content file: the editor
is told which page has it, and the plugin's page is written."""

from __future__ import annotations

from conftest import fixture_site, run_pelican


def test_a_page_on_a_generated_address_is_told_and_left_out(tmp_path):
    project = fixture_site(tmp_path / "project")
    pages = project / "content/pages"
    pages.mkdir(exist_ok=True)
    for name in ("feeds", "editors"):
        (pages / f"{name}.fr.md").write_text(
            f'---\ntitle: "{name}"\norder: 9\n---\n\nUne page.\n', "utf-8"
        )
    result = run_pelican(project, project / "output")
    told = " ".join((result.stdout + result.stderr).split())
    assert "content/pages/feeds.fr.md" in told and "feeds page" in told, told
    assert "content/pages/editors.fr.md" in told, told
    assert "translation status page" in told, told
    feeds_page = (project / "output/fr/feeds/index.html").read_text("utf-8")
    assert "Une page." not in feeds_page
