"""The short cuts a routine build takes (issue 14) give what the long way
gave: a file published, a page written, a compressed copy, a translated
string."""

from __future__ import annotations

import os
from pathlib import Path


def test_publish_links_a_new_file_and_replaces_an_old_one(tmp_path: Path):
    from multilingual.files import publish

    cached = tmp_path / "cached.png"
    cached.write_bytes(b"card")
    target = tmp_path / "out.png"
    publish(str(cached), str(target))  # nothing there: one link
    assert os.path.samefile(cached, target)
    stamp = target.stat().st_mtime_ns
    publish(str(cached), str(target))  # already that file: left alone
    assert target.stat().st_mtime_ns == stamp

    other = tmp_path / "other.png"
    other.write_bytes(b"another card")
    publish(str(other), str(target))  # another file there: replaced
    assert target.read_bytes() == b"another card"
    assert cached.read_bytes() == b"card", "the cache's file is not written into"


def test_a_page_is_written_only_when_its_bytes_change(tmp_path: Path):
    from fast_build.writing import write_changed

    page = tmp_path / "index.html"
    assert write_changed(str(page), b"<p>un</p>")
    stamp = page.stat().st_mtime_ns
    assert not write_changed(str(page), b"<p>un</p>")
    assert page.stat().st_mtime_ns == stamp
    assert write_changed(str(page), b"<p>deux</p>")
    assert page.read_bytes() == b"<p>deux</p>"


def test_compressed_copies_from_the_cache_are_the_copies_made(tmp_path: Path):
    import brotli

    from asset_pipeline.compress import precompress

    site, cache = tmp_path / "site", tmp_path / "cache"
    site.mkdir()
    page = site / "index.html"
    page.write_text("<p>" + "mot " * 400 + "</p>", "utf-8")
    assert precompress(str(site), (".html",), str(cache)) == 1
    made = (site / "index.html.br").read_bytes()
    for copy in site.glob("*.*.*"):
        copy.unlink()
    assert precompress(str(site), (".html",), str(cache)) == 1  # from the cache
    assert (site / "index.html.br").read_bytes() == made
    assert brotli.decompress(made) == page.read_bytes()


def test_an_interface_string_is_set_once_and_the_same_every_time():
    from babel.support import NullTranslations

    from multilingual.i18n import TypographicTranslations
    from multilingual.typography import Typography

    french = Typography.from_setting({"space_before": ";:!?"})
    catalog = TypographicTranslations(NullTranslations(), french)
    first = catalog.gettext("Résultats : tous")
    assert first == "Résultats\u00a0: tous"
    assert catalog.gettext("Résultats : tous") is first


def test_links_are_found_as_the_fingerprinting_regex_finds_them():
    """Fingerprinting looks for links with str.find, not a regex tried at
    every character: it must find exactly what the regex finds, in pages
    and in whatever an article's text may hold."""
    import importlib
    import random

    fingerprint = importlib.import_module("asset_pipeline.fingerprint")
    pieces = ["href=", "src=", '"', "'", "x", " ", "/", "theme/", "site.css"]
    pieces += ["?a", "#b", "=", "h", "ref", "s", "rc", "../", "_", "data-", "<a "]
    rng = random.Random(14)
    for _ in range(20000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 16)))
        expected = [
            (m.start(), m.end(), *m.groups())
            for m in fingerprint.HTML_REFERENCE.finditer(text)
        ]
        assert list(fingerprint.references(text)) == expected, text
    names = {"theme/site.css": "theme/site.0123abcd.css"}
    links = fingerprint.AssetLinks("/out", names, "https://example.org")
    page = (
        '<link href="https://example.org/theme/site.css">'
        '<a href="/theme/site.css?v#top" title=\'src="../theme/site.css"\'>'
        '<img src="../theme/site.css"><img xsrc="/theme/site.css">'
    )
    assert links.page(page, "/out/fr/index.html") == (
        '<link href="https://example.org/theme/site.0123abcd.css">'
        # (as the regex did: a quoted src= in a title is taken for a link)
        '<a href="/theme/site.0123abcd.css?v#top" '
        "title='src=\"../theme/site.0123abcd.css\"'>"
        '<img src="../theme/site.0123abcd.css"><img xsrc="/theme/site.css">'
    )


def test_copies_of_changed_pages_leave_the_cache(tmp_path: Path):
    from asset_pipeline.compress import precompress

    site, cache = tmp_path / "site", tmp_path / "cache"
    site.mkdir()
    page = site / "index.html"
    page.write_text("<p>" + "un " * 400 + "</p>", "utf-8")
    precompress(str(site), (".html",), str(cache))
    first = {p.name for p in cache.rglob("*") if p.is_file()}
    page.write_text("<p>" + "deux " * 400 + "</p>", "utf-8")
    precompress(str(site), (".html",), str(cache))
    second = {p.name for p in cache.rglob("*") if p.is_file()}
    assert len(first) == len(second) == 2  # .gz and .br
    assert not first & second, "the first version's copies are gone"


def test_templates_are_read_once_a_build_unless_the_settings_say_otherwise(tmp_path):
    from types import SimpleNamespace

    from fast_build import cache_templates

    settings = {"CACHE_PATH": str(tmp_path), "JINJA_ENVIRONMENT": {"autoescape": True}}
    cache_templates(SimpleNamespace(settings=settings))
    options = settings["JINJA_ENVIRONMENT"]
    assert options["auto_reload"] is False and options["autoescape"] is True
    assert "bytecode_cache" in options

    mine = {"CACHE_PATH": str(tmp_path), "JINJA_ENVIRONMENT": {"auto_reload": True}}
    cache_templates(SimpleNamespace(settings=mine))
    assert mine["JINJA_ENVIRONMENT"]["auto_reload"] is True
