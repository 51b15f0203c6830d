"""Photos are served at the size the screen needs: <picture> with WebP and the
photo's own format at several widths, width/height, lazy loading below the
fold; made once and cached; without camera or GPS data."""

from __future__ import annotations

import re
from pathlib import Path

from conftest import Site, build_site, copy_project
from PIL import Image

ARTICLE = "/fr/actualites/trilingual-website-launch/"


def _candidates(srcset: str) -> list[tuple[str, int]]:
    return [
        (url, int(width.removesuffix("w")))
        for url, width in (entry.split() for entry in srcset.split(", "))
    ]


def _check_files(site: Site, srcset: str, ratio: float) -> None:
    """Every candidate exists and is as wide as its descriptor says."""
    for url, width in _candidates(srcset):
        with Image.open(site.path(url)) as image:
            assert image.width == width, url
            assert abs(image.height - width / ratio) <= 1, url


def test_lead_photo_is_a_picture_with_webp_and_sizes(kit: Site):
    picture = kit.page(ARTICLE).xpath("//figure[@class='lead']/picture")[0]
    source = picture.xpath(".//source")[0]
    img = picture.xpath(".//img")[0]
    assert source.get("type") == "image/webp"
    assert img.get("src") == "/images/website-launch.jpg"  # the original, kept
    assert (img.get("width"), img.get("height")) == ("1200", "800")
    assert img.get("fetchpriority") == "high"
    assert img.get("loading") is None  # the lead photo is not delayed
    assert img.get("alt")
    assert source.get("sizes") == img.get("sizes")
    webp = _candidates(source.get("srcset"))
    own = _candidates(img.get("srcset"))
    assert [w for _u, w in webp] == [320, 640, 960, 1200]
    assert [w for _u, w in own] == [320, 640, 960, 1200]
    assert all(url.endswith(".webp") for url, _w in webp)
    assert all(url.endswith(".jpg") for url, _w in own)
    _check_files(kit, source.get("srcset"), 1.5)
    _check_files(kit, img.get("srcset"), 1.5)
    with Image.open(kit.path(webp[0][0])) as image:
        assert image.format == "WEBP"
    # The small WebP is much lighter than the original.
    small, original = kit.path(webp[0][0]), kit.path(own[-1][0])
    assert small.stat().st_size * 5 < original.stat().st_size


def test_listing_thumbnails_load_lazily(kit: Site, fixture_settings):
    # Listings show small thumbnails; the home page's news tiles are wider.
    tile = fixture_settings["RESPONSIVE_IMAGES"]["sizes"]["tile"]
    for url, kind, sizes in (
        ("/fr/", "tile", tile),
        ("/ar/akhbar/", "card", "8rem"),
        ("/zgh/isaln/", "card", "8rem"),
    ):
        cards = kit.page(url).xpath(f"//article[contains(@class, '{kind}')]//img")
        assert cards, url
        for img in cards:
            assert img.get("loading") == "lazy"
            assert img.get("width") and img.get("height")
            assert img.get("sizes") == sizes
            assert img.xpath("ancestor::picture")


def test_photo_in_the_text_is_responsive_without_exif_and_made_once(tmp_path: Path):
    project = copy_project(tmp_path / "project")
    photo = project / "content/images/market-day.jpg"
    exif = Image.Exif()
    exif[0x010F] = "PhoneMaker"
    exif[0x8825] = {1: "N", 2: (34.0, 3.0, 0.0), 3: "W", 4: (4.0, 58.0, 0.0)}
    Image.new("RGB", (1000, 750), (200, 120, 60)).save(photo, "JPEG", exif=exif)
    article = project / "content/news/water-drought-plan.fr.md"
    article.write_text(
        article.read_text("utf-8")
        + "\n\n![Le marché du jeudi]({static}/images/market-day.jpg)\n",
        "utf-8",
    )
    build_site(project / "out", cwd=project)
    site = Site(project / "out")
    page = site.page("/fr/actualites/water-drought-plan/")
    img = page.xpath("//div[@class='prose']//picture//img")[0]
    assert img.get("alt") == "Le marché du jeudi"
    assert img.get("loading") == "lazy"  # below the lead photo
    assert (img.get("width"), img.get("height")) == ("1000", "750")
    webp = page.xpath("//div[@class='prose']//picture//source/@srcset")[0]
    assert [w for _u, w in _candidates(webp)] == [320, 640, 960, 1000]
    files = [site.path(u) for u, _w in _candidates(webp + ", " + img.get("srcset"))]
    for file in files:
        with Image.open(file) as image:
            assert "exif" not in image.info, file
            assert not image.getexif(), file

    # A second build encodes nothing: the cached derivatives are not rewritten.
    cache = sorted((project / "cache/responsive_images").glob("market-day-*"))
    assert len(cache) == 8  # 3 JPEG + 4 WebP + the manifest
    before = {p: p.stat().st_mtime_ns for p in cache}
    build_site(project / "out2", cwd=project)
    assert {p: p.stat().st_mtime_ns for p in cache} == before
    assert (project / "out2/fr/actualites/water-drought-plan/index.html").read_text(
        "utf-8"
    ) == (project / "out/fr/actualites/water-drought-plan/index.html").read_text(
        "utf-8"
    )

    # A replaced photo gets new derivatives, under new names.
    Image.new("RGB", (1000, 750), (20, 120, 200)).save(photo, "JPEG")
    build_site(project / "out3", cwd=project)
    html = (project / "out3/fr/actualites/water-drought-plan/index.html").read_text(
        "utf-8"
    )
    names = set(re.findall(r"market-day-[0-9a-f]+", html))
    assert len(names) == 1 and names.isdisjoint(p.name[:21] for p in cache)
