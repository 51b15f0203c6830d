"""A development build into the same folder removes what the content no
longer makes: pages (fast_build) and the files plugins write beside Pelican's
writer through the core's write_output (an event's .ics, a region's feeds).
A production build starts from an empty folder; this is for the preview an
editor looks at."""

from __future__ import annotations

from conftest import build_log, fixture_site


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
