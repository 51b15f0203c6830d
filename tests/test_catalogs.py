"""Every interface string is translated in every configured language."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from conftest import ROOT

from multilingual.i18n import catalog_path, extract_messages


def untranslated(settings: dict, code: str) -> list[str]:
    """Interface strings (the theme's and the settings' titles) the language's
    catalog does not translate, and its fuzzy entries."""
    messages = extract_messages(ROOT / "theme", settings)
    assert "Skip to content" in messages
    with open(catalog_path(str(ROOT / "theme"), code), "rb") as handle:
        catalog = read_po(handle)
    missing = [m for m in messages if not (catalog.get(m) and catalog.get(m).string)]
    return missing + [m.id for m in catalog if m.id and m.fuzzy]


@pytest.mark.site
def test_catalog_is_complete_for_every_language_with_one(settings):
    """A language without a catalog shows the interface's English msgids
    (README: "Adopting the kit"); one with a catalog must have all of them."""
    for language in settings["LANGUAGES"]:
        code = language["code"]
        if Path(catalog_path(str(ROOT / "theme"), code)).is_file():
            assert not untranslated(settings, code), code


@pytest.mark.parametrize("code", ["ar", "fr", "zgh"])
def test_catalog_is_complete(fixture_settings, code: str):
    assert "Leadership" in extract_messages(ROOT / "theme", fixture_settings)
    assert not untranslated(fixture_settings, code), f"{code}: translate or review"


def test_tamazight_strings_are_in_tifinagh():
    with open(catalog_path(str(ROOT / "theme"), "zgh"), "rb") as handle:
        catalog = read_po(handle)
    for message in catalog:
        if message.id:
            text = re.sub(r"%\(\w+\)[sd]", "", message.string)  # placeholders
            letters = [c for c in text if c.isalpha()]
            tifinagh = [c for c in letters if "\u2d30" <= c <= "\u2d7f"]
            # Allowed Latin: format names such as "Atom" and "RSS".
            assert len(tifinagh) >= len(letters) * 0.8, message.id


def test_interface_is_translated_on_the_pages(kit):
    assert kit.page("/fr/").xpath("//a[@class='skip']")[0].text == "Aller au contenu"
    skip = kit.page("/ar/").xpath("//a[@class='skip']")[0].text
    assert skip == "انتقلوا إلى المحتوى"  # the plural address, as everywhere
    assert kit.page("/zgh/").xpath("//a[@class='skip']")[0].text == "ⵣⵔⵉ ⵖⵔ ⵓⴳⴱⵓⵔ"


def test_a_name_and_its_role_are_joined_as_each_language_writes_it(kit):
    """Arabic joins with its own comma (،), not the Latin one."""
    arabic = kit.page("/ar/akhbar/regional-secretariat-fes/")
    person = " ".join(arabic.xpath("string(//ul[@class='people']/li)").split())
    assert person.startswith("أمينة الإدريسي، ") and ", " not in person
    french = kit.page("/fr/actualites/regional-secretariat-fes/")
    person = " ".join(french.xpath("string(//ul[@class='people']/li)").split())
    assert person.startswith("Amina El Idrissi, ")
    press = kit.page("/ar/markaz-sahafa/").xpath("//a[@download]/text()")
    assert "عثمان بلقاضي، الناطق الرسمي" in " ".join(press)
    assert not [text for text in press if re.search(r"[\u0600-\u06ff], ", text)]
    metas = [
        meta.text_content()
        for meta in kit.page("/ar/markaz-sahafa/").xpath("//span[@class='meta']")
    ]
    assert metas and all("، " in meta and ", " not in meta for meta in metas)
