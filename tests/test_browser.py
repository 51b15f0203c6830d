"""The pages in a real browser (Debian's chromium via Playwright): direction,
fonts, dates and the language switcher, at phone and desktop widths.

Screenshots go to $SCREENSHOTS_DIR when set (to look at them), else to a
temporary folder.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

WIDTHS = {"phone": 390, "desktop": 1280}
PAGES = {
    "ar": (
        "/ar/",
        "/ar/akhbar/trilingual-website-launch/",
        "rtl",
        ("noto-naskh-arabic", "noto-kufi-arabic"),
    ),
    "fr": ("/fr/", "/fr/actualites/trilingual-website-launch/", "ltr", None),
    "zgh": (
        "/zgh/",
        "/zgh/isaln/trilingual-website-launch/",
        "ltr",
        "noto-sans-tifinagh",
    ),
}

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def shots(tmp_path_factory) -> Path:
    target = os.environ.get("SCREENSHOTS_DIR")
    path = Path(target) if target else tmp_path_factory.mktemp("screenshots")
    path.mkdir(parents=True, exist_ok=True)
    return path


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("code", PAGES)
def test_pages_render_in_their_direction_and_font(
    browser, kit_server, kit, shots, code, width
):
    server_root = kit.root
    home, article, direction, font = PAGES[code]
    context = browser.new_context(viewport={"width": WIDTHS[width], "height": 900})
    page = context.new_page()
    fonts: list[str] = []
    off_site: list[str] = []
    page.on(
        "request",
        lambda r: fonts.append(r.url) if r.url.endswith(".woff2") else None,
    )
    page.on(
        "request",
        lambda r: None if r.url.startswith(kit_server) else off_site.append(r.url),
    )
    for url in (home, article):
        page.goto(kit_server + url, wait_until="networkidle")
        page.evaluate("document.fonts.ready")
        assert page.evaluate("getComputedStyle(document.body).direction") == direction
        # Nothing wider than the screen: no sideways scrolling on a phone.
        overflow = page.evaluate(
            "document.documentElement.scrollWidth"
            " - document.documentElement.clientWidth"
        )
        assert overflow <= 0, f"{url} is {overflow}px too wide at {WIDTHS[width]}px"
        name = url.strip("/").replace("/", "_")
        page.screenshot(path=str(shots / f"{name}-{width}.png"), full_page=True)
    assert not off_site, off_site
    # Names without the fingerprint (noto-sans-tifinagh-400.3f9a1c2b.woff2).
    loaded = {re.sub(r"\.[0-9a-f]{8}(?=\.woff2$)", "", Path(u).name) for u in fonts}
    # The switcher's own subsets (other languages' names) are a few KB each.
    switcher = {name for name in loaded if name.startswith("switcher-")}
    for name in switcher:
        assert (server_root / "theme/fonts" / name).stat().st_size < 12_000, name
    loaded -= switcher
    if font:
        assert any(name.startswith(font) for name in loaded), loaded
        assert all(name.startswith(font) for name in loaded), (
            f"other scripts' fonts: {loaded}"
        )
    else:
        assert not loaded, loaded
    if code == "ar":
        # Headings in a real bold (Kufi Bold), not one smeared from the regular.
        assert "noto-kufi-arabic-700.woff2" in loaded
        # The rarer Moroccan letters only where a page has one.
        assert "noto-naskh-arabic-extra-400.woff2" not in loaded
    if code == "zgh":
        # Latin digits of dates drawn by the Tifinagh family's digits subset.
        assert "noto-sans-tifinagh-digits-400.woff2" in loaded
    context.close()


def test_switcher_lands_on_the_same_article(browser, kit_server):
    page = browser.new_page()
    page.goto(kit_server + "/ar/akhbar/trilingual-website-launch/")
    page.click("nav.langs a[hreflang='fr-MA']")
    assert page.url == kit_server + "/fr/actualites/trilingual-website-launch/"
    assert page.evaluate("document.documentElement.lang") == "fr-MA"
    page.click("nav.langs a[hreflang='zgh']")
    assert page.url == kit_server + "/zgh/isaln/trilingual-website-launch/"
    date = page.text_content("article time")
    assert "ⴽⵜⵓⴱⵔ" in date and "2025" in date
    page.close()


def test_keyboard_reaches_the_skip_link_first(browser, kit_server):
    page = browser.new_page()
    page.goto(kit_server + "/ar/")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.className") == "skip"
    box = page.evaluate("document.activeElement.getBoundingClientRect().top")
    assert box >= 0, "the focused skip link is visible"
    page.close()
