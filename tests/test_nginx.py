"""The production build served by Debian's nginx with deploy/nginx.conf, as a
visitor's browser or a feed reader gets it: content types (feeds, calendars),
the .br/.gz copies by Accept-Encoding, cache and security headers, and a
"page not found" in the visitor's language."""

from __future__ import annotations

import gzip
import urllib.error
import urllib.request

import brotli
import pytest
from conftest import Site, languages, start_nginx

pytestmark = pytest.mark.site


@pytest.fixture(scope="module")
def nginx(party_production: Site, tmp_path_factory):
    base, stop = start_nginx(party_production.root, tmp_path_factory.mktemp("nginx"))
    yield base
    stop()


def get(url: str, encoding: str | None = None):
    """(status, headers, body) without the client undoing any compression."""
    request = urllib.request.Request(url)
    if encoding:
        request.add_header("Accept-Encoding", encoding)
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


@pytest.fixture(scope="module")
def first(production_settings) -> str:
    """The first language's home: /ar/ for a party whose first is Arabic."""
    return "/" + production_settings["LANGUAGES"][0]["code"] + "/"


def test_content_types_of_pages_feeds_calendars_and_images(
    nginx: str, party_production: Site, first: str
):
    expected = {
        first: "text/html",
        f"{first}feed.atom": "application/atom+xml",
        f"{first}feed.rss": "application/rss+xml",
        "/sitemap.xml": "text/xml",
        "/robots.txt": "text/plain",
    }
    # Calendars and feed images where the party's site has them.
    optional = {
        f"{first}calendar.ics": "text/calendar",
        "/images/feed-icon.png": "image/png",
    }
    expected |= {
        url: t for url, t in optional.items() if party_production.path(url).is_file()
    }
    event = next(party_production.root.glob("*/*/*/event.ics"), None)
    if event:
        expected["/" + event.relative_to(party_production.root).as_posix()] = (
            "text/calendar"
        )
    for url, media_type in expected.items():
        status, headers, _ = get(nginx + url)
        assert status == 200, url
        assert headers.get_content_type() == media_type, url


def test_compressed_copies_by_accept_encoding(
    nginx: str, party_production: Site, first: str
):
    for url in (first, f"{first}feed.atom", "/sitemap.xml"):
        original = party_production.path(url).read_bytes()
        status, headers, body = get(nginx + url, "br")
        assert status == 200 and headers["Content-Encoding"] == "br", url
        assert brotli.decompress(body) == original, url
        _, headers, body = get(nginx + url, "gzip")
        assert headers["Content-Encoding"] == "gzip", url
        assert gzip.decompress(body) == original, url
        _, headers, body = get(nginx + url)
        assert headers["Content-Encoding"] is None and body == original, url
        assert "Accept-Encoding" in (headers["Vary"] or ""), url


def test_cache_and_security_headers(
    nginx: str, party_production: Site, production_settings, first: str
):
    page = party_production.page(first)
    (css,) = page.xpath("//link[@rel='stylesheet']/@href")
    css = css.removeprefix(production_settings["SITEURL"])
    for url, cache in (
        (first, "no-cache"),
        (css, "public, max-age=31536000, immutable"),
        (f"{first}feed.atom", "public, max-age=900"),
    ):
        _, headers, _ = get(nginx + url)
        assert headers["Cache-Control"] == cache, url
        assert "script-src 'self'" in headers["Content-Security-Policy"], url
        assert headers["X-Content-Type-Options"] == "nosniff", url
    if party_production.path(f"{first}calendar.ics").is_file():
        _, headers, _ = get(nginx + f"{first}calendar.ics")
        assert headers["Cache-Control"] == "public, max-age=900"


def test_page_not_found_in_the_visitors_language(nginx: str, production_settings):
    for code, (tag, _direction) in languages(production_settings).items():
        status, headers, body = get(nginx + f"/{code}/no-such-page/")
        assert status == 404, code
        assert f'<html lang="{tag}"'.encode() in body, code
        assert headers["Content-Security-Policy"], code
    status, _, body = get(nginx + "/no-such-page/")
    assert status == 404 and b"noindex" in body
