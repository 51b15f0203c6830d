"""sitemap.xml as search engines read it: valid against the sitemaps.org
protocol's schema, every indexable page listed with the alternates its <head>
declares (x-default too), no page marked noindex; no empty news sitemap."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import Site
from lxml import etree

BASE = "http://localhost:8000"
NS = {
    "s": "http://www.sitemaps.org/schemas/sitemap/0.9",
    "x": "http://www.w3.org/1999/xhtml",
}
SCHEMA = Path(__file__).parent / "schemas" / "sitemap.xsd"


def valid(path: Path) -> None:
    schema = etree.XMLSchema(etree.parse(str(SCHEMA)))
    assert schema.validate(etree.parse(str(path))), schema.error_log


def noindex(page) -> bool:
    return any("noindex" in c for c in page.xpath("//meta[@name='robots']/@content"))


def sitemap_entries(site: Site, base: str) -> dict:
    valid(site.root / "sitemap.xml")
    tree = etree.parse(str(site.root / "sitemap.xml"))
    return {
        url.findtext("s:loc", namespaces=NS).removeprefix(base): url
        for url in tree.xpath("//s:url", namespaces=NS)
    }


def indexable_pages(site: Site) -> dict:
    pages = {site.url_of(f): site.page(site.url_of(f)) for f in site.html_files()}
    return {url: page for url, page in pages.items() if not noindex(page)}


@pytest.mark.site
def test_sitemap_is_valid_and_lists_every_indexable_page(party_site: Site, settings):
    listed = sitemap_entries(party_site, settings["DEV_SITEURL"])
    pages = indexable_pages(party_site)
    assert set(listed) == set(pages)
    for code in (lang["code"] for lang in settings["LANGUAGES"]):
        assert f"/{code}/" in listed, code
        assert f"/{code}/search/" not in listed  # results pages say noindex
    for url, entry in listed.items():
        in_sitemap = {
            (link.get("hreflang"), link.get("href"))
            for link in entry.xpath("x:link[@rel='alternate']", namespaces=NS)
        }
        in_head = {
            (link.get("hreflang"), link.get("href"))
            for link in pages[url].xpath("//head/link[@rel='alternate'][@hreflang]")
        }
        assert in_sitemap == in_head, url
        # A page in other languages too names the default for the rest; a
        # page in one language only (an item not translated) names itself.
        if len({tag for tag, _ in in_sitemap} - {"x-default"}) > 1:
            assert any(tag == "x-default" for tag, _ in in_sitemap), url


def test_every_page_of_the_fixture_site_has_its_alternates(kit: Site, fixture_settings):
    # Every item of the fixture site is in two languages at least.
    for url, entry in sitemap_entries(kit, fixture_settings["DEV_SITEURL"]).items():
        tags = [link.get("hreflang") for link in entry.xpath("x:link", namespaces=NS)]
        assert "x-default" in tags, url


@pytest.mark.site
def test_robots_names_the_sitemaps_there_are(party_site: Site, settings):
    base = settings["DEV_SITEURL"]
    robots = (party_site.root / "robots.txt").read_text("utf-8")
    news = (
        ["sitemap-news.xml"] if (party_site.root / "sitemap-news.xml").is_file() else []
    )
    assert robots.splitlines() == [
        "User-agent: *",
        "Allow: /",
        *(f"Sitemap: {base}/{name}" for name in ["sitemap.xml", *news]),
    ]


def test_generated_pages_are_listed(kit: Site, fixture_settings):
    listed = sitemap_entries(kit, fixture_settings["DEV_SITEURL"])
    # The root, feeds pages, press archives by year, digests among them.
    for url in ("/", "/fr/feeds/", "/fr/communiques/2026/", "/ar/markaz-sahafa/"):
        assert url in listed, url
    assert "/ar/markaz-sahafa/digest/" in listed
    assert "/fr/search/" not in listed


def test_a_quiet_site_has_no_news_sitemap_and_robots_does_not_name_it(kit: Site):
    # The fixture site has nothing from the last two days: an empty <urlset/>
    # would be invalid, so there is no file.
    assert not (kit.root / "sitemap-news.xml").exists()
    robots = (kit.root / "robots.txt").read_text("utf-8")
    assert robots.splitlines() == [
        "User-agent: *",
        "Allow: /",
        f"Sitemap: {BASE}/sitemap.xml",
    ]
