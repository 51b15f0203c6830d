"""The language switcher and hreflang: same content in the other language,
reciprocal, and an honest answer when a translation does not exist."""

from __future__ import annotations

from collections import defaultdict

import pytest
from conftest import KIT_CONTENT, Site

BASE = "http://localhost:8000"


def hreflangs(page) -> dict[str, str]:
    return {
        el.get("hreflang"): el.get("href")
        for el in page.iter("link")
        if el.get("rel") == "alternate" and el.get("hreflang")
    }


def translation_groups() -> dict[tuple[str, str], set[str]]:
    groups: dict[tuple[str, str], set[str]] = defaultdict(set)
    for file in KIT_CONTENT.glob("*/*.md"):
        key, lang = file.name.removesuffix(".md").rsplit(".", 1)
        groups[file.parent.name, key].add(lang)
    return groups


def reciprocal_alternates(site: Site, base: str) -> int:
    """Every page's hreflang targets exist and list the same set back; how
    many pages were checked."""
    checked = 0
    for file in site.html_files():
        url = site.url_of(file)
        if url in ("/", "/404.html"):  # the root pages speak every language
            continue
        page = site.page(url)
        alternates = hreflangs(page)
        canonical = page.xpath("//link[@rel='canonical']/@href")[0]
        assert canonical == base + url.split("page/")[0] or "page/" in url, url
        for tag, href in alternates.items():
            assert href.startswith(base + "/"), (url, href)
            target = site.path(href.removeprefix(base))
            assert target.exists(), f"{url}: hreflang {tag} -> {href} is missing"
            if tag == "x-default":
                continue
            # The other page lists the same set: reciprocal.
            back = hreflangs(site.page(href.removeprefix(base)))
            assert back == alternates, (url, href)
        checked += 1
    return checked


@pytest.mark.site
def test_hreflang_targets_exist_and_are_reciprocal(party_site: Site, settings):
    tags = {entry.get("tag", entry["code"]) for entry in settings["LANGUAGES"]}
    assert reciprocal_alternates(party_site, settings["DEV_SITEURL"])
    for file in party_site.html_files():
        alternates = set(hreflangs(party_site.page(party_site.url_of(file))))
        assert alternates <= tags | {"x-default"}, (file, alternates)


def test_the_fixture_site_s_alternates(kit: Site):
    assert reciprocal_alternates(kit, BASE) > 100


def test_switcher_lands_on_the_same_content(kit: Site):
    page = kit.page("/fr/actualites/trilingual-website-launch/")
    links = {
        a.get("hreflang"): a.get("href") for a in page.xpath("//nav[@class='langs']//a")
    }
    assert links == {
        "ar-MA": "/ar/akhbar/trilingual-website-launch/",
        "zgh": "/zgh/isaln/trilingual-website-launch/",
    }
    for href in links.values():
        other = kit.page(href)
        back = other.xpath("//nav[@class='langs']//a[@hreflang='fr-MA']/@href")
        assert back == ["/fr/actualites/trilingual-website-launch/"]


def test_untranslated_content_is_published_where_it_exists_and_says_so(
    kit: Site, fixture_settings
):
    partial = [
        (section, key, langs)
        for (section, key), langs in translation_groups().items()
        # Sections with a listing to point at (a plain page points home).
        if langs == {"ar", "fr"} and section != "pages"
    ]
    assert len(partial) >= 2, "the demo shows the untranslated path twice"
    for section, key, _langs in partial:
        segments = fixture_settings["SECTIONS"][section]["url"]
        for code in ("ar", "fr"):
            assert kit.path(f"/{code}/{segments[code]}/{key}/").exists()
        assert not kit.path(f"/zgh/{segments['zgh']}/{key}/").exists()
        page = kit.page(f"/fr/{segments['fr']}/{key}/")
        missing = page.xpath("//nav[@class='langs']//li[@lang='zgh']")[0]
        # In the visitor's language (Tamazight), pointing at the section.
        assert missing.get("dir") == "ltr"
        link = missing.xpath(".//a")[0]
        assert link.get("href") == f"/zgh/{segments['zgh']}/"
        assert "ⵓⵔ ⵜⵍⵍⵉ" in link.text_content()
        # No hreflang to a page that does not exist.
        assert "zgh" not in hreflangs(page)
        # The Tamazight listing does not show it.
        listing = kit.path(f"/zgh/{segments['zgh']}/").read_text("utf-8")
        assert f"/{key}/" not in listing


def test_listings_show_only_their_language(kit: Site, fixture_settings):
    news = fixture_settings["SECTIONS"]["news"]["url"]
    for code in ("ar", "fr", "zgh"):
        page = kit.page(f"/{code}/{news[code]}/")
        hrefs = page.xpath("//main//h2/a/@href")
        assert hrefs, code
        assert all(href.startswith(f"/{code}/{news[code]}/") for href in hrefs)


def test_sitemap_lists_pages_with_their_alternates(kit: Site):
    from lxml import etree

    tree = etree.parse(str(kit.root / "sitemap.xml"))
    ns = {
        "s": "http://www.sitemaps.org/schemas/sitemap/0.9",
        "x": "http://www.w3.org/1999/xhtml",
    }
    urls = tree.xpath("//s:url", namespaces=ns)
    locs = {u.findtext("s:loc", namespaces=ns) for u in urls}
    assert f"{BASE}/fr/actualites/trilingual-website-launch/" in locs
    for url in urls:
        loc = url.findtext("s:loc", namespaces=ns)
        assert kit.path(loc.removeprefix(BASE)).exists(), loc
        links = url.xpath("x:link", namespaces=ns)
        assert any(link.get("href") == loc for link in links) or not links, loc
    robots = (kit.root / "robots.txt").read_text()
    assert f"Sitemap: {BASE}/sitemap.xml" in robots
