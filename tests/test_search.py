"""Site search (Pagefind): a search page per language, in that language and
direction, that finds pages in that language only; the archive instead
without JavaScript; and a build that says so when Pagefind is missing."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys

import pytest
from conftest import build_log, copy_project, plain_name, serve_with_csp

# A word found in one page only, per language, and that page.
WORDS = {
    "ar": ("السدود", "/ar/barnamaj/water/"),
    "fr": ("décennies", "/fr/programme/water/"),
    "zgh": ("ⵉⴱⵔⴰⵊⵏ", "/zgh/aghawas/water/"),
}
RESULTS = {"ar": "النتائج", "fr": "Résultats", "zgh": "ⵜⵉⵢⴰⴼⵓⵜⵉⵏ"}
LABELS = {"ar": "ابحثوا في الموقع", "fr": "Rechercher sur le site", "zgh": "ⵔⵣⵓ ⴳ ⵓⵙⵉⵜ"}


def test_a_search_page_per_language_in_its_language(kit, fixture_settings):
    for language in fixture_settings["LANGUAGES"]:
        code = language["code"]
        page = kit.page(f"/{code}/search/")
        html = page.getroottree().getroot()
        assert html.get("lang") == language["tag"]
        assert html.get("dir") == ("rtl" if code == "ar" else "ltr")
        assert page.xpath("string(//label[@for='search-input'])") == LABELS[code]
        # Pagefind's script and index are served by the site itself.
        (script,) = page.xpath("//script/@src")
        assert plain_name(script) == "/theme/search.js"
        form = page.xpath("//form[@role='search']")[0]
        assert form.get("data-pagefind") == "/pagefind/pagefind.js"
        assert kit.path("/pagefind/pagefind.js").exists()
        # Without JavaScript: the form stays hidden, the sections are offered.
        assert form.get("hidden") is not None
        assert page.xpath("//noscript")
        archive = page.xpath("//section[contains(@class,'search-archive')]//a/@href")
        for key, section in fixture_settings["SECTIONS"].items():
            if key in ("pages",):
                continue
            assert f"/{code}/{section['url'][code]}/" in archive


def test_one_index_per_language_and_only_items_indexed(kit, fixture_settings):
    entry = json.loads(kit.path("/pagefind/pagefind-entry.json").read_text())
    assert set(entry["languages"]) == {"ar-ma", "fr-ma", "zgh"}
    generated = ("/", "/404.html")
    for language in fixture_settings["LANGUAGES"]:
        code = language["code"]
        generated += (f"/{code}/", f"/{code}/feeds/", f"/{code}/search/")
        generated += (f"/{code}/404.html", f"/{code}/editors/")
        for key, section in fixture_settings["SECTIONS"].items():
            generated += (f"/{code}/{section.get('url', {}).get(code, key)}/",)
    indexed = 0
    for file in kit.html_files():
        url = kit.url_of(file)
        mains = kit.page(url).xpath("//main[@data-pagefind-body]")
        # Items only: menus, switcher, footer, listings stay out of results.
        topics = tuple(
            f"/{code}/{seg}/" for code, seg in fixture_settings["TOPICS"]["url"].items()
        )
        press = tuple(
            f"/{code}/{seg}/" for code, seg in fixture_settings["PRESS"]["url"].items()
        )
        years = re.search(r"/\d{4}/$", url)  # press releases by year
        listing = url.startswith(topics + press) or years
        if url in generated or "/page/" in url or listing:
            assert not mains, url
        else:
            assert mains, url
            indexed += 1
    assert indexed == sum(
        language["page_count"] for language in entry["languages"].values()
    )


def test_only_the_search_page_and_video_pages_load_a_script(kit):
    for file in kit.html_files():
        # JSON-LD blocks are data for search engines, never run.
        scripts = kit.page(kit.url_of(file)).xpath(
            "//script[not(@type='application/ld+json')]"
        )
        url = kit.url_of(file)
        if url.endswith("/search/"):
            assert [plain_name(s.get("src")) for s in scripts] == ["/theme/search.js"]
        elif scripts:
            assert [plain_name(s.get("src")) for s in scripts] == ["/theme/video.js"], (
                url
            )
            assert kit.page(url).xpath("//figure[@class='video']"), url


@pytest.mark.browser
@pytest.mark.parametrize("code", WORDS)
def test_search_finds_the_page_in_the_page_language(browser, kit_server, code):
    word, expected = WORDS[code]
    context = browser.new_context()
    serve_with_csp(context, kit_server)  # works with script-src 'self'
    page = context.new_page()
    page.goto(kit_server + f"/{code}/search/")
    page.fill("#search-input", word)
    page.wait_for_selector(".search-results li a")
    found = page.eval_on_selector_all(
        ".search-results li a", "links => links.map(a => new URL(a.href).pathname)"
    )
    assert expected in found
    assert all(url.startswith(f"/{code}/") for url in found), found
    # The words found are marked in the excerpts (built as text + <mark>).
    assert page.locator(".search-results li p mark").count() > 0
    status = page.text_content(".search-status")
    assert status.startswith(RESULTS[code]) and status.endswith(str(len(found)))
    # Another language's word finds nothing here: one index per language.
    other = WORDS["fr" if code != "fr" else "ar"][0]
    page.fill("#search-input", other)
    page.wait_for_function(
        "word => document.querySelector('.search-status').textContent.includes(word)",
        arg=other,
    )
    assert page.locator(".search-results li").count() == 0
    # A link with ?q= (from a search box elsewhere) searches at once.
    page.goto(kit_server + f"/{code}/search/?q={word}")
    page.wait_for_selector(".search-results li a")
    assert page.evaluate("window.__violations") == []
    context.close()


@pytest.mark.browser
def test_without_javascript_the_search_page_offers_the_archive(browser, kit_server):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(kit_server + "/fr/search/")
    assert not page.is_visible("#search-input")
    assert page.is_visible("text=Parcourir les rubriques")
    page.click(".search-archive a >> nth=0")
    assert page.url == kit_server + "/fr/actualites/"
    context.close()


def test_a_build_without_pagefind_fails_and_says_why(tmp_path):
    project = copy_project(tmp_path / "project")
    # The project's Python with the pagefind-bin package hidden from it.
    shadow = tmp_path / "shadow" / "pagefind_bin"
    shadow.mkdir(parents=True)
    (shadow / "__init__.py").write_text("raise ImportError('not installed')\n")
    result = subprocess.run(
        [sys.executable, "-m", "pelican", "content", "-s", "pelicanconf.py"]
        + ["-o", str(tmp_path / "out")],
        cwd=project,
        capture_output=True,
        text=True,
        env={
            **os.environ,
            "COLUMNS": "200",
            "PYTHONPATH": str(shadow.parent),
        },
    )
    assert result.returncode != 0
    assert "Pagefind binary is missing" in result.stdout + result.stderr
    assert "pip install -e ." in result.stdout + result.stderr


def test_the_index_is_kept_when_no_page_changed(tmp_path):
    """Pagefind reads the whole site again (seconds, and much memory on a
    big site): a rebuild that changed no page keeps the index it has, and
    one that changed a page indexes again."""
    project = copy_project(tmp_path / "project")
    output = tmp_path / "out"

    def build() -> str:
        return build_log(output, "pelicanconf.py", project)

    entry = output / "pagefind/pagefind-entry.json"
    assert "search index written" in build()
    indexed = entry.stat().st_mtime_ns
    assert "no page changed, the search index is kept" in build()
    assert entry.stat().st_mtime_ns == indexed

    article = project / "content/news/water-drought-plan.fr.md"
    article.write_text(article.read_text("utf-8") + "\nTamarisque.\n", "utf-8")
    # Only the French pages changed: only they are indexed again.
    assert "search index written to pagefind/ (1 of 3 parts indexed" in build()
    assert entry.stat().st_mtime_ns != indexed

    # The output emptied, the cache kept (a CI build): nothing to index again,
    # and the index is whole.
    shutil.rmtree(output)
    assert "search index written to pagefind/ (0 of 3 parts indexed" in build()
    languages = json.loads(entry.read_text("utf-8"))["languages"]
    assert sorted(languages) == ["ar-ma", "fr-ma", "zgh"]
