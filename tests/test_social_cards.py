"""Shared links show a card: 1200x630, in the page's language, the Arabic
title joined and right to left (raqm), Tifinagh drawn with its own font."""

from __future__ import annotations

import os
import statistics
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


LATIN_BOLD = str(FONTS / "noto-sans-latin-700-normal.woff2")
KUFI = str(ROOT / "theme/static/fonts/noto-kufi-arabic-700.woff2")
TIFINAGH = str(FONTS / "noto-sans-tifinagh-tifinagh-400-normal.woff2")
LONG_FRENCH = (
    "Mémoire : « Qu’est-ce que l’équité territoriale aujourd’hui ? » — une "
    "conférence-débat ouverte à toutes et à tous, à Rabat, Fès, Agadir et Oujda"
)
LONG_ARABIC = (
    "النقل المدرسي في المناطق الجبلية: حزب الأرز يطلق عريضة بإقليم بولمان "
    "ويطالب المجلس الجهوي بأربعين حافلة صغيرة وخطة للشتاء قبل نهاية السنة"
)


def _white_box(card: Image.Image) -> tuple[int, int, int, int]:
    """Where the white title is drawn, between the party's name and the band."""
    white = card.convert("RGB").point(lambda v: 255 if v > 235 else 0).convert("L")
    area = white.crop((0, 150, 1200, 526)).point(lambda v: 255 if v == 255 else 0)
    left, top, right, bottom = area.getbbox()
    return left, top + 150, right, bottom + 150


@pytest.mark.parametrize(
    ("title", "style"),
    [
        (LONG_FRENCH, Style([LATIN_BOLD], "ltr", "fr-MA")),
        (LONG_ARABIC, Style([KUFI, LATIN_BOLD], "rtl", "ar-MA")),
    ],
    ids=["fr", "ar"],
)
def test_four_lines_keep_clear_of_every_edge(title, style):
    """A title long enough for four lines stays inside the card's safe area:
    clear of the margins, of the party's name and of the gold band."""
    from social_cards.render import FOOTER_TOP, MARGIN, fit_title

    _size, lines = fit_title(title, style, 1200 - 2 * MARGIN, 4)
    assert len(lines) == 4
    left, top, right, bottom = _white_box(_draw(title, style))
    assert left >= MARGIN and right <= 1200 - MARGIN
    assert top >= 170, "touches the party's name"
    assert bottom <= FOOTER_TOP - 30, f"{FOOTER_TOP - bottom} px from the gold line"


def _stem(title: str, style: Style) -> float:
    """The typical thickness of the title's strokes: the median length of
    the white runs along every third pixel row of the title."""
    card = _draw(title, style).convert("L")
    left, top, right, bottom = _white_box(card.convert("RGB"))
    runs, length = [], 0
    for y in range(top, bottom, 3):
        for x in range(left, right + 1):
            if card.getpixel((x, y)) > 200:
                length += 1
            elif length:
                runs.append(length)
                length = 0
    return statistics.median(runs)


def test_tifinagh_is_drawn_as_heavy_as_the_bold_latin():
    """Tifinagh has a regular face only: drawn with a stroke, its letters
    are as thick as the French title's bold ones."""
    tifinagh = _stem("ⴰⵙⵉⵜ ⴰⵎⵣⵡⴰⵔⵓ ⵏ ⵓⴽⴰⴱⴰⵔ", Style([TIFINAGH], "ltr", "zgh"))
    french = _stem("Le premier site du parti", Style([LATIN_BOLD], "ltr", "fr"))
    assert tifinagh >= 0.85 * french, (tifinagh, french)


def test_a_person_s_card_shows_the_portrait_and_the_role(tmp_path: Path):
    from types import SimpleNamespace

    from social_cards import Cards

    (tmp_path / "images").mkdir()
    Image.new("RGB", (400, 500), (200, 30, 30)).save(tmp_path / "images/p.png")
    settings = {
        "CACHE_PATH": str(tmp_path / "cache"),
        "PATH": str(tmp_path),
        "THEME": str(ROOT / "theme"),
        "SITEURL": SITEURL,
        "SECTIONS": {"people": {"title": "Leadership"}, "news": {"title": "News"}},
        "BRAND": {"colors": {"accent": "#e9c46a", "primary": "#1f6f50"}},
        "SOCIAL_CARDS": {"fonts": {"ar": [KUFI, LATIN_BOLD], "*": [LATIN_BOLD]}},
    }
    cards = Cards(settings, str(tmp_path / "output"))
    for code, direction, role in (
        ("fr", "ltr", "Secrétaire générale"),
        ("ar", "rtl", "الأمينة العامة"),
    ):
        lang = SimpleNamespace(code=code, direction=direction, tag=code)
        person = SimpleNamespace(
            title="Amina", section="people", key="a", role=role, image="images/p.png"
        )
        with Image.open(tmp_path / "output" / cards.card(person, lang, "").url) as png:
            card = png.convert("RGB")
        # The portrait on the end side (right in French, left in Arabic).
        red = card.crop((72, 140, 1128, 500)).point(lambda v: 255 if v > 150 else 0)
        photo_x = 1128 - 150 if direction == "ltr" else 72 + 150
        r, g, _b = card.getpixel((photo_x, 320))
        assert r > 150 and g < 80, (code, card.getpixel((photo_x, 320)))
        assert red.getbbox()
        # The role under the name, in the accent colour, on the start side.
        text = card.crop(
            (72, 300, 800, 480) if direction == "ltr" else (400, 300, 1128, 480)
        )
        accent = sum(
            n
            for n, c in text.getcolors(1 << 20)
            if c[0] > 200 and 150 < c[1] < 215 and c[2] < 140
        )
        assert accent > 300, code
        # An article's card has no photo there.
        news = SimpleNamespace(
            title="Amina", section="news", key="a", image="images/p.png"
        )
        with Image.open(tmp_path / "output" / cards.card(news, lang, "").url) as png:
            assert png.convert("RGB").getpixel((photo_x, 320))[0] < 150
