"""The language switcher and hreflang: same content in the other language,
reciprocal, and an honest answer when a translation does not exist."""

from __future__ import annotations

from collections import defaultdict

from conftest import ROOT, Site

BASE = "http://localhost:8000"


def hreflangs(page) -> dict[str, str]:
    return {
        el.get("hreflang"): el.get("href")
        for el in page.iter("link")
        if el.get("rel") == "alternate" and el.get("hreflang")
    }


def translation_groups() -> dict[tuple[str, str], set[str]]:
    groups: dict[tuple[str, str], set[str]] = defaultdict(set)
    for file in (ROOT / "content").glob("*/*.md"):
        key, lang = file.name.removesuffix(".md").rsplit(".", 1)
        groups[file.parent.name, key].add(lang)
    return groups


def test_hreflang_targets_exist_and_are_reciprocal(demo: Site):
    checked = 0
    for file in demo.html_files():
        url = demo.url_of(file)
        if url in ("/", "/404.html"):  # the root pages speak every language
            continue
        page = demo.page(url)
        alternates = hreflangs(page)
        canonical = page.xpath("//link[@rel='canonical']/@href")[0]
        assert canonical == BASE + url.split("page/")[0] or "page/" in url, url
        for tag, href in alternates.items():
            assert href.startswith(BASE + "/"), (url, href)
            target = demo.path(href.removeprefix(BASE))
            assert target.exists(), f"{url}: hreflang {tag} -> {href} is missing"
            if tag == "x-default":
                continue
            # The other page lists the same set: reciprocal.
            back = hreflangs(demo.page(href.removeprefix(BASE)))
            assert back == alternates, (url, href)
        checked += 1
    assert checked > 100


def test_switcher_lands_on_the_same_content(demo: Site):
    page = demo.page("/fr/actualites/trilingual-website-launch/")
    links = {
        a.get("hreflang"): a.get("href") for a in page.xpath("//nav[@class='langs']//a")
    }
    assert links == {
        "ar-MA": "/ar/akhbar/trilingual-website-launch/",
        "zgh": "/zgh/isaln/trilingual-website-launch/",
    }
    for href in links.values():
        other = demo.page(href)
        back = other.xpath("//nav[@class='langs']//a[@hreflang='fr-MA']/@href")
        assert back == ["/fr/actualites/trilingual-website-launch/"]


def test_untranslated_content_is_published_where_it_exists_and_says_so(
    demo: Site, settings
):
    partial = [
        (section, key, langs)
        for (section, key), langs in translation_groups().items()
        # Sections with a listing to point at (a plain page points home).
        if langs == {"ar", "fr"} and section != "pages"
    ]
    assert len(partial) >= 2, "the demo shows the untranslated path twice"
    for section, key, _langs in partial:
        segments = settings["SECTIONS"][section]["url"]
        for code in ("ar", "fr"):
            assert demo.path(f"/{code}/{segments[code]}/{key}/").exists()
        assert not demo.path(f"/zgh/{segments['zgh']}/{key}/").exists()
        page = demo.page(f"/fr/{segments['fr']}/{key}/")
        missing = page.xpath("//nav[@class='langs']//li[@lang='zgh']")[0]
        # In the visitor's language (Tamazight), pointing at the section.
        assert missing.get("dir") == "ltr"
        link = missing.xpath(".//a")[0]
        assert link.get("href") == f"/zgh/{segments['zgh']}/"
        assert "ⵓⵔ ⵜⵍⵍⵉ" in link.text_content()
        # No hreflang to a page that does not exist.
        assert "zgh" not in hreflangs(page)
        # The Tamazight listing does not show it.
        listing = demo.path(f"/zgh/{segments['zgh']}/").read_text("utf-8")
        assert f"/{key}/" not in listing


def test_listings_show_only_their_language(demo: Site, settings):
    news = settings["SECTIONS"]["news"]["url"]
    for code in ("ar", "fr", "zgh"):
        page = demo.page(f"/{code}/{news[code]}/")
        hrefs = page.xpath("//main//h2/a/@href")
        assert hrefs, code
        assert all(href.startswith(f"/{code}/{news[code]}/") for href in hrefs)


def test_sitemap_lists_pages_with_their_alternates(demo: Site):
    from lxml import etree

    tree = etree.parse(str(demo.root / "sitemap.xml"))
    ns = {
        "s": "http://www.sitemaps.org/schemas/sitemap/0.9",
        "x": "http://www.w3.org/1999/xhtml",
    }
    urls = tree.xpath("//s:url", namespaces=ns)
    locs = {u.findtext("s:loc", namespaces=ns) for u in urls}
    assert f"{BASE}/fr/actualites/trilingual-website-launch/" in locs
    for url in urls:
        loc = url.findtext("s:loc", namespaces=ns)
        assert demo.path(loc.removeprefix(BASE)).exists(), loc
        links = url.xpath("x:link", namespaces=ns)
        assert any(link.get("href") == loc for link in links) or not links, loc
    robots = (demo.root / "robots.txt").read_text()
    assert f"Sitemap: {BASE}/sitemap.xml" in robots
