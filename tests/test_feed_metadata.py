"""What feed readers show besides the items: each item's author (readers such
as newsboat and feedparser ignore the feed-level one) and the feed's images
in the sizes RSS 2.0 and Atom (RFC 4287) ask for."""

from __future__ import annotations

import feedparser
import pytest
from conftest import Site
from PIL import Image

NAMES = {"ar": "حزب الأرز", "fr": "Parti du Cèdre", "zgh": "ⴰⴽⴰⴱⴰⵔ ⵏ ⵓⵢⴷⴳⵍ"}


def feeds(site: Site) -> list:
    return sorted(site.root.rglob("feed.atom")) + sorted(site.root.rglob("feed.rss"))


def image_size(site: Site, base: str, url: str) -> tuple[int, int]:
    assert url.startswith(base + "/"), url
    with Image.open(site.path(url.removeprefix(base))) as image:
        return image.size


def authors_checked(site: Site, names: dict[str, str]) -> int:
    """Every item of every feed names the party, in the feed's language."""
    checked = 0
    for file in feeds(site):
        code = file.relative_to(site.root).parts[0]
        parsed = feedparser.parse(file.read_bytes())
        assert not parsed.bozo, file
        for entry in parsed.entries:
            assert entry.get("author") == names[code], (file, entry.title)
            checked += 1
    return checked


@pytest.mark.site
def test_every_item_names_its_author(party_site: Site, settings):
    authors_checked(party_site, settings["PARTY"]["name"])


def test_every_item_of_the_fixture_site_names_the_party(kit: Site, fixture_settings):
    assert fixture_settings["PARTY"]["name"] == NAMES
    assert authors_checked(kit, NAMES) > 50


@pytest.mark.site
def test_rss_image_is_at_most_144_wide_with_its_size(party_site: Site, settings):
    for file in sorted(party_site.root.rglob("feed.rss")):
        image = feedparser.parse(file.read_bytes()).feed.image
        width, height = image_size(party_site, settings["DEV_SITEURL"], image.href)
        assert (image.width, image.height) == (width, height), file
        assert width <= 144 and height <= 400


@pytest.mark.site
def test_atom_icon_is_square_and_logo_twice_as_wide(party_site: Site, settings):
    base = settings["DEV_SITEURL"]
    for file in sorted(party_site.root.rglob("feed.atom")):
        feed = feedparser.parse(file.read_bytes()).feed
        width, height = image_size(party_site, base, feed.icon)
        assert width == height, file
        width, height = image_size(party_site, base, feed.logo)
        assert width == 2 * height, file


def test_a_feed_logo_that_is_not_there_is_reported(tmp_path):
    from conftest import build_site, copy_project

    project = copy_project(tmp_path / "project")
    settings = project / "pelicanconf.py"
    text = settings.read_text("utf-8")
    assert 'FEED_LOGO = "images/logo.png"' in text
    settings.write_text(
        text.replace('FEED_LOGO = "images/logo.png"', 'FEED_LOGO = "images/logo.gif"'),
        "utf-8",
    )
    result = build_site(project / "out", "pelicanconf.py", project)
    log = " ".join((result.stdout + result.stderr).split())
    assert "FEED_LOGO images/logo.gif: not a PNG or JPEG in content/" in log
    rss = feedparser.parse((project / "out/fr/feed.rss").read_bytes())
    assert rss.feed.image.href.endswith("/images/logo-1024.png")
