"""The invoke tasks editors and maintainers run."""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from conftest import ROOT, copy_project


def invoke(project: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "invoke", *args],
        cwd=project,
        capture_output=True,
        text=True,
        env={**os.environ, "COLUMNS": "200"},  # one log record, one line
    )


def snapshot(folder: Path) -> dict[str, str]:
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def test_preview_replaces_output_only_when_the_build_succeeds(tmp_path: Path):
    project = copy_project(tmp_path / "project")
    shutil.copy(ROOT / "tasks.py", project / "tasks.py")
    first = invoke(project, "preview")
    assert first.returncode == 0, first.stdout + first.stderr
    output = project / "output"
    page = (output / "fr/index.html").read_text("utf-8")
    assert 'href="https://www.parti-du-cedre.example/fr/"' in page  # production URLs
    before = snapshot(output)

    bad = project / "content/news/broken.fr.md"
    bad.write_text("---\ntitle: x\ndate: 2024-13-45\nsummary: s\n---\n\nx\n", "utf-8")
    failed = invoke(project, "preview")
    assert failed.returncode != 0
    assert snapshot(output) == before, "a failed build must leave the last good site"
    assert not (project / "output.staging").exists()
    assert "output/ is unchanged" in failed.stderr
    log = failed.stdout + failed.stderr
    assert 'content/news/broken.fr.md:3: date "2024-13-45" is not a date' in log
    assert "Traceback" not in log


def test_task_list_matches_the_readme():
    listed = subprocess.run(
        [sys.executable, "-m", "invoke", "--list"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    readme = (ROOT / "README.md").read_text("utf-8")
    for task in (
        "build",
        "serve",
        "livereload",
        "preview",
        "publish",
        "i18n",
        "scheduled",
    ):
        assert f"\n  {task}" in listed
        assert f"`invoke {task}`" in readme


def test_a_bad_file_is_reported_in_one_line_and_the_rest_still_builds(tmp_path):
    from conftest import build_site

    project = copy_project(tmp_path / "project")
    bad = project / "content/news/broken.fr.md"
    bad.write_text("---\ntitle: x\ndate: 2024-13-45\nsummary: s\n---\n\nx\n", "utf-8")
    result = build_site(project / "out", cwd=project)
    log = result.stdout + result.stderr
    assert 'content/news/broken.fr.md:3: date "2024-13-45" is not a date' in log
    assert "Traceback" not in log
    assert (project / "out/fr/actualites/trilingual-website-launch/index.html").exists()
    assert not (project / "out/fr/actualites/broken").exists()


def test_embargoed_and_draft_items_appear_in_no_output_file(tmp_path):
    from conftest import build_site

    project = copy_project(tmp_path / "project")
    (project / "content/press/embargo.fr.md").write_text(
        '---\ntitle: "Embargoed XYZZY"\ndate: 2099-01-01 09:00\nsummary: "s"\n'
        "place: Rabat\n---\n\nEMBARGOTEXT\n",
        "utf-8",
    )
    (project / "content/pages/secret.fr.md").write_text(
        '---\ntitle: "Draft PLUGH"\nsummary: "d"\norder: 9\nstatus: draft\n---\n\n'
        "DRAFTTEXT\n",
        "utf-8",
    )
    for settings in ("pelicanconf.py", "publishconf.py"):
        output = tmp_path / settings
        build_site(output, settings=settings, cwd=project)
        assert (output / "fr/communiques/index.html").exists()
        leaks = [
            path
            for path in output.rglob("*")
            if path.is_file()
            and path.suffix in {".html", ".xml", ".atom", ".rss", ".txt"}
            and any(
                word in path.read_text("utf-8")
                for word in ("XYZZY", "EMBARGOTEXT", "PLUGH", "DRAFTTEXT")
            )
        ]
        assert not leaks, leaks
        names = {path.name for path in output.rglob("*")}
        assert not names & {"embargo", "secret"}


def test_new_creates_the_languages_asked_for_and_scheduled_lists_the_embargo(
    tmp_path,
):
    project = copy_project(tmp_path / "project")
    shutil.copy(ROOT / "tasks.py", project / "tasks.py")
    # A laptop set to another zone still writes the site's time.
    env_zone = {**os.environ, "TZ": "America/Los_Angeles"}
    created = subprocess.run(
        [sys.executable, "-m", "invoke", "new", "press", "water-summit"],
        cwd=project,
        capture_output=True,
        text=True,
        env=env_zone,
    )
    assert created.returncode == 0, created.stderr
    # Only the default language unless asked.
    assert [p.name for p in (project / "content/press").glob("water-summit.*")] == [
        "water-summit.ar.md"
    ]
    text = (project / "content/press/water-summit.ar.md").read_text("utf-8")
    assert text.startswith("---\ntitle: \ndate: ")
    assert "\nplace: \n" in text and text.endswith("---\n\n")
    written = datetime.strptime(text.split("date: ")[1][:16], "%Y-%m-%d %H:%M")
    casablanca = datetime.now(ZoneInfo("Africa/Casablanca")).replace(tzinfo=None)
    assert abs(written - casablanca) < timedelta(minutes=5)
    both = invoke(project, "new", "news", "two", "--langs", "fr,zgh")
    assert both.returncode == 0, both.stderr
    assert sorted(p.name for p in (project / "content/news").glob("two.*")) == [
        "two.fr.md",
        "two.zgh.md",
    ]
    assert (
        "No language 'en'"
        in invoke(project, "new", "news", "x", "--langs", "en").stderr
    )
    again = invoke(project, "new", "press", "water-summit")
    assert again.returncode != 0 and "Already there" in again.stderr
    assert "choose one of" in invoke(project, "new", "blog", "x").stderr

    release = project / "content/press/water-summit.fr.md"
    release.write_text(
        '---\ntitle: "Sommet de l\'eau"\ndate: 2099-03-01 09:00\n---\n\nTexte.\n',
        "utf-8",
    )
    listed = invoke(project, "scheduled")
    assert listed.returncode == 0, listed.stderr
    assert "2099-03-01 09:00  content/press/water-summit.fr.md  Sommet de l'eau" in (
        listed.stdout
    )


def test_translate_starts_a_draft_with_the_original_facts_and_text(tmp_path):
    import yaml

    project = copy_project(tmp_path / "project")
    shutil.copy(ROOT / "tasks.py", project / "tasks.py")
    (project / "content/news/clinic.ar.md").write_text(
        '---\ntitle: "عيادة متنقلة"\ndate: 2026-03-14 10:30\nregion: oriental\n'
        "tags: [الماء, الصحة]\n---\n\nوصلت العيادة المتنقلة إلى تاوريرت.\n",
        "utf-8",
    )
    made = invoke(project, "translate", "news/clinic", "fr")
    assert made.returncode == 0, made.stderr
    text = (project / "content/news/clinic.fr.md").read_text("utf-8")
    front = yaml.safe_load(text.split("---\n")[1])
    assert front["date"] == "2026-03-14 10:30"
    assert front["region"] == "oriental"
    assert front["tags"] == ["eau", "santé"]  # in French names
    assert front["status"] == "draft"
    assert text.rstrip().endswith("وصلت العيادة المتنقلة إلى تاوريرت.")
    assert "remove the line 'status: draft'" in made.stdout
    again = invoke(project, "translate", "news/clinic", "fr")
    assert again.returncode != 0 and "Already there" in again.stderr


def test_the_local_server_answers_a_missing_page_with_the_site_404(tmp_path):
    import urllib.error
    import urllib.request

    sys.path.insert(0, str(ROOT))
    from tools.static_server import start

    (tmp_path / "fr").mkdir()
    (tmp_path / "fr/404.html").write_text("<p>Page introuvable</p>", "utf-8")
    (tmp_path / "404.html").write_text("<p>Not found / غير موجودة</p>", "utf-8")
    server, address = start(tmp_path)
    try:
        for url, words in (
            ("/fr/nowhere/", "Page introuvable"),
            ("/nowhere", "غير موجودة"),
            ("/zgh/nowhere/", "غير موجودة"),
        ):
            try:
                urllib.request.urlopen(address + url)
                raise AssertionError(f"{url} answered 200")
            except urllib.error.HTTPError as error:
                assert error.code == 404
                assert words in error.read().decode("utf-8")
    finally:
        server.shutdown()


def test_check_reports_every_bad_file_without_writing_a_site(tmp_path):
    project = copy_project(tmp_path / "project")
    shutil.copy(ROOT / "tasks.py", project / "tasks.py")
    good = invoke(project, "check")
    assert good.returncode == 0, good.stdout + good.stderr
    assert "Content: no mistake found." in good.stderr
    (project / "content/news/a.fr.md").write_text(
        '---\ntitle: "T"\ndate: 2026-13-01\nsummary: "s"\n---\n\nx\n', "utf-8"
    )
    (project / "content/news/b.xx.md").write_text("---\ntitle: T\n---\n", "utf-8")
    bad = invoke(project, "check")
    log = bad.stdout + bad.stderr
    assert bad.returncode != 0
    assert 'content/news/a.fr.md:3: date "2026-13-01" is not a date' in log
    assert "content/news/b.xx.md: the file name must end in .<language>.md" in log
    assert "Content: 2 errors (not published), 0 warnings." in log
    assert "Traceback" not in log
    assert not (project / "output").exists()
