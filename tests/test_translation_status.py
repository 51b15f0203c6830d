"""Which translations are missing or older than their source: `invoke
translations` and the editors' page of development builds."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT, build_site, copy_project
from lxml import html as lxml_html

NEWS = '---\ntitle: "{title}"\ndate: 2026-03-01\nsummary: "s"\n{extra}---\n\n{body}\n'


def git(project: Path, *args: str, when: str | None = None) -> None:
    env = {**os.environ, "GIT_AUTHOR_NAME": "Editor", "GIT_AUTHOR_EMAIL": "e@x"}
    env.update(GIT_COMMITTER_NAME="Editor", GIT_COMMITTER_EMAIL="e@x")
    if when:
        env.update(GIT_AUTHOR_DATE=when, GIT_COMMITTER_DATE=when)
    subprocess.run(
        ["git", *args], cwd=project, env=env, check=True, capture_output=True
    )


def write(project: Path, name: str, title: str, extra: str = "", body: str = "x"):
    path = project / "content" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(NEWS.format(title=title, extra=extra, body=body), "utf-8")


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    """History: the French original, then its translations, then the French
    text is corrected; the Arabic translator then marks theirs as updated."""
    project = copy_project(tmp_path_factory.mktemp("status"))
    shutil.copy(ROOT / "tasks.py", project)
    shutil.rmtree(project / "content")
    git(project, "init", "-q")
    write(project, "news/plan.fr.md", "Plan")
    write(project, "news/only.ar.md", "وحيد")
    git(project, "add", "-A")
    git(project, "commit", "-qm", "original", when="2026-03-01T10:00:00+00:00")
    write(project, "news/plan.ar.md", "خطة")
    write(project, "news/plan.zgh.md", "ⴰⵖⴰⵡⴰⵙ")
    git(project, "add", "-A")
    git(project, "commit", "-qm", "translated", when="2026-03-02T10:00:00+00:00")
    write(project, "news/plan.fr.md", "Plan", body="Corrected figures.")
    git(project, "commit", "-qam", "fix", when="2026-03-05T10:00:00+00:00")
    write(project, "news/plan.ar.md", "خطة", extra="modified: 2026-03-06 09:00\n")
    git(project, "commit", "-qam", "ar updated", when="2026-03-06T10:00:00+00:00")
    return project


def test_invoke_translations_lists_missing_and_out_of_date(project):
    result = subprocess.run(
        [sys.executable, "-m", "invoke", "translations"],
        cwd=project,
        capture_output=True,
        text=True,
        check=True,
    )
    assert result.stdout.splitlines() == [
        "news [fr]",
        "    missing:     only",
        "news [zgh]",
        "    missing:     only",
        "    out of date: plan (fr changed later)",
    ]


def test_an_uncommitted_edit_of_the_source_counts(project, tmp_path):
    copy = tmp_path / "copy"
    shutil.copytree(project, copy, symlinks=True)  # node_modules stays a link
    write(copy, "news/plan.fr.md", "Plan", body="Edited again, not committed.")
    result = subprocess.run(
        [sys.executable, "-m", "invoke", "translations"],
        cwd=copy,
        capture_output=True,
        text=True,
        check=True,
    )
    assert "news [ar]" in result.stdout
    assert result.stdout.count("plan (fr changed later)") == 2


def test_the_editors_page_shows_it_in_development_only(project, tmp_path):
    build_site(tmp_path / "dev", cwd=project)
    page = lxml_html.fromstring((tmp_path / "dev/fr/editors/index.html").read_bytes())
    assert page.get("lang") == "fr-MA"
    assert page.xpath("//meta[@name='robots']/@content") == ["noindex"]
    rows = {
        row.xpath("string(th/code)"): [
            " ".join(cell.text_content().split()) for cell in row.xpath("td")
        ]
        for row in page.xpath("//table//tbody/tr")
    }
    assert rows["only"][1:] == ["Manquante", "Manquante"]
    ar, fr, zgh = rows["plan"]
    assert ar.startswith("À jour") and fr.startswith("À jour")
    # The other language is named in the page's language, where the sentence
    # needs it: "la version en français", not "la version Français".
    assert zgh.startswith("Pas à jour") and "La version en français a changé" in zgh
    arabic = lxml_html.fromstring((tmp_path / "dev/ar/editors/index.html").read_bytes())
    assert "تغيّرت النسخة بالفرنسية بعدها" in arabic.text_content()
    footer = page.xpath("//footer//a/@href")
    assert "/fr/editors/" in footer

    build_site(tmp_path / "prod", "publishconf.py", cwd=project)
    assert not (tmp_path / "prod/fr/editors").exists()
    assert "/editors/" not in (tmp_path / "prod/fr/index.html").read_text("utf-8")


def test_the_editors_page_lists_the_words_awaiting_a_native_speaker(project, tmp_path):
    """From theme/translations/glossary.yml: per language, every term not
    attested by a source, with where it comes from; attested ones are not."""
    build_site(tmp_path / "dev", cwd=project)
    page = lxml_html.fromstring((tmp_path / "dev/fr/editors/index.html").read_bytes())
    headings = [h.text_content() for h in page.xpath("//section/h2")]
    assert "Mots en attente d’un locuteur natif" in headings
    tables = {
        h3.get("lang"): h3.getnext().xpath(".//tbody/tr")
        for h3 in page.xpath("//section/h3")
    }
    zgh = {row.xpath("string(th/bdi)"): row for row in tables["zgh"]}
    assert "ⵜⴰⵏⵎⵀⴰⵍⵜ" in zgh and "ⴰⵙⵎⵍⵓⵙⵙⴰⵏ" not in zgh  # attested (CLDR)
    status, source = (
        " ".join(td.text_content().split()) for td in zgh["ⵜⴰⵏⵎⵀⴰⵍⵜ"].xpath("td")
    )
    assert status == "À faire relire par un locuteur natif" and "review" in source
    arabic = {row.xpath("string(th/bdi)") for row in tables["ar-MA"]}
    assert "خلاصة" in arabic and "بلاغ" not in arabic


def test_without_a_glossary_the_page_lists_no_words(tmp_path):
    from multilingual.glossary import pending_terms

    assert pending_terms(tmp_path, ["ar"]) == {}
    (tmp_path / "translations").mkdir()
    (tmp_path / "translations/glossary.yml").write_text(
        "feed:\n  ar: {term: خلاصة, status: proposed, source: x}\n"
        "news:\n  ar: {term: أخبار, status: attested, source: y}\n",
        "utf-8",
    )
    [term] = pending_terms(tmp_path, ["ar", "fr"])["ar"]
    assert (term.concept, term.term, term.status) == ("feed", "خلاصة", "proposed")
