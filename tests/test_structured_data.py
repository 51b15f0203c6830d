"""schema.org JSON-LD on the built pages, parsed and checked for what search
engines and news aggregators require."""

from __future__ import annotations

import json
import re

import pytest
from conftest import Site

BASE = "http://localhost:8000"
OFFSET = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}")


def ld(demo: Site, url: str) -> dict | None:
    blocks = demo.page(url).xpath("//head/script[@type='application/ld+json']/text()")
    assert len(blocks) <= 1, url
    return json.loads(blocks[0]) if blocks else None


def assert_party(data: dict, name: str, lang: str) -> None:
    assert data["@type"] == "PoliticalParty"
    assert data["name"] == name
    assert data["url"] == f"{BASE}/{lang}/"
    assert data["logo"] == f"{BASE}/images/logo-1024.png"


def json_ld_blocks(site: Site) -> int:
    """Every page carries at most one JSON-LD block, valid, schema.org; how
    many there are."""
    typed = 0
    for file in site.html_files():
        page = site.page(site.url_of(file))
        blocks = page.xpath("//script[@type='application/ld+json']/text()")
        assert len(blocks) <= 1, file
        for block in blocks:
            assert "</" not in block  # cannot close the script element early
            data = json.loads(block)
            assert data["@context"] == "https://schema.org"
            typed += 1
    return typed


@pytest.mark.site
def test_every_page_carries_valid_json_ld_at_most_once(party_site: Site, settings):
    assert json_ld_blocks(party_site)
    # Each language's home names the party.
    for code in (lang["code"] for lang in settings["LANGUAGES"]):
        data = ld(party_site, f"/{code}/")
        nodes = data.get("@graph", [data])
        names = [n.get("name") for n in nodes if n.get("@type") == "PoliticalParty"]
        assert settings["PARTY"]["name"][code] in names, (code, names)


def test_the_fixture_site_s_pages_carry_json_ld(kit: Site):
    # home, news, releases, events, people
    assert json_ld_blocks(kit) >= 3 * (1 + 8 + 5 + 3 + 4) - 5


def test_release_is_a_news_article_by_the_party(kit: Site):
    data = ld(kit, "/fr/communiques/souss-massa-regional-budget/")
    assert data["@type"] == "NewsArticle"
    assert data["headline"].startswith("Budget 2027 de la région Souss-Massa")
    assert data["inLanguage"] == "fr-MA"
    assert data["datePublished"] == "2026-10-21T17:00:00+00:00"
    assert data["dateModified"] == "2026-10-22T11:30:00+00:00"  # the correction
    assert data["identifier"] == "2026-004"
    assert (
        data["mainEntityOfPage"]
        == data["url"]
        == (f"{BASE}/fr/communiques/souss-massa-regional-budget/")
    )
    assert all(image.startswith(BASE) for image in data["image"])
    assert_party(data["publisher"], "Parti du Cèdre", "fr")
    assert_party(data["author"], "Parti du Cèdre", "fr")


def test_news_carries_its_own_image_and_language(kit: Site):
    for code, segment in (("ar", "akhbar"), ("zgh", "isaln")):
        for file in sorted((kit.root / code / segment).glob("*/index.html")):
            page = kit.page(kit.url_of(file))
            data = ld(kit, kit.url_of(file))
            assert data["@type"] == "NewsArticle"
            assert data["inLanguage"] == page.get("lang")
            assert OFFSET.fullmatch(data["datePublished"])
            assert OFFSET.fullmatch(data["dateModified"])
            assert data["headline"] == page.xpath("//h1")[0].text_content()[:110]
            og = page.xpath("//meta[@property='og:image']/@content")
            if og:
                assert data["image"] == og
    arabic = ld(kit, "/ar/akhbar/water-drought-plan/")
    assert_party(arabic["publisher"], "حزب الأرز", "ar")


def test_event_has_dates_place_or_link_and_organizer(kit: Site):
    place = ld(kit, "/fr/agenda/agadir-public-meeting/")
    assert place["@type"] == "Event"
    assert place["startDate"] == "2027-01-17T16:00:00+00:00"
    assert OFFSET.fullmatch(place["endDate"])
    assert place["location"]["@type"] == "Place"
    assert "Agadir" in place["location"]["name"]
    assert place["eventAttendanceMode"].endswith("OfflineEventAttendanceMode")
    assert_party(place["organizer"], "Parti du Cèdre", "fr")
    online = ld(kit, "/zgh/timsarin/candidates-training-workshop/")
    assert online["location"] == {
        "@type": "VirtualLocation",
        "url": "https://meet.parti-du-cedre.example/atelier-candidats",
    }
    assert online["eventAttendanceMode"].endswith("OnlineEventAttendanceMode")
    assert online["inLanguage"] == "zgh"


def test_person_and_home_pages(kit: Site):
    person = ld(kit, "/fr/direction/amina-el-idrissi/")
    assert person["@type"] == "Person"
    assert person["name"] == "Amina El Idrissi"
    assert person["jobTitle"] == "Secrétaire générale"
    assert person["image"] == f"{BASE}/images/people/amina-el-idrissi.jpg"
    assert_party(person["memberOf"], "Parti du Cèdre", "fr")
    for code, name in (("ar", "حزب الأرز"), ("zgh", "ⴰⴽⴰⴱⴰⵔ ⵏ ⵓⵢⴷⴳⵍ")):
        assert_party(ld(kit, f"/{code}/"), name, code)
    # Pages that are about nothing in particular carry none.
    assert ld(kit, "/fr/feeds/") is None


def party_nodes(data, found: dict) -> None:
    """Every PoliticalParty node in a JSON-LD tree, by @id."""
    if isinstance(data, dict):
        if data.get("@type") == "PoliticalParty":
            found.setdefault(data["@id"], set()).add(
                (data["name"], data["url"], data.get("slogan"))
            )
        for value in data.values():
            party_nodes(value, found)
    elif isinstance(data, list):
        for value in data:
            party_nodes(value, found)


def test_the_party_is_one_node_per_language_each_consistent(kit: Site):
    found: dict = {}
    for file in kit.html_files():
        blocks = kit.page(kit.url_of(file)).xpath(
            "//script[@type='application/ld+json']/text()"
        )
        for block in blocks:
            party_nodes(json.loads(block), found)
    # Merged by a crawler, each @id has one name, one url, one slogan.
    assert {key: len(values) for key, values in found.items()} == {
        f"{BASE}/ar/#party": 1,
        f"{BASE}/fr/#party": 1,
        f"{BASE}/zgh/#party": 1,
    }


def test_event_address_is_a_postal_address_and_it_has_an_image(kit: Site):
    data = ld(kit, "/fr/agenda/agadir-public-meeting/")
    assert data["location"]["address"] == {
        "@type": "PostalAddress",
        "addressLocality": "Agadir",  # the last part of the one-line place
        "addressCountry": "MA",  # PARTY["country"]
    }
    assert data["image"] and all(i.startswith(BASE) for i in data["image"])
    arabic = ld(kit, "/ar/anshita/agadir-public-meeting/")  # Arabic commas
    assert arabic["location"]["address"]["addressLocality"] == "أكادير"


ADDRESSED = """\
---
title: "Rencontre à Lyon"
start: 2027-03-20 18:00
end: 2027-03-20 20:00
summary: "Avec la diaspora."
place: "Maison des associations"
street: "28 rue Denfert-Rochereau"
locality: "Lyon"
postal_code: "69004"
country: "FR"
---

Programme.
"""


def test_event_address_fields_from_front_matter(tmp_path):
    from conftest import build_site, copy_project

    project = copy_project(tmp_path / "project")
    (project / "content/events/lyon.fr.md").write_text(ADDRESSED, "utf-8")
    result = build_site(project / "out", "pelicanconf.py", project)
    assert "unknown field" not in result.stdout + result.stderr
    data = ld(Site(project / "out"), "/fr/agenda/lyon/")
    assert data["location"] == {
        "@type": "Place",
        "name": "Maison des associations",
        "address": {
            "@type": "PostalAddress",
            "streetAddress": "28 rue Denfert-Rochereau",
            "addressLocality": "Lyon",
            "postalCode": "69004",
            "addressCountry": "FR",
        },
    }


def test_articles_list_their_own_image_and_their_card(kit_production: Site):
    base = "https://www.parti-du-cedre.example"
    for url, own in (
        ("/fr/actualites/water-drought-plan/", "water-drought-"),
        ("/fr/communiques/souss-massa-regional-budget/", None),
    ):
        page = kit_production.page(url)
        (block,) = page.xpath("//script[@type='application/ld+json']/text()")
        images = json.loads(block)["image"]
        (card,) = page.xpath("//meta[@property='og:image']/@content")
        assert images[-1] == card, url
        if own:
            assert len(images) == 4
            assert all(i.startswith(f"{base}/images/sized/{own}") for i in images[:3])
        else:
            assert images == [card]


def test_article_images_in_the_shapes_search_engines_ask_for(kit: Site):
    """Google: several high-resolution images (50,000 pixels or more), in
    16:9, 4:3 and 1:1; cut from the photo, without its camera data."""
    from PIL import Image

    data = ld(kit, "/ar/akhbar/water-drought-plan/")
    shapes = []
    for url in data["image"]:
        with Image.open(kit.path(url.removeprefix(BASE))) as image:
            width, height = image.size
            assert width * height >= 50_000, url
            assert not image.getexif(), url
            shapes.append(
                (
                    width / height,
                    width * 9 == height * 16
                    or width * 3 == height * 4
                    or width == height,
                )
            )
    assert [round(ratio, 3) for ratio, _ in shapes] == [1.778, 1.333, 1.0]
    assert all(exact for _, exact in shapes)
