"""Only what is published can stop publishing: a finished item goes out while
its translations are empty files or drafts, and a production build says what
is wrong with unfinished work without stopping for it."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import copy_project, run_pelican

TOPICS = "water:\n  ar: الماء\n  fr: eau\n  zgh: ⴰⵎⴰⵏ\n"
FINISHED = (
    '---\ntitle: "افتتاح مكتب جديد"\ndate: 2026-03-01 10:00\ntags: [الماء]\n---\n\n'
    "افتتح الحزب مكتبا جديدا في وجدة لاستقبال المواطنين.\n"
)
# What `invoke new` leaves in the languages nobody wrote yet.
EMPTY = "---\ntitle: \ndate: 2026-03-01 10:00\nsummary: \ntags: []\n---\n\n"
HALF_DONE = (
    '---\ntitle: "Brouillon"\ndate: 2026-13-01\nstatus: draft\nregion: nowhere\n'
    "---\n\nÀ finir.\n"
)
# A translation with topics its original lacks: published, with a warning.
ORIGINAL = '---\ntitle: "خبر"\ndate: 2026-03-02\n---\n\nنص الخبر.\n'
TAGGED = '---\ntitle: "Nouvelle"\ndate: 2026-03-02\ntags: [eau]\n---\n\nTexte.\n'


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    project = copy_project(tmp_path_factory.mktemp("ready"))
    content = project / "content"
    images = project / "images"
    shutil.move(content / "images", images)
    shutil.rmtree(content)
    content.mkdir()
    shutil.move(images, content / "images")  # the logo: no message about it
    files = {
        "tags.yml": TOPICS,
        "news/office.ar.md": FINISHED,
        "news/office.fr.md": EMPTY,
        "news/office.zgh.md": EMPTY,
        "news/plan.fr.md": HALF_DONE,
        "news/tagged.ar.md": ORIGINAL,
        "news/tagged.fr.md": TAGGED,
    }
    for name, text in files.items():
        (content / name).parent.mkdir(parents=True, exist_ok=True)
        (content / name).write_text(text, "utf-8")
    return project


@pytest.fixture(scope="module")
def production(project: Path, tmp_path_factory) -> tuple[str, Path]:
    """The production build `invoke preview` runs."""
    output = tmp_path_factory.mktemp("out") / "output"
    result = run_pelican(project, output, settings="publishconf.py", columns=60)
    log = result.stdout + result.stderr
    assert result.returncode == 0, log
    return log, output


def test_a_finished_item_publishes_while_its_translations_are_empty(production):
    log, output = production
    page = (output / "ar/akhbar/office/index.html").read_text("utf-8")
    assert "افتتاح مكتب جديد" in page
    assert not (output / "fr/actualites/office").exists()
    assert not (output / "zgh/isaln/office").exists()
    # Its only language: no switcher link to pages that do not exist.
    assert "/fr/actualites/office/" not in page
    for code in ("fr", "zgh"):
        assert (
            f"content/news/office.{code}.md: not published (empty): nothing is "
            "written in it yet; write its title and text to publish it, or delete "
            "the file"
        ) in log.splitlines()


def test_a_draft_with_mistakes_is_told_and_does_not_stop_the_build(production):
    log, output = production
    lines = log.splitlines()
    assert (
        "content/news/plan.fr.md:3: not published (draft): would fail because date "
        '"2026-13-01" is not a date; write YYYY-MM-DD or YYYY-MM-DD HH:MM'
    ) in lines
    assert (
        "content/news/plan.fr.md:5: not published (draft): would fail because "
        'region "nowhere" does not exist; use one of (no regions page yet)'
    ) in lines
    assert not (output / "fr/actualites/plan").exists()
    assert "Brouillon" not in (output / "fr/actualites/index.html").read_text("utf-8")


def test_translations_disagreeing_on_topics_are_both_published(production):
    log, output = production
    french = (output / "fr/actualites/tagged/index.html").read_text("utf-8")
    assert "Nouvelle" in french
    assert (output / "ar/akhbar/tagged/index.html").exists()
    assert (
        'content/news/tagged.fr.md:4: topics "water" disagrees with '
        "content/news/tagged.ar.md (no topics); each page shows its own until "
        "they say the same"
    ) in log.splitlines()


def test_messages_are_plain_lines_at_any_width_and_counted(production):
    log, _output = production
    lines = log.splitlines()
    told = [line for line in lines if line.startswith("content/")]
    assert len(told) == 5
    # Nothing of Pelican's log format around them, nothing wrapped away.
    assert not [line for line in lines if "errors.py" in line or "WARNING" in line]
    assert "Content: 0 errors (not published), 5 warnings." in lines


LIVE = """
import sys
sys.path.insert(0, "plugins")
from fast_build.live import EditorLoop

loop = EditorLoop("pelicanconf.py", "output")
loop.full_build()
path = "content/news/tagged.fr.md"
for words in ("Premier jet.", "Second jet."):
    print("=== saved", file=sys.stderr, flush=True)
    with open(path, encoding="utf-8") as handle:
        text = handle.read()
    with open(path, "w", encoding="utf-8") as handle:
        text = text.replace("tags: [eau]", "tags: [eau, football]")
        handle.write(text.replace("Texte.", words))
    if loop.rebuild_page(path):
        loop.full_build_soon().join()
    else:
        loop.full_build()
"""


def test_livereload_tells_each_message_once_per_save(project: Path, tmp_path):
    live = copy_project(tmp_path / "live")
    shutil.rmtree(live / "content")
    shutil.copytree(project / "content", live / "content")
    result = subprocess.run(
        [sys.executable, "-c", LIVE],
        cwd=live,
        capture_output=True,
        text=True,
        env={**os.environ, "COLUMNS": "60"},
    )
    assert result.returncode == 0, result.stderr
    message = (
        'content/news/tagged.fr.md:4: tag "football" is not in content/tags.yml, '
        "so the page is published without it; add it to content/tags.yml with its "
        "name in each language, or remove it"
    )
    saves = result.stderr.split("=== saved")[1:]
    assert len(saves) == 2
    for save in saves:  # said at each save, once
        lines = save.splitlines()
        assert lines.count(message) == 1, result.stderr
        assert len([line for line in lines if line.startswith("Content: ")]) == 1
