"""The allow-list for raw HTML in content: what stays, what goes, what the
editor is told."""

from __future__ import annotations

import pytest

from multilingual.sanitize import Sanitizer

HOSTS = {"VIDEO_HOSTS": ["www.youtube-nocookie.com", "player.vimeo.com"]}


def clean(html: str) -> tuple[str, list[str]]:
    cleaned, removed = Sanitizer(HOSTS).clean(html)
    return cleaned, [f"{r.what}: {r.why}" for r in removed]


@pytest.mark.parametrize(
    ("raw", "kept", "told"),
    [
        (
            '<p>Hi<script src="https://x.example/a.js"></script></p>',
            "<p>Hi</p>",
            ["<script>: scripts are not allowed"],
        ),
        (
            '<img src="/images/a.jpg" alt="A" onerror="steal()">',
            '<img src="/images/a.jpg" alt="A">',
            ["onerror attribute: event handlers are not allowed"],
        ),
        (
            '<a href="JavaScript:alert(1)">x</a>',
            "<a>x</a>",
            ["javascript: link: only web links are allowed"],
        ),
        (
            '<a href="data:text/html;base64,PHNjcmlwdD4=">x</a>',
            "<a>x</a>",
            ["data: link: only web links are allowed"],
        ),
        (
            '<p style="color:red">Rouge</p>',
            "<p>Rouge</p>",
            [
                "style attribute: inline styles are not allowed; the theme styles "
                "content"
            ],
        ),
        (
            '<iframe src="https://ads.example/frame"></iframe><p>after</p>',
            "<p>after</p>",
            [
                "<iframe> from ads.example: iframes may only show videos from "
                "player.vimeo.com, www.youtube-nocookie.com"
            ],
        ),
        (
            '<form action="https://x.example"><input name="q"></form>',
            "",
            [
                "<form>: this HTML element is not allowed",
                "<input>: this HTML element is not allowed",
            ],
        ),
        (
            '<object data="x.swf"></object>ok',
            "ok",
            ["<object>: this HTML element is not allowed"],
        ),
    ],
)
def test_what_is_removed_is_reported(raw, kept, told):
    assert clean(raw) == (kept, told)


@pytest.mark.parametrize(
    "html",
    [
        '<iframe src="https://player.vimeo.com/video/1" title="Vote"></iframe>',
        '<p lang="fr" dir="ltr" class="note" id="n1">Texte <bdi>ⵜⴰⵎⴰⵣⵉⵖⵜ</bdi></p>',
        '<a href="https://example.org/x" hreflang="ar">lien</a>',
        '<a href="{filename}../news/x.fr.md#top">Pelican link</a>',
        '<table><thead><tr><th scope="col" colspan="2">A</th></tr></thead></table>',
        '<figure><img src="{static}/images/a.jpg" alt="" width="10" height="5">'
        "<figcaption>c</figcaption></figure>",
        '<div data-note="1"><abbr title="Parti">P</abbr></div>',
    ],
)
def test_what_editors_legitimately_write_stays_silently(html):
    cleaned, told = clean(html)
    assert told == []
    assert cleaned == html


def test_markdown_table_alignment_is_dropped_silently():
    cleaned, told = clean(
        '<table><tr><td style="text-align: center;">x</td></tr></table>'
    )
    assert told == [] and "style" not in cleaned and ">x</td>" in cleaned
