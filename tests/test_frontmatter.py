"""Reading editors' files: YAML front matter, language from the file name."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import ROOT

from multilingual.frontmatter import (
    ERRORS,
    FrontMatterError,
    FrontMatterMarkdownReader,
    split_front_matter,
)

GOOD = (
    '---\ntitle: "Réunion à Taounate"\ndate: 2026-04-14 10:30\n'
    'summary: "Une réunion."\ntags: [santé, eau]\n---\n\nTexte *important*.\n'
)


@pytest.fixture()
def reader(settings, tmp_path: Path) -> FrontMatterMarkdownReader:
    return FrontMatterMarkdownReader({**settings, "PATH": str(tmp_path / "content")})


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
    ERRORS.clear()
    content, meta = reader.read(path)
    assert (content, meta) == ("", {"status": "skip"})
    return [str(error) for error in ERRORS]


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
        "content/news/meeting.ar.md: the file is not UTF-8 (perhaps Windows-1256 "
        "or Latin-1); save it as UTF-8 in your editor"
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


def test_every_demo_file_reads(reader, settings):
    demo = FrontMatterMarkdownReader(settings)
    files = sorted((ROOT / "content").glob("*/*.md"))
    assert len(files) >= 80
    for file in files:
        _, meta = demo.read(str(file))
        assert meta["title"], file


BAD_INPUTS = [
    (
        "news/a.fr.md",
        '---\ntitle: "T"\ndate: 2026-04-01\n---\n\nx\n',
        'content/news/a.fr.md: "summary" is missing or empty; every news file '
        "needs it (a line 'summary: ...' in the front matter)",
    ),
    (
        "press/a.fr.md",
        '---\ntitle: "T"\ndate: 2026-04-01\nsummary: "s"\n---\n\nx\n',
        'content/press/a.fr.md: "place" is missing or empty; every press file '
        "needs it (a line 'place: ...' in the front matter)",
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
]


@pytest.mark.parametrize(("name", "text", "message"), BAD_INPUTS)
def test_bad_input_gets_one_clear_message(reader, tmp_path, name, text, message):
    write(tmp_path, "regions/oriental.fr.md", b"---\ntitle: x\n---\n")
    assert reported(reader, write(tmp_path, name, text.encode())) == [message]
