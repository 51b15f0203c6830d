"""Ready to serve: pages link to fingerprinted assets (cacheable for a year),
the production build ships .gz/.br copies, and the hosts' headers carry a
strict Content-Security-Policy that the pages keep to in a real browser."""

from __future__ import annotations

import gzip
import hashlib
import re
import shutil
from pathlib import Path
from urllib.parse import urlparse

import brotli
import pytest
from conftest import ROOT, Site, languages

FINGERPRINT = re.compile(r"\.([0-9a-f]{8})\.(css|js|woff2)$")


def _headers(site: Site) -> dict[str, list[str]]:
    """output/_headers as {pattern: ["Name: value", ...]}."""
    rules: dict[str, list[str]] = {}
    pattern = None
    for line in (site.root / "_headers").read_text("utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        if line.startswith(" "):
            rules[pattern].append(line.strip())
        else:
            pattern = line.strip()
            rules[pattern] = []
    return rules


def _stylesheets(site: Site, url: str) -> list[str]:
    """Stylesheet addresses of a page, from the site root."""
    return [
        urlparse(href).path
        for href in site.page(url).xpath("//link[@rel='stylesheet']/@href")
    ]


def _articles(site: Site, settings) -> list[str]:
    """One item page per language (the first one in a section), where the
    language has any."""
    found = []
    for code in languages(settings):
        pages = sorted(
            site.url_of(file)
            for file in (site.root / code).glob("*/*/index.html")
            if site.page(site.url_of(file)).xpath("//article")
        )
        found += pages[:1]
    return found


@pytest.mark.site
def test_pages_link_to_fingerprinted_stylesheet_and_fonts(party_site: Site, settings):
    for file in party_site.html_files():
        for href in _stylesheets(party_site, party_site.url_of(file)):
            match = FINGERPRINT.search(href)
            assert match, f"{file}: {href}"
            data = party_site.path(href).read_bytes()
            assert hashlib.sha256(data).hexdigest()[:8] == match.group(1)
    codes = list(languages(settings))
    css_url = _stylesheets(party_site, f"/{codes[0]}/")[0]
    css = party_site.path(css_url).read_text("utf-8")
    # Files, not the brand's motif (a data: image inside the stylesheet).
    fonts = [u for u in re.findall(r"url\(([^)]+)\)", css) if "data:" not in u]
    assert fonts
    for font in fonts:
        assert FINGERPRINT.search(font), font
        assert (party_site.path(css_url).parent / font).exists(), font
    # A page preloads its language's fonts under the very names the CSS uses.
    preload = settings.get("PRELOAD_FONTS", {})
    for code in codes:
        url = f"/{code}/"
        preloads = party_site.page(url).xpath("//link[@rel='preload' and @as='font']")
        assert len(preloads) == len(preload.get(code, [])), url
        for link in preloads:
            name = link.get("href").rsplit("/", 1)[1]
            assert FINGERPRINT.search(name) and f"fonts/{name}" in css, url
            assert link.get("crossorigin") is not None
    # The plain names stay, for links from outside the site.
    assert (party_site.root / "theme/site.css").exists()


def test_the_fixture_site_preloads_its_script_fonts(kit: Site):
    for url, count in (("/ar/", 1), ("/zgh/", 2), ("/fr/", 0)):
        preloads = kit.page(url).xpath("//link[@rel='preload' and @as='font']")
        assert len(preloads) == count, url
    css = kit.path(_stylesheets(kit, "/ar/")[0]).read_text("utf-8")
    fonts = [u for u in re.findall(r"url\(([^)]+)\)", css) if "data:" not in u]
    assert len(fonts) >= 4


@pytest.mark.site
def test_production_build_ships_gzip_and_brotli_copies(
    party_production: Site, production_settings
):
    first = "/" + production_settings["LANGUAGES"][0]["code"] + "/"
    texts = [
        party_production.path(first),
        party_production.path(_stylesheets(party_production, first)[0]),
        party_production.root / "sitemap.xml",
        party_production.path(f"{first}feed.atom"),
    ] + [
        party_production.path(url)
        for url in _articles(party_production, production_settings)
    ]
    for file in texts:
        data = file.read_bytes()
        assert gzip.decompress(Path(f"{file}.gz").read_bytes()) == data, file
        assert brotli.decompress(Path(f"{file}.br").read_bytes()) == data, file
        assert Path(f"{file}.br").stat().st_size < len(data) / 2, file
    # Already compressed formats are left as they are.
    assert not list(party_production.root.rglob("*.woff2.br"))
    assert not list(party_production.root.rglob("*.jpg.gz"))
    assert not list(party_production.root.rglob("*.png.gz"))


@pytest.mark.site
def test_headers_file_has_strict_policy_and_immutable_assets(
    party_production: Site, production_settings
):
    rules = _headers(party_production)
    everything = dict(line.split(": ", 1) for line in rules["/*"])
    policy = everything["Content-Security-Policy"]
    directives = dict(part.split(" ", 1) for part in policy.split("; "))
    assert directives["default-src"] == "'self'"
    assert "unsafe-inline" not in directives["script-src"]
    assert "unsafe-eval" not in directives["script-src"].replace("wasm-unsafe", "")
    assert directives["img-src"] == "'self' data:"
    for host in production_settings["VIDEO_HOSTS"]:
        assert f"https://{host}" in directives["frame-src"]
    assert directives["object-src"] == "'none'"
    assert "Cache-Control" not in everything  # pages keep revalidating
    immutable = {
        pattern
        for pattern, lines in rules.items()
        if lines == ["Cache-Control: public, max-age=31536000, immutable"]
    }
    first = "/" + production_settings["LANGUAGES"][0]["code"] + "/"
    css = _stylesheets(party_production, first)[0]
    assert css in immutable
    assert set(production_settings["IMMUTABLE_PATHS"]) <= immutable
    # The nginx example says the same.
    nginx = (ROOT / "deploy/nginx.conf").read_text("utf-8")
    assert f'add_header Content-Security-Policy "{policy}" always;' in nginx


def test_the_fixture_site_allows_its_video_hosts(kit_production: Site):
    everything = dict(line.split(": ", 1) for line in _headers(kit_production)["/*"])
    policy = everything["Content-Security-Policy"]
    assert (
        "frame-src https://www.youtube-nocookie.com https://player.vimeo.com" in policy
    )
    assert "/images/sized/*" in _headers(kit_production)


@pytest.mark.site
@pytest.mark.browser
def test_pages_work_under_the_content_security_policy(
    party_site: Site, party_served_with_headers: str, browser, settings
):
    """Served with the _headers policy, pages load their stylesheet, fonts and
    photos without a single violation."""
    page = browser.new_page(viewport={"width": 390, "height": 800})
    problems: list[str] = []
    page.on(
        "console",
        lambda m: problems.append(m.text) if m.type == "error" else None,
    )
    page.on("requestfailed", lambda r: problems.append(r.url))
    urls = ["/", *(f"/{code}/" for code in languages(settings))]
    for url in urls + _articles(party_site, settings):
        page.goto(party_served_with_headers + url, wait_until="networkidle")
        page.evaluate("document.fonts.ready")
        # Lazy thumbnails and the lead photo were fetched as allowed.
        page.mouse.wheel(0, 5000)
        page.wait_for_load_state("networkidle")
    fonts = page.evaluate("performance.getEntriesByType('resource').map(e => e.name)")
    page.close()
    assert problems == []
    assert fonts  # the last page did load its resources


def test_fingerprinting_covers_new_scripts_and_leaves_pagefind_alone(
    kit: Site, tmp_path: Path
):
    """A script another feature adds to the theme is fingerprinted like the
    stylesheet; Pagefind's own files keep their names."""
    from asset_pipeline.fingerprint import fingerprint_assets, rewrite_pages

    site = Site(tmp_path / "site")
    shutil.copytree(kit.root, site.root)
    (site.root / "theme/js").mkdir(exist_ok=True)
    (site.root / "theme/js/video.js").write_text("// click to load\n", "utf-8")
    (site.root / "pagefind").mkdir(exist_ok=True)
    (site.root / "pagefind/pagefind-ui.js").write_text("// search\n", "utf-8")
    pagefind_files = sorted(p.name for p in (site.root / "pagefind").iterdir())
    page = site.path("/fr/")
    page.write_text(
        page.read_text("utf-8").replace(
            "</body>",
            '<script src="/theme/js/video.js" defer></script>'
            '<script src="/pagefind/pagefind-ui.js"></script></body>',
        ),
        "utf-8",
    )
    names = fingerprint_assets(str(site.root), "theme", (".css", ".js", ".woff2"))
    rewrite_pages(str(site.root), names, "")
    scripts = site.page("/fr/").xpath("//script/@src")
    assert FINGERPRINT.search(scripts[0]) and site.path(scripts[0]).exists()
    assert scripts[1] == "/pagefind/pagefind-ui.js"
    assert sorted(p.name for p in (site.root / "pagefind").iterdir()) == (
        pagefind_files
    )


def test_compressed_copies_cache_keeps_only_the_current_pages(tmp_path: Path):
    """Kept between builds (CI cache), the cache must not grow with every
    edit: copies of pages that changed or went are removed."""
    from asset_pipeline.compress import precompress

    site, cache = tmp_path / "site", tmp_path / "cache"
    site.mkdir()
    for name in ("a", "b"):
        (site / f"{name}.html").write_text(f"<p>{name}</p>" * 200, "utf-8")
    assert precompress(str(site), (".html",), str(cache), workers=1) == 2
    assert len([p for p in cache.rglob("*") if p.is_file()]) == 4

    (site / "a.html").write_text("<p>changed</p>" * 200, "utf-8")
    (site / "b.html").unlink()
    (site / "b.html.gz").unlink()
    (site / "b.html.br").unlink()
    assert precompress(str(site), (".html",), str(cache), workers=1) == 1
    kept = sorted(p.name for p in cache.rglob("*") if p.is_file())
    assert len(kept) == 2, kept
    data = (site / "a.html").read_bytes()
    assert brotli.decompress((site / "a.html.br").read_bytes()) == data


def test_a_new_compression_level_compresses_again(tmp_path: Path):
    """PRECOMPRESS_LEVELS changes the copies at once: the cache is keyed by
    level, so a copy made at the old level is not served again."""
    from asset_pipeline.compress import precompress

    site, cache = tmp_path / "site", tmp_path / "cache"
    site.mkdir()
    words = " ".join(f"mot{i * 7919 % 1000}" for i in range(3000))
    (site / "a.html").write_text(f"<p>{words}</p>", "utf-8")
    data = (site / "a.html").read_bytes()
    sizes = {}
    for quality in (1, 11):
        precompress(str(site), (".html",), str(cache), 256, 1, {".br": quality})
        copy = (site / "a.html.br").read_bytes()
        assert brotli.decompress(copy) == data
        sizes[quality] = len(copy)
        assert sorted(p.name.split("-")[1] for p in cache.rglob("*.br")) == [
            f"{quality}.br"
        ]
    assert sizes[11] < sizes[1]


def test_only_href_and_src_attributes_get_fingerprinted_names():
    from asset_pipeline.fingerprint import rewrite_html

    names = {"theme/site.css": "theme/site.0123abcd.css"}
    html = (
        '<link href="/theme/site.css"><img src="../theme/site.css">'
        '<p data-xhref="/theme/site.css">/theme/site.css</p>'
        '<a href="/fr/site.css">'
    )
    rewritten = rewrite_html(html, "/out/fr/index.html", "/out", names, "")
    assert rewritten == (
        '<link href="/theme/site.0123abcd.css"><img src="../theme/site.0123abcd.css">'
        '<p data-xhref="/theme/site.css">/theme/site.css</p>'
        '<a href="/fr/site.css">'
    )
