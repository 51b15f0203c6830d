"""Every feed against the rules the W3C Feed Validator enforces (it runs on
Python 2 only, so its checks are written here), on the party's own site (site
checks); what the fixture site's feeds hold is tested on it."""

from __future__ import annotations

import re
from email.utils import parsedate_to_datetime
from pathlib import Path

import feedparser
import pytest
from conftest import Site, languages, listed_sections, section_url
from lxml import etree
from lxml import html as lxml_html

ATOM = "{http://www.w3.org/2005/Atom}"
BASE = "http://localhost:8000"  # the fixture site's DEV_SITEURL
# RFC 822 as RSS 2.0 wants it: day name, 4-digit year, numeric zone.
RFC822 = re.compile(
    r"(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} "
    r"(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} "
    r"\d{2}:\d{2}:\d{2} [+-]\d{4}"
)
RFC3339 = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})")
ABSOLUTE = ("http://", "https://", "mailto:", "tel:")


def feeds(site: Site, kind: str) -> list[Path]:
    return sorted(site.root.rglob(f"feed.{kind}"))


@pytest.fixture(scope="module")
def base(settings) -> str:
    return settings["DEV_SITEURL"]


@pytest.mark.site
def test_every_language_has_its_feeds_and_its_press_feeds(party_site: Site, settings):
    press = {
        key: section
        for key, section in listed_sections(settings).items()
        if section.get("kind", key) == "press"
    }
    for code in languages(settings):
        for fmt in ("atom", "rss"):
            assert (party_site.root / code / f"feed.{fmt}").exists()
            for key, section in press.items():
                segment = section_url(section, key, code)
                assert (party_site.root / code / segment / f"feed.{fmt}").exists()
    assert len(feeds(party_site, "atom")) == len(feeds(party_site, "rss"))


def test_every_feed_kind_exists_in_every_language(kit: Site):
    for code, press in (("ar", "balaghat"), ("fr", "communiques"), ("zgh", "isiwdn")):
        for fmt in ("atom", "rss"):
            assert (kit.root / code / f"feed.{fmt}").exists()
            assert (kit.root / code / press / f"feed.{fmt}").exists()
    assert len(feeds(kit, "atom")) == len(feeds(kit, "rss")) == 3 * (1 + 1 + 3)


@pytest.mark.site
def test_every_feed_parses_without_error(party_site: Site, base: str):
    for path in feeds(party_site, "atom") + feeds(party_site, "rss"):
        parsed = feedparser.parse(path.read_bytes())
        assert not parsed.bozo, (path, parsed.get("bozo_exception"))
        assert parsed.version in ("atom10", "rss20"), path


@pytest.mark.site
def test_rss_has_atom_self_link_and_rfc822_dates(party_site: Site, base: str):
    for path in feeds(party_site, "rss"):
        channel = etree.parse(str(path)).getroot().find("channel")
        (self_link,) = channel.findall(f"{ATOM}link[@rel='self']")
        assert (
            self_link.get("href")
            == f"{base}/{path.relative_to(party_site.root).as_posix()}"
        )
        assert self_link.get("type") == "application/rss+xml"
        dates = channel.xpath(
            "lastBuildDate/text() | pubDate/text() | item/pubDate/text()"
        )
        assert dates, path
        for value in dates:
            assert RFC822.fullmatch(value), (path, value)
            assert parsedate_to_datetime(value).tzinfo is not None
        # The channel image: a format RSS allows.
        assert channel.findtext("image/url").endswith((".png", ".gif", ".jpg"))


@pytest.mark.site
def test_atom_dates_are_rfc3339_and_entries_complete(party_site: Site, base: str):
    for path in feeds(party_site, "atom"):
        root = etree.parse(str(path)).getroot()
        assert RFC3339.fullmatch(root.findtext(f"{ATOM}updated"))
        assert root.find(f"{ATOM}author/{ATOM}name").text  # covers every entry
        (self_link,) = root.findall(f"{ATOM}link[@rel='self']")
        assert (
            self_link.get("href")
            == f"{base}/{path.relative_to(party_site.root).as_posix()}"
        )
        for entry in root.iter(f"{ATOM}entry"):
            for name in ("id", "title", "updated", "published"):
                assert entry.findtext(f"{ATOM}{name}"), (path, name)
            for name in ("updated", "published"):
                assert RFC3339.fullmatch(entry.findtext(f"{ATOM}{name}")), path
            assert entry.findtext(f"{ATOM}published") <= entry.findtext(
                f"{ATOM}updated"
            )


@pytest.mark.site
def test_no_relative_reference_anywhere(party_site: Site, base: str):
    for path in feeds(party_site, "atom") + feeds(party_site, "rss"):
        root = etree.parse(str(path)).getroot()
        for element in root.iter():
            for attr in ("href", "url", "src"):
                if element.get(attr):
                    assert element.get(attr).startswith(ABSOLUTE), (path, element.tag)
        parsed = feedparser.parse(path.read_bytes())
        for entry in parsed.entries:
            assert entry.link.startswith(base)
            for block in [c.value for c in entry.get("content", [])] + [
                entry.get("summary", "")
            ]:
                if not block.strip():
                    continue
                tree = lxml_html.fromstring(f"<div>{block}</div>")
                for value in tree.xpath("//@href | //@src | //@poster"):
                    assert value.startswith(ABSOLUTE), (path, value)


def check_ids(site: Site, pattern: re.Pattern) -> int:
    """Ids unique in each feed, each of the pattern; how many."""
    count = 0
    for path in feeds(site, "atom") + feeds(site, "rss"):
        parsed = feedparser.parse(path.read_bytes())
        ids = [entry.id for entry in parsed.entries]
        assert len(ids) == len(set(ids)), path
        for ident in ids:
            assert pattern.fullmatch(ident), ident
        count += len(ids)
    return count


@pytest.mark.site
def test_ids_are_unique_permanent_tag_uris(party_site: Site, settings):
    authority = re.escape(settings["PARTY"]["tag_authority"])
    codes = "|".join(languages(settings))
    check_ids(party_site, re.compile(rf"tag:{authority}:[\w-]+/[\w-]+/({codes})"))


def test_the_fixture_site_s_ids_name_kind_key_and_language(kit: Site):
    pattern = r"tag:parti-du-cedre\.example,2026:(news|press)/[\w-]+/(ar|fr|zgh)"
    assert check_ids(kit, re.compile(pattern)) > 50


def check_enclosures(site: Site, base: str) -> int:
    """At most one enclosure per item, its length and type right; how many."""
    seen = 0
    for path in feeds(site, "rss"):
        for item in etree.parse(str(path)).getroot().iter("item"):
            enclosures = item.findall("enclosure")
            assert len(enclosures) <= 1, path
            for enclosure in enclosures:
                seen += 1
                local = site.path(enclosure.get("url").removeprefix(base))
                assert int(enclosure.get("length")) == local.stat().st_size > 0
                assert re.fullmatch(r"[a-z]+/[\w.+-]+", enclosure.get("type"))
    for path in feeds(site, "atom"):
        for entry in etree.parse(str(path)).getroot().iter(f"{ATOM}entry"):
            enclosures = entry.findall(f"{ATOM}link[@rel='enclosure']")
            assert len(enclosures) <= 1, path
            for enclosure in enclosures:
                assert int(enclosure.get("length")) > 0 and enclosure.get("type")
    return seen


@pytest.mark.site
def test_one_enclosure_per_item_with_length_and_type(party_site: Site, base: str):
    check_enclosures(party_site, base)


def test_the_fixture_site_s_photos_and_attachments_are_enclosures(kit: Site):
    assert check_enclosures(kit, BASE) >= 5


@pytest.mark.parametrize("name", ["feed.atom", "feed.rss"])
def test_a_correction_moves_updated_not_published(kit: Site, name: str):
    parsed = feedparser.parse((kit.root / "fr/communiques" / name).read_bytes())
    entry = next(e for e in parsed.entries if "souss-massa-regional-budget" in e.id)
    assert entry.published.startswith(("2026-10-21T17:00:00+00:00", "Wed, 21 Oct 2026"))
    body = entry.content[0].value
    assert "Corrigé" in body and "47 %, et non de 41 %" in body
    if name == "feed.atom":
        assert entry.updated == "2026-10-22T11:30:00+00:00"
        assert parsed.feed.updated >= entry.updated
        untouched = next(e for e in parsed.entries if "oriental-school" in e.id)
        assert untouched.updated == untouched.published
    # The release's attachment is its enclosure, and linked in the text.
    (enclosure,) = entry.enclosures
    assert enclosure.type == "application/pdf"
    assert f'href="{enclosure.href}"' in body
