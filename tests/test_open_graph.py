"""Open Graph as social networks read it: locales they know (from
configuration), a complete preview for the root page, no article without its
publication time."""

from __future__ import annotations

import re

import pytest
from conftest import Site

from multilingual.languages import parse_languages

BASE = "http://localhost:8000"


def og(page, name: str) -> list[str]:
    return page.xpath(f"//head/meta[@property='{name}']/@content")


@pytest.mark.site
def test_og_locales_are_the_configured_ones_in_facebook_s_form(party_site, settings):
    codes = [lang["code"] for lang in settings["LANGUAGES"]]
    homes = {code: party_site.page(f"/{code}/") for code in codes}
    locales = {code: og(page, "og:locale") for code, page in homes.items()}
    for entry in settings["LANGUAGES"]:
        if "og_locale" in entry:
            assert locales[entry["code"]] == [entry["og_locale"]]
    for code, page in homes.items():
        assert len(locales[code]) == 1, code
        assert sorted(og(page, "og:locale:alternate")) == sorted(
            locales[other][0] for other in codes if other != code
        )
    for file in party_site.html_files():
        page = party_site.page(party_site.url_of(file))
        for value in og(page, "og:locale") + og(page, "og:locale:alternate"):
            assert re.fullmatch(r"[a-z]{2,3}_[A-Z]{2}", value), (file, value)


def test_og_locale_is_the_configured_facebook_locale(kit: Site):
    expected = {"ar": "ar_AR", "fr": "fr_FR", "zgh": "tz_MA"}  # its settings
    for code, locale in expected.items():
        page = kit.page(f"/{code}/")
        assert og(page, "og:locale") == [locale]
        assert sorted(og(page, "og:locale:alternate")) == sorted(
            v for k, v in expected.items() if k != code
        )


def test_og_locale_defaults_to_language_and_territory():
    english, tamazight, arabic = parse_languages(
        [{"code": "en"}, {"code": "zgh"}, {"code": "ar", "locale": "ar_MA"}]
    )
    assert english.og_locale == "en_US"
    assert tamazight.og_locale == "zgh_MA"
    assert arabic.og_locale == "ar_MA"
    (given,) = parse_languages([{"code": "ar", "og_locale": "ar_AR"}])
    assert given.og_locale == "ar_AR"


@pytest.mark.site
def test_root_page_has_a_complete_preview(party_site: Site, settings):
    page = party_site.page("/")
    first = settings["LANGUAGES"][0]["code"]
    assert og(page, "og:url") == [f"{settings['DEV_SITEURL']}/"]
    assert og(page, "og:type") == ["website"]
    assert og(page, "og:locale") == og(party_site.page(f"/{first}/"), "og:locale")
    (title,) = og(page, "og:title")
    assert settings["PARTY"]["name"][first] in title
    (description,) = og(page, "og:description")
    (meta,) = page.xpath("//head/meta[@name='description']/@content")
    assert description == meta and len(description) > 20
    assert og(page, "og:site_name")


def test_the_fixture_site_s_root_preview(kit: Site):
    page = kit.page("/")
    assert og(page, "og:locale") == ["ar_AR"]
    assert sorted(og(page, "og:locale:alternate")) == ["fr_FR", "tz_MA"]
    (title,) = og(page, "og:title")
    assert "حزب الأرز" in title and "Parti du Cèdre" in title


def article_pages(site: Site) -> int:
    seen = 0
    for file in site.html_files():
        page = site.page(site.url_of(file))
        if og(page, "og:type") == ["article"]:
            seen += 1
            assert og(page, "article:published_time"), file
    return seen


@pytest.mark.site
def test_article_type_always_has_its_publication_time(party_site: Site):
    article_pages(party_site)


def test_the_fixture_site_s_articles_and_events(kit: Site):
    assert article_pages(kit) > 10
    event = kit.page("/fr/agenda/candidates-training-workshop/")
    assert og(event, "og:type") == ["website"]
