"""Nothing broken, nothing loaded from another host, nothing that needs JavaScript."""

from __future__ import annotations

import re
from urllib.parse import urlparse

import pytest
from conftest import Site, plain_name

RESOURCE_XPATH = (
    "//img/@src | //script/@src | //iframe/@src | //video/@src | //audio/@src"
    " | //source/@src | //link[contains(@rel, 'stylesheet') or contains(@rel, 'icon')"
    " or contains(@rel, 'preload')]/@href"
)


@pytest.mark.site
def test_no_broken_internal_links(party_site: Site):
    broken = []
    for file in party_site.html_files():
        page = party_site.page(party_site.url_of(file))
        for href in page.xpath(
            "//a/@href | //link[@rel!='canonical' and not(@hreflang)]/@href"
        ) + page.xpath(RESOURCE_XPATH):
            parsed = urlparse(href)
            if parsed.scheme or href.startswith(("#", "mailto:", "tel:")):
                continue
            assert href.startswith("/"), f"{file}: relative link {href}"
            if not party_site.path(parsed.path).exists():
                broken.append((party_site.url_of(file), href))
    assert not broken, broken[:20]


@pytest.mark.site
def test_no_resource_from_another_host(party_site: Site):
    for file in party_site.html_files():
        page = party_site.page(party_site.url_of(file))
        for src in page.xpath(RESOURCE_XPATH):
            assert not urlparse(src).netloc and not src.startswith("//"), (file, src)
    for css in party_site.root.rglob("*.css"):
        text = css.read_text("utf-8")
        assert "@import" not in text
        for url in re.findall(r"url\(([^)]+)\)", text):
            url = url.strip("'\"")
            if url.startswith("data:"):  # inline, no request (Pagefind's icons)
                continue
            assert not urlparse(url).scheme, (css, url)
            assert (css.parent / url).exists(), (css, url)


@pytest.mark.site
def test_pages_need_no_javascript(party_site: Site):
    """Only the search page and pages with a video load a script, their own
    file; nothing inline anywhere (a strict CSP allows only 'self')."""
    for file in party_site.html_files():
        page = party_site.page(party_site.url_of(file))
        allowed = []
        if party_site.url_of(file).endswith("/search/"):
            allowed = ["/theme/search.js"]
        elif page.xpath("//figure[@class='video']"):
            allowed = ["/theme/video.js"]
        # JSON-LD is data for search engines, not a script the browser runs.
        code = page.xpath("//script[not(@type='application/ld+json')]")
        assert [plain_name(s.get("src")) for s in code] == allowed, file
        assert not [s for s in code if (s.text or "").strip()]
        assert not page.xpath("//@*[starts-with(name(), 'on')]"), file


def test_each_language_loads_only_its_own_font(kit: Site):
    css = (kit.root / "theme/site.css").read_text("utf-8")
    # Written from BRAND's fonts per script (plugins/multilingual/brand.py).
    assert 'html:lang(ar-MA){font-family:"Naskh",var(--sans)}' in css
    assert 'html:lang(zgh){font-family:"Tifinagh",var(--sans)}' in css
    # Arabic in two weights (text with its own digits in the same file, and
    # a real bold for headings), each with its rarer letters apart: none is synthesised;
    # Tifinagh in one, with its digits.
    faces = re.findall(r'@font-face\{font-family:"(\w+)"', css)
    own = sorted(f for f in faces if f != "Switcher")
    assert own == ["Naskh"] * 4 + ["Tifinagh"] * 2
    fonts = sorted(
        p.name
        for p in (kit.root / "theme/fonts").glob("*.woff2")
        if not p.name.startswith("switcher-") and p.name.count(".") == 1
    )  # without the fingerprinted copies (test_serving.py)
    assert fonts == [
        "noto-kufi-arabic-700.woff2",
        "noto-kufi-arabic-extra-700.woff2",
        "noto-naskh-arabic-400.woff2",
        "noto-naskh-arabic-extra-400.woff2",
        "noto-sans-tifinagh-400.woff2",
        "noto-sans-tifinagh-digits-400.woff2",
    ]
