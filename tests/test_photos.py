"""Published photos lose their EXIF data (phone photos carry GPS positions)."""

from __future__ import annotations

from pathlib import Path

from conftest import Site, build_site, copy_project
from PIL import Image


def test_gps_and_camera_data_are_removed_from_published_photos(tmp_path: Path):
    project = copy_project(tmp_path / "project")
    source = project / "content/images/phone-photo.jpg"
    exif = Image.Exif()
    exif[0x010F] = "PhoneMaker"  # camera make
    exif[0x8825] = {1: "N", 2: (34.0, 3.0, 0.0), 3: "W", 4: (4.0, 58.0, 0.0)}  # GPS
    Image.new("RGB", (64, 48), (31, 111, 80)).save(source, "JPEG", exif=exif)
    assert Image.open(source).getexif().get(0x010F) == "PhoneMaker"

    build_site(project / "out", cwd=project)
    published = Site(project / "out").path("/images/phone-photo.jpg")
    with Image.open(published) as image:
        assert "exif" not in image.info
        assert not image.getexif()
        assert image.size == (64, 48)
    # The editor's original is untouched.
    assert Image.open(source).getexif().get(0x010F) == "PhoneMaker"


def test_feed_enclosure_length_is_the_published_file_size(tmp_path: Path):
    import feedparser

    project = copy_project(tmp_path / "project")
    source = project / "content/images/phone-photo.jpg"
    exif = Image.Exif()
    exif[0x010F] = "PhoneMaker" * 50
    Image.new("RGB", (64, 48), (31, 111, 80)).save(source, "JPEG", exif=exif)
    article = project / "content/news/trilingual-website-launch.fr.md"
    text = article.read_text("utf-8").replace(
        "image: images/website-launch.jpg", "image: images/phone-photo.jpg"
    )
    article.write_text(text, "utf-8")
    build_site(project / "out", cwd=project)
    published = project / "out/images/phone-photo.jpg"
    parsed = feedparser.parse((project / "out/fr/feed.rss").read_bytes())
    lengths = [
        int(e.enclosures[0].length)
        for e in parsed.entries
        if e.get("enclosures") and e.enclosures[0].href.endswith("phone-photo.jpg")
    ]
    assert lengths == [published.stat().st_size]
    assert published.stat().st_size < source.stat().st_size
