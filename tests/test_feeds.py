"""Feeds as a newsroom's reader gets them: valid, in the right language, full
text with absolute links, the photo attached, and ids that survive edits."""

from __future__ import annotations

from pathlib import Path

import feedparser
import pytest
from conftest import Site, build_site, copy_project
from lxml import html as lxml_html

BASE = "http://localhost:8000"
TAGS = {"ar": "ar-MA", "fr": "fr-MA", "zgh": "zgh"}


def all_feeds(site: Site) -> list[Path]:
    return sorted(site.root.rglob("feed.atom")) + sorted(site.root.rglob("feed.rss"))


def test_every_language_has_all_press_and_region_feeds(kit: Site):
    for code in TAGS:
        feeds = {
            f.relative_to(kit.root).as_posix()
            for f in all_feeds(kit)
            if f.relative_to(kit.root).parts[0] == code
        }
        assert f"{code}/feed.atom" in feeds and f"{code}/feed.rss" in feeds
        assert sum("/feed.atom" in f for f in feeds) >= 1 + 1 + 3, feeds


@pytest.mark.parametrize("code", TAGS)
def test_feeds_parse_and_declare_their_language(kit: Site, code: str):
    for path in all_feeds(kit):
        if path.relative_to(kit.root).parts[0] != code:
            continue
        parsed = feedparser.parse(path.read_bytes())
        assert not parsed.bozo, (path, parsed.get("bozo_exception"))
        assert parsed.feed.get("language") == TAGS[code], path
        self_links = [link.href for link in parsed.feed.links if link.rel == "self"]
        url = BASE + "/" + path.relative_to(kit.root).as_posix()
        assert self_links == [url], path


def test_entries_carry_full_text_with_absolute_links(kit: Site):
    parsed = feedparser.parse((kit.root / "fr/feed.atom").read_bytes())
    assert len(parsed.entries) >= 5
    for entry in parsed.entries:
        assert entry.link.startswith(BASE + "/fr/")
        assert kit.path(entry.link.removeprefix(BASE)).exists()
        assert entry.summary
        body = entry.content[0].value
        assert len(body) > 400, "full text, not a teaser"
        tree = lxml_html.fromstring(f"<div>{body}</div>")
        for attr in tree.xpath("//@href | //@src"):
            assert attr.startswith(("http://", "https://", "mailto:", "tel:")), attr


def test_lead_image_is_an_enclosure_with_length_and_type(kit: Site):
    """The lead image, or a release's first attachment (one per item)."""
    for name in ("feed.atom", "feed.rss"):
        parsed = feedparser.parse((kit.root / "fr" / name).read_bytes())
        with_image = [e for e in parsed.entries if e.get("enclosures")]
        assert with_image, name
        types = set()
        for entry in with_image:
            (enclosure,) = entry.enclosures
            types.add(enclosure.type)
            local = kit.path(enclosure.href.removeprefix(BASE))
            assert int(enclosure.length) == local.stat().st_size
        assert types == {"image/jpeg", "image/png", "application/pdf"}, name


def test_atom_entry_links_keep_rel_and_type(kit: Site):
    """feedgen 1.0 loses them (python-feedgen #135); we write them ourselves."""
    from lxml import etree

    tree = etree.parse(str(kit.root / "fr/feed.atom"))
    ns = {"a": "http://www.w3.org/2005/Atom"}
    for entry in tree.xpath("//a:entry", namespaces=ns):
        rels = [link.get("rel") for link in entry.xpath("a:link", namespaces=ns)]
        assert rels.count("alternate") == 1
        assert set(rels) <= {"alternate", "enclosure"}


def test_rss_dates_and_guids(kit: Site):
    parsed = feedparser.parse((kit.root / "ar/feed.rss").read_bytes())
    for entry in parsed.entries:
        assert entry.published_parsed
        assert entry.id.startswith(
            "tag:parti-du-cedre.example,2026:news/"
        ) or entry.id.startswith("tag:parti-du-cedre.example,2026:press/")
        assert entry.guidislink is False


def test_ids_survive_a_title_slug_and_date_edit(tmp_path: Path):
    project = copy_project(tmp_path / "project")
    build_site(tmp_path / "before", cwd=project)
    article = project / "content/news/trilingual-website-launch.fr.md"
    text = article.read_text("utf-8")
    head, body = text.split("\n---\n", 1)
    lines = [
        line
        for line in head.splitlines()
        if not line.startswith(("title:", "date:", "slug:"))
    ]
    lines += [
        'title: "Titre corrigé"',
        "date: 2025-10-07 12:00",
        "slug: site-trilingue",
    ]
    article.write_text("\n".join(lines) + "\n---\n" + body, "utf-8")
    build_site(tmp_path / "after", cwd=project)

    def ids(root: Path) -> dict[str, str]:
        parsed = feedparser.parse((root / "fr/feed.atom").read_bytes())
        return {e.id: e.title for e in parsed.entries}

    before, after = ids(tmp_path / "before"), ids(tmp_path / "after")
    assert set(before) == set(after)
    edited = "tag:parti-du-cedre.example,2026:news/trilingual-website-launch/fr"
    assert after[edited] == "Titre corrigé" != before[edited]


def test_pages_announce_their_language_feeds(kit: Site):
    page = kit.page("/zgh/")
    feeds = page.xpath("//link[@rel='alternate'][@type='application/atom+xml']/@href")
    assert "/zgh/feed.atom" in feeds
    assert all(href.startswith("/zgh/") for href in feeds)
    assert kit.path("/zgh/feeds/").exists()


def test_feeds_page_lists_every_feed_of_its_language(kit: Site):
    page = kit.page("/fr/feeds/")
    hrefs = set(page.xpath("//main//a/@href"))
    for path in all_feeds(kit):
        relative = path.relative_to(kit.root).as_posix()
        if relative.startswith("fr/"):
            assert "/" + relative in hrefs


def test_production_feeds_use_the_public_address(kit_production: Site):
    parsed = feedparser.parse(
        kit_production.path("/fr/communiques/feed.rss").read_bytes()
    )
    assert parsed.feed.link.startswith("https://www.parti-du-cedre.example/fr/")
    assert all(
        e.link.startswith("https://www.parti-du-cedre.example/") for e in parsed.entries
    )
