"""Another party adopts the kit as the README says: it edits the settings
(Arabic and English, its name, logo, addresses, press contacts) and writes its
own content. Both builds succeed without a message, and nothing of the demo
party or of its languages shows in what visitors and feed readers get."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import feedparser
import pytest
from conftest import ROOT, build_log, link_node_modules
from lxml import html as lxml_html

SITE = ROOT / "tests/sites/adopt"
TIFINAGH = re.compile("[\u2d30-\u2d7f]")
DEMO_NAMES = ("Parti du Cèdre", "حزب الأرز", "parti-du-cedre", "fr-MA", "ar-MA")


@pytest.fixture(scope="module")
def adopted(tmp_path_factory) -> dict[str, tuple[Path, str]]:
    project = tmp_path_factory.mktemp("adopt")
    for folder in ("theme", "plugins"):
        shutil.copytree(ROOT / folder, project / folder)
    shutil.copytree(SITE / "content", project / "content")
    link_node_modules(project)
    settings = (SITE / "settings.py").read_text("utf-8")
    kit = (ROOT / "pelicanconf.py").read_text("utf-8")
    (project / "pelicanconf.py").write_text(kit + "\n" + settings, "utf-8")
    public = (ROOT / "publishconf.py").read_text("utf-8")
    public = re.sub(
        r'^SITEURL = ".*"$',
        'SITEURL = "https://www.coastal-greens.example"',
        public,
        flags=re.M,
    )
    (project / "publishconf.py").write_text(public, "utf-8")
    return {
        name: (project / name, build_log(project / name, conf, project))
        for name, conf in (("dev", "pelicanconf.py"), ("prod", "publishconf.py"))
    }


@pytest.mark.parametrize("build", ["dev", "prod"])
def test_the_adopted_site_builds_without_a_message(adopted, build):
    _output, log = adopted[build]
    assert "WARNING" not in log and "ERROR" not in log, log


@pytest.mark.parametrize("build", ["dev", "prod"])
def test_nothing_of_the_demo_party_shows(adopted, build):
    output, _log = adopted[build]
    texts = [
        p
        for p in output.rglob("*")
        if p.suffix in {".html", ".xml", ".atom", ".rss", ".ics", ".json", ".txt"}
        and "pagefind" not in p.parts
    ]
    assert len(texts) > 30
    for path in texts:
        text = path.read_text("utf-8")
        assert not TIFINAGH.search(text), path
        for name in DEMO_NAMES:
            assert name not in text, (path, name)


def test_pages_speak_the_adopted_languages(adopted):
    output, _log = adopted["dev"]
    # Every page is in a language's folder, but the web editor's (not a page
    # of the site: no language of its own).
    pages = sorted(p for p in output.glob("*/**/index.html") if "admin" not in p.parts)
    assert {p.relative_to(output).parts[0] for p in pages} == {"ar", "en"}
    for path in pages:
        root = lxml_html.fromstring(path.read_bytes())
        lang = path.relative_to(output).parts[0]
        assert root.get("lang") == lang, path
        assert root.get("dir") == ("rtl" if lang == "ar" else "ltr"), path
        hreflangs = set(root.xpath("//link[@rel='alternate']/@hreflang"))
        assert hreflangs <= {"ar", "en", "x-default"}, (path, hreflangs)


def test_sections_live_at_the_adopted_addresses(adopted):
    output, _log = adopted["dev"]
    for url in (
        "en/news/clean-beaches/",
        "ar/akhbar/clean-beaches/",
        "en/press/fishing-quotas/",
        "ar/balaghat/fishing-quotas/",
        "en/leadership/leila-bennani/",
        "en/press-room/",
        "ar/sahafa/",
        "en/topics/sea/",
    ):
        assert (output / url / "index.html").is_file(), url
    # Only in English: the Arabic switcher says so and points to the section.
    assert (output / "en/news/harbour/index.html").is_file()
    assert not (output / "ar/akhbar/harbour").exists()


def test_feeds_are_the_adopted_party_s(adopted):
    output, _log = adopted["prod"]
    for lang, title in (("en", "Clean beaches this summer"), ("ar", "شواطئ نظيفة")):
        feed = feedparser.parse((output / lang / "feed.atom").read_bytes())
        assert not feed.bozo, feed.bozo_exception
        assert feed.feed.language == lang
        assert feed.feed.title.startswith("Coastal Greens" if lang == "en" else "خضر")
        assert any(title in entry.title for entry in feed.entries)
        assert all(
            entry.id.startswith("tag:coastal-greens.example,2026:")
            for entry in feed.entries
        )


@pytest.mark.parametrize("build", ["dev", "prod"])
def test_the_adopted_site_wears_its_own_brand(adopted, build):
    """BRAND's colours, motif and logo, not the demo's, in what browsers get."""
    output, _log = adopted[build]
    css = "\n".join(p.read_text("utf-8") for p in (output / "theme").glob("site*.css"))
    for own in ("--primary:#0b5c7a", "--accent:#f4a259", "--paper:#fbfdfe"):
        assert own in css
    for demo in ("#1f6f50", "#e9c46a", "#fdfcf8"):  # the demo party's colours
        assert demo not in css
    assert "data:image/svg+xml,%3Csvg" in css and "M0 6q5-6" in css  # its wave
    assert 'html:lang(ar){font-family:"Naskh",var(--sans)}' in css
    page = lxml_html.fromstring((output / "en/index.html").read_bytes())
    assert page.xpath("//a[@class='brand']/img/@src")[0].endswith("images/wave.svg")
