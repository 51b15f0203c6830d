"""Each language is a complete tree with the right language and direction, and
the languages come from configuration alone."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
from conftest import (
    Site,
    build_site,
    copy_project,
    languages,
    listed_sections,
    section_url,
)

EXPECTED = {"ar": ("ar-MA", "rtl"), "fr": ("fr-MA", "ltr"), "zgh": ("zgh", "ltr")}


@pytest.mark.site
def test_every_page_of_a_language_declares_its_lang_and_dir(party_site: Site, settings):
    for code, (tag, direction) in languages(settings).items():
        pages = sorted((party_site.root / code).rglob("*.html"))
        assert pages, f"no page in {code}"
        for file in pages:
            root = party_site.page(party_site.url_of(file))
            assert (root.get("lang"), root.get("dir")) == (tag, direction), file


@pytest.mark.site
def test_each_section_has_a_listing_in_each_language(party_site: Site, settings):
    for code in languages(settings):
        for key, section in listed_sections(settings).items():
            segment = section_url(section, key, code)
            assert party_site.path(f"/{code}/{segment}/").exists(), (code, key)


@pytest.mark.site
def test_root_is_a_language_chooser_in_every_language(party_site: Site, settings):
    root = party_site.page("/")
    links = {a.get("hreflang"): a for a in root.iter("a")}
    table = languages(settings)
    assert set(links) == {tag for tag, _ in table.values()}
    for code, (tag, direction) in table.items():
        link = links[tag]
        assert link.get("href") == f"/{code}/"
        item = link.getparent()
        assert (item.get("lang"), item.get("dir")) == (tag, direction)
    hreflangs = {
        el.get("hreflang"): el.get("href")
        for el in root.iter("link")
        if el.get("rel") == "alternate"
    }
    assert hreflangs["x-default"] == settings["DEV_SITEURL"] + "/"


def test_the_fixture_site_s_languages_trees(kit: Site, fixture_settings):
    assert languages(fixture_settings) == EXPECTED
    for code in EXPECTED:
        assert len(list((kit.root / code).rglob("*.html"))) > 20, code


def test_root_invites_in_each_language(kit: Site):
    links = {a.get("hreflang"): a for a in kit.page("/").iter("a")}
    assert links["fr-MA"].text_content().count("Entrer dans le site") == 1


def test_inline_text_in_another_language_is_marked(kit: Site):
    """The switcher names each language in its own script and direction."""
    page = kit.page("/fr/")
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
        # Texts given per language need English ones: the French, here.
        "def english(value):\n"
        "    if isinstance(value, dict):\n"
        "        if 'fr' in value and all(isinstance(v, str) for v in value.values()):"
        "\n"
        "            return {'ar': value['ar'], 'en': value['fr']}\n"
        "        return {key: english(item) for key, item in value.items()}\n"
        "    if isinstance(value, list):\n"
        "        return [english(item) for item in value]\n"
        "    return value\n"
        "PRESS = english(PRESS)\n"
        "PARTY = english({**PARTY, 'name': {'ar': 'حزب الأرز', 'fr': 'Cedar Party'}})\n"
        "FORMER_URL_SEGMENTS = {}\n",
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
