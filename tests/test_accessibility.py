"""Accessibility and validity of every kind of page, in every language, by the
real tools: axe-core run in Debian's chromium (WCAG 2.0/2.1/2.2 A and AA
rules) at phone and desktop widths, and the Nu Html Checker (vnu.jar, one
Java run over the whole site). Then what a keyboard user, a phone at 320 px,
WCAG 1.4.12 text spacing and a printer get.

The tools come from package.json (`npm ci`) and Debian's Java; locally a
missing one skips with the reason, under CI=true it fails.
"""

from __future__ import annotations

import json
import shutil
import subprocess

import pytest
from conftest import ROOT, Site, missing_tool

AXE = ROOT / "node_modules/axe-core/axe.min.js"
VNU = ROOT / "node_modules/vnu-jar/build/dist/vnu.jar"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
WIDTHS = {"phone": 390, "desktop": 1280}


def pages_of_every_kind(demo: Site, settings: dict) -> list[str]:
    """Home, each listing, one item of each section, feeds, search and 404 in
    every language; the root chooser and root 404."""
    urls = ["/", "/404.html"]
    for language in settings["LANGUAGES"]:
        code = language["code"]
        urls.append(f"/{code}/")
        for key, section in settings["SECTIONS"].items():
            segment = section.get("url", {}).get(code, key)
            if key == "pages":
                folder = demo.path(f"/{code}/about/").parent
            else:
                urls.append(f"/{code}/{segment}/")
                folder = next(
                    p.parent
                    for p in sorted(
                        demo.path(f"/{code}/{segment}/").parent.glob("*/index.html")
                    )
                    if p.parent.name != "page"
                )
            urls.append(demo.url_of(folder / "index.html"))
        urls += [f"/{code}/feeds/", f"/{code}/search/", f"/{code}/404.html"]
    # The page with a video preview, too.
    urls.append("/fr/actualites/candidates-virtual-training/")
    return urls


@pytest.fixture(scope="module")
def every_kind(demo, settings) -> list[str]:
    urls = pages_of_every_kind(demo, settings)
    for url in urls:
        assert demo.path(url).exists(), url
    return urls


def test_every_page_has_one_main_heading(demo):
    for file in demo.html_files():
        headings = demo.page(demo.url_of(file)).xpath("//h1")
        assert len(headings) == 1, (demo.url_of(file), len(headings))
        assert headings[0].text_content().strip()


NOT_FOUND = {
    "ar": "الصفحة غير موجودة",
    "fr": "Page introuvable",
    "zgh": "ⵓⵔ ⵜⵍⵍⵉ ⵜⴰⵙⵏⴰ",
}


def test_page_not_found_in_each_language_and_at_the_root(demo, settings):
    for code, heading in NOT_FOUND.items():
        page = demo.page(f"/{code}/404.html")
        assert page.xpath("string(//h1)") == heading
        assert page.xpath("//meta[@name='robots']/@content") == ["noindex"]
        links = page.xpath("//main//a/@href")
        assert f"/{code}/" in links and f"/{code}/search/" in links
        # Root-relative or absolute: it works whatever address was missing.
        for href in page.xpath("//@href|//@src"):
            assert href.startswith(
                ("/", "http://", "https://", "#", "tel:", "mailto:")
            ), href
    root = demo.page("/404.html")
    assert [s.text_content() for s in root.xpath("//h1/span")] == list(
        NOT_FOUND.values()
    )
    homes = root.xpath("//main//a/@href")
    assert homes == [f"/{lang['code']}/" for lang in settings["LANGUAGES"]]


def test_the_nu_html_checker_finds_no_error(demo, every_kind):
    java = shutil.which("java")
    if not java:
        missing_tool("Java is not installed: apt-get install -y default-jre-headless")
    if not VNU.exists():
        missing_tool(f"{VNU.relative_to(ROOT)} is missing: run npm ci")
    # One JVM for the whole site: every HTML file, not only the sample.
    files = [str(p) for p in demo.html_files()]
    assert {str(demo.path(u)) for u in every_kind} <= set(files)
    result = subprocess.run(
        [java, "-jar", str(VNU), "--errors-only", "--format", "json", *files],
        capture_output=True,
        text=True,
    )
    messages = json.loads(result.stderr or result.stdout)["messages"]
    errors = [
        f"{m.get('url', '').removeprefix('file:' + str(demo.root))}:"
        f"{m.get('lastLine', '?')}: {m['message']}"
        for m in messages
        if m["type"] in ("error", "non-document-error")
    ]
    assert not errors, "\n".join(errors)
    assert len(files) > 100


@pytest.mark.browser
@pytest.mark.parametrize("width", WIDTHS)
def test_axe_finds_no_wcag_a_or_aa_violation(browser, server, every_kind, width):
    if not AXE.exists():
        missing_tool(f"{AXE.relative_to(ROOT)} is missing: run npm ci")
    context = browser.new_context(viewport={"width": WIDTHS[width], "height": 900})
    context.add_init_script(path=str(AXE))
    page = context.new_page()
    found = []
    for url in every_kind:
        page.goto(server + url)
        if url.endswith("/search/"):
            # Check the results as a visitor sees them, not an empty page.
            page.fill("#search-input", "2026")
            page.wait_for_selector(".search-results li")
        result = page.evaluate(
            "tags => axe.run(document, {runOnly: {type: 'tag', values: tags},"
            " resultTypes: ['violations']})",
            AXE_TAGS,
        )
        for violation in result["violations"]:
            for node in violation["nodes"]:
                found.append(
                    f"{url} {violation['id']} {node['target']}: "
                    f"{node['failureSummary'].splitlines()[-1].strip()}"
                )
        assert result["passes"], f"axe checked nothing on {url}"
    context.close()
    assert not found, "\n".join(found)


# --- Keyboard, targets, reflow, text spacing, print (WCAG 2.1.1, 2.4.3, 2.4.7,
# 2.5.8, 1.4.10, 1.4.12) ----------------------------------------------------------
KEYBOARD_PAGES = {
    "ar": ["/ar/", "/ar/akhbar/candidates-virtual-training/", "/ar/search/"],
    "fr": ["/fr/", "/fr/actualites/candidates-virtual-training/", "/fr/search/"],
    "zgh": ["/zgh/", "/zgh/isaln/candidates-virtual-training/", "/zgh/search/"],
}
# Every focusable element in document order, numbered for the test to follow.
NUMBER_FOCUSABLES = """() => {
  const all = [...document.querySelectorAll(
    'a[href], button:not([disabled]), input:not([type=hidden]), select, textarea,'
    + ' iframe, [tabindex]:not([tabindex="-1"])')]
    .filter(el => el.getClientRects().length
                  && getComputedStyle(el).visibility !== 'hidden');
  all.forEach((el, i) => { el.dataset.order = i; });
  return all.length;
}"""
FOCUSED = """() => {
  const el = document.activeElement;
  const style = getComputedStyle(el);
  const r = el.getBoundingClientRect();
  // What is really behind the ring: the first opaque background found from
  // the element drawn just outside the focused one.
  const y = r.top > 4 ? r.top - 4 : r.bottom + 4;
  const outside = document.elementsFromPoint(r.x + r.width / 2, y)
    .find(n => n !== el && !el.contains(n));
  const clear = c => c === 'transparent' || /rgba\\(.*, 0\\)$/.test(c);
  let behind = 'rgb(255, 255, 255)';
  for (let n = outside; n; n = n.parentElement) {
    const c = getComputedStyle(n).backgroundColor;
    if (!clear(c)) { behind = c; break; }
  }
  return {order: el.dataset.order, outline: style.outlineStyle,
          width: parseFloat(style.outlineWidth), color: style.outlineColor,
          behind, x: r.x + r.width / 2, top: r.top, bottom: r.bottom,
          inMenu: !!el.closest('nav.menu'), text: el.textContent.trim().slice(0, 30),
          viewport: innerHeight};
}"""


def _luminance(rgb: str) -> float:
    values = [float(v) for v in rgb[rgb.index("(") + 1 : rgb.index(")")].split(",")[:3]]
    linear = [
        v / 255 / 12.92 if v / 255 <= 0.03928 else ((v / 255 + 0.055) / 1.055) ** 2.4
        for v in values
    ]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(a: str, b: str) -> float:
    light, dark = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


@pytest.mark.browser
@pytest.mark.parametrize("code", KEYBOARD_PAGES)
def test_keyboard_order_focus_and_skip_link(browser, server, code):
    direction = "rtl" if code == "ar" else "ltr"
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    for url in KEYBOARD_PAGES[code]:
        page.goto(server + url)
        if url.endswith("/search/"):
            page.wait_for_selector(".search-form:not([hidden])")
        total = page.evaluate(NUMBER_FOCUSABLES)
        forward = []
        for _ in range(total):
            page.keyboard.press("Tab")
            forward.append(page.evaluate(FOCUSED))
        # Logical order: the document's order, which the layout follows.
        assert [f["order"] for f in forward] == [str(i) for i in range(total)], url
        for f in forward:
            # Visible focus: a ring of at least 2px that stands out (3:1) from
            # what is behind it, on screen (the page scrolls to it).
            assert f["outline"] != "none" and f["width"] >= 2, (url, f["text"])
            assert contrast(f["color"], f["behind"]) >= 3, (url, f["text"], f)
            assert f["top"] >= 0 and f["bottom"] <= f["viewport"] + 1, (url, f["text"])
        # Along a row of the menu, focus moves in the reading direction.
        menu = [f for f in forward if f["inMenu"]]
        for a, b in zip(menu, menu[1:], strict=False):
            if abs(a["top"] - b["top"]) < 2:
                assert (b["x"] < a["x"]) if direction == "rtl" else (b["x"] > a["x"])
        backward = []
        for _ in range(total - 1):
            page.keyboard.press("Shift+Tab")
            backward.append(page.evaluate("document.activeElement.dataset.order"))
        assert backward == [str(i) for i in range(total - 2, -1, -1)], url
    # The skip link comes first, shows itself, and takes focus past the menus.
    page.goto(server + KEYBOARD_PAGES[code][1])
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.className") == "skip"
    assert page.evaluate("document.activeElement.getBoundingClientRect().top") >= 0
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    assert page.evaluate("!!document.activeElement.closest('main')")
    context.close()


TARGETS = """() => [...document.querySelectorAll('a[href], button, input')]
  .filter(el => el.getClientRects().length && !el.closest('.visually-hidden'))
  .filter(el => !el.closest('p, .prose li, dd, td, h2, h3'))  // in a line of text
  .map(el => { const r = el.getBoundingClientRect();
               return {text: el.textContent.trim().slice(0, 30),
                       w: r.width, h: r.height}; })
  .filter(t => t.w < 24 || t.h < 24)"""
OVERFLOW = """() => {
  const root = document.documentElement;
  const sideways = root.scrollWidth - root.clientWidth;
  const clipped = [...document.querySelectorAll('body *')]
    .filter(el => !el.closest('.visually-hidden, .skip'))
    .filter(el => { const s = getComputedStyle(el);
                    return [s.overflowX, s.overflowY]
                      .some(o => o === 'hidden' || o === 'clip'); })
    .filter(el => el.scrollWidth > el.clientWidth + 1
                  || el.scrollHeight > el.clientHeight + 1)
    .map(el => el.className || el.tagName);
  return {sideways, clipped};
}"""
# WCAG 1.4.12: what a reader's own style sheet may set.
TEXT_SPACING = """
* { line-height: 1.5 !important; letter-spacing: 0.12em !important;
    word-spacing: 0.16em !important; }
p { margin-block-end: 2em !important; }
"""


@pytest.mark.browser
def test_targets_reflow_and_text_spacing(browser, server, every_kind):
    context = browser.new_context(viewport={"width": 320, "height": 640})
    page = context.new_page()
    problems = []
    for url in every_kind:
        page.goto(server + url)
        small = page.evaluate(TARGETS)
        if small:
            problems.append(f"{url} targets under 24x24 px: {small}")
        if not url.startswith(("/ar/", "/zgh/", "/404", "/fr/search")):
            continue
        # Arabic and Tifinagh at 320 px, then with the text spacing overrides.
        for spaced in (False, True):
            if spaced:
                page.add_style_tag(content=TEXT_SPACING)
            result = page.evaluate(OVERFLOW)
            if result["sideways"] > 0 or result["clipped"]:
                problems.append(f"{url} spacing={spaced}: {result}")
    context.close()
    assert not problems, "\n".join(problems)


@pytest.mark.browser
def test_print_hides_navigation_and_shows_link_addresses(browser, server):
    page = browser.new_page()
    page.emulate_media(media="print")
    page.goto(server + "/fr/actualites/candidates-virtual-training/")
    for selector in (".menu", ".langs", ".skip", ".search-link", ".footer-links"):
        assert (
            page.evaluate(
                f"getComputedStyle(document.querySelector('{selector}')).display"
            )
            == "none"
        ), selector
    after = page.evaluate(
        "getComputedStyle(document.querySelector('.prose a[href]'), '::after').content"
    )
    href = page.get_attribute(".prose a[href]", "href")
    assert href in after
    video = page.evaluate(
        "getComputedStyle(document.querySelector('.video-link'), '::after').content"
    )
    assert "youtube.com/watch" in video
    page.emulate_media(media="screen")
    assert page.is_visible(".menu")
    page.close()
