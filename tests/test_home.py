"""The home page a visitor lands on: lead story, calls to action, message,
program cards and the footer, all from configuration and content found by
kind (not by section name), each block absent when its content is."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from conftest import Site, build_site, copy_project


def _text(node) -> str:
    return " ".join(node.text_content().split())


def _find(node, selector: str) -> list:
    """A small CSS subset (tag, .class, [attr="v"], descendants) as XPath:
    the tests need no cssselect."""
    path = "."
    for step in selector.split():
        match = re.fullmatch(r"([a-z0-9]*)((?:\.[\w-]+)*)((?:\[[^\]]+\])*)", step)
        tag, classes, attrs = match.groups()
        conditions = [
            f"contains(concat(' ', normalize-space(@class), ' '), ' {name} ')"
            for name in classes.split(".")[1:]
        ]
        for name, value in re.findall(r'\[([\w-]+)="([^"]*)"\]', attrs):
            conditions.append(f"@{name}='{value}'")
        path += f"//{tag or '*'}" + "".join(f"[{c}]" for c in conditions)
    return node.xpath(path)


@pytest.fixture(scope="module")
def party(tmp_path_factory) -> Site:
    """The demo with its news and people sections called "actus" and
    "equipe", one French item
    featured, calls to action of every sort, and no about page in Tamazight."""
    tmp = tmp_path_factory.mktemp("home")
    project = copy_project(tmp / "project")
    content = project / "content"
    shutil.move(content / "news", content / "actus")
    shutil.move(content / "people", content / "equipe")
    for file in content.rglob("*.md"):  # links between files follow the folders
        text = file.read_text("utf-8")
        for old, new in (("news", "actus"), ("people", "equipe")):
            text = text.replace(f"{{filename}}/{old}/", f"{{filename}}/{new}/")
        file.write_text(text, "utf-8")
    for file in (content / "actus").glob("*.md"):
        text = file.read_text("utf-8").replace("featured: true\n", "")
        if file.name == "youth-employment-workshop.fr.md":
            text = text.replace("\ndate:", "\nfeatured: true\ndate:", 1)
        file.write_text(text, "utf-8")
    (content / "pages/about.zgh.md").unlink()
    for code in ("ar", "zgh"):
        (content / f"pages/legal.{code}.md").unlink(missing_ok=True)
    (content / "pages/legal.fr.md").write_text(
        '---\ntitle: "Mentions légales"\nsummary: "Éditeur du site."\n'
        "order: 9\n---\n\nLe site est édité par le parti.\n",
        "utf-8",
    )
    (project / "party.py").write_text(
        "from pelicanconf import *\n"
        "NAMES = {'news': 'actus', 'people': 'equipe'}\n"
        "SECTIONS = {NAMES.get(k, k): {**v, 'kind': k} for k, v in SECTIONS.items()}\n"
        "MENU = [NAMES.get(m, m) for m in MENU]\n"
        "HOME = {'lead_kinds': ('news',),"
        " 'message': {'page': 'pages/about', 'person': 'amina-el-idrissi'}}\n"
        "CALLS_TO_ACTION = [\n"
        "    {'link': 'pages/join'},\n"
        "    {'link': 'pages/nowhere', 'label': {'fr': 'Nulle part'}},\n"
        "    {'link': 'https://don.example/', 'label': {'fr': 'Faire un don'}},\n"
        "    {'link': 'feeds', 'label': 'Follow our publications'},\n"
        "]\n"
        "PARTY = {**PARTY, 'legal': 'pages/legal',"
        " 'social': [{'network': 'facebook', 'url': 'https://fb.example/cedre'},"
        " {'network': 'mastodon', 'url': 'https://social.example/@cedre'}]}\n",
        "utf-8",
    )
    build_site(tmp / "out", settings="party.py", cwd=project)
    return Site(tmp / "out")


def test_lead_story_is_the_featured_item_else_the_newest_news(party: Site):
    french = _find(party.page("/fr/"), ".lead-story h2 a")[0]
    assert french.get("href") == "/fr/actualites/youth-employment-workshop/"
    # Nothing featured in Arabic: the newest item of the news kind leads.
    arabic = _find(party.page("/ar/"), ".lead-story h2 a")[0]
    assert arabic.get("href") == "/ar/akhbar/rural-clinics-budget-debate/"
    lead = _find(party.page("/fr/"), ".lead-story")[0]
    assert _find(lead, "img"), "the lead story shows its photo"
    # The lead story is not repeated among the latest news.
    tiles = [a.get("href") for a in _find(party.page("/fr/"), ".tiles h3 a")]
    assert "/fr/actualites/youth-employment-workshop/" not in tiles
    assert len(tiles) == 3


def test_calls_to_action_per_language(party: Site):
    def actions(code: str) -> list[tuple[str, str]]:
        links = _find(party.page(f"/{code}/"), ".actions a")
        return [(_text(a), a.get("href")) for a in links]

    assert actions("fr") == [
        ("Adhérer au parti", "/fr/join/"),  # the page's own title
        ("Faire un don", "https://don.example/"),
        ("Suivre nos publications", "/fr/feeds/"),  # an interface string
    ]
    # No Arabic label for the address: left out, not shown in French.
    arabic = actions("ar")
    assert [href for _, href in arabic] == ["/ar/join/", "/ar/feeds/"]
    assert arabic[0][0] == "الانخراط في الحزب"


def test_message_block_needs_its_page_in_the_language(party: Site):
    message = _find(party.page("/fr/"), ".message")[0]
    assert "Amina El Idrissi" in _text(message)
    assert _find(message, ".message-text")
    assert not _find(party.page("/zgh/"), ".message")
    # People are found by kind on items too, whatever their folder is called.
    people = _find(party.page("/fr/actualites/regional-secretariat-fes/"), ".people a")
    assert people and people[0].get("href").startswith("/fr/direction/")


def test_program_as_cards_with_icons(party: Site):
    cards = _find(party.page("/fr/"), ".sectors .sector")
    assert len(cards) == 5
    assert all(_find(card, "svg.sector-icon") for card in cards)


def test_footer_from_configuration(party: Site):
    footer = _find(party.page("/fr/"), "footer")[0]
    text = _text(footer)
    assert "10020 Rabat" in text
    assert _find(footer, 'a[href="tel:+212537000000"]')
    assert _find(footer, 'a[href="mailto:contact@parti-du-cedre.example"]')
    social = _find(footer, ".social a")
    assert [a.get("href") for a in social] == [
        "https://fb.example/cedre",
        "https://social.example/@cedre",
    ]
    assert _find(social[0], "svg")  # an icon the theme draws itself
    assert "Mastodon" in _text(social[1])  # no icon: the network's name
    assert re.search(r"© \d{4} Parti du Cèdre", text)
    legal = [a for a in _find(footer, "a") if _text(a) == "Mentions légales"]
    assert legal and legal[0].get("href") == "/fr/legal/"
    # No legal notice in Arabic: no link rather than a dead one.
    assert "/ar/legal/" not in party.path("/ar/").read_text("utf-8")


def test_blocks_absent_without_content(tmp_path: Path):
    project = copy_project(tmp_path / "project")
    for folder in ("news", "press", "events", "program"):
        shutil.rmtree(project / "content" / folder)
    build_site(tmp_path / "out", cwd=project)
    home = Site(tmp_path / "out").page("/fr/")
    for selector in (".lead-story", ".tiles", ".dated", ".sectors"):
        assert not _find(home, selector), selector
    assert _find(home, ".actions a"), "calls to action do not need news"


@pytest.mark.parametrize("code", ["ar", "fr", "zgh"])
def test_every_language_s_footer_links_its_own_legal_notice(kit: Site, code):
    """The fixture site publishes its legal notice in all three languages: a visitor
    reading Tamazight reaches it in Tamazight, not a missing page."""
    footer = kit.page(f"/{code}/").xpath("//footer")[0]
    links = [a for a in _find(footer, "a") if a.get("href") == f"/{code}/legal/"]
    assert links and _text(links[0])
    legal = kit.page(f"/{code}/legal/")
    assert legal.get("lang").startswith(code)
    assert _text(legal.xpath("//h1")[0]) == _text(links[0])


@pytest.mark.site
@pytest.mark.browser
def test_the_phone_header_leaves_the_screen_to_the_page(
    browser, party_server, settings
):
    """Brand, search, menu, languages and the motif band: at most 120 px of
    an 844 px phone screen, in every language of the party's site."""
    page = browser.new_page(viewport={"width": 390, "height": 844})
    heights = {}
    for code in (lang["code"] for lang in settings["LANGUAGES"]):
        page.goto(f"{party_server}/{code}/")
        page.evaluate("document.fonts.ready")
        heights[code] = page.eval_on_selector(
            ".masthead", "e => e.getBoundingClientRect().height"
        )
    page.close()
    assert all(height <= 120 for height in heights.values()), heights
