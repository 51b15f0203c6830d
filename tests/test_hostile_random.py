"""Random text (markup, quotes, control and direction characters, line
breaks) in titles, summaries, places and names: every output still parses,
nothing in it is live, and the text is shown as text (property-based, with
hypothesis; each example is one build of a small site)."""

from __future__ import annotations

from pathlib import Path

import yaml
from conftest import copy_project, run_pelican
from hostile_scan import scan
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from icalendar import Calendar
from lxml import html as lxml_html
from test_frontmatter import TOPICS

from multilingual.untrusted import CONTROL

HOSTS = {"www.youtube-nocookie.com", "player.vimeo.com"}
PIECES = [
    "<script>alert(1)</script>",
    "</script><!--",
    "<img src=x onerror=alert(1)>",
    '" onmouseover="alert(1)',
    "' autofocus onfocus='alert(1)",
    "javascript:alert(1)",
    "]]>",
    "&amp;",
    "&lt;b&gt;",
    "{{ 7*7 }}",
    "{filename}/x.md",
    "\\",
    "\n",
    "\r\n",
    "\x0b",
    "\x0c",
    "\x00",
    "\x85",
    "\u202e",
    "\u2066",
    "\u2069",
    "\ufeff",
    "\ufffe",
    ";,:",
    "ⵜⴰⵎⴰⵣⵉⵖⵜ",
    "العربية",
]
texts = st.lists(
    st.sampled_from(PIECES) | st.text(max_size=6), min_size=1, max_size=8
).map(lambda parts: "T " + "".join(parts))  # never empty: a title is required
FIELDS = ("news_title", "summary", "event_title", "place", "name", "role")


def one_line(text: str) -> str:
    """What the site shows of a text: controls gone, white space folded."""
    return " ".join(CONTROL.sub("", text).split())


def write(path: Path, meta: dict, body: str = "Texte.") -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    dumped = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False, width=10**6)
    path.write_text(f"---\n{dumped}---\n\n{body}\n", encoding="utf-8")


@settings(
    max_examples=3,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(values=st.fixed_dictionaries({name: texts for name in FIELDS}))
# Every piece at once, in every field, whatever the random draw.
@example(values={name: "T " + "".join(PIECES) for name in FIELDS})
def test_random_text_in_fields_is_inert_in_every_output(tmp_path_factory, values):
    project = copy_project(tmp_path_factory.mktemp("random"))
    content = project / "content"
    for folder in ("news", "press", "program", "events", "regions", "people", "pages"):
        for old in (content / folder).glob("*.md"):
            old.unlink()
    (content / "tags.yml").write_text(TOPICS, encoding="utf-8")
    write(
        content / "regions/oriental.fr.md",
        {"title": "Oriental", "summary": "s", "order": 1, "seat": "Oujda"},
    )
    write(
        content / "news/item.fr.md",
        {
            "title": values["news_title"],
            "date": "2026-03-01",
            "summary": values["summary"],
        },
    )
    write(
        content / "events/meeting.fr.md",
        {
            "title": values["event_title"],
            "start": "2026-05-02 10:00",
            "end": "2026-05-02 12:00",
            "summary": values["summary"],
            "place": values["place"],
            "region": "oriental",
        },
    )
    write(
        content / "people/someone.fr.md",
        {
            "title": values["name"],
            "role": values["role"],
            "summary": values["summary"],
            "order": 1,
        },
    )
    output = project / "output"
    result = run_pelican(project, output, columns=1000)
    log = result.stdout + result.stderr
    assert result.returncode == 0 and "Traceback" not in log, log
    assert scan(output, HOSTS) == []
    # Shown as text, where a visitor reads it.
    for url, field in [
        ("fr/actualites/item/", "news_title"),
        ("fr/agenda/meeting/", "event_title"),
        ("fr/direction/someone/", "name"),
    ]:
        page = lxml_html.fromstring((output / url / "index.html").read_bytes())
        assert one_line(page.xpath("string(//h1)")) == one_line(values[field])
    (calendar,) = [
        Calendar.from_ical(p.read_bytes())
        for p in output.rglob("*.ics")
        if "meeting" in p.as_posix()
    ]
    (event,) = calendar.walk("VEVENT")
    assert one_line(str(event["SUMMARY"])) == one_line(values["event_title"])
