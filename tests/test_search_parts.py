"""Site search on a site with more pages in a language than one Pagefind run
indexes (SEARCH_PAGES_PER_INDEX): each language is indexed in parts, the
search page merges its language's parts, an edit indexes one part again, and
a wrong value of the setting stops the build with one line."""

from __future__ import annotations

import gzip
import json
import re
import shutil
from pathlib import Path

import pytest
from conftest import (
    Site,
    build_log,
    build_site,
    copy_project,
    fixture_site,
    output_files,
    run_pelican,
    serve_with_csp,
    start_server,
)

# Small, so the fixture site (about 30 items a language) has several parts.
LIMIT = 4


@pytest.fixture(scope="module")
def parted(tmp_path_factory) -> Path:
    """The kit's fixture site built with SEARCH_PAGES_PER_INDEX = LIMIT."""
    project = copy_project(tmp_path_factory.mktemp("parted") / "project")
    with open(project / "pelicanconf.py", "a", encoding="utf-8") as conf:
        conf.write(f"\nSEARCH_PAGES_PER_INDEX = {LIMIT}\n")
    build_site(project / "output", "pelicanconf.py", project)
    return project


def manifest(output: Path) -> dict[str, list[str]]:
    return json.loads((output / "pagefind/parts.json").read_text("utf-8"))


def bundles(output: Path) -> list[Path]:
    """pagefind/ (the first part of every language), then the further parts."""
    folder = output / "pagefind"
    return [folder] + [folder / b for parts in manifest(output).values() for b in parts]


def fragments(bundle: Path) -> dict[str, str]:
    """The text Pagefind keeps of each page of a bundle, by address."""
    pages = {}
    for path in (bundle / "fragment").iterdir():
        data = gzip.decompress(path.read_bytes()).removeprefix(b"pagefind_dcd")
        fragment = json.loads(data)
        pages[fragment["url"]] = fragment["content"]
    return pages


def test_each_language_is_indexed_in_parts_of_at_most_the_limit(parted):
    output = parted / "output"
    parts = manifest(output)
    entry = json.loads((output / "pagefind/pagefind-entry.json").read_text("utf-8"))
    assert sorted(parts) == sorted(entry["languages"]) == ["ar-ma", "fr-ma", "zgh"]
    for language, further in parts.items():
        counts = [entry["languages"][language]["page_count"]]
        for name in further:
            bundle = output / "pagefind" / name
            data = json.loads((bundle / "pagefind-entry.json").read_text("utf-8"))
            assert list(data["languages"]) == [language]  # never two languages
            counts.append(data["languages"][language]["page_count"])
            # Search data only: the scripts and WebAssembly are pagefind/'s.
            files = sorted(p.name for p in bundle.iterdir() if p.is_file())
            assert files[0] == "pagefind-entry.json" and len(files) == 2
            assert files[1].endswith(".pf_meta")
        assert len(counts) > 1 and all(1 <= count <= LIMIT for count in counts)
    # Every item page is in one part exactly, and nothing else is.
    site = Site(output)
    items = [
        site.url_of(file)
        for file in site.html_files()
        if site.page(site.url_of(file)).xpath("//main[@data-pagefind-body]")
    ]
    indexed = [url for bundle in bundles(output) for url in fragments(bundle)]
    assert sorted(indexed) == sorted(items)


@pytest.mark.browser
def test_search_finds_a_page_of_a_further_part_in_its_language_only(browser, parted):
    output = parted / "output"
    # A page of the last French part, and a word no other page has.
    url, text = sorted(
        fragments(output / "pagefind" / manifest(output)["fr-ma"][-1]).items()
    )[0]
    others = " ".join(
        content
        for bundle in bundles(output)
        for page, content in fragments(bundle).items()
        if page != url
    ).lower()
    words = sorted(set(re.findall(r"\w{6,}", text.lower())))
    word = next(w for w in words if w not in others)

    server, base = start_server(output)
    context = browser.new_context()
    serve_with_csp(context, base)
    page = context.new_page()
    fetched: list[str] = []
    page.on("request", lambda request: fetched.append(request.url))
    page.goto(base + "/fr/search/")
    page.fill("#search-input", word)
    page.wait_for_selector(".search-results li a")
    found = page.eval_on_selector_all(
        ".search-results li a", "links => links.map(a => new URL(a.href).pathname)"
    )
    assert url in found
    assert all(address.startswith("/fr/") for address in found), found
    # The French parts only, and one WebAssembly module for all of them.
    entries = [u for u in fetched if "pagefind-entry.json" in u]
    assert len(entries) == len(manifest(output)["fr-ma"]) + 1
    assert not [u for u in entries if "/ar-ma-" in u or "/zgh-" in u]
    assert len([u for u in fetched if "/wasm." in u]) == 1
    # The same word on the Arabic search page finds nothing.
    page.goto(base + "/ar/search/")
    page.fill("#search-input", word)
    page.wait_for_function(
        "word => document.querySelector('.search-status').textContent.includes(word)",
        arg=word,
    )
    assert page.locator(".search-results li").count() == 0
    assert page.evaluate("window.__violations") == []
    context.close()
    server.shutdown()


def test_an_edited_page_indexes_its_part_again_only(parted, tmp_path):
    """An edit re-indexes the edited page's part, not its language; the other
    parts come from the cache, into an output with the same bytes a build
    from scratch would have."""
    project = tmp_path / "project"
    shutil.copytree(parted, project, symlinks=True)
    output = project / "output"
    # A part per bundle, and pagefind/ holds the first part of each language.
    entry = json.loads((output / "pagefind/pagefind-entry.json").read_text("utf-8"))
    total = len(bundles(output)) - 1 + len(entry["languages"])

    def build() -> str:
        return build_log(output, "pelicanconf.py", project)

    article = project / "content/news/water-drought-plan.fr.md"
    article.write_text(article.read_text("utf-8") + "\nTamarisque.\n", "utf-8")
    told = f"search index written to pagefind/ (1 of {total} parts indexed"
    assert told in build()
    found = [
        url
        for bundle in bundles(output)
        for url, text in fragments(bundle).items()
        if "Tamarisque" in text
    ]
    assert len(found) == 1 and found[0].startswith("/fr/")
    # The output emptied, the cache kept: nothing indexed, the same files.
    index = output_files(output / "pagefind")
    shutil.rmtree(output)
    assert f"(0 of {total} parts indexed" in build()
    assert output_files(output / "pagefind") == index


@pytest.mark.parametrize(
    ("value", "shown"),
    [("0", "0"), ("-5", "-5"), ("2.5", "2.5"), ('"2000"', "'2000'"), ("True", "True")],
)
def test_a_wrong_pages_per_index_stops_with_one_line(tmp_path, value, shown):
    project = fixture_site(tmp_path / "project")
    with open(project / "pelicanconf.py", "a", encoding="utf-8") as conf:
        conf.write(f"\nSEARCH_PAGES_PER_INDEX = {value}\n")
    result = run_pelican(project, project / "output")
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    told = (result.stdout + result.stderr).strip().splitlines()[-1]
    assert told == (
        "pelicanconf.py: SEARCH_PAGES_PER_INDEX is the most pages one Pagefind "
        f"run indexes, a whole number above 0 (default 2000), not {shown}"
    )
    assert not (project / "output").exists()
