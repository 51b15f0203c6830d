"""sitemap.xml as search engines read it: valid against the sitemaps.org
protocol's schema, every indexable page listed with the alternates its <head>
declares (x-default too), no page marked noindex; no empty news sitemap."""

from __future__ import annotations

from pathlib import Path

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


def test_sitemap_is_valid_and_lists_every_indexable_page(demo: Site):
    valid(demo.root / "sitemap.xml")
    tree = etree.parse(str(demo.root / "sitemap.xml"))
    listed = {
        url.findtext("s:loc", namespaces=NS).removeprefix(BASE): url
        for url in tree.xpath("//s:url", namespaces=NS)
    }
    pages = {demo.url_of(f): demo.page(demo.url_of(f)) for f in demo.html_files()}
    indexable = {url for url, page in pages.items() if not noindex(page)}
    # The root, feeds pages, press archives by year, digests among them.
    for url in ("/", "/fr/feeds/", "/fr/communiques/2026/", "/ar/markaz-sahafa/"):
        assert url in indexable, url
    assert "/ar/markaz-sahafa/digest/" in indexable
    assert "/fr/search/" not in indexable  # results pages say noindex
    assert set(listed) == indexable
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
        assert any(tag == "x-default" for tag, _ in in_sitemap), url


def test_a_quiet_site_has_no_news_sitemap_and_robots_does_not_name_it(demo: Site):
    # The demo has nothing from the last two days: an empty <urlset/> would
    # be invalid, so there is no file.
    assert not (demo.root / "sitemap-news.xml").exists()
    robots = (demo.root / "robots.txt").read_text("utf-8")
    assert robots.splitlines() == [
        "User-agent: *",
        "Allow: /",
        f"Sitemap: {BASE}/sitemap.xml",
    ]
