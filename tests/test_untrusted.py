"""Bounded, clean reading of content files: control characters, YAML aliases,
parser bombs, a time limit, and files that are very large but honest."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from multilingual.errors import FrontMatterError, collected
from multilingual.frontmatter import FrontMatterMarkdownReader
from multilingual.untrusted import (
    clean_fields,
    refuse_aliases,
    refuse_pathological_markdown,
    strip_controls,
    time_limit,
    warn_bidi_file_name,
)


def test_control_characters_go_with_one_warning_per_line():
    with collected() as told:
        text = strip_controls("a\n\x0bb\tc\x0c\nok\r\n\x00\x85", "content/x.fr.md")
    assert text == "a\nb\tc\nok\r\n"
    assert [str(w) for w in told.warnings] == [
        "content/x.fr.md:2: removed 2 invisible control character(s) (U+000B "
        "vertical tab, U+000C form feed), probably pasted from a word processor; "
        "check the text there",
        "content/x.fr.md:4: removed 2 invisible control character(s) (U+0000 "
        "null, U+0085 next line), probably pasted from a word processor; check "
        "the text there",
    ]


def test_one_line_fields_lose_their_line_breaks_and_bidi_is_reported():
    with collected() as told:
        fields = clean_fields(
            {
                "title": "Réunion\npublique\u202e",
                "summary": "Line one\nLine two",
                "place": ["a\r\nb"],
            },
            "content/events/x.fr.md",
            {"title": 2},
        )
    assert fields == {
        "title": "Réunion publique\u202e",
        "summary": "Line one\nLine two",
        "place": ["a b"],
    }
    (message,) = [str(w) for w in told.warnings]
    assert message.startswith(
        "content/events/x.fr.md:2: title holds an invisible direction control "
        "(U+202E right-to-left override)"
    )


def test_a_direction_control_in_a_file_name_is_reported():
    with collected() as told:
        warn_bidi_file_name("prix-\u202egnp", "content/news/prix-\u202egnp.fr.md")
        warn_bidi_file_name("prix", "content/news/prix.fr.md")
    (message,) = [str(w) for w in told.warnings]
    assert message.startswith(
        "content/news/prix-\u202egnp.fr.md: the file name holds an invisible "
        "direction control (U+202E right-to-left override)"
    )


@pytest.mark.parametrize(
    ("raw", "line"),
    [
        ("a: &a [x, y]\nb: *a\n", 3),
        ("title: x\nb: &b {k: v}\nc: [*b, *b]\n", 4),
    ],
)
def test_yaml_aliases_are_refused_with_their_line(raw, line):
    with pytest.raises(FrontMatterError) as caught:
        refuse_aliases(raw, "content/news/x.fr.md")
    assert caught.value.line == line
    assert "YAML alias" in caught.value.message


@pytest.mark.parametrize(
    "raw",
    [
        "title: x\na: " + "[" * 50_000 + "]" * 50_000 + "\n",
        "title: x\na: " + "{a: " * 50_000 + "1" + "}" * 50_000 + "\n",
        "title: x\na:\n" + "- " * 50_000 + "x\n",
    ],
)
def test_lists_nested_thousands_deep_are_refused_before_yaml_reads_them(raw):
    """libyaml recurses over nesting: 50,000 levels crash the process."""
    with pytest.raises(FrontMatterError) as caught:
        refuse_aliases(raw, "content/news/x.fr.md")
    assert caught.value.line in (3, 4)
    assert "nests lists more than 64 deep" in caught.value.message


@pytest.mark.parametrize(
    "raw", ["title: '*important*'\n", "a: &a x\n", "summary: 2 * 3\n", "a: [\n"]
)
def test_stars_and_anchors_without_aliases_pass(raw):
    refuse_aliases(raw, "content/news/x.fr.md")


def test_thousands_of_brackets_in_one_paragraph_are_refused_with_the_line():
    body = "Intro.\n\n" + "[" * 5000 + "\n\nafter"
    with pytest.raises(FrontMatterError) as caught:
        refuse_pathological_markdown(body, "content/news/x.fr.md", 6)
    assert caught.value.line == 8
    # Many links spread over paragraphs are fine.
    refuse_pathological_markdown(
        "\n\n".join("[a](/b) " * 100 for _ in range(100)), "x", 1
    )


def test_a_conversion_over_its_time_is_stopped_with_a_message():
    with (
        pytest.raises(FrontMatterError) as caught,
        time_limit(0.2, "content/news/slow.fr.md"),
    ):
        end = time.process_time() + 60
        while time.process_time() < end:
            pass
    assert str(caught.value).startswith(
        "content/news/slow.fr.md: converting the text took more than 0.2 s"
    )


def test_a_five_megabyte_article_and_a_megabyte_title_are_read(
    tmp_path, fixture_settings
):
    root = tmp_path / "content"
    (root / "news").mkdir(parents=True)
    paragraph = (
        "Le parti propose une *réforme* des [cliniques](https://example.org/x) "
        "rurales, avec **des moyens** et un calendrier précis. "
    ) * 5 + "\n\n"
    body = paragraph * (5_000_000 // len(paragraph))
    title = "Titre " * 175_000  # about a megabyte
    path: Path = root / "news/long.fr.md"
    path.write_text(
        f'---\ntitle: "{title}"\ndate: 2026-03-01\nsummary: "s"\n---\n\n{body}',
        encoding="utf-8",
    )
    reader = FrontMatterMarkdownReader({**fixture_settings, "PATH": str(root)})
    with collected() as told:
        html, meta = reader.read(str(path))
    assert told.errors == []
    assert meta["title"] == title
    assert html.count("<em>réforme</em>") == body.count("*réforme*")
