"""What feed readers show besides the items: each item's author (readers such
as newsboat and feedparser ignore the feed-level one) and the feed's images
in the sizes RSS 2.0 and Atom (RFC 4287) ask for."""

from __future__ import annotations

import feedparser
from conftest import Site
from PIL import Image

BASE = "http://localhost:8000"
NAMES = {"ar": "حزب الأرز", "fr": "Parti du Cèdre", "zgh": "ⴰⴽⴰⴱⴰⵔ ⵏ ⵓⵢⴷⴳⵍ"}


def feeds(demo: Site) -> list:
    return sorted(demo.root.rglob("feed.atom")) + sorted(demo.root.rglob("feed.rss"))


def image_size(demo: Site, url: str) -> tuple[int, int]:
    assert url.startswith(BASE + "/"), url
    with Image.open(demo.path(url.removeprefix(BASE))) as image:
        return image.size


def test_every_item_names_its_author(demo: Site):
    checked = 0
    for file in feeds(demo):
        code = file.relative_to(demo.root).parts[0]
        parsed = feedparser.parse(file.read_bytes())
        assert not parsed.bozo, file
        for entry in parsed.entries:
            assert entry.get("author") == NAMES[code], (file, entry.title)
            checked += 1
    assert checked > 50


def test_rss_image_is_at_most_144_wide_with_its_size(demo: Site):
    for file in sorted(demo.root.rglob("feed.rss")):
        image = feedparser.parse(file.read_bytes()).feed.image
        width, height = image_size(demo, image.href)
        assert (image.width, image.height) == (width, height), file
        assert width <= 144 and height <= 400


def test_atom_icon_is_square_and_logo_twice_as_wide(demo: Site):
    for file in sorted(demo.root.rglob("feed.atom")):
        feed = feedparser.parse(file.read_bytes()).feed
        width, height = image_size(demo, feed.icon)
        assert width == height, file
        width, height = image_size(demo, feed.logo)
        assert width == 2 * height, file


def test_a_feed_logo_that_is_not_there_is_reported(tmp_path):
    from conftest import build_site, copy_project

    project = copy_project(tmp_path / "project")
    settings = project / "pelicanconf.py"
    text = settings.read_text("utf-8")
    assert 'FEED_LOGO = "images/logo.png"' in text
    settings.write_text(text.replace("images/logo.png", "images/logo.gif", 1), "utf-8")
    result = build_site(project / "out", "pelicanconf.py", project)
    log = " ".join((result.stdout + result.stderr).split())
    assert "FEED_LOGO images/logo.gif: not a PNG or JPEG in content/" in log
    rss = feedparser.parse((project / "out/fr/feed.rss").read_bytes())
    assert rss.feed.image.href.endswith("/images/logo-1024.png")
