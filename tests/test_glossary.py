"""One word per concept: the catalogs, URL segments, topics and content use the
glossary's term (theme/translations/glossary.yml) and none of its rejected variants."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
import yaml
from babel.messages.pofile import read_po
from conftest import KIT_CONTENT, ROOT

from multilingual.i18n import catalog_path

GLOSSARY = yaml.safe_load((ROOT / "theme/translations/glossary.yml").read_text("utf-8"))
STATUSES = {"attested", "proposed", "needs native review"}
LANGS = ["ar", "fr", "zgh"]
# A word's letters: \w plus the combining marks \w leaves out (Arabic shadda...).
LETTER = r"[\w\u064B-\u065F\u0670\u2D7F]"


def entries(lang: str) -> Iterator[tuple[str, dict]]:
    for concept, by_lang in GLOSSARY.items():
        if lang in by_lang:
            yield concept, by_lang[lang]


def occurs(word: str, text: str) -> bool:
    """`word` as a whole word: ⴰⴽⴽ is not found in ⴰⴽⴽⵯ, nor بيان in بيانية."""
    return re.search(rf"(?<!{LETTER}){re.escape(word)}(?!{LETTER})", text) is not None


def url_segments(fixture_settings: dict, lang: str) -> dict[str, str]:
    """Glossary `section` name -> that section's URL segment in `lang`."""
    found = {
        key: section["url"][lang]
        for key, section in fixture_settings["SECTIONS"].items()
        if lang in section.get("url", {})
    }
    found["topics"] = fixture_settings["TOPICS"]["url"][lang]
    found["press room"] = fixture_settings["PRESS"]["url"][lang]
    return found


def texts_in(value, lang: str) -> Iterator[str]:
    """Every string given for `lang` in a nested setting ({"ar": ..., "fr": ...})."""
    if isinstance(value, dict):
        for key, item in value.items():
            if key == lang and isinstance(item, str):
                yield item
            else:
                yield from texts_in(item, lang)
    elif isinstance(value, list):
        for item in value:
            yield from texts_in(item, lang)


def sources(fixture_settings: dict, lang: str) -> dict[str, str]:
    """Where the site's words in `lang` live: name -> text."""
    with open(catalog_path(str(ROOT / "theme"), lang), "rb") as handle:
        catalog = read_po(handle)
    found = {
        f"catalog {message.id!r}": message.string
        for message in catalog
        if message.id and message.string
    }
    for path in sorted(KIT_CONTENT.rglob(f"*.{lang}.md")):
        found[str(path.relative_to(KIT_CONTENT.parent))] = path.read_text("utf-8")
    tags = yaml.safe_load((KIT_CONTENT / "tags.yml").read_text("utf-8"))
    for key, names in tags.items():
        found[f"content/tags.yml {key}"] = names.get(lang, "")
    for name in ("PARTY", "PRESS"):
        for i, text in enumerate(texts_in(fixture_settings[name], lang)):
            found[f"pelicanconf.py {name} #{i}"] = text
    for section, segment in url_segments(fixture_settings, lang).items():
        found[f"URL segment of {section}"] = segment
    return found


@pytest.mark.parametrize("lang", LANGS)
def test_glossary_entries_say_where_each_term_comes_from(lang: str):
    for concept, entry in entries(lang):
        assert entry.get("term"), f"{concept} [{lang}]: no term"
        assert entry.get("status") in STATUSES, f"{concept} [{lang}]: status"
        assert entry.get("source"), f"{concept} [{lang}]: say what attests it"
        kept = {entry["term"], *entry.get("forms", [])}
        assert not kept & set(entry.get("reject", [])), f"{concept} [{lang}]"


@pytest.mark.parametrize("lang", LANGS)
def test_url_segments_are_the_glossary_ones(fixture_settings, lang: str):
    segments = url_segments(fixture_settings, lang)
    for concept, entry in entries(lang):
        section = GLOSSARY[concept].get("section")
        if section and "url" in entry:
            assert segments[section] == entry["url"], (
                f"{concept} [{lang}]: URL segment {segments[section]!r}, "
                f"the glossary says {entry['url']!r}"
            )


@pytest.mark.parametrize("lang", LANGS)
def test_topics_are_named_with_the_glossary_term(lang: str):
    tags = yaml.safe_load((KIT_CONTENT / "tags.yml").read_text("utf-8"))
    for concept, entry in entries(lang):
        if concept in tags:
            names = {entry["term"], *entry.get("forms", [])}
            assert tags[concept][lang] in names, f"{concept} [{lang}]: {names}"


@pytest.mark.parametrize("lang", LANGS)
def test_no_rejected_variant_anywhere(fixture_settings, lang: str):
    texts = sources(fixture_settings, lang)
    found = [
        f"{where}: {word!r} (write {entry['term']!r}: {entry.get('why', concept)})"
        for concept, entry in entries(lang)
        for word in entry.get("reject", [])
        for where, text in texts.items()
        if occurs(word, text)
    ]
    assert not found, "\n".join(found)


def test_the_check_finds_whole_words_only():
    assert occurs("ⴰⴽⴽ", "ⵉⵙⴰⵍⵏ ⴰⴽⴽ.") and not occurs("ⴰⴽⴽ", "ⵉⵙⴰⵍⵏ ⴰⴽⴽⵯ.")
    assert occurs("بيان", "لا يوجد بيان هذا") and not occurs("بيان", "بيانية")
    assert not occurs("محيّنة", "غير محيّنةً") and occurs("محيّنة", "غير محيّنة.")


def test_every_tamazight_string_says_whether_a_native_speaker_read_it():
    """A reader must be able to tell a reviewed translation from a draft."""
    with open(catalog_path(str(ROOT / "theme"), "zgh"), "rb") as handle:
        catalog = read_po(handle)
    unmarked = [
        message.id
        for message in catalog
        if message.id
        and not any(
            comment.startswith(("needs native review", "reviewed"))
            for comment in message.user_comments
        )
    ]
    assert not unmarked, f"add '# needs native review: why' or '# reviewed': {unmarked}"
