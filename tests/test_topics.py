"""Topic pages: every tag of the vocabulary has a page in each language it is
used in, linked from the tags and from each other by the language switcher."""

from __future__ import annotations

from conftest import Site


def alternates(page) -> dict[str, str]:
    return {
        link.get("hreflang"): link.get("href")
        for link in page.xpath("//link[@rel='alternate'][@hreflang]")
    }


def test_tags_link_to_the_topic_page_in_the_same_language(kit: Site):
    page = kit.page("/ar/akhbar/water-drought-plan/")
    links = page.xpath("//ul[@class='tags']//a")
    assert [(a.text, a.get("href")) for a in links][:2] == [
        ("الماء", "/ar/mawadi/water/"),
        ("الجفاف", "/ar/mawadi/drought/"),
    ]


def test_a_topic_page_lists_only_its_language_and_switches_to_the_others(kit):
    page = kit.page("/fr/sujets/water/")
    assert page.xpath("string(//h1)") == "Eau"  # a heading starts with a capital
    cards = page.xpath("//main//article/h2/a/@href")
    assert "/fr/actualites/water-drought-plan/" in cards
    assert all(href.startswith("/fr/") for href in cards)
    assert alternates(page)["zgh"].endswith("/zgh/isental/water/")
    zgh = kit.page("/zgh/isental/water/")
    assert zgh.xpath("string(//h1)") == "ⴰⵎⴰⵏ"
    assert alternates(zgh)["fr-MA"].endswith("/fr/sujets/water/")


def test_a_topic_used_in_fewer_languages_points_the_others_to_the_index(kit):
    # "finance-law" tags the Arabic/French-only budget debate.
    page = kit.page("/fr/sujets/finance-law/")
    assert "zgh" not in alternates(page)
    switcher = page.xpath("//*[@lang='zgh']//a/@href | //a[@hreflang='zgh']/@href")
    assert "/zgh/isental/" in switcher
    assert not kit.path("/zgh/isental/finance-law/").exists()


def test_the_topics_index_lists_every_topic_with_its_count(kit: Site):
    page = kit.page("/ar/mawadi/")
    entries = {
        a.text: a.getparent().xpath("string(span)") for a in page.xpath("//main//li/a")
    }
    assert entries["الماء"] == "(4)"
    sitemap = kit.path("/sitemap.xml").read_text("utf-8")
    assert "/ar/mawadi/water/" in sitemap and "/zgh/isental/</loc>" in sitemap
