"""Faster builds write the same site: a cached, parallel, incremental build is
byte for byte a clean one, and a content mistake is never hidden by a cache."""

from __future__ import annotations

import hashlib
import re
import shutil
import subprocess
import sys
from pathlib import Path

from conftest import assert_same_site, build_log, copy_project, run_pelican


def copy_file(source: Path, target: Path) -> None:
    """The same file, time stamp included: the editors' page and the press
    kit's PDF show when content last changed, so a clean build needs it too."""
    shutil.copy2(source, target)


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text("utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), "utf-8")


def test_cached_rebuild_after_an_edit_equals_a_clean_serial_build(tmp_path):
    project = copy_project(tmp_path / "project")
    out = project / "output"
    assert run_pelican(project, out).returncode == 0
    assert (project / "cache").is_dir(), "the read cache is kept between builds"
    untouched = out / "fr/programme/health/index.html"
    stamp = untouched.stat().st_mtime_ns

    article = project / "content/news/water-drought-plan.fr.md"
    edit(article, 'title: "', 'title: "Sécheresse, mise à jour : ')
    rebuilt = run_pelican(project, out)
    assert rebuilt.returncode == 0, rebuilt.stderr

    page = (out / "fr/actualites/water-drought-plan/index.html").read_text("utf-8")
    assert "Sécheresse, mise à jour" in page
    listing = (out / "fr/actualites/index.html").read_text("utf-8")
    assert "Sécheresse, mise à jour" in listing, "listings follow the edit"
    # A page whose bytes did not change is not rewritten (rsync, browsers).
    assert untouched.stat().st_mtime_ns == stamp

    clean_project = copy_project(tmp_path / "clean")
    copy_file(article, clean_project / "content/news/water-drought-plan.fr.md")
    clean = tmp_path / "clean-output"
    result = run_pelican(clean_project, clean, "-e", "BUILD_WORKERS=1")
    assert result.returncode == 0, result.stderr
    assert_same_site(out, clean)


def test_a_cached_build_still_reports_mistakes(tmp_path):
    project = copy_project(tmp_path / "project")
    out = project / "output"
    broken = project / "content/news/broken.fr.md"
    broken.write_text("---\ntitle: x\ndate: 2024-13-45\nsummary: s\n---\n\nx\n")
    message = 'content/news/broken.fr.md:3: date "2024-13-45" is not a date'
    for _build in range(2):  # the second build reads the others from cache
        result = run_pelican(project, out)
        assert message in result.stdout + result.stderr

    # A region disappears: news that names it was read (and cached) as
    # valid, and must now be reported.
    for region in (project / "content/regions").glob("souss-massa.*.md"):
        region.unlink()
    result = run_pelican(project, out)
    log = result.stdout + result.stderr
    assert 'region "souss-massa" does not exist' in log


def test_editor_loop_shows_the_page_first_then_matches_a_clean_build(tmp_path):
    project = copy_project(tmp_path / "project")
    article = project / "content/news/water-drought-plan.fr.md"
    script = f"""
import sys
sys.path.insert(0, "plugins")
from fast_build.live import EditorLoop
loop = EditorLoop("pelicanconf.py", "output")
loop.full_build()
text = open({str(article)!r}, encoding="utf-8").read()
open({str(article)!r}, "w", encoding="utf-8").write(text + "\\nMot ajouté.\\n")
assert loop.rebuild_page({str(article)!r}), "one page, not a full build"
page = open("output/fr/actualites/water-drought-plan/index.html", encoding="utf-8")
assert "Mot ajouté." in page.read()
loop.full_build_soon().join()
"""
    result = subprocess.run(
        [sys.executable, "-c", script], cwd=project, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr

    clean_project = copy_project(tmp_path / "clean")
    copy_file(article, clean_project / "content/news/water-drought-plan.fr.md")
    clean = tmp_path / "clean-output"
    assert run_pelican(clean_project, clean).returncode == 0
    assert_same_site(project / "output", clean)


def test_development_and_production_builds_keep_their_own_read_cache(tmp_path):
    """`invoke preview` between two `invoke build`s does not make the next
    development build read every file again (their settings differ)."""
    project = copy_project(tmp_path / "project")

    def build(settings: str, output: str) -> str:
        return build_log(project / output, settings, project)

    assert "0 unchanged from the cache" in build("pelicanconf.py", "dev")
    assert "0 unchanged from the cache" in build("publishconf.py", "prod")
    again = build("pelicanconf.py", "dev")
    assert "fast_build: 0 files read" in again
    # Two worlds, two files; older ones are removed.
    assert len(list((project / "cache").glob("fast_build-reads-*.pickle"))) == 2


def test_pages_of_deleted_or_broken_files_leave_the_output(tmp_path):
    """A development build writes into the last one: the page of a deleted
    file, or of one that now has a mistake, must not stay in the preview
    (nor in its search index) as if it were current."""
    project = copy_project(tmp_path / "project")
    out = project / "output"
    assert run_pelican(project, out).returncode == 0
    deleted = out / "fr/actualites/water-drought-plan/index.html"
    broken = out / "fr/actualites/trilingual-website-launch/index.html"
    kept = out / "ar/akhbar/water-drought-plan/index.html"
    assert deleted.exists() and broken.exists() and kept.exists()

    (project / "content/news/water-drought-plan.fr.md").unlink()
    edit(
        project / "content/news/trilingual-website-launch.fr.md",
        "date: ",
        "date: 2024-13-45\nold_date: ",
    )
    result = run_pelican(project, out)
    log = result.stdout + result.stderr
    assert 'date "2024-13-45" is not a date' in log
    assert not deleted.exists() and not deleted.parent.exists()
    assert not broken.exists()
    assert kept.exists(), "the other languages' pages stay"
    assert "water-drought-plan" not in (out / "fr/actualites/index.html").read_text(
        "utf-8"
    )


def test_a_body_edit_renders_its_page_only_and_equals_a_clean_build(tmp_path):
    """The routine build (issue 14): cache/ kept, the output emptied as a CI
    checkout has it, one article's body edited. Only the pages of that
    file are rendered again; every other page comes from the cache, with
    the photo copies and social cards it needs, and the site is a clean
    build's byte for byte."""
    project = copy_project(tmp_path / "project")
    out = project / "output"
    production = ("--verbose",)

    def build() -> str:
        shutil.rmtree(out, ignore_errors=True)
        result = run_pelican(project, out, *production, settings="publishconf.py")
        assert result.returncode == 0, result.stderr[-2000:]
        return " ".join((result.stdout + result.stderr).split())

    first = re.search(r"fast_build: (\d+) of (\d+) pages rendered", build())
    assert first and first.group(1) == first.group(2), "a first build renders all"
    article = project / "content/news/amazigh-public-services.fr.md"
    page = out / "fr/actualites/amazigh-public-services/index.html"
    before = page.read_bytes()
    edit(article, "Une démarche ouverte\n\n", "Une démarche ouverte\n\nTamarisque. ")
    routine = re.search(r"fast_build: (\d+) of (\d+) pages rendered", build())
    assert routine, "the build says how many pages it rendered"
    # The article's page, and the weekly digests (they read the clock),
    # of more than a hundred pages.
    assert 1 <= int(routine.group(1)) <= 1 + 3 < 100 < int(routine.group(2))
    assert "Tamarisque" in page.read_text("utf-8")
    # A kept page still has its card and its photo's copies.
    photos = list((out / "images/sized").glob("amazigh-services-*"))
    assert photos and list((out / "images/social").glob("fr-news-*"))

    clean_project = copy_project(tmp_path / "clean")
    copy_file(article, clean_project / "content/news/amazigh-public-services.fr.md")
    clean = tmp_path / "clean-output"
    result = run_pelican(
        clean_project, clean, "-e", "FAST_BUILD_CACHE=false", settings="publishconf.py"
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert_same_site(out, clean)

    # Pages in the output are links to the cache's copies: a development
    # build (it writes into the last output) must not change a kept copy in
    # place when it writes a page again (another output's index names it).
    for output in (tmp_path / "preview", tmp_path / "second"):
        result = run_pelican(project, output)
        assert result.returncode == 0, result.stderr[-2000:]
    preview = tmp_path / "preview/fr/actualites/amazigh-public-services/index.html"
    assert preview.stat().st_nlink == 2, "the page is its cached copy"
    edit(article, "Tamarisque. ", "Tamaris. ")
    again = run_pelican(project, tmp_path / "preview")
    assert again.returncode == 0, again.stderr[-2000:]
    assert "Tamaris." in preview.read_text("utf-8")
    kept = [path for path in (project / "cache/pages").glob("*/*") if path.is_file()]
    assert len(kept) > 100
    for path in kept:
        digest = hashlib.sha256(path.read_bytes()).hexdigest()
        assert digest == path.parent.name + path.name, f"{path} changed in place"
    assert before != page.read_bytes()
