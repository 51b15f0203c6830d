"""Builds the demo site once per test session, the way an editor does, and
gives tests helpers to read what a visitor or a feed reader would get."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from lxml import html as lxml_html

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "plugins"))


def build_site(
    output: Path, settings: str = "pelicanconf.py", cwd: Path = ROOT
) -> subprocess.CompletedProcess:
    """Run the exact command the README gives; fail with Pelican's output."""
    result = subprocess.run(
        [sys.executable, "-m", "pelican", "content", "-s", settings, "-o", str(output)],
        cwd=cwd,
        capture_output=True,
        text=True,
        env={**os.environ, "COLUMNS": "200"},
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return result


def copy_project(target: Path) -> Path:
    """A scratch copy of the project, for builds that change content or settings."""
    for name in ("content", "theme", "plugins"):
        shutil.copytree(ROOT / name, target / name)
    for name in ("pelicanconf.py", "publishconf.py"):
        shutil.copy(ROOT / name, target / name)
    return target


class Site:
    """The built output, read as a visitor would."""

    def __init__(self, root: Path):
        self.root = root

    def path(self, url: str) -> Path:
        """Output file for a root-relative URL ('/fr/' -> fr/index.html)."""
        relative = url.split("#")[0].split("?")[0].lstrip("/")
        target = self.root / relative
        if relative == "" or relative.endswith("/"):
            target = target / "index.html"
        return target

    def page(self, url: str):
        return lxml_html.fromstring(self.path(url).read_bytes())

    def html_files(self) -> list[Path]:
        return sorted(self.root.rglob("*.html"))

    def url_of(self, file: Path) -> str:
        relative = file.relative_to(self.root).as_posix()
        return "/" + relative.removesuffix("index.html")


@pytest.fixture(scope="session")
def demo(tmp_path_factory) -> Site:
    output = tmp_path_factory.mktemp("demo") / "output"
    build_site(output)
    return Site(output)


@pytest.fixture(scope="session")
def production(tmp_path_factory) -> Site:
    """The demo built with publishconf.py (absolute addresses, social cards,
    .gz/.br copies), once per session."""
    output = tmp_path_factory.mktemp("production") / "output"
    build_site(output, "publishconf.py")
    return Site(output)


@pytest.fixture(scope="session")
def settings() -> dict:
    from pelican.settings import read_settings

    return read_settings(str(ROOT / "pelicanconf.py"))
