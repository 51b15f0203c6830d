"""What an editor sees when files are wrong, in a real build: one clear line
per mistake, nothing of a bad file published, the rest of the site intact;
a production build stops and writes nothing."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import copy_project
from test_frontmatter import BAD_INPUTS, TOPICS

REGION = '---\ntitle: "{t}"\nsummary: "s"\norder: 1\nseat: Oujda\n---\n\nx\n'
PERSON = '---\ntitle: "Amina"\nrole: "r"\nsummary: "s"\norder: 1\n---\n\nx\n'
NEWS = '---\ntitle: "{t}"\ndate: 2026-03-01\nsummary: "s"\n{extra}---\n\n{body}\n'
EVENT = (
    '---\ntitle: "{t}"\nstart: {start}\nend: 2026-05-03 18:00\nsummary: "s"\n'
    "place: Oujda\nregion: oriental\n---\n\nx\n"
)

# Mistakes only visible across files, with the message each one gets.
ACROSS_FILES = {
    "news/copy.fr.md": (
        NEWS.format(t="Copy", extra="slug: good\n", body="x"),
        "content/news/copy.fr.md:5: its address /fr/actualites/good/ is already "
        "that of content/news/good.fr.md; give it another slug (a line 'slug: ...')",
    ),
    "pages/clash.fr.md": (
        '---\ntitle: "Clash"\nsummary: "s"\norder: 2\nslug: actualites\n---\n\nx\n',
        "content/pages/clash.fr.md:5: its address /fr/actualites/ is the site's "
        "news listing; give it another slug (a line 'slug: ...')",
    ),
    "pages/feeds.ar.md": (
        '---\ntitle: "Feeds"\nsummary: "s"\norder: 3\n---\n\nx\n',
        "content/pages/feeds.ar.md: its address /ar/feeds/ is the site's feeds "
        "page; give it another slug (a line 'slug: ...')",
    ),
    "events/meeting.fr.md": (
        EVENT.format(t="Réunion", start="2026-05-03 10:00"),
        'content/events/meeting.fr.md:3: start "2026-05-03 10:00" disagrees with '
        'content/events/meeting.ar.md ("2026-05-02 10:00"); all translations must '
        "say the same",
    ),
    "news/good.fr.md": (
        NEWS.format(t="Good news", extra="", body="Hello."),
        "content/news/good.fr.md: no region disagrees with content/news/good.ar.md "
        '("oriental"); each page shows its own until they say the same',
    ),
    "news/topic.fr.md": (
        NEWS.format(t="Topic", extra="tags: [santé]\n", body="x"),
        'content/news/topic.fr.md:5: topics "health" disagrees with '
        'content/news/topic.ar.md ("water"); each page shows its own until they '
        "say the same",
    ),
    "press/second.fr.md": (
        '---\ntitle: "Second"\ndate: 2026-03-02\nreference: 2026-001\n'
        'summary: "s"\nplace: Oujda\n---\n\nx\n',
        "content/press/second.fr.md:4: reference 2026-001 is already the number of "
        '"first"; use 2026-002, the next free number',
    ),
    "news/unfinished.fr.md": (
        '---\ntitle: "Unfinished"\ndate: 2026-03-01\nstatus: draft\n'
        "region: fez\n---\n\nx\n",
        "content/news/unfinished.fr.md:5: not published (draft): would fail because "
        'region "fez" does not exist; use one of oriental',
    ),
    "news/unfinished.ar.md": (
        "---\ntitle: \ndate: 2026-03-01\nsummary: \n---\n\n",
        "content/news/unfinished.ar.md: not published (empty): nothing is written "
        "in it yet; write its title and text to publish it, or delete the file",
    ),
    "news/hashtag.fr.md": (
        "---\ntitle: Mobilisation #EauPourTous à Agadir\ndate: 2026-03-01\n---\n\n"
        "Texte.\n",
        'content/news/hashtag.fr.md:2: title was cut at "#" (what follows " #" is '
        'read as a comment); put the title in quotes: title: "Mobilisation '
        '#EauPourTous à Agadir"',
    ),
    "news/colon.fr.md": (
        "---\ntitle: Agadir: la marche\ndate: 2026-03-01\n---\n\nTexte.\n",
        'content/news/colon.fr.md:2: title holds ": ", which reads as the start of '
        'another field; put the title in quotes: title: "Agadir: la marche"',
    ),
    "news/later.fr.md": (
        '---\ntitle: "Later"\ndate: 2099-01-01 09:00\nregion: fez\n---\n\nx\n',
        "content/news/later.fr.md:4: not published (scheduled for 2099-01-01 09:00): "
        'would fail because region "fez" does not exist; use one of oriental',
    ),
    "news/french-tag.ar.md": (
        NEWS.format(t="وسم", extra="tags: [eau]\n", body="x"),
        'content/news/french-tag.ar.md:5: tag "eau" is the fr name of the topic '
        '"water"; in a .ar.md file write "الماء"',
    ),
    "news/waiting.fr.md": (
        '---\ntitle: "Waiting"\ndate: 2099-02-01 08:00\nsummary: "s"\nslug: good\n'
        "---\n\nx\n",
        "content/news/waiting.fr.md:5: not published (scheduled for 2099-02-01 08:00): "
        "would fail because its address /fr/actualites/good/ is already that of "
        "content/news/good.fr.md; give it another slug (a line 'slug: ...')",
    ),
    "news/english.en.md": (
        NEWS.format(t="English", extra="", body="x"),
        "content/news/english.en.md: the file name must end in .<language>.md with "
        "a language of ar, fr, zgh (got 'en')",
    ),
    "news/typo.fr.md": (
        NEWS.format(t="Typo", extra="regoin: oriental\n", body="x"),
        'content/news/typo.fr.md:5: unknown field "regoin"; did you mean "region"?',
    ),
    "press/nowhere.fr.md": (
        '---\ntitle: "Nowhere"\ndate: 2026-03-05\nsummary: "s"\n---\n\nx\n',
        'content/press/nowhere.fr.md: "place" is missing or empty; every press file '
        "needs it (a line 'place: ...' in the front matter, or a region: whose page "
        "has a seat:)",
    ),
    "news/football.fr.md": (
        NEWS.format(t="Football", extra="tags: eau, football\n", body="x"),
        'content/news/football.fr.md:5: tag "football" is not in content/tags.yml, '
        "so the page is published without it; add it to content/tags.yml with its "
        "name in each language, or remove it",
    ),
    "blog/post.fr.md": (
        NEWS.format(t="Blog", extra="", body="x"),
        "content/blog/post.fr.md: 'blog' is not a section; put the file in one of "
        "news, press, program, events, regions, people, pages",
    ),
}


def bad_cases() -> dict[str, tuple[str, str]]:
    """Every bad input of the reader's tests, renamed to one file each."""
    cases = {}
    for number, (name, text, message) in enumerate(BAD_INPUTS):
        folder, _, filename = name.rpartition("/")
        new = f"{folder + '/' if folder else ''}bad{number}.fr.md"
        cases[new] = (text, message.replace(f"content/{name}", f"content/{new}"))
    return {**cases, **ACROSS_FILES}


def write_content(project: Path) -> None:
    content = project / "content"
    shutil.rmtree(content)
    files = {
        "regions/oriental.fr.md": REGION.format(t="Oriental"),
        "regions/oriental.ar.md": REGION.format(t="الشرق"),
        "people/amina.fr.md": PERSON,
        "tags.yml": TOPICS,
        "news/topic.ar.md": NEWS.format(t="موضوع", extra="tags: [الماء]\n", body="x"),
        "news/good.ar.md": NEWS.format(t="خبر", extra="region: oriental\n", body="x"),
        "events/meeting.ar.md": EVENT.format(t="لقاء", start="2026-05-02 10:00"),
        "press/first.fr.md": (
            '---\ntitle: "First"\ndate: 2026-03-01\nreference: 2026-001\n'
            'summary: "s"\nplace: Oujda\n---\n\nx\n'
        ),
        "news/scripted.fr.md": NEWS.format(
            t="Scripted",
            extra="",
            body='Text.\n\n<p onclick="steal()">Hi</p>\n<script>alert(1)</script>\n'
            '<iframe src="https://tracker.example/x"></iframe>\n'
            '<iframe src="https://www.youtube-nocookie.com/embed/abc" title="V">'
            "</iframe>\n\n[A link](javascript:alert(1)) and "
            '<a class="video-link" data-embed="javascript:alert(2)" href="/">v</a>\n',
        ),
    }
    # What hostile or pasted text gets (plugins/multilingual/untrusted.py).
    files.update(
        {
            "news/pasted.fr.md": NEWS.format(
                t="Pasted", extra="", body="Word\x0b processor\x0c text."
            ),
            "news/reversed.fr.md": NEWS.format(t="Titre \u202e", extra="", body="x"),
            "news/alias.fr.md": (
                '---\ntitle: &a "Alias"\ndate: 2026-03-01\nsummary: *a\n---\n\nx\n'
            ),
            "news/nested.fr.md": NEWS.format(
                t="Nested", extra="tags: " + "[" * 70 + "]" * 70 + "\n", body="x"
            ),
            "news/brackets.fr.md": NEWS.format(
                t="Brackets", extra="", body="[" * 100000
            ),
            "news/divs.fr.md": NEWS.format(t="Divs", extra="", body="<div>" * 15000),
        }
    )
    files.update({name: text for name, (text, _message) in bad_cases().items()})
    for name, text in files.items():
        (content / name).parent.mkdir(parents=True, exist_ok=True)
        (content / name).write_text(text, encoding="utf-8")
    # Links out of content/: a content file and a photo.
    outside = project / "private-notes.md"
    outside.write_text(NEWS.format(t="Private", extra="", body="x"), encoding="utf-8")
    (content / "news/linked.fr.md").symlink_to(outside)
    (content / "images").mkdir(exist_ok=True)
    (content / "images/linked.jpg").symlink_to(outside)
    (content / "news/photo.fr.md").write_text(
        NEWS.format(
            t="Photo", extra="image: images/linked.jpg\nimage_alt: x\n", body="x"
        ),
        encoding="utf-8",
    )
    # Saved by an old Windows editor.
    (content / "news/old-editor.ar.md").write_bytes(
        NEWS.format(t="اجتماع", extra="", body="نص").encode("cp1256")
    )
    # No party seat: a release needs its place, or a region with a seat.
    with open(project / "pelicanconf.py", "a", encoding="utf-8") as conf:
        conf.write('\nPRESS = {k: v for k, v in PRESS.items() if k != "seat"}\n')


def pelican(project: Path, settings: str, output: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "pelican", "content", "-s", settings, "-o", str(output)],
        cwd=project,
        capture_output=True,
        text=True,
        # Wide enough that no message is wrapped.
        env={**os.environ, "COLUMNS": "1000"},
    )


@pytest.fixture(scope="module")
def bad_project(tmp_path_factory) -> Path:
    project = copy_project(tmp_path_factory.mktemp("bad"))
    write_content(project)
    return project


@pytest.fixture(scope="module")
def dev_build(bad_project: Path) -> tuple[subprocess.CompletedProcess, Path]:
    output = bad_project / "output"
    return pelican(bad_project, "pelicanconf.py", output), output


def test_there_are_at_least_25_bad_input_cases():
    assert len(bad_cases()) >= 25


@pytest.mark.parametrize("name", sorted(bad_cases()))
def test_each_mistake_is_one_line_naming_file_line_and_fix(dev_build, name):
    result, _output = dev_build
    log = result.stdout + result.stderr
    assert "Traceback" not in log
    message = bad_cases()[name][1]
    lines = [line for line in log.splitlines() if message in line]
    assert len(lines) == 1, f"{message!r} not in the log:\n{log}"
    # The line is the message: no time, level or Python location.
    assert lines[0] == message


def test_nothing_of_a_bad_file_is_published_and_the_rest_is(dev_build):
    result, output = dev_build
    assert result.returncode == 0, result.stderr
    written = [p.relative_to(output).as_posix() for p in output.rglob("*")]
    # (\b: a content hash in a file name may hold "bad7")
    assert not [p for p in written if re.search(r"\bbad\d|/copy|blog", p)]
    every_file = "".join(
        p.read_text("utf-8") for p in output.rglob("*") if p.suffix in (".html", ".xml")
    )
    assert "Copy" not in every_file and not re.search(r"\bbad\d", every_file)
    # The address stays with the file that had it; the rest is there.
    good = (output / "fr/actualites/good/index.html").read_text("utf-8")
    assert "Good news" in good
    assert (output / "fr/actualites/index.html").read_text("utf-8").count("Clash") == 0
    assert (output / "ar/feeds/index.html").exists()
    # Translations that disagree are still both shown while editors fix them.
    assert (output / "fr/agenda/meeting/index.html").exists()


def test_raw_html_is_cleaned_and_each_removal_reported(dev_build):
    result, output = dev_build
    log = result.stdout + result.stderr
    page = (output / "fr/actualites/scripted/index.html").read_text("utf-8")
    assert "<script>alert" not in page and "onclick" not in page
    assert "tracker.example" not in page
    assert 'src="https://www.youtube-nocookie.com/embed/abc"' in page
    assert "<p>Hi</p>" in page
    for expected in (
        "content/news/scripted.fr.md:9: removed onclick attribute: event "
        "handlers are not allowed",
        "content/news/scripted.fr.md:10: removed <script>: scripts are not allowed",
        "content/news/scripted.fr.md:11: removed <iframe> from tracker.example: "
        "iframes may only show videos from player.vimeo.com, "
        "www.youtube-nocookie.com",
    ):
        assert expected in log


def test_a_production_build_stops_and_writes_nothing(bad_project, tmp_path):
    output = tmp_path / "staging"
    result = pelican(bad_project, "publishconf.py", output)
    assert result.returncode != 0
    assert "Traceback" not in result.stdout + result.stderr
    assert "content error(s): nothing was written" in result.stderr
    assert not output.exists() or not any(output.rglob("*.html"))


def messages(log: str) -> set[str]:
    """The editor's lines of a command's output."""
    return {line for line in log.splitlines() if line.startswith("content/")}


def test_invoke_check_and_the_production_build_tell_the_same(bad_project, tmp_path):
    shutil.copy(Path(__file__).parent.parent / "tasks.py", bad_project)
    result = subprocess.run(
        [sys.executable, "-m", "invoke", "check"],
        cwd=bad_project,
        capture_output=True,
        text=True,
    )
    assert result.returncode != 0
    reported = result.stdout + result.stderr
    assert "Traceback" not in reported
    production = pelican(bad_project, "publishconf.py", tmp_path / "staging")
    built = production.stdout + production.stderr
    expected = {message for _text, message in bad_cases().values()}
    assert expected <= messages(reported)
    assert messages(reported) == messages(built)
    # One count at the end, the same.
    assert reported.strip().splitlines()[-1].startswith("Content: ")
    counts = [line for line in built.splitlines() if line.startswith("Content: ")]
    assert counts == [reported.strip().splitlines()[-1]]


def test_a_double_write_becomes_a_message_not_a_traceback(fixture_settings, tmp_path):
    from types import SimpleNamespace

    from jinja2 import Environment

    from multilingual.errors import collected
    from multilingual.writer import SafeWriter

    template = Environment().from_string("{{ text }}")
    template.name = "feeds.html"
    writer = SafeWriter(
        str(tmp_path), settings={**fixture_settings, "PATH": "/site/content"}
    )
    page = SimpleNamespace(source_path="/site/content/pages/feeds.fr.md")
    context = {**fixture_settings, "localsiteurl": "", "text": "page"}
    with collected() as told:
        writer.write_file("fr/feeds/index.html", template, context, page=page)
        writer.write_file("fr/feeds/index.html", template, {**context, "text": "site"})
    assert [str(e) for e in told.errors] == [
        "content/pages/feeds.fr.md: its address /fr/feeds/ is also written by the "
        "site's feeds page; give it another slug (a line 'slug: ...')"
    ]
    assert (tmp_path / "fr/feeds/index.html").read_text() == "page"


def test_a_double_write_in_parallel_rendering_is_the_same_message(
    fixture_settings, tmp_path
):
    from types import SimpleNamespace

    from jinja2 import Environment

    from fast_build.writing import FastWriter
    from multilingual.errors import collected
    from multilingual.files import BuildState

    template = Environment().from_string("{{ text }}")
    template.name = "feeds.html"
    state = BuildState()  # as a build starts: its messages recorded in it
    run = {**fixture_settings, "PATH": "/site/content", "BUILD_WORKERS": 2}
    writer = FastWriter(str(tmp_path), settings={**run, "BUILD_STATE": state})
    page = SimpleNamespace(source_path="/site/content/pages/feeds.fr.md")
    context = {**fixture_settings, "localsiteurl": "", "text": "page"}
    with collected(state.messages):
        # Enough pages for two workers; the clash lands in different workers.
        for number in range(6):
            writer.write_file(f"fr/p{number}/index.html", template, context)
        writer.write_file("fr/feeds/index.html", template, context, page=page)
        writer.write_file("fr/feeds/index.html", template, {**context, "text": "site"})
        writer.flush()
    assert [str(e) for e in state.messages.errors] == [
        "content/pages/feeds.fr.md: its address /fr/feeds/ is also written by the "
        "site's feeds page; give it another slug (a line 'slug: ...')"
    ]


def test_each_message_of_the_readme_table_is_one_the_build_gives(dev_build):
    """The editor guide's table quotes messages: each quote (with ... for
    what varies) matches a line the build printed for the broken files."""
    result, _output = dev_build
    told = [line for line in (result.stdout + result.stderr).splitlines()]
    readme = (Path(__file__).parent.parent / "README.md").read_text("utf-8")
    section = readme.split("### When something is wrong in a file")[1].split("\n## ")[0]
    rows = [line for line in section.splitlines() if line.startswith("| `")]
    assert len(rows) >= 25
    for row in rows:
        quoted = re.findall(r"`([^`]+)`", row.split(" | ")[0])
        for fragment in quoted:
            if fragment.startswith("converting the text took more than"):
                continue  # a 20 s wait: tests/test_untrusted.py makes it happen

            pattern = ".*?".join(re.escape(part) for part in fragment.split("..."))
            assert any(re.search(pattern, line) for line in told), fragment


def test_a_double_write_is_told_again_by_a_build_that_keeps_pages(
    fixture_settings, tmp_path
):
    """fast_build keeps pages between builds (memo.py); the page that lost
    the address is not kept, so the next build tells the editor again."""
    from types import SimpleNamespace

    from jinja2 import DictLoader, Environment

    from fast_build.writing import FastWriter
    from multilingual.errors import collected
    from multilingual.files import BuildState

    environment = Environment(loader=DictLoader({"feeds.html": "{{ text }}"}))
    template = environment.get_template("feeds.html")
    (tmp_path / "content").mkdir()
    (tmp_path / "theme").mkdir()
    page = SimpleNamespace(source_path=str(tmp_path / "content/pages/feeds.fr.md"))
    told = []
    for _build in range(2):
        state = BuildState()
        run = {
            **fixture_settings,
            "PATH": str(tmp_path / "content"),
            "THEME": str(tmp_path / "theme"),
            "PLUGIN_PATHS": [],
            "CACHE_PATH": str(tmp_path / "cache"),
            "BUILD_WORKERS": 1,
            "BUILD_STATE": state,
        }
        writer = FastWriter(str(tmp_path / "output"), settings=run)
        context = {**run, "localsiteurl": "", "text": "page"}
        with collected(state.messages):
            writer.write_file("fr/feeds/index.html", template, context, page=page)
            writer.write_file(
                "fr/feeds/index.html", template, {**context, "text": "site"}
            )
            writer.flush()
        told.append([str(e) for e in state.messages.errors])
    assert told[0] and told[1] == told[0], told
    assert (tmp_path / "cache/pages").is_dir(), "the pages were kept"
