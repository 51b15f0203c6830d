"""A development build into the same folder removes what the content no
longer makes: pages (fast_build) and the files plugins write beside Pelican's
writer through the core's write_output (an event's .ics, a region's feeds).
A production build starts from an empty folder; this is for the preview an
editor looks at."""

from __future__ import annotations

import hashlib
import json

import pytest
from conftest import build_log, fixture_site

COMPRESSED = (".br", ".gz")


def recorded(project, output) -> set[str]:
    """The files the build says it made (its manifest in cache/)."""
    key = hashlib.sha256(str(output.resolve()).encode()).hexdigest()[:16]
    manifest = project / "cache" / f"written-{key}.json"
    return set(json.loads(manifest.read_text("utf-8")))


@pytest.mark.parametrize("conf", ["pelicanconf.py", "publishconf.py"])
def test_every_file_of_the_output_is_recorded(tmp_path, conf):
    """Pages, feeds, static files, the theme's assets, photo copies, social
    cards, the search index, the web editor, redirect pages, _headers: what
    is not recorded could never be removed once its content is gone.
    Compressed copies go with the file they copy."""
    project = fixture_site(tmp_path / "project")
    output = project / "output"
    build_log(output, conf, project)
    files = {p.relative_to(output).as_posix() for p in output.rglob("*") if p.is_file()}
    made = recorded(project, output)
    unrecorded = sorted(
        name
        for name in files - made
        if not (name.endswith(COMPRESSED) and name[:-3] in made)
    )
    assert unrecorded == []
    assert made <= files
    assert {"fr/feed.atom", "images/well.png", "_headers"} <= made
    assert any(name.startswith("pagefind/") for name in made)


def test_a_photo_removed_from_content_leaves_the_output(tmp_path):
    project = fixture_site(tmp_path / "project")
    output = project / "output"
    (project / "content/images/spare.png").write_bytes(
        (project / "content/images/well.png").read_bytes()
    )
    build_log(output, "pelicanconf.py", project)
    assert (output / "images/spare.png").is_file()
    (project / "content/images/spare.png").unlink()
    build_log(output, "pelicanconf.py", project)
    assert not (output / "images/spare.png").exists()
    assert (output / "images/well.png").is_file()


def test_files_of_removed_content_leave_the_output(tmp_path):
    project = fixture_site(tmp_path / "project")
    output = project / "output"
    build_log(output, "pelicanconf.py", project)
    event = output / "fr/agenda/oasis-meeting/event.ics"
    region_feeds = sorted(output.glob("*/*/oasis/feed.*"))
    assert event.is_file() and len(region_feeds) == 6  # atom + rss, 3 languages
    calendar = output / "fr/calendar.ics"
    assert b"oasis-meeting" in calendar.read_bytes()

    (project / "content/events/oasis-meeting.fr.md").unlink()
    for path in (project / "content").rglob("*.md"):
        text = path.read_text("utf-8")
        if "region: oasis" in text:
            path.write_text(text.replace("region: oasis\n", ""), "utf-8")
    for region in (project / "content/regions").glob("oasis.*.md"):
        region.unlink()
    build_log(output, "pelicanconf.py", project)

    assert not event.exists()
    assert not [p for p in region_feeds if p.exists()]
    assert b"oasis-meeting" not in calendar.read_bytes()
    # What is still made stays.
    assert (output / "fr/feed.atom").is_file()
    assert (output / "fr/actualites/wells/index.html").is_file()
