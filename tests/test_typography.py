"""French typography at build time: no-break spaces before : ; ! ? and inside
« », typographic apostrophes, in French text only, never in code, URLs,
attributes or times. Editors type ordinary spaces."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import Site, build_site, copy_project
from lxml import etree

from multilingual.typography import NBSP, NNBSP, Typography

FRENCH = """\
---
title: "Le conseil : un vote ; enfin !"
date: 2026-03-14 10:30
summary: "« Oui », dit-elle : pourquoi pas ?"
---

Réunion à 10:30 : voir https://exemple.ma/?page=2 ; l'ordre du jour !

«Nous voulons de l'eau», a-t-elle dit.

    code : ne pas toucher ; ici ! l'eau

`a : b` et <a href="https://exemple.ma/x?y=1" title="titre : attr">le lien</a> ?
"""
ARABIC = FRENCH.replace("Le conseil", "المجلس")
RULES = Typography(
    space_before=":", thin_space_before=";!?", quotes="«»", apostrophe="’"
)


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Site:
    project = copy_project(tmp_path_factory.mktemp("typography") / "project")
    for code, text in (("fr", FRENCH), ("ar", ARABIC)):
        (project / f"content/news/typo-check.{code}.md").write_text(text, "utf-8")
    build_site(project / "out", cwd=project)
    return Site(project / "out")


def test_french_text_gets_its_no_break_spaces(site: Site):
    page = site.page("/fr/actualites/typo-check/")
    title = f"Le conseil{NBSP}: un vote{NNBSP}; enfin{NNBSP}!"
    assert page.xpath("string(//main//h1)").strip() == title
    assert page.xpath("string(//title)").startswith(title)
    assert page.xpath("//meta[@property='og:title']/@content")[0].startswith(title)
    paragraphs = [p.text_content() for p in page.xpath("//main//p")]
    assert (
        f"Réunion à 10:30{NBSP}: voir https://exemple.ma/?page=2{NNBSP}; "
        f"l’ordre du jour{NNBSP}!"
    ) in paragraphs
    assert f"«{NBSP}Nous voulons de l’eau{NBSP}», a-t-elle dit." in paragraphs


def test_code_urls_and_attributes_are_left_as_typed(site: Site):
    page = site.page("/fr/actualites/typo-check/")
    assert (
        page.xpath("string(//main//pre)").strip()
        == "code : ne pas toucher ; ici ! l'eau"
    )
    assert "a : b" in page.xpath("//main//p/code/text()")
    link = page.xpath("//main//a[text()='le lien']")[0]
    assert link.get("href") == "https://exemple.ma/x?y=1"
    assert link.get("title") == "titre : attr"
    assert link.tail.startswith(f"{NNBSP}?")


def test_summaries_and_feeds_carry_it_too(site: Site):
    listing = site.page("/fr/actualites/")
    assert f"«{NBSP}Oui{NBSP}», dit-elle{NBSP}: pourquoi pas{NNBSP}?" in (
        listing.text_content()
    )
    feed = etree.parse(str(site.root / "fr/feed.atom")).getroot()
    atom = "{http://www.w3.org/2005/Atom}"
    titles = [entry.findtext(f"{atom}title") for entry in feed.iter(f"{atom}entry")]
    assert f"Le conseil{NBSP}: un vote{NNBSP}; enfin{NNBSP}!" in titles


def test_other_languages_keep_their_own_rules(site: Site):
    """Arabic has no typography rules configured: its text is as typed."""
    page = site.page("/ar/akhbar/typo-check/")
    assert page.xpath("string(//main//h1)").strip() == "المجلس : un vote ; enfin !"
    assert NNBSP not in page.text_content()


def test_interface_strings_follow_the_rules_of_the_page_language(site: Site):
    page = site.page("/fr/feeds/")
    text = page.text_content()
    assert f"éléments{NBSP}: choisissez" in text
    assert " : " not in text


def visible_text(page) -> str:
    for node in page.xpath("//code|//pre|//script|//style|//textarea"):
        node.drop_tree()
    return page.text_content()


def test_no_french_page_has_an_ordinary_space_before_punctuation(site: Site):
    found = []
    for file in sorted((site.root / "fr").rglob("*.html")):
        url = site.url_of(file)
        text = visible_text(site.page(url))
        for match in re.finditer(r".{0,20}(?: [:;!?»]|« ).{0,20}", text):
            found.append(f"{url}: {match.group(0)!r}")
    assert not found, "\n".join(found[:20])


@pytest.mark.parametrize(
    ("typed", "written"),
    [
        ("Rabat : le conseil", f"Rabat{NBSP}: le conseil"),
        ("Quoi ? Non !", f"Quoi{NNBSP}? Non{NNBSP}!"),
        ("à 10:30, https://x.ma/?a=1", "à 10:30, https://x.ma/?a=1"),
        ("«oui»", f"«{NBSP}oui{NBSP}»"),
        (f"déjà{NBSP}: prêt", f"déjà{NBSP}: prêt"),
        ("l'eau et 'citation'", "l’eau et 'citation'"),
    ],
)
def test_text_rules(typed: str, written: str):
    assert RULES.text(typed) == written
    assert RULES.text(written) == written  # applying twice changes nothing


def test_html_rules_change_text_only():
    html = (
        '<p title="a : b">x : <a href="/?q=1">y</a> ; <code>c : d</code>'
        "<!-- e : f --></p>"
    )
    assert RULES.html(html) == (
        f'<p title="a : b">x{NBSP}: <a href="/?q=1">y</a>{NNBSP}; <code>c : d</code>'
        "<!-- e : f --></p>"
    )


def test_a_misconfigured_rule_is_named():
    with pytest.raises(ValueError, match="quotes"):
        Typography.from_setting({"quotes": "«"})
    with pytest.raises(ValueError, match="espace"):
        Typography.from_setting({"espace": ":"})


def test_the_demo_configures_french_only():
    from multilingual import kit_settings

    root = Path(__file__).resolve().parent.parent
    settings = kit_settings(str(root / "pelicanconf.py"))
    from multilingual.typography import typography_by_language

    assert set(typography_by_language(settings)) == {"fr"}


def test_social_cards_draw_a_narrow_space_their_font_lacks():
    """The cards' Latin font has no U+202F: it is drawn as a no-break space,
    never as a missing-glyph box."""
    from PIL import ImageFont

    from social_cards.render import Style, _cmap, runs

    root = Path(__file__).resolve().parent.parent
    font = str(root / "theme/fonts/noto-sans-latin-700-normal.woff2")
    assert 0x202F not in _cmap(font)  # else this test checks nothing
    style = Style([font], "ltr", "fr-MA", ImageFont.Layout.BASIC)
    title = f"Pourquoi{NNBSP}? Oui{NNBSP}!"
    drawn = "".join(run.text for run in runs(title, style, 40))
    assert drawn == f"Pourquoi{NBSP}? Oui{NBSP}!"
    assert all(ord(char) in _cmap(font) for char in drawn)


def test_arabic_digits_and_list_numbers_come_from_the_page_s_font(browser, kit_server):
    """What Chromium actually draws on an Arabic article: the numbers of an
    ordered list and the digits of the date are Naskh's own, not a system
    font's (whose digits look heavier than Naskh's letters)."""
    page = browser.new_page()
    page.goto(
        kit_server + "/ar/akhbar/candidates-virtual-training/",
        wait_until="networkidle",
    )
    page.evaluate("document.fonts.ready")
    cdp = page.context.new_cdp_session(page)
    cdp.send("DOM.enable")
    cdp.send("CSS.enable")
    root = cdp.send("DOM.getDocument", {"depth": -1, "pierce": True})["root"]
    markers, stack = [], [root]
    while stack:
        node = stack.pop()
        markers += [
            p["nodeId"]
            for p in node.get("pseudoElements", [])
            if p.get("pseudoType") == "marker"
        ]
        stack += node.get("children", [])
    assert len(markers) >= 3
    date = cdp.send("DOM.querySelector", {"nodeId": root["nodeId"], "selector": "time"})
    for node in [*markers, date["nodeId"]]:
        used = cdp.send("CSS.getPlatformFontsForNode", {"nodeId": node})["fonts"]
        assert {font["familyName"] for font in used} == {"Noto Naskh Arabic"}, used
    page.close()
