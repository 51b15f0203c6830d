"""Open Graph as social networks read it: locales they know (from
configuration), a complete preview for the root page, no article without its
publication time."""

from __future__ import annotations

import re

from conftest import Site

from multilingual.languages import parse_languages

BASE = "http://localhost:8000"


def og(page, name: str) -> list[str]:
    return page.xpath(f"//head/meta[@property='{name}']/@content")


def test_og_locale_is_the_configured_facebook_locale(demo: Site):
    expected = {"ar": "ar_AR", "fr": "fr_FR", "zgh": "tz_MA"}  # pelicanconf.py
    for code, locale in expected.items():
        page = demo.page(f"/{code}/")
        assert og(page, "og:locale") == [locale]
        assert sorted(og(page, "og:locale:alternate")) == sorted(
            v for k, v in expected.items() if k != code
        )
    for file in demo.html_files():
        page = demo.page(demo.url_of(file))
        for value in og(page, "og:locale") + og(page, "og:locale:alternate"):
            assert re.fullmatch(r"[a-z]{2,3}_[A-Z]{2}", value), (file, value)


def test_og_locale_defaults_to_language_and_territory():
    english, tamazight, arabic = parse_languages(
        [{"code": "en"}, {"code": "zgh"}, {"code": "ar", "locale": "ar_MA"}]
    )
    assert english.og_locale == "en_US"
    assert tamazight.og_locale == "zgh_MA"
    assert arabic.og_locale == "ar_MA"
    (given,) = parse_languages([{"code": "ar", "og_locale": "ar_AR"}])
    assert given.og_locale == "ar_AR"


def test_root_page_has_a_complete_preview(demo: Site):
    page = demo.page("/")
    assert og(page, "og:url") == [f"{BASE}/"]
    assert og(page, "og:type") == ["website"]
    assert og(page, "og:locale") == ["ar_AR"]
    assert sorted(og(page, "og:locale:alternate")) == ["fr_FR", "tz_MA"]
    (title,) = og(page, "og:title")
    assert "حزب الأرز" in title and "Parti du Cèdre" in title
    (description,) = og(page, "og:description")
    (meta,) = page.xpath("//head/meta[@name='description']/@content")
    assert description == meta and len(description) > 20
    assert og(page, "og:site_name")


def test_article_type_always_has_its_publication_time(demo: Site):
    seen = 0
    for file in demo.html_files():
        page = demo.page(demo.url_of(file))
        if og(page, "og:type") == ["article"]:
            seen += 1
            assert og(page, "article:published_time"), file
    assert seen > 10
    event = demo.page("/fr/agenda/candidates-training-workshop/")
    assert og(event, "og:type") == ["website"]
