"""Pages of each kind as a visitor sees them: an event's when and where at a
glance, a program sector's picture with its credit, a search page that
offers something without JavaScript and excerpts that say where they are
cut. Built from the small fixture site, not the demo."""

from __future__ import annotations

import re
import sys

import pytest
from conftest import ROOT, Site, build_site, fixture_site

sys.path.insert(0, str(ROOT))

from tools.static_server import start  # noqa: E402

LONG = " ".join(
    f"Phrase {n} du compte rendu sur les soins de proximité à Tinghir."
    for n in range(60)
)


@pytest.fixture(scope="module")
def tiny(tmp_path_factory) -> Site:
    tmp = tmp_path_factory.mktemp("kinds")
    project = fixture_site(tmp / "project")
    content = project / "content"
    (content / "program").mkdir()
    (content / "program/water.fr.md").write_text(
        '---\ntitle: "Eau"\nsummary: "L\'eau au robinet."\norder: 1\n'
        "image: images/well.png\n"
        'image_alt: "Un puits"\n'
        'image_credit: "Studio <Oasis> & fils"\n---\n\nNos mesures.\n',
        "utf-8",
    )
    news = content / "news/wells.fr.md"
    news.write_text(
        news.read_text("utf-8").replace(
            'image_alt: "Un puits"\n',
            (
                'image_alt: "Un puits"\nimage_credit: "Agence Crédit-Photo"\n'
                'image_caption: "Le puits de Tinghir : l\'été venu"\n'
            ),
        ),
        "utf-8",
    )
    clinic = content / "news/clinic.fr.md"
    middle = LONG[: len(LONG) // 2] + " Le mot dispensaire est ici. " + LONG
    clinic.write_text(clinic.read_text("utf-8") + "\n" + middle + "\n", "utf-8")
    tags = content / "tags.yml"
    tags.write_text(
        tags.read_text("utf-8")
        + "education:\n  ar: التعليم\n  fr: éducation\n  zgh: ⴰⵙⴳⵎⵉ\n",
        "utf-8",
    )
    clinic.write_text(
        clinic.read_text("utf-8").replace(
            "tags: [santé]", "tags: [santé, éducation, eau]"
        ),
        "utf-8",
    )
    output = tmp / "output"
    build_site(output, "pelicanconf.py", project)
    return Site(output)


def _text(node) -> str:
    """The text as shown, runs of white space folded (no-break spaces kept)."""
    return re.sub(r"[ \t\n]+", " ", node.text_content()).strip()


def test_an_event_gives_day_time_place_and_calendar_in_one_box(tiny):
    page = tiny.page("/fr/agenda/oasis-meeting/")
    (glance,) = page.xpath("//div[@class='glance']")
    badge = glance.xpath(".//*[contains(@class, 'badge')]")[0]
    assert _text(badge).startswith("12")
    facts = _text(glance.xpath(".//dl[@class='facts']")[0])
    assert "12 décembre 2026" in facts and "Tinghir" in facts
    (button,) = glance.xpath(".//p[@class='ics']/a")
    assert "button" in button.get("class")
    assert button.get("href").endswith("/fr/agenda/oasis-meeting/event.ics")
    # "(.ics)" is a left-to-right run: in Arabic it must not read "(ics.)".
    assert button.xpath("bdi[@dir='ltr']")[0].text == "(.ics)"


def test_a_program_sector_shows_its_picture_with_caption_and_credit(tiny):
    page = tiny.page("/fr/programme/water/")
    (figure,) = page.xpath("//article//figure[@class='lead']")
    assert figure.xpath(".//img/@alt") == ["Un puits"]
    credit = figure.xpath(".//small[@class='credit']")[0]
    # The credit is text, however it is written (escaped, never markup).
    assert _text(credit) == "© Studio <Oasis> & fils"
    assert not figure.xpath(".//oasis")


def test_the_program_index_shows_each_sector_with_its_picture(tiny):
    page = tiny.page("/fr/programme/")
    (card,) = page.xpath("//li[@class='sector']")
    # Decoration beside the sector's title: no second reading of it.
    assert card.xpath(".//div[@class='sector-photo']//img/@alt") == [""]
    assert _text(card.xpath(".//h2")[0]) == "Eau"


def test_an_item_s_topics_read_like_the_topic_headings(tiny):
    page = tiny.page("/fr/actualites/wells/")
    chips = [_text(li) for li in page.xpath("//ul[@class='tags']/li")]
    assert chips == ["Eau"]


def test_an_article_ends_with_what_was_published_on_its_topics(tiny):
    page = tiny.page("/fr/actualites/wells/")
    (related,) = page.xpath("//nav[@class='related']")
    assert _text(related.xpath(".//h2")[0]) == "Sur le même sujet"
    links = [(_text(a), a.get("href")) for a in related.xpath(".//a")]
    assert links == [("Un dispensaire à Tinghir", "/fr/actualites/clinic/")]
    # An article alone on its topics has no empty block.
    assert not tiny.page("/ar/akhbar/wells/").xpath("//nav[@class='related']")


def test_a_caption_gets_the_language_s_typography(tiny):
    page = tiny.page("/fr/actualites/wells/")
    caption = _text(page.xpath("//figure[@class='lead']/figcaption")[0])
    assert caption.startswith("Le puits de Tinghir\u00a0: l’été venu"), caption


def test_a_photo_credit_stays_out_of_search_excerpts(tiny):
    page = tiny.page("/fr/actualites/wells/")
    (credit,) = page.xpath("//small[@class='credit']")
    assert "Agence Crédit-Photo" in _text(credit)
    assert credit.get("data-pagefind-ignore") is not None


def test_the_search_page_offers_the_topics_without_javascript(tiny):
    page = tiny.page("/fr/search/")
    links = page.xpath("//section[contains(@class, 'search-topics')]//ul//a")
    assert {_text(a) for a in links} >= {"Eau", "Santé"}
    assert all(a.get("href").startswith("/fr/") for a in links)


def test_topics_are_listed_in_a_reader_s_order_accents_aside(tiny):
    page = tiny.page("/fr/sujets/")
    names = [_text(a) for a in page.xpath("//ul[@class='topics']//a")]
    assert names == ["Eau", "Éducation", "Santé"]


def test_french_contact_labels_take_a_space_before_the_colon(tiny):
    footer = _text(tiny.page("/fr/").xpath("//footer[@class='site-footer']")[0])
    assert "Téléphone\u00a0: +212" in footer
    arabic = _text(tiny.page("/ar/").xpath("//footer[@class='site-footer']")[0])
    assert "الهاتف: +212" in arabic


@pytest.mark.browser
def test_search_page_without_javascript_has_no_gap_and_keeps_its_footer_low(
    tiny, browser
):
    httpd, base = start(tiny.root)
    try:
        context = browser.new_context(
            java_script_enabled=False, viewport={"width": 390, "height": 844}
        )
        page = context.new_page()
        page.goto(base + "/fr/search/")
        heading = page.locator("main h1").bounding_box()
        message = page.locator("main noscript p").bounding_box()
        assert message["y"] - (heading["y"] + heading["height"]) < 40
        footer = page.locator("footer.site-footer").bounding_box()
        assert footer["y"] + footer["height"] >= 844 - 1
        context.close()
    finally:
        httpd.shutdown()


@pytest.mark.browser
def test_an_excerpt_cut_from_the_middle_shows_ellipses(tiny, browser):
    httpd, base = start(tiny.root)
    try:
        page = browser.new_page()
        page.goto(base + "/fr/search/?q=mot")
        page.wait_for_selector(".search-results li p")
        excerpt = page.text_content(".search-results li p")
        assert excerpt.startswith("… ") and excerpt.endswith(" …"), excerpt
        page.goto(base + "/fr/search/?q=rouvre")
        page.wait_for_selector(".search-results li p")
        texts = page.eval_on_selector_all(
            ".search-results li p", "ps => ps.map(p => p.textContent)"
        )
        assert any(not t.startswith("…") for t in texts), texts
        page.close()
    finally:
        httpd.shutdown()


# Where each line of an element's text ends: the character before each
# break, measured in the browser character by character.
_LINE_ENDS = """element => {
  const text = element.firstChild.nodeType === 3 ? element.firstChild
    : document.createTreeWalker(element, NodeFilter.SHOW_TEXT).nextNode();
  const range = document.createRange();
  const ends = [];
  let top = null;
  for (let i = 0; i < text.length; i++) {
    range.setStart(text, i); range.setEnd(text, i + 1);
    const y = range.getBoundingClientRect().top;
    if (top !== null && y > top + 2) ends.push(text.data[i - 1]);
    top = y;
  }
  return ends;
}"""


@pytest.mark.browser
def test_a_long_e_mail_never_breaks_after_its_hyphen_on_a_narrow_screen(tiny, browser):
    httpd, base = start(tiny.root)
    try:
        ends = []
        for width in range(240, 300, 6):
            page = browser.new_page(viewport={"width": width, "height": 800})
            page.goto(base + "/fr/")
            link = page.locator("footer.site-footer a[href^='mailto:']")
            assert link.evaluate("a => a.scrollWidth <= a.clientWidth + 1")
            ends += link.evaluate(_LINE_ENDS)
            page.close()
        assert ends, "the address should wrap at these widths"
        assert "-" not in ends, ends
    finally:
        httpd.shutdown()
