"""Reading editors' files: YAML front matter, language from the file name."""

from __future__ import annotations

from pathlib import Path

import pytest

from multilingual.errors import collected
from multilingual.frontmatter import (
    FrontMatterError,
    FrontMatterMarkdownReader,
    split_front_matter,
)

GOOD = (
    '---\ntitle: "Réunion à Taounate"\ndate: 2026-04-14 10:30\n'
    'summary: "Une réunion."\ntags: [santé, eau]\n---\n\nTexte *important*.\n'
)


@pytest.fixture()
def reader(fixture_settings, tmp_path: Path) -> FrontMatterMarkdownReader:
    return FrontMatterMarkdownReader(
        {**fixture_settings, "PATH": str(tmp_path / "content")}
    )


def write(tmp_path: Path, name: str, data: bytes) -> str:
    path = tmp_path / "content" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return str(path)


def test_reads_front_matter_language_key_and_section(reader, tmp_path):
    content, meta = reader.read(write(tmp_path, "news/meeting.fr.md", GOOD.encode()))
    assert content == "<p>Texte <em>important</em>.</p>"
    assert (meta["section"], meta["key"], meta["lang"], meta["slug"]) == (
        "news",
        "meeting",
        "fr",
        "meeting",
    )
    assert meta["prefix"] == "fr/actualites/"
    assert meta["date"].isoformat() == "2026-04-14T10:30:00+01:00"
    assert [tag.name for tag in meta["tags"]] == ["santé", "eau"]


def test_accepts_a_bom_and_windows_line_endings(reader, tmp_path):
    data = b"\xef\xbb\xbf" + GOOD.replace("\n", "\r\n").encode()
    content, meta = reader.read(write(tmp_path, "news/meeting.ar.md", data))
    assert meta["title"] == "Réunion à Taounate"
    assert "important" in content


def test_a_date_only_is_midnight_in_casablanca(reader, tmp_path):
    text = GOOD.replace("2026-04-14 10:30", "2026-07-01")
    _, meta = reader.read(write(tmp_path, "news/meeting.fr.md", text.encode()))
    assert meta["date"].isoformat() == "2026-07-01T00:00:00+01:00"


def reported(reader, path: str) -> list[str]:
    """What the editor is told about a file; the file itself is skipped."""
    with collected() as told:
        content, meta = reader.read(path)
    assert (content, meta) == ("", {"status": "skip"})
    return [str(error) for error in told.errors]


def test_a_bad_date_says_where_and_what_to_write(reader, tmp_path):
    text = GOOD.replace("2026-04-14 10:30", "2024-13-45")
    assert reported(reader, write(tmp_path, "news/meeting.fr.md", text.encode())) == [
        'content/news/meeting.fr.md:3: date "2024-13-45" is not a date; '
        "write YYYY-MM-DD or YYYY-MM-DD HH:MM"
    ]


def test_an_unknown_language_suffix_lists_the_configured_ones(reader, tmp_path):
    assert reported(reader, write(tmp_path, "news/meeting.en.md", GOOD.encode())) == [
        "content/news/meeting.en.md: the file name must end in .<language>.md "
        "with a language of ar, fr, zgh (got 'en')"
    ]


def test_a_windows_1256_file_is_reported_not_crashed_on(reader, tmp_path):
    data = GOOD.replace("Réunion à Taounate", "اجتماع").encode("cp1256")
    assert reported(reader, write(tmp_path, "news/meeting.ar.md", data)) == [
        "content/news/meeting.ar.md: the file is not UTF-8 but probably "
        'WINDOWS-1256; save it again choosing the encoding "UTF-8" in your editor, '
        "or run: iconv -f WINDOWS-1256 -t UTF-8 content/news/meeting.ar.md -o "
        "content/news/meeting.ar.md.new && mv content/news/meeting.ar.md.new "
        "content/news/meeting.ar.md"
    ]


def test_broken_yaml_names_the_line(tmp_path):
    text = '---\ntitle: "ok"\nsummary: "unclosed\n---\n\nText\n'
    with pytest.raises(FrontMatterError) as error:
        split_front_matter(text, "news/x.fr.md")
    assert error.value.line in (3, 4)
    assert "not valid YAML" in error.value.message


def test_missing_front_matter_is_explained(tmp_path):
    with pytest.raises(FrontMatterError, match="must start with a '---' line"):
        split_front_matter("title: x\n", "news/x.fr.md")


def test_every_file_of_the_fixture_site_reads(fixture_settings, kit_project):
    fixture = FrontMatterMarkdownReader(fixture_settings)
    files = sorted((kit_project / "content").glob("*/*.md"))
    assert len(files) >= 80
    for file in files:
        _, meta = fixture.read(str(file))
        assert meta["title"], file


BAD_INPUTS = [
    (
        "news/a.fr.md",
        '---\ntitle: "T"\ndate: 2026-04-01\n---\n\n',
        'content/news/a.fr.md: "summary" is missing or empty; every news file '
        "needs it (a line 'summary: ...' in the front matter, or a first "
        "paragraph of text to take it from)",
    ),
    (
        "news/a.fr.md",
        '---\ntitle: ""\ndate: 2026-04-01\nsummary: "s"\n---\n\nx\n',
        'content/news/a.fr.md:2: "title" is missing or empty; every news file '
        "needs it (a line 'title: ...' in the front matter)",
    ),
    (
        "news/a.fr.md",
        '---\ntitle: "T"\ndate: 2026-04-01\nsummary: "s"\nregion: fez\n---\n\nx\n',
        'content/news/a.fr.md:5: region "fez" does not exist; use one of oriental',
    ),
    (
        "news/a.fr.md",
        '---\ntitle: "T"\ndate: 2026-04-01\nsummary: "s"\nimage: images/nope.jpg\n'
        "---\n\nx\n",
        'content/news/a.fr.md:5: image "images/nope.jpg" was not found; put the file '
        "in content/images or fix the name",
    ),
    (
        "news/a.fr.md",
        '---\ntitle: "T"\ndate: 2026-04-01\nsummary: "s"\nslug: ../../etc\n---\n\nx\n',
        'content/news/a.fr.md:5: slug "../../etc" may only hold letters, digits '
        "and hyphens (e.g. rural-clinics)",
    ),
    (
        "program/a.fr.md",
        '---\ntitle: "T"\nsummary: "s"\norder: first\n---\n\nx\n',
        'content/program/a.fr.md:4: order "first" must be a whole number',
    ),
    (
        "events/a.fr.md",
        '---\ntitle: "T"\nstart: 2026-04-01 10:00\nend: 2026-04-01 12:00\n'
        'summary: "s"\n---\n\nx\n',
        "content/events/a.fr.md: an event needs a 'place:' or an 'online:' link",
    ),
    (
        "events/a.fr.md",
        '---\ntitle: "T"\nstart: 2026-04-01 10:00\nend: 2026-04-01 09:00\n'
        'summary: "s"\nplace: Oujda\n---\n\nx\n',
        "content/events/a.fr.md:4: the event ends before it starts; check end",
    ),
    (
        "blog/a.fr.md",
        '---\ntitle: "T"\n---\n\nx\n',
        "content/blog/a.fr.md: 'blog' is not a section; put the file in one of "
        "news, press, program, events, regions, people, pages",
    ),
    (
        "news/a.fr.md",
        "",
        "content/news/a.fr.md:1: the file must start with a '---' line, then the "
        "front matter",
    ),
    (
        "news/a.fr.md",
        '---\ntitle: "T"\n\nx\n',
        "content/news/a.fr.md:1: the front matter is not closed: add a '---' line "
        "after it",
    ),
    (
        "news/a.fr.md",
        '---\ntitle: "T"\ndate: 14/03/2026\nsummary: "s"\n---\n\nx\n',
        'content/news/a.fr.md:3: date "14/03/2026" is not a date; write YYYY-MM-DD '
        "or YYYY-MM-DD HH:MM",
    ),
    (
        "events/a.fr.md",
        '---\ntitle: "T"\nstart: 2026-04-01 25:00\nend: 2026-04-01 12:00\n'
        'summary: "s"\nplace: Oujda\n---\n\nx\n',
        'content/events/a.fr.md:3: start "2026-04-01 25:00" is not a date; write '
        "YYYY-MM-DD or YYYY-MM-DD HH:MM",
    ),
    (
        "events/a.fr.md",
        '---\ntitle: "T"\nstart: 2026-04-01 10:00\nsummary: "s"\nplace: Oujda\n'
        "---\n\nx\n",
        'content/events/a.fr.md: "end" is missing or empty; every events file '
        "needs it (a line 'end: ...' in the front matter)",
    ),
    (
        "events/a.fr.md",
        '---\ntitle: "T"\nstart: 2026-04-01 10:00\nend: 2026-04-01 12:00\n'
        'summary: "s"\nonline: meet.example/party\n---\n\nx\n',
        'content/events/a.fr.md:6: online "meet.example/party" must be a web address '
        "starting with https://",
    ),
    (
        "news/a.fr.md",
        '---\ntitle: "T"\ndate: 2026-04-01\nsummary: "s"\npeople: [amina, karim]\n'
        "---\n\nx\n",
        'content/news/a.fr.md:5: people "karim" does not exist; use one of amina',
    ),
    (
        "news/a.fr.md",
        '---\ntitle: "T"\ndate: 2026-04-01\nsummary: "s"\n---\n\nIntro.\n\n'
        "See [the plan]({filename}../program/water.fr.md).\n",
        "content/news/a.fr.md:9: link {filename}../program/water.fr.md points to no "
        "file; check the name (a path from this file, or from content/ when it "
        "starts with /)",
    ),
    (
        "news/a.fr.md",
        '---\ntitle: "T"\ndate: 2026-04-01\nsummary: "s"\n---\n\n'
        "![Carte]({static}/images/map.png)\n",
        "content/news/a.fr.md:7: link {static}/images/map.png points to no file; "
        "check the name (a path from this file, or from content/ when it starts "
        "with /)",
    ),
    (
        "news/a.fr.md",
        '---\ntitle: "T"\ndate: 2026-04-01\nsummary: "s"\n---\n\n'
        "Read [this](../regions/oriental.fr.md).\n",
        "content/news/a.fr.md:7: link (../regions/oriental.fr.md) only works on your "
        "computer; write ({filename}../regions/oriental.fr.md) so the site links "
        "to its page",
    ),
    (
        "news/a.fr.md",
        '---\ntitle: [Réunion, Taounate]\ndate: 2026-04-01\nsummary: "s"\n---\n\nx\n',
        'content/news/a.fr.md:2: title must be text, e.g. title: "..." (in quotes '
        "if it holds a colon)",
    ),
    (
        "news/a.fr.md",
        '---\ntitle: "T"\ndate: 2026-04-01\nsummary: yes\n---\n\nx\n',
        'content/news/a.fr.md:4: summary must be text, e.g. summary: "..." (in quotes '
        "if it holds a colon)",
    ),
    (
        "news/a.fr.md",
        '---\ntitle: "T"\ndate: 2026-04-01\nsummary: "s"\nstatus: publised\n---\n\nx\n',
        'content/news/a.fr.md:5: status "publised" must be draft, hidden or '
        "published (or leave the line out)",
    ),
    (
        "news/a.fr.md",
        '---\ntitle: "T"\ndate: 2026-04-01\nsummary: "s"\nimage: /etc/hosts\n'
        "---\n\nx\n",
        'content/news/a.fr.md:5: image "/etc/hosts" must be a file inside content/, '
        "e.g. images/photo.jpg",
    ),
    (
        "news/a.fr.md",
        '---\ntitle: "T"\ndate: 2026-04-01\nsummary: "s"\n'
        "tags: [eau, {santé: rurale}]\n---\n\nx\n",
        "content/news/a.fr.md:5: tags must be a list of words, e.g. tags: [eau, santé]",
    ),
    (
        "news/a.fr.md",
        "---\n- title\n- date\n---\n\nx\n",
        "content/news/a.fr.md:2: front matter must be 'name: value' lines",
    ),
    (
        "news/a.fr.md",
        '---\ntitle: "T"\n\tdate: 2026-04-01\n---\n\nx\n',
        "content/news/a.fr.md:3: front matter is not valid YAML: found character "
        "'\\t' that cannot start any token (a tab: indent with spaces, or remove "
        "it)",
    ),
    (
        "press/a.fr.md",
        '---\ntitle: "T"\ndate: 2026-04-01\nsummary: "s"\nplace: Rabat\n'
        "attachments:\n  - file: ../../pelicanconf.py\n---\n\nx\n",
        'content/press/a.fr.md:6: attachment "../../pelicanconf.py" must be a file '
        "inside content/, e.g. files/statement.pdf",
    ),
    (
        "a.fr.md",
        '---\ntitle: "T"\n---\n\nx\n',
        "content/a.fr.md: 'content/' is not a section; put the file in one of "
        "news, press, program, events, regions, people, pages",
    ),
]


@pytest.mark.parametrize(("name", "text", "message"), BAD_INPUTS)
def test_bad_input_gets_one_clear_message(reader, tmp_path, name, text, message):
    write(tmp_path, "regions/oriental.fr.md", b"---\ntitle: x\n---\n")
    write(tmp_path, "people/amina.fr.md", b"---\ntitle: x\n---\n")
    write(tmp_path, "tags.yml", TOPICS.encode())
    assert reported(reader, write(tmp_path, name, text.encode())) == [message]


TOPICS = "water:\n  ar: الماء\n  fr: eau\nhealth:\n  ar: الصحة\n  fr: santé\n"


def test_tags_from_the_vocabulary_are_read_in_any_case(reader, tmp_path):
    write(tmp_path, "tags.yml", TOPICS.encode())
    text = GOOD.replace("[santé, eau]", "[Santé,  EAU]")
    _, meta = reader.read(write(tmp_path, "news/meeting.fr.md", text.encode()))
    assert meta["topics"] == ["health", "water"]


@pytest.mark.parametrize(
    ("vocabulary", "message"),
    [
        (
            "water:\n  fr: eau\n  ar: [الماء]\n",
            "content/tags.yml: write one topic per entry: its key, then 'lang: name' "
            "lines indented below it",
        ),
        (
            "water:\n  fr: eau\nrain:\n  fr: Eau\n",
            'content/tags.yml: "Eau" names both water and rain in fr; give each '
            "topic its own name",
        ),
        (
            "water:\n  fr: eau\n   ar: x\n",
            "content/tags.yml:3: not valid YAML: mapping values are not allowed here",
        ),
    ],
)
def test_a_broken_vocabulary_is_reported_once(reader, tmp_path, vocabulary, message):
    write(tmp_path, "tags.yml", vocabulary.encode())
    with collected() as told:
        for name in ("a", "b"):
            reader.read(write(tmp_path, f"news/{name}.fr.md", GOOD.encode()))
    assert [str(error) for error in told.errors] == [message]


def test_a_latin_1_file_is_reported_not_crashed_on(reader, tmp_path):
    data = GOOD.encode("latin-1")
    assert reported(reader, write(tmp_path, "news/meeting.fr.md", data)) == [
        "content/news/meeting.fr.md: the file is not UTF-8 but probably LATIN1; "
        'save it again choosing the encoding "UTF-8" in your editor, or run: '
        "iconv -f LATIN1 -t UTF-8 content/news/meeting.fr.md -o "
        "content/news/meeting.fr.md.new && mv content/news/meeting.fr.md.new "
        "content/news/meeting.fr.md"
    ]


def test_a_field_name_with_a_typo_gets_a_suggestion(reader, tmp_path):
    text = GOOD.replace("tags:", "regoin: oriental\ntags:")
    _result, errors, warnings = told(
        reader, write(tmp_path, "news/meeting.fr.md", text.encode())
    )
    assert errors == []
    assert warnings == [
        'content/news/meeting.fr.md:5: unknown field "regoin"; did you mean "region"?'
    ]


def test_links_to_files_that_exist_are_accepted(reader, tmp_path):
    write(tmp_path, "program/water.fr.md", b"---\ntitle: x\n---\n")
    write(tmp_path, "images/map.png", b"png")
    text = GOOD + (
        "\n[plan]({filename}../program/water.fr.md#goals) "
        "![m]({static}/images/map.png)\n"
    )
    html, meta = reader.read(write(tmp_path, "news/meeting.fr.md", text.encode()))
    assert '<a href="{filename}../program/water.fr.md#goals">plan</a>' in html


def test_empty_optional_fields_mean_nothing_given(reader, tmp_path):
    text = GOOD.replace("tags: [santé, eau]", "tags:\nstatus:\npeople:\nregion:")
    html, meta = reader.read(write(tmp_path, "news/meeting.fr.md", text.encode()))
    assert "tags" not in meta and "region" not in meta
    assert meta.get("people", []) == []
    assert meta.get("status") in (None, "published")


def told(reader, path: str) -> tuple[tuple[str, dict], list[str], list[str]]:
    """What reading a file gives, and the errors and warnings it told."""
    with collected() as told:
        result = reader.read(path)
    return result, [str(e) for e in told.errors], [str(w) for w in told.warnings]


def content_dir(tmp_path: Path) -> None:
    write(tmp_path, "regions/oriental.fr.md", b"---\ntitle: x\nseat: Oujda\n---\n")
    write(tmp_path, "people/amina.fr.md", b"---\ntitle: x\n---\n")
    write(tmp_path, "tags.yml", TOPICS.encode())


def test_every_mistake_of_a_file_is_told_in_one_run(reader, tmp_path):
    content_dir(tmp_path)
    text = (
        '---\ntitle: "T"\ndate: 2024-13-45\nsummary: "s"\nregion: fez\n'
        "tags: [santee, football]\nimage: images/nope.jpg\n---\n\nx\n"
    )
    (content, meta), errors, warnings = told(
        reader, write(tmp_path, "news/a.fr.md", text.encode())
    )
    assert (content, meta) == ("", {"status": "skip"})
    assert sorted(errors) == [
        'content/news/a.fr.md:3: date "2024-13-45" is not a date; write '
        "YYYY-MM-DD or YYYY-MM-DD HH:MM",
        'content/news/a.fr.md:5: region "fez" does not exist; use one of oriental',
        'content/news/a.fr.md:7: image "images/nope.jpg" was not found; put '
        "the file in content/images or fix the name",
    ]
    assert warnings == [
        'content/news/a.fr.md:6: tag "santee" is not in content/tags.yml, so the '
        'page is published without it; did you mean "santé"?',
        'content/news/a.fr.md:6: tag "football" is not in content/tags.yml, so the '
        "page is published without it; add it to content/tags.yml with its name in "
        "each language, or remove it",
    ]


@pytest.mark.parametrize(
    ("name", "tags", "topics", "warning"),
    [
        ("a.fr.md", "[eau, irrigation]", ["water"], "add it to content/tags.yml"),
        ("a.fr.md", "eau, santé", ["water", "health"], None),
        ("a.ar.md", "الماء، الصحة", ["water", "health"], None),
        (
            "a.ar.md",
            "[eau]",
            ["water"],
            'content/news/a.ar.md:5: tag "eau" is the fr name of the topic "water"; '
            'in a .ar.md file write "الماء"',
        ),
    ],
)
def test_tags_are_understood_and_an_unknown_one_never_drops_the_page(
    reader, tmp_path, name, tags, topics, warning
):
    content_dir(tmp_path)
    text = f'---\ntitle: "T"\ndate: 2026-04-01\nsummary: "s"\ntags: {tags}\n---\n\nx\n'
    (content, meta), errors, warnings = told(
        reader, write(tmp_path, f"news/{name}", text.encode())
    )
    assert errors == [] and content == "<p>x</p>"
    assert meta["topics"] == topics
    if warning is None:
        assert warnings == []
    else:
        assert len(warnings) == 1 and warning in warnings[0]
        assert "did you mean" not in warnings[0]  # irrigation is not formation


@pytest.mark.parametrize(
    ("line", "message"),
    [
        (
            "title: Mobilisation #EauPourTous à Agadir",
            'content/news/a.fr.md:2: title was cut at "#" (what follows " #" is read '
            'as a comment); put the title in quotes: title: "Mobilisation '
            '#EauPourTous à Agadir"',
        ),
        (
            "title: Agadir: la marche pour l'eau",
            'content/news/a.fr.md:2: title holds ": ", which reads as the start of '
            'another field; put the title in quotes: title: "Agadir: la marche pour '
            "l'eau\"",
        ),
    ],
)
def test_yaml_traps_in_a_title_get_plain_words(reader, tmp_path, line, message):
    content_dir(tmp_path)
    text = f'---\n{line}\ndate: 2026-04-01\nsummary: "s"\n---\n\nx\n'
    assert reported(reader, write(tmp_path, "news/a.fr.md", text.encode())) == [message]


def test_a_missing_summary_is_the_first_paragraph_cut_between_words(reader, tmp_path):
    content_dir(tmp_path)
    words = "Le conseil régional « Oriental » a voté un plan d'irrigation " * 8
    text = (
        '---\ntitle: "T"\ndate: 2026-04-01\n---\n\n## Titre\n\n'
        f"{words}\n\nSecond paragraphe.\n"
    )
    (_content, meta), errors, _warnings = told(
        reader, write(tmp_path, "news/a.fr.md", text.encode())
    )
    assert errors == []
    # French text gets its typography (’, no-break spaces) like the page;
    # what is tested here is where it is cut.
    summary = meta["summary"].translate({0x2019: "'", 0xA0: " ", 0x202F: " "})
    assert summary.endswith("…") and 150 <= len(summary) <= 201
    assert words.startswith(summary[:-1])
    # Cut between words: what follows in the text is a space.
    assert words[len(summary) - 1] == " "
    assert meta["summary_derived"] is True
    short = '---\ntitle: "T"\ndate: 2026-04-01\n---\n\nUn *court* texte.\n'
    (_c, meta), _e, _w = told(reader, write(tmp_path, "news/b.fr.md", short.encode()))
    assert meta["summary"] == "Un court texte."


@pytest.mark.parametrize(
    ("region", "seat", "place"),
    [("region: oriental\n", None, "Oujda"), ("", {"fr": "Rabat"}, "Rabat")],
)
def test_a_release_without_place_is_dated_from_its_region_or_the_party_seat(
    fixture_settings, tmp_path, region, seat, place
):
    content_dir(tmp_path)
    press = {**fixture_settings["PRESS"], "seat": seat}
    reader = FrontMatterMarkdownReader(
        {**fixture_settings, "PATH": str(tmp_path / "content"), "PRESS": press}
    )
    text = f'---\ntitle: "T"\ndate: 2026-04-01\nsummary: "s"\n{region}---\n\nx\n'
    (_c, meta), errors, _w = told(
        reader, write(tmp_path, "press/a.fr.md", text.encode())
    )
    assert errors == [] and meta["place"] == place


def test_a_release_with_no_place_anywhere_is_refused(fixture_settings, tmp_path):
    content_dir(tmp_path)
    press = {k: v for k, v in fixture_settings["PRESS"].items() if k != "seat"}
    reader = FrontMatterMarkdownReader(
        {**fixture_settings, "PATH": str(tmp_path / "content"), "PRESS": press}
    )
    text = '---\ntitle: "T"\ndate: 2026-04-01\nsummary: "s"\n---\n\nx\n'
    assert reported(reader, write(tmp_path, "press/a.fr.md", text.encode())) == [
        'content/press/a.fr.md: "place" is missing or empty; every press file needs '
        "it (a line 'place: ...' in the front matter, or a region: whose page has a "
        "seat:)"
    ]


@pytest.mark.parametrize(
    ("text", "warning"),
    [
        (
            '---\ntitle: "T"\ndate: 2024-13-45\nstatus: draft\n---\n\nx\n',
            "content/news/a.fr.md:3: not published (draft): would fail because date "
            '"2024-13-45" is not a date; write YYYY-MM-DD or YYYY-MM-DD HH:MM',
        ),
        (
            "---\ntitle: \ndate: 2026-04-01 10:00\nsummary: \n---\n\n",
            "content/news/a.fr.md: not published (empty): nothing is written in it "
            "yet; write its title and text to publish it, or delete the file",
        ),
        (
            "---\nstatus: draft\ntitle: Agadir: la marche\n---\n\nx\n",
            "content/news/a.fr.md:3: not published (draft): would fail because title "
            'holds ": ", which reads as the start of another field; put the title in '
            'quotes: title: "Agadir: la marche"',
        ),
        (
            '---\ntitle: "T"\ndate: 2099-04-01\n---\n\n',
            "content/news/a.fr.md: not published (scheduled for 2099-04-01 00:00): "
            'would fail because "summary" is missing or empty; every news file needs '
            "it (a line 'summary: ...' in the front matter, or a first paragraph of "
            "text to take it from)",
        ),
    ],
)
def test_unpublished_work_is_checked_but_only_warned_about(
    reader, tmp_path, text, warning
):
    content_dir(tmp_path)
    (content, meta), errors, warnings = told(
        reader, write(tmp_path, "news/a.fr.md", text.encode())
    )
    assert errors == [] and warnings == [warning]
    assert meta.get("status") in ("skip", "draft")
