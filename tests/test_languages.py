"""Each language is a complete tree with the right language and direction, and
the languages come from configuration alone."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
from conftest import Site, build_site, copy_project

EXPECTED = {"ar": ("ar-MA", "rtl"), "fr": ("fr-MA", "ltr"), "zgh": ("zgh", "ltr")}


@pytest.mark.parametrize("code", EXPECTED)
def test_every_page_of_a_language_declares_its_lang_and_dir(demo: Site, code: str):
    tag, direction = EXPECTED[code]
    pages = sorted((demo.root / code).rglob("*.html"))
    assert len(pages) > 20, f"the {code} tree is missing pages"
    for file in pages:
        root = demo.page(demo.url_of(file))
        assert (root.get("lang"), root.get("dir")) == (tag, direction), file


def test_each_section_has_a_listing_in_each_language(demo: Site, settings):
    for code in EXPECTED:
        for key, section in settings["SECTIONS"].items():
            if key == "pages":
                continue
            segment = section["url"][code]
            assert demo.path(f"/{code}/{segment}/").exists(), (code, key)


def test_root_is_a_language_chooser_in_every_language(demo: Site):
    root = demo.page("/")
    links = {a.get("hreflang"): a for a in root.iter("a")}
    assert set(links) == {"ar-MA", "fr-MA", "zgh"}
    for code, (tag, direction) in EXPECTED.items():
        link = links[tag]
        assert link.get("href") == f"/{code}/"
        item = link.getparent()
        assert (item.get("lang"), item.get("dir")) == (tag, direction)
    assert links["fr-MA"].text_content().count("Entrer dans le site") == 1
    hreflangs = {
        el.get("hreflang"): el.get("href")
        for el in root.iter("link")
        if el.get("rel") == "alternate"
    }
    assert hreflangs["x-default"] == "http://localhost:8000/"


def test_inline_text_in_another_language_is_marked(demo: Site):
    """The switcher names each language in its own script and direction."""
    page = demo.page("/fr/")
    arabic = [a for a in page.iter("a") if a.get("hreflang") == "ar-MA"][0]
    assert arabic.get("lang") == "ar-MA" and arabic.get("dir") == "rtl"
    assert arabic.text_content().strip() == "العربية"


ENGLISH_NEWS = textwrap.dedent(
    """\
    ---
    title: "The Cedar Party opens its first office in Oujda"
    date: 2026-04-02 09:00
    summary: "A new office for the Oriental branch."
    ---

    The office opens on Thursday in the city centre.
    """
)


def test_another_party_runs_arabic_and_english_by_configuration_alone(tmp_path: Path):
    project = copy_project(tmp_path / "project")
    # The other party's content: keep the Arabic files, write English ones.
    for file in (project / "content").rglob("*.md"):
        if not file.name.endswith(".ar.md"):
            file.unlink()
    (project / "content/news/oujda-office.en.md").write_text(ENGLISH_NEWS, "utf-8")
    (project / "content/news/oujda-office.ar.md").write_text(
        ENGLISH_NEWS.replace(
            "The Cedar Party opens its first office in Oujda", "افتتاح مكتب في وجدة"
        ),
        "utf-8",
    )
    (project / "other.py").write_text(
        "from pelicanconf import *\n"
        "LANGUAGES = [\n"
        "    {'code': 'ar', 'tag': 'ar-MA', 'locale': 'ar_MA'},\n"
        "    {'code': 'en', 'tag': 'en-GB', 'locale': 'en_GB'},\n"
        "]\n"
        "DEFAULT_LANG = 'ar'\n"
        "PARTY = {**PARTY, 'name': {'ar': 'حزب الأرز', 'en': 'Cedar Party'}}\n",
        "utf-8",
    )
    build_site(tmp_path / "out", settings="other.py", cwd=project)
    site = Site(tmp_path / "out")
    english = site.page("/en/news/oujda-office/")
    assert (english.get("lang"), english.get("dir")) == ("en-GB", "ltr")
    # No catalog for English: the interface falls back to its English msgids.
    assert (
        english.xpath("//nav[contains(@class, 'menu')]//a")[0].text_content() == "News"
    )
    arabic = site.page("/ar/akhbar/oujda-office/")
    assert (arabic.get("lang"), arabic.get("dir")) == ("ar-MA", "rtl")
    switch = [a for a in arabic.iter("a") if a.get("hreflang") == "en-GB"]
    assert switch[0].get("href") == "/en/news/oujda-office/"
    assert not (tmp_path / "out/fr").exists()
    assert not (tmp_path / "out/zgh").exists()
    assert (tmp_path / "out/en/feed.atom").exists()
