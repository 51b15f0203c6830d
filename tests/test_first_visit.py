"""What a first visit to a home page downloads, and the Arabic fonts split so
that no page pays for letters it does not show."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from conftest import ROOT, Site, build_site, fixture_site

pytestmark = pytest.mark.browser
sys.path.insert(0, str(ROOT))

from bench.budget import BUDGET_KB, measure  # noqa: E402


def _names(row: dict) -> set[str]:
    """Fetched fonts, without their fingerprints."""
    return {
        ".".join(part for part in file.name.split(".") if len(part) != 8)
        for file in row["files"]
        if file.suffix == ".woff2"
    }


@pytest.mark.site
def test_every_home_page_fits_the_article_budget(
    party_production: Site, production_settings, browser
):
    """The home page is the first visit of most visitors: within the same
    30 KB as an article (photos apart), in every language, no JavaScript."""
    homes = [f"/{lang['code']}/" for lang in production_settings["LANGUAGES"]]
    for row in measure(party_production.root, homes, browser):
        assert row["js"] == 0
        assert row["total"] <= BUDGET_KB * 1024, (
            f"{row['page']}: {row['total'] / 1024:.2f} KB: "
            + ", ".join(f"{p.name}" for p in row["files"])
        )


def test_rare_arabic_letters_are_fetched_only_by_the_page_that_has_one(
    tmp_path: Path, browser
):
    project = fixture_site(tmp_path / "project")
    page = project / "content/news/wells.ar.md"
    # A Moroccan name written with ڭ (ng) and a bold one with گ (g).
    page.write_text(
        page.read_text("utf-8") + "\n\nزار الوفد جماعة تيڭيت و**ڭلميم**.\n", "utf-8"
    )
    output = tmp_path / "output"
    build_site(output, "pelicanconf.py", project)
    with_letter, without = measure(output, ["/ar/akhbar/wells/", "/ar/"], browser)
    assert {
        "noto-naskh-arabic-extra-400.woff2",
        "noto-kufi-arabic-extra-700.woff2",
    } <= _names(with_letter)
    assert not any("extra" in name for name in _names(without)), _names(without)
    assert "noto-naskh-arabic-400.woff2" in _names(without)
