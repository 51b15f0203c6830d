"""The web editor at /admin/ (plugins/web_editor): its Decap CMS
configuration follows the settings, it stays out of search engines and the
site's search, it has a policy of its own, and it boots in Chromium from the
local build without asking anything of another host."""

from __future__ import annotations

import os
import socket
import urllib.request
from pathlib import Path
from types import SimpleNamespace

import pytest
import yaml
from conftest import ROOT, Site, copy_project

TAGS = """water:
  ar: الماء
  en: water
health:
  ar: الصحة
  en: health
"""

OTHER_PARTY = """from pelicanconf import *
LANGUAGES = [
    {'code': 'ar', 'tag': 'ar-MA', 'locale': 'ar_MA'},
    {'code': 'en', 'tag': 'en-GB', 'locale': 'en_GB'},
]
DEFAULT_LANG = 'ar'
SECTIONS = {
    'videos': {'kind': 'news', 'title': 'Videos'},
    'branches': {'kind': 'regions', 'title': 'Branches'},
    'team': {'kind': 'people', 'title': 'Team'},
    'statements': {'kind': 'press', 'title': 'Statements'},
}
PRESS = {**PRESS, 'contacts': {'national': PRESS['contacts']['national']}}
WEB_EDITOR = {**WEB_EDITOR, 'path': 'editor', 'ui_locale': 'en',
              'backend': {'name': 'gitlab', 'repo': 'cedar/site'}}
"""


def write_editor(project: Path, settings_file: str, output: Path) -> Path:
    """Run the plugin's writer alone (no full build) from the project folder."""
    from pelican.settings import read_settings
    from web_editor import write_editor as write

    cwd = os.getcwd()
    os.chdir(project)
    try:
        settings = read_settings(str(project / settings_file))
        write(SimpleNamespace(settings=settings, output_path=str(output)))
    finally:
        os.chdir(cwd)
    return output


def test_the_configuration_follows_another_partys_settings(tmp_path: Path):
    from multilingual.sections import FIELDS, REQUIRED

    project = copy_project(tmp_path / "project")
    (project / "content/tags.yml").write_text(TAGS, "utf-8")
    (project / "other.py").write_text(OTHER_PARTY, "utf-8")
    output = write_editor(project, "other.py", tmp_path / "out")
    config = yaml.safe_load((output / "editor/config.yml").read_text("utf-8"))

    assert config["i18n"] == {
        "structure": "multiple_files",
        "locales": ["ar", "en"],
        "default_locale": "ar",
    }
    assert config["locale"] == "en"
    # A git host with drafts as branches; the local proxy for `invoke edit`.
    assert config["backend"]["name"] == "gitlab"
    assert config["publish_mode"] == "editorial_workflow"
    assert config["local_backend"] == {"url": "http://localhost:8081/api/v1"}
    assert config["media_folder"] == "content/images"
    assert config["public_folder"] == "images"

    kinds = {"videos": "news", "branches": "regions", "team": "people"}
    kinds["statements"] = "press"
    collections = {c["name"]: c for c in config["collections"]}
    assert list(collections) == list(kinds)
    for name, kind in kinds.items():
        collection = collections[name]
        assert collection["folder"] == f"content/{name}"
        assert collection["i18n"] is True
        assert collection["slug"] == "{{fields.slug}}"
        fields = {f["name"]: f for f in collection["fields"]}
        for field in FIELDS[kind]:
            assert fields[field]["required"] is (field in REQUIRED[kind]), (name, field)
        assert fields["body"]["widget"] == "markdown"
        assert fields["status"]["options"] == ["published", "draft"]

    video = {f["name"]: f for f in collections["videos"]["fields"]}
    assert video["date"]["widget"] == "datetime"
    assert video["date"]["format"] == "YYYY-MM-DD HH:mm"
    assert video["date"]["picker_utc"] is False
    assert "Africa/Casablanca" in video["date"]["hint"]
    # Topics: the vocabulary's names, per language of the file being written.
    assert video["tags"]["widget"] == "topics"
    assert video["tags"]["vocabulary"] == {
        "ar": ["الماء", "الصحة"],
        "en": ["water", "health"],
    }
    assert video["tags"]["i18n"] is True
    # References point at this party's sections of those kinds.
    assert video["region"]["widget"] == "relation"
    assert video["region"]["collection"] == "branches"
    assert video["region"]["i18n"] == "duplicate"
    assert video["people"]["collection"] == "team"
    assert video["people"]["multiple"] is True
    assert video["image"]["widget"] == "image"
    statement = {f["name"]: f for f in collections["statements"]["fields"]}
    assert statement["contact"]["options"] == ["national"]
    assert statement["attachments"]["fields"][0]["media_folder"] == "/content/files"
    assert statement["attachments"]["fields"][0]["public_folder"] == "files"
    # The page at the configured address, in the interface language.
    page = (output / "editor/index.html").read_text("utf-8")
    assert '<html lang="en">' in page
    assert '"code": "ar", "tag": "ar-MA", "direction": "rtl"' in page


def test_the_demo_editor_page_is_local_noindex_and_left_out(demo: Site):
    page = demo.page("/admin/")
    assert page.xpath("//meta[@name='robots']/@content") == ["noindex, nofollow"]
    scripts = page.xpath("//script")
    for script in scripts:
        src = script.get("src")
        # Only files of the site itself, or data (no inline code).
        assert (src and "//" not in src) or script.get("type") == "application/json"
        if src:
            assert (demo.root / "admin" / src).exists(), src
    assert [s.get("src") for s in scripts if s.get("src")] == [
        "decap-cms.js",
        "editor.js",
    ]
    config = yaml.safe_load(demo.path("/admin/config.yml").read_text("utf-8"))
    assert [c["name"] for c in config["collections"]] == [
        "news",
        "press",
        "program",
        "events",
        "regions",
        "people",
        "pages",
    ]
    assert config["i18n"]["locales"] == ["ar", "fr", "zgh"]
    # Neither the sitemap nor the site's search knows the editor.
    assert "/admin" not in demo.path("/sitemap.xml").read_text("utf-8")
    assert not page.xpath("//*[@data-pagefind-body]")
    for fragment in (demo.root / "pagefind").rglob("*"):
        if fragment.is_file() and fragment.suffix in (".json", ".pf_fragment"):
            assert b"/admin/" not in fragment.read_bytes()
    # The Tifinagh and Arabic fonts of the site, for fields in those languages.
    css = demo.path("/admin/editor.css").read_text("utf-8")
    assert ".web-editor-field:lang(zgh)" in css and '"Tifinagh"' in css
    assert "url(../theme/fonts/noto-sans-tifinagh-400" in css


def _admin_policy(settings: dict) -> str:
    return "; ".join(f"{k} {v}" for k, v in settings["WEB_EDITOR_CSP"].items())


def test_the_editor_has_its_own_policy_everywhere_it_is_served(
    demo: Site, served_with_headers: str, settings
):
    admin, site = (
        _admin_policy(settings),
        "; ".join(f"{k} {v}" for k, v in settings["CONTENT_SECURITY_POLICY"].items()),
    )
    assert "'unsafe-eval'" in admin and "'unsafe-eval'" not in site
    # Each address gets exactly one policy: the site's, or the editor's.
    for url, expected in (("/fr/", site), ("/admin/", admin)):
        with urllib.request.urlopen(served_with_headers + url) as response:
            assert response.headers.get_all("Content-Security-Policy") == [expected]
            if url == "/admin/":
                assert response.headers["X-Robots-Tag"] == "noindex"
    headers = demo.path("/_headers").read_text("utf-8")
    rule = "/admin/*\n  ! Content-Security-Policy\n  Content-Security-Policy: "
    assert f"{rule}{admin}\n" in headers
    nginx = (ROOT / "deploy/nginx.conf").read_text("utf-8")
    block = nginx.split("location /admin/ {", 1)[1].split("}", 1)[0]
    assert f'add_header Content-Security-Policy "{admin}" always;' in block


# --- In Chromium ----------------------------------------------------------------


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _record_other_hosts(page, allowed: tuple[str, ...]) -> list[str]:
    """Abort every request to another host; return the list of them."""
    asked: list[str] = []

    def route(route) -> None:
        url = route.request.url
        if url.startswith(allowed) or url.startswith(("data:", "blob:")):
            route.continue_()
        else:
            asked.append(url)
            route.abort()

    page.route("**/*", route)
    return asked


@pytest.mark.browser
def test_the_editor_boots_from_the_local_build_alone(
    demo: Site, served_with_headers: str, browser, tmp_path: Path
):
    page = browser.new_page(viewport={"width": 1280, "height": 800})
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on(
        "console",
        lambda m: errors.append(m.text) if "Security Policy" in m.text else None,
    )
    asked = _record_other_hosts(page, (served_with_headers,))
    page.goto(served_with_headers + "/admin/")
    # Decap's sign-in screen (the local proxy is not running here).
    page.locator("#nc-root button").first.wait_for(timeout=60_000)
    page.screenshot(path=str(tmp_path / "admin-login.png"))
    page.close()
    assert errors == []
    # Only the local proxy's address was tried (and refused): nothing else.
    assert {url.split("/api/")[0] for url in asked} <= {"http://localhost:8081"}
