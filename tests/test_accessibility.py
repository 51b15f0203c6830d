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
from conftest import (
    ROOT,
    Site,
    languages,
    listed_sections,
    missing_tool,
    section_url,
)

AXE = ROOT / "node_modules/axe-core/axe.min.js"
VNU = ROOT / "node_modules/vnu-jar/build/dist/vnu.jar"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
WIDTHS = {"phone": 390, "desktop": 1280}


def first_item(site: Site, listing: str) -> str | None:
    """The first item page under a listing's address, if any."""
    pages = sorted(site.path(listing).parent.glob("*/index.html"))
    for path in pages:
        if path.parent.name != "page":
            return site.url_of(path)
    return None


def one_page(site: Site, settings: dict, code: str) -> str | None:
    """A page of the "pages" kind in a language: the first the menus name."""
    for entry in settings.get("MENU", []) + settings.get("FOOTER_MENU", []):
        if "/" in entry:
            url = f"/{code}/{entry.split('/', 1)[1]}/"
            if site.path(url).is_file():
                return url
    return None


def video_pages(site: Site) -> list[str]:
    return [
        site.url_of(file)
        for file in site.html_files()
        if b'class="video"' in file.read_bytes()
    ]


def pages_of_every_kind(site: Site, settings: dict) -> list[str]:
    """Home, each listing, one item of each section, a page, feeds, search and
    404 in every language; the root chooser and root 404; a page with a video
    preview, where there is one."""
    urls = ["/", "/404.html"]
    for code in languages(settings):
        urls.append(f"/{code}/")
        for key, section in listed_sections(settings).items():
            listing = f"/{code}/{section_url(section, key, code)}/"
            urls.append(listing)
            urls.append(first_item(site, listing))
        urls.append(one_page(site, settings, code))
        urls += [f"/{code}/feeds/", f"/{code}/search/", f"/{code}/404.html"]
    urls += video_pages(site)[:1]
    return [url for url in urls if url]


def search_words(site: Site, settings: dict) -> dict[str, str]:
    """Per language, a word the search finds: the longest of the first item's
    title."""
    words = {}
    for code in languages(settings):
        for key, section in listed_sections(settings).items():
            item = first_item(site, f"/{code}/{section_url(section, key, code)}/")
            if item:
                title = site.page(item).xpath("string(//h1)").split()
                words[code] = max(title, key=len)
                break
    return words


@pytest.fixture(scope="module")
def every_kind(party_site, settings) -> list[str]:
    urls = pages_of_every_kind(party_site, settings)
    for url in urls:
        assert party_site.path(url).exists(), url
    return urls


@pytest.mark.site
def test_every_page_has_one_main_heading(party_site):
    for file in party_site.html_files():
        headings = party_site.page(party_site.url_of(file)).xpath("//h1")
        assert len(headings) == 1, (party_site.url_of(file), len(headings))
        assert headings[0].text_content().strip()


@pytest.mark.site
def test_page_not_found_in_each_language_and_at_the_root(party_site, settings):
    table = languages(settings)
    headings = []
    for code, (tag, _direction) in table.items():
        page = party_site.page(f"/{code}/404.html")
        assert page.get("lang") == tag
        headings.append(page.xpath("string(//h1)"))
        assert headings[-1].strip()
        assert page.xpath("//meta[@name='robots']/@content") == ["noindex"]
        links = page.xpath("//main//a/@href")
        assert f"/{code}/" in links and f"/{code}/search/" in links
        # Root-relative or absolute: it works whatever address was missing.
        for href in page.xpath("//@href|//@src"):
            assert href.startswith(
                ("/", "http://", "https://", "#", "tel:", "mailto:")
            ), href
    root = party_site.page("/404.html")
    spans = root.xpath("//h1/span")
    assert [s.text_content() for s in spans] == headings
    assert [s.get("lang") for s in spans] == [tag for tag, _ in table.values()]
    homes = root.xpath("//main//a/@href")
    assert homes == [f"/{code}/" for code in table]


NOT_FOUND = {
    "ar": "الصفحة غير موجودة",
    "fr": "Page introuvable",
    "zgh": "ⵓⵔ ⵜⵍⵍⵉ ⵜⴰⵙⵏⴰ",
}


def test_page_not_found_says_so_in_the_catalogs_words(kit):
    for code, heading in NOT_FOUND.items():
        assert kit.page(f"/{code}/404.html").xpath("string(//h1)") == heading
    root = kit.page("/404.html")
    assert [s.text_content() for s in root.xpath("//h1/span")] == list(
        NOT_FOUND.values()
    )


@pytest.mark.site
def test_the_nu_html_checker_finds_no_error(party_site, every_kind):
    java = shutil.which("java")
    if not java:
        missing_tool("Java is not installed: apt-get install -y default-jre-headless")
    if not VNU.exists():
        missing_tool(f"{VNU.relative_to(ROOT)} is missing: run npm ci")
    # One JVM for the whole site: every HTML file, not only the sample.
    files = [str(p) for p in party_site.html_files()]
    assert {str(party_site.path(u)) for u in every_kind} <= set(files)
    result = subprocess.run(
        [java, "-jar", str(VNU), "--errors-only", "--format", "json", *files],
        capture_output=True,
        text=True,
    )
    messages = json.loads(result.stderr or result.stdout)["messages"]
    errors = [
        f"{m.get('url', '').removeprefix('file:' + str(party_site.root))}:"
        f"{m.get('lastLine', '?')}: {m['message']}"
        for m in messages
        if m["type"] in ("error", "non-document-error")
    ]
    assert not errors, "\n".join(errors)
    assert len(files) >= len(set(every_kind))


@pytest.mark.site
@pytest.mark.browser
@pytest.mark.parametrize("width", WIDTHS)
def test_axe_finds_no_wcag_a_or_aa_violation(
    browser, party_site, settings, party_server, every_kind, width
):
    if not AXE.exists():
        missing_tool(f"{AXE.relative_to(ROOT)} is missing: run npm ci")
    context = browser.new_context(viewport={"width": WIDTHS[width], "height": 900})
    context.add_init_script(path=str(AXE))
    page = context.new_page()
    found = []
    words = search_words(party_site, settings)
    for url in every_kind:
        page.goto(party_server + url)
        code = url.split("/")[1]
        if url.endswith("/search/") and code in words:
            # Check the results as a visitor sees them, not an empty page.
            page.fill("#search-input", words[code])
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


def keyboard_pages(site: Site, settings: dict) -> dict[str, list[str]]:
    """Per language: its home, an item (one with a video where there is one)
    and its search page."""
    videos = video_pages(site)
    pages = {}
    for code in languages(settings):
        item = next((url for url in videos if url.startswith(f"/{code}/")), None)
        for key, section in listed_sections(settings).items():
            item = item or first_item(
                site, f"/{code}/{section_url(section, key, code)}/"
            )
        pages[code] = [f"/{code}/", item, f"/{code}/search/"]
    return pages


@pytest.mark.site
@pytest.mark.browser
def test_keyboard_order_focus_and_skip_link(
    browser, party_server, party_site, settings
):
    for code, urls in keyboard_pages(party_site, settings).items():
        assert all(urls), (code, urls)
        keyboard_in_one_language(
            browser, party_server, urls, languages(settings)[code][1]
        )


def keyboard_in_one_language(browser, server: str, urls: list[str], direction: str):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    for url in urls:
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
    page.goto(server + urls[1])
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.className") == "skip"
    assert page.evaluate("document.activeElement.getBoundingClientRect().top") >= 0
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    assert page.evaluate("!!document.activeElement.closest('main')")
    context.close()


TARGETS = """(known) => [...document.querySelectorAll('a[href], button, input')]
  .filter(el => el.getClientRects().length && !el.closest('.visually-hidden'))
  .filter(el => !(known && el.closest(known)))
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


# Targets the kit's theme draws too small (a CSS selector), each with a
# strict xfail test that fails once the theme is fixed: a party's own site is
# not held to a kit bug it cannot fix in its settings or content. None now.
KNOWN_SMALL_TARGETS = ""


@pytest.mark.browser
def test_people_links_under_an_item_are_big_enough_targets(browser, kit_server):
    context = browser.new_context(viewport={"width": 320, "height": 640})
    page = context.new_page()
    small = {}
    for code, section in (("ar", "akhbar"), ("fr", "actualites"), ("zgh", "isaln")):
        page.goto(f"{kit_server}/{code}/{section}/regional-secretariat-fes/")
        assert page.locator("ul.people a").count(), code
        small[code] = page.evaluate(TARGETS, "")
    context.close()
    assert small == {"ar": [], "fr": [], "zgh": []}


@pytest.mark.site
@pytest.mark.browser
def test_targets_reflow_and_text_spacing(browser, party_server, every_kind):
    context = browser.new_context(viewport={"width": 320, "height": 640})
    page = context.new_page()
    problems = []
    for url in every_kind:
        page.goto(party_server + url)
        small = page.evaluate(TARGETS, KNOWN_SMALL_TARGETS)
        if small:
            problems.append(f"{url} targets under 24x24 px: {small}")
        # Every language at 320 px, then with the text spacing overrides.
        for spaced in (False, True):
            if spaced:
                page.add_style_tag(content=TEXT_SPACING)
            result = page.evaluate(OVERFLOW)
            if result["sideways"] > 0 or result["clipped"]:
                problems.append(f"{url} spacing={spaced}: {result}")
    context.close()
    assert not problems, "\n".join(problems)


@pytest.mark.browser
def test_print_hides_navigation_and_shows_link_addresses(browser, kit_server):
    page = browser.new_page()
    page.emulate_media(media="print")
    page.goto(kit_server + "/fr/actualites/candidates-virtual-training/")
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
