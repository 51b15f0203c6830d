"""The read cache cannot lie: after any input of the reader changes (a content
file, the topics vocabulary, a region, an image, a setting, the plugins' code),
a build that uses the cache writes the same site and says the same messages as
a clean build. Built on a small fixture site."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from conftest import fixture_site, output_files, run_pelican

# A line of Pelican's console: "[20:42:01] WARNING  content/...   reader.py:12"
_DECORATION = re.compile(
    r"^\s*(\[\d\d:\d\d:\d\d\])?\s*(DEBUG|INFO|WARNING|ERROR|CRITICAL)?\s*|\s+\S+\.py:\d+\s*$"
)


def build(project: Path, output: Path, *extra: str) -> tuple[int, list[str]]:
    result = run_pelican(project, output, *extra, columns=300)
    lines = (result.stdout + result.stderr).splitlines()
    messages = sorted(_DECORATION.sub("", line) for line in lines if "content/" in line)
    return result.returncode, messages


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text("utf-8")
    assert old in text, (path, old)
    path.write_text(text.replace(old, new, 1), "utf-8")


def assert_cached_equals_clean(project: Path, scratch: Path) -> list[str]:
    # Into an empty folder, as a production build does: what is compared is
    # what the cache gives, not what an earlier build left in the output.
    cached_out = project / "output"
    shutil.rmtree(cached_out, ignore_errors=True)
    cached_code, cached_messages = build(project, cached_out)
    clean_project = scratch / "clean"
    if clean_project.exists():
        shutil.rmtree(clean_project)
    # copytree keeps time stamps, which dated pages show; no cache/ goes along.
    shutil.copytree(
        project,
        clean_project,
        symlinks=True,  # node_modules stays a link
        ignore=shutil.ignore_patterns("cache", "output"),
    )
    clean_out = scratch / "clean-output"
    if clean_out.exists():
        shutil.rmtree(clean_out)
    clean_code, clean_messages = build(
        clean_project, clean_out, "-e", "BUILD_WORKERS=1"
    )
    assert (cached_code, cached_messages) == (clean_code, clean_messages)
    ours, reference = output_files(cached_out), output_files(clean_out)
    assert ours.keys() == reference.keys(), ours.keys() ^ reference.keys()
    different = [name for name in reference if ours[name] != reference[name]]
    assert not different, f"differs from a clean build: {different[:10]}"
    return clean_messages


def test_a_cached_build_equals_a_clean_one_whatever_input_changed(tmp_path):
    project = fixture_site(tmp_path / "project")
    content = project / "content"
    code, _ = build(project, project / "output")
    assert code == 0
    assert any((project / "cache").iterdir()), "the first build fills the cache"

    # A content file.
    edit(content / "news/wells.fr.md", "Des puits", "Vingt puits")
    assert_cached_equals_clean(project, tmp_path)
    assert "Vingt puits" in (project / "output/fr/index.html").read_text("utf-8")

    # The topics vocabulary: a renamed topic makes the French tag unknown.
    edit(content / "tags.yml", "fr: eau", "fr: ressources en eau")
    messages = assert_cached_equals_clean(project, tmp_path)
    assert any('"eau"' in line for line in messages), messages

    # A setting the reader uses.
    with open(project / "pelicanconf.py", "a", encoding="utf-8") as conf:
        conf.write('\nTIMEZONE = "Europe/Paris"\n')
    assert_cached_equals_clean(project, tmp_path)

    # The plugins' code.
    with open(project / "plugins/multilingual/frontmatter.py", "a") as code_file:
        code_file.write(
            "\n_plain_read = FrontMatterMarkdownReader._read\n"
            "def _marked(self, path):\n"
            "    html, metadata = _plain_read(self, path)\n"
            "    return html + '<p>code changed</p>', metadata\n"
            "FrontMatterMarkdownReader._read = _marked\n"
        )
    assert_cached_equals_clean(project, tmp_path)
    page = project / "output/ar/akhbar/wells/index.html"
    assert "code changed" in page.read_text("utf-8")

    # A region's seat, where a press release without a place is dated from.
    page = project / "output/fr/communiques/oasis-wells/index.html"
    assert "Tinghir" in page.read_text("utf-8")
    edit(content / "regions/oasis.fr.md", 'seat: "Tinghir"', 'seat: "Errachidia"')
    assert_cached_equals_clean(project, tmp_path)
    assert "Errachidia" in page.read_text("utf-8")

    # An image the front matter names.
    (content / "images/well.png").unlink()
    messages = assert_cached_equals_clean(project, tmp_path)
    assert any("well.png" in line for line in messages), messages

    # A region the news names.
    for region in (content / "regions").glob("oasis.*.md"):
        region.unlink()
    messages = assert_cached_equals_clean(project, tmp_path)
    assert any('region "oasis"' in line for line in messages), messages

    # A person the news names, then the person's file gone.
    (content / "people").mkdir()
    (content / "people/amina.fr.md").write_text(
        '---\ntitle: "Amina Tazi"\nrole: "Porte-parole"\n---\n\nBiographie.\n',
        "utf-8",
    )
    edit(
        content / "news/clinic.fr.md", "tags: [santé]", "tags: [santé]\npeople: [amina]"
    )
    assert_cached_equals_clean(project, tmp_path)
    (content / "people/amina.fr.md").unlink()
    messages = assert_cached_equals_clean(project, tmp_path)
    assert any('"amina"' in line for line in messages), messages


def test_the_cache_key_changes_with_the_readers_library_versions(
    fixture_settings, monkeypatch
):
    """A new Pelican, Markdown, nh3, PyYAML or Babel may read a file
    differently: the read cache of another version is not used."""
    import importlib.metadata

    from fast_build.reading import world_stamp

    before = world_stamp(fixture_settings)
    real = importlib.metadata.version
    for package in ("pelican", "markdown", "nh3", "pyyaml", "babel"):
        with monkeypatch.context() as patched:
            patched.setattr(
                importlib.metadata,
                "version",
                lambda name, p=package: "99.0" if name == p else real(name),
            )
            assert world_stamp(fixture_settings) != before, package
    assert world_stamp(fixture_settings) == before


def test_a_cached_file_says_its_warnings_again(tmp_path):
    project = fixture_site(tmp_path / "project")
    edit(
        project / "content/news/clinic.fr.md",
        "Le dispensaire de",
        "<script>alert(1)</script>\n\nLe dispensaire de",
    )
    edit(project / "content/news/clinic.fr.md", "tags:", "regoin: oasis\ntags:")
    said = []
    for _build in range(2):  # the second build reads the file from the cache
        code, messages = build(project, project / "output")
        assert code == 0
        said.append([line for line in messages if "clinic.fr.md" in line])
    assert any("script" in line for line in said[0]), said[0]
    assert any("regoin" in line for line in said[0]), said[0]
    assert said[1] == said[0]


def test_a_fresh_checkout_with_the_cache_restored_reads_nothing_again(tmp_path):
    """CI restores cache/ into a fresh checkout: every file has a new time
    stamp and the same bytes. Nothing is read again; a file whose bytes
    changed is, and its page shows the change."""
    project = fixture_site(tmp_path / "project")
    output = project / "output"
    first = run_pelican(project, output, "--verbose", columns=300)
    assert first.returncode == 0, first.stderr[-2000:]
    for path in (project / "content").rglob("*"):
        if path.is_file():
            path.touch()
    edit(
        project / "content/news/clinic.fr.md",
        "Le dispensaire de",
        "Le dispensaire neuf de",
    )
    again = run_pelican(project, output, "--verbose", columns=300)
    assert again.returncode == 0, again.stderr[-2000:]
    said = " ".join((again.stdout + again.stderr).split())
    counts = [int(n) for n in re.findall(r"fast_build: (\d+) files read", said)]
    assert sum(counts) == 1, said
    page = (output / "fr/actualites/clinic/index.html").read_text("utf-8")
    assert "Le dispensaire neuf de" in page
