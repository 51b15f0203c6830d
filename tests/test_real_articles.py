"""Articles as editors really paste them (tests/fixtures/real_articles: no
summary, no place, typographic quotes, numbered lists, a video link, tags
without brackets) publish in a production build, with a summary and a place
derived for them everywhere a summary or place shows."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import feedparser
import pytest
from conftest import Site, build_site, copy_project

FIXTURES = Path(__file__).parent / "fixtures" / "real_articles"


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> tuple[Site, str]:
    project = copy_project(tmp_path_factory.mktemp("real"))
    for section in ("news", "press", "events"):
        shutil.rmtree(project / "content" / section)
    for section in ("news", "press"):
        shutil.copytree(FIXTURES / section, project / "content" / section)
    output = project / "output"
    result = build_site(output, "publishconf.py", project)
    return Site(output), result.stdout + result.stderr


def first_words(path: Path) -> str:
    body = path.read_text("utf-8").split("\n---\n", 1)[1].strip()
    return body.split("\n")[0]


@pytest.mark.parametrize(
    ("url", "source"),
    [
        ("/ar/akhbar/oujda-water-cuts/", "news/oujda-water-cuts.ar.md"),
        ("/fr/actualites/oujda-water-cuts/", "news/oujda-water-cuts.fr.md"),
        ("/fr/communiques/drought-plan/", "press/drought-plan.fr.md"),
        ("/ar/balaghat/drought-plan/", "press/drought-plan.ar.md"),
    ],
)
def test_a_pasted_article_publishes_with_a_summary_from_its_first_paragraph(
    built, url, source
):
    site, log = built
    assert "Content: 0 errors" in log or "Content: no mistake found." in log
    page = site.page(url)
    paragraph = first_words(FIXTURES / source)
    description = page.xpath("//meta[@name='description']/@content")[0]
    assert description.endswith("…") and len(description) <= 201
    assert paragraph.startswith(description[:-1])
    assert paragraph[len(description) - 1] == " "  # cut between two words
    # Everywhere a summary is: social cards' text, JSON-LD.
    og = page.xpath("//meta[@property='og:description']/@content")
    assert og == [description]
    data = [
        json.loads(s)
        for s in page.xpath("//script[@type='application/ld+json']/text()")
    ]
    assert description in json.dumps(data, ensure_ascii=False)
    # The text itself: the numbered list, the quotes as typed, once.
    assert len(page.xpath("//main//ol/li")) == 3
    text = page.xpath("//main")[0].text_content()
    assert "«" in text
    assert text.count(paragraph[:60]) == 1  # the summary is not shown twice


def test_the_video_link_becomes_a_click_to_load_box(built):
    site, _log = built
    page = site.page("/fr/actualites/oujda-water-cuts/")
    links = page.xpath("//main//a[contains(@href, 'dQw4w9WgXcQ')]")
    assert links and not page.xpath("//iframe")


def test_listings_and_feeds_carry_the_derived_summary(built):
    site, _log = built
    article = site.page("/fr/actualites/oujda-water-cuts/")
    description = article.xpath("//meta[@name='description']/@content")[0]
    listing = site.page("/fr/actualites/").text_content()
    assert description in listing
    feed = feedparser.parse(site.path("/fr/feed.atom").read_bytes())
    entry = next(e for e in feed.entries if "oujda-water-cuts" in e.link)
    assert entry.summary == description


@pytest.mark.parametrize(
    ("url", "place"),
    [
        ("/fr/communiques/drought-plan/", "Agadir"),
        ("/ar/balaghat/drought-plan/", "أكادير"),
    ],
)
def test_a_release_without_place_is_dated_from_its_region_seat(built, url, place):
    site, _log = built
    header = site.page(url).xpath("//main//header")[0].text_content()
    assert place in header
