"""Shared links show a card: 1200x630, in the page's language, the Arabic
title joined and right to left (raqm), Tifinagh drawn with its own font."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from conftest import ROOT, Site, build_site, copy_project
from PIL import Image, ImageChops, ImageFont, features

from social_cards.render import Style, render_base, render_card

KEY = "news/trilingual-website-launch"
ARTICLES = {
    "ar": "/ar/akhbar/trilingual-website-launch/",
    "fr": "/fr/actualites/trilingual-website-launch/",
    "zgh": "/zgh/isaln/trilingual-website-launch/",
}
FONTS = ROOT / "theme/fonts"
ARABIC = Style(
    [
        str(FONTS / "noto-naskh-arabic-arabic-700-normal.woff2"),
        str(FONTS / "noto-naskh-arabic-latin-700-normal.woff2"),
    ],
    "rtl",
    "ar-MA",
)


def _meta(page, name: str) -> str:
    found = page.xpath(f"//meta[@property='{name}' or @name='{name}']/@content")
    assert len(found) == 1, name
    return found[0]


SITEURL = "https://www.parti-du-cedre.example"  # the fixture site's


def _card_file(site: Site, page, siteurl: str = SITEURL) -> Path:
    url = _meta(page, "og:image")
    assert url.startswith(f"{siteurl}/images/social/")
    return site.path(url.removeprefix(siteurl))


@pytest.mark.site
def test_every_published_page_announces_its_card(
    party_production: Site, production_settings
):
    siteurl = production_settings["SITEURL"]
    for file in party_production.html_files():
        page = party_production.page(party_production.url_of(file))
        if page.xpath("//main"):
            card = _card_file(party_production, page, siteurl)
            assert card.exists(), file
            assert _meta(page, "og:image:width") == "1200"
            assert _meta(page, "og:image:height") == "630"
            assert _meta(page, "twitter:card") == "summary_large_image"


def test_development_builds_draw_no_cards(kit: Site):
    page = kit.page(ARTICLES["fr"])
    assert not page.xpath("//meta[@property='og:image']")
    assert not (kit.root / "images/social").exists()


def test_a_second_build_draws_no_card_again(
    kit_production: Site, kit_project: Path, tmp_path: Path
):
    page = kit_production.page(ARTICLES["ar"])
    name = _card_file(kit_production, page).name
    cached = kit_project / "cache/social_cards" / name
    before = cached.stat().st_mtime_ns
    build_site(tmp_path / "again", "publishconf.py", kit_project)
    assert (tmp_path / "again/images/social" / name).read_bytes() == (
        cached.read_bytes()
    )
    assert cached.stat().st_mtime_ns == before


def test_one_card_per_language_with_the_title_drawn(kit_production: Site):
    cards = {}
    for code, url in ARTICLES.items():
        file = _card_file(kit_production, kit_production.page(url))
        assert file.name.startswith(f"{code}-news-trilingual-website-launch-")
        with Image.open(file) as image:
            assert image.size == (1200, 630)
            assert image.format == "PNG"
            cards[code] = image.convert("RGB")
    # Different titles in different scripts: three different pictures.
    assert ImageChops.difference(cards["ar"], cards["fr"]).getbbox()
    assert ImageChops.difference(cards["zgh"], cards["fr"]).getbbox()
    # The title band holds white text on the party's green.
    for image in cards.values():
        band = image.crop((72, 200, 1128, 500))
        assert (255, 255, 255) in {c for _n, c in band.getcolors(1 << 20)}
    # Tifinagh letters are drawn, not missing-glyph boxes: the card differs
    # from one drawn with a font that lacks Tifinagh.
    title = "ⴰⵙⵉⵜ ⴰⵎⵣⵡⴰⵔⵓ"
    tifinagh = Style(
        [str(FONTS / "noto-sans-tifinagh-tifinagh-400-normal.woff2")], "ltr", "zgh"
    )
    latin = Style([str(FONTS / "noto-sans-latin-700-normal.woff2")], "ltr", "zgh")
    assert ImageChops.difference(_draw(title, tifinagh), _draw(title, latin)).getbbox()


def _draw(title: str, style: Style) -> Image.Image:
    base = render_base(name="", style=style, colors={}, logo=None)
    return render_card(
        base=base, title=title, footer="", style=style, footer_style=style
    )


def test_arabic_title_is_shaped_and_right_to_left():
    if not features.check("raqm"):
        message = "Pillow has no raqm: apt-get install libfribidi0"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    title = "حزب الأرز يطلق أول موقع إلكتروني"
    shaped = _draw(title, ARABIC)
    basic = Style(ARABIC.fonts, "rtl", "ar-MA", ImageFont.Layout.BASIC)
    unshaped = _draw(title, basic)
    # Basic layout draws isolated letters left to right: another picture.
    assert ImageChops.difference(shaped, unshaped).getbbox()
    # Right-aligned: the text ends at the right margin, not the left one.
    ink = ImageChops.difference(shaped, Image.new("RGB", shaped.size, "#1f6f50"))
    left, _top, right, _bottom = ink.crop((0, 150, 1200, 500)).getbbox()
    assert right > 1100 and left > 150


def test_a_changed_title_gets_a_new_card_and_the_old_leaves_the_cache(
    tmp_path: Path,
):
    project = copy_project(tmp_path / "project")
    site = Site(project / "output")
    build_site(site.root, "publishconf.py", project)
    old = _card_file(site, site.page(ARTICLES["fr"])).name
    cache = project / "cache/social_cards"
    assert (cache / old).exists()

    article = project / f"content/{KEY}.fr.md"
    text = article.read_text("utf-8")
    article.write_text(text.replace('title: "', 'title: "Mis à jour, ', 1), "utf-8")
    build_site(site.root, "publishconf.py", project)
    new = _card_file(site, site.page(ARTICLES["fr"])).name
    assert new != old
    assert (cache / new).exists()
    assert not (cache / old).exists(), "old cards do not pile up in the cache"
    # The other languages' cards were kept, not drawn again.
    assert (cache / _card_file(site, site.page(ARTICLES["ar"])).name).exists()


def test_cards_of_one_section_share_only_the_footer(tmp_path: Path):
    """The footer band is drawn once per section and language and reused:
    the second card must show its own title over it, not the first's."""
    from types import SimpleNamespace

    from social_cards import Cards

    settings = {
        "CACHE_PATH": str(tmp_path / "cache"),
        "PATH": str(tmp_path),
        "THEME": str(ROOT / "theme"),
        "SITEURL": SITEURL,
        "SOCIAL_CARDS": {
            "fonts": {"*": ["fonts/noto-sans-latin-700-normal.woff2"]},
        },
    }
    cards = Cards(settings, str(tmp_path / "output"))
    lang = SimpleNamespace(code="fr", direction="ltr", tag="fr")
    style = Style([str(FONTS / "noto-sans-latin-700-normal.woff2")] * 2, "ltr", "fr")
    base = render_base(name="", style=style, colors={}, logo=None)
    for title in ("Premier titre", "Un autre titre, bien plus long que le premier"):
        item = SimpleNamespace(title=title, section="news", key=title[:5])
        card = cards.card(item, lang, "Actualités")
        with Image.open(tmp_path / "output" / card.url) as image:
            drawn = image.convert("RGB")
        alone = render_card(
            base=base,
            title=title,
            footer=f"Actualités · {SITEURL.split('//')[1]}",
            style=style,
            footer_style=style,
        )
        # The PNG's palette keeps the card's colours: nothing but rounding
        # of antialiased edges differs from the card drawn on its own.
        counts = ImageChops.difference(drawn, alone).convert("L").histogram()
        assert not any(counts[48:]), title
        assert sum(counts[17:]) < 200, title
