"""The web editor at /admin/ (plugins/web_editor): its Decap CMS
configuration follows the settings, it stays out of search engines and the
site's search, it has a policy of its own, and it boots in Chromium from the
local build without asking anything of another host."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from types import SimpleNamespace

import pytest
import yaml
from conftest import ROOT, Site, build_site, copy_project, missing_tool

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
    from web_editor import write_editor as write

    from multilingual import kit_settings

    cwd = os.getcwd()
    os.chdir(project)
    try:
        settings = kit_settings(str(project / settings_file))
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
        assert fields["status"]["options"] == ["published", "draft", "hidden"]

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
    assert video["region"]["i18n"] is True
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


def test_the_fixture_site_s_editor_page_is_local_noindex_and_left_out(kit: Site):
    page = kit.page("/admin/")
    assert page.xpath("//meta[@name='robots']/@content") == ["noindex, nofollow"]
    scripts = page.xpath("//script")
    for script in scripts:
        src = script.get("src")
        # Only files of the site itself, or data (no inline code).
        assert (src and "//" not in src) or script.get("type") == "application/json"
        if src:
            assert (kit.root / "admin" / src).exists(), src
    assert [s.get("src") for s in scripts if s.get("src")] == [
        "decap-cms.js",
        "editor.js",
    ]
    config = yaml.safe_load(kit.path("/admin/config.yml").read_text("utf-8"))
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
    # In the interface language: section titles from the site's catalog,
    # field names from WEB_EDITOR's labels.
    assert config["locale"] == "fr"
    assert config["collections"][0]["label"] == "Actualités"
    news = {f["name"]: f for f in config["collections"][0]["fields"]}
    assert news["title"]["label"] == "Titre"
    assert news["date"]["hint"] == "Heure de Africa/Casablanca"
    # Neither the sitemap nor the site's search knows the editor.
    assert "/admin" not in kit.path("/sitemap.xml").read_text("utf-8")
    assert not page.xpath("//*[@data-pagefind-body]")
    for fragment in (kit.root / "pagefind").rglob("*"):
        if fragment.is_file() and fragment.suffix in (".json", ".pf_fragment"):
            assert b"/admin/" not in fragment.read_bytes()
    # The Tifinagh and Arabic fonts of the site, for fields in those languages.
    css = kit.path("/admin/editor.css").read_text("utf-8")
    assert ".web-editor-field:lang(zgh)" in css and '"Tifinagh"' in css
    assert "url(../theme/fonts/noto-sans-tifinagh-400" in css


def _admin_policy(settings: dict) -> str:
    return "; ".join(f"{k} {v}" for k, v in settings["WEB_EDITOR_CSP"].items())


@pytest.mark.site
def test_the_editor_has_its_own_policy_everywhere_it_is_served(
    party_site: Site, party_served_with_headers: str, settings
):
    admin, site = (
        _admin_policy(settings),
        "; ".join(f"{k} {v}" for k, v in settings["CONTENT_SECURITY_POLICY"].items()),
    )
    assert "'unsafe-eval'" in admin and "'unsafe-eval'" not in site
    # Each address gets exactly one policy: the site's, or the editor's.
    first = "/" + settings["LANGUAGES"][0]["code"] + "/"
    for url, expected in ((first, site), ("/admin/", admin)):
        with urllib.request.urlopen(party_served_with_headers + url) as response:
            assert response.headers.get_all("Content-Security-Policy") == [expected]
            if url == "/admin/":
                assert response.headers["X-Robots-Tag"] == "noindex"
    headers = party_site.path("/_headers").read_text("utf-8")
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
    """Abort every request to another host; return the list of them. (Only
    those are routed: a routed blob: or upload request may stall.)"""
    asked: list[str] = []

    def refuse(route) -> None:
        asked.append(route.request.url)
        route.abort()

    page.route(lambda url: not url.startswith((*allowed, "data:", "blob:")), refuse)
    return asked


@pytest.mark.browser
def test_the_editor_boots_from_the_local_build_alone(
    kit: Site, kit_served_with_headers: str, browser, tmp_path: Path
):
    page = browser.new_page(viewport={"width": 1280, "height": 800})
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on(
        "console",
        lambda m: errors.append(m.text) if "Security Policy" in m.text else None,
    )
    asked = _record_other_hosts(page, (kit_served_with_headers,))
    page.goto(kit_served_with_headers + "/admin/")
    # Decap's sign-in screen (the local proxy is not running here).
    page.locator("#nc-root button").first.wait_for(timeout=60_000)
    page.screenshot(path=str(tmp_path / "admin-login.png"))
    page.close()
    assert errors == []
    # Only the local proxy's address was tried (and refused): nothing else.
    assert {url.split("/api/")[0] for url in asked} <= {"http://localhost:8081"}


DECAP_SERVER = ROOT / "node_modules" / "decap-server" / "dist" / "index.js"


@pytest.fixture(scope="module")
def editing(tmp_path_factory):
    """A scratch project served with its editor and Decap's local proxy (as
    `invoke edit` starts them), on free ports; yields (project, site address)."""
    node = shutil.which("node")
    if not node or not DECAP_SERVER.exists():
        missing_tool("decap-server is not installed: npm ci --ignore-scripts")
    from tools.static_server import start

    project = copy_project(tmp_path_factory.mktemp("editing") / "project")
    shutil.copy(ROOT / "tasks.py", project / "tasks.py")
    port = _free_port()
    (project / "edit.py").write_text(
        "from pelicanconf import *\n"
        f"_PROXY = 'http://localhost:{port}'\n"
        "WEB_EDITOR = {**WEB_EDITOR, 'local_proxy_url': _PROXY + '/api/v1',"
        " 'ui_locale': 'en'}\n"
        "WEB_EDITOR_CSP = {**WEB_EDITOR_CSP,"
        " 'connect-src': \"'self' blob: \" + _PROXY}\n"
        "PATH_HEADERS = {'/admin/*': {**PATH_HEADERS['/admin/*'],"
        " 'Content-Security-Policy': WEB_EDITOR_CSP}}\n",
        "utf-8",
    )
    build_site(project / "output", "edit.py", project)
    env = {
        **os.environ,
        "PORT": str(port),
        "BIND_HOST": "127.0.0.1",
        "MODE": "fs",
        "GIT_REPO_DIRECTORY": str(project),
    }
    log = project.parent / "proxy.log"
    with open(log, "w", encoding="utf-8") as handle:
        proxy = subprocess.Popen(
            [node, str(DECAP_SERVER)], env=env, stdout=handle, stderr=handle
        )
    try:
        deadline = time.monotonic() + 30
        while "listening" not in log.read_text("utf-8"):
            assert proxy.poll() is None, log.read_text("utf-8")
            assert time.monotonic() < deadline, log.read_text("utf-8")
            time.sleep(0.1)
        httpd, base = start(project / "output")
        # Decap talks to its proxy from localhost pages only.
        yield project, base.replace("127.0.0.1", "localhost"), port
        httpd.shutdown()
    finally:
        proxy.terminate()
        proxy.wait(timeout=10)


@pytest.fixture(scope="module")
def offline_browser(browser):
    """Chromium that cannot resolve any host but localhost: requests to
    another host fail without being intercepted (Playwright's interception
    stalls Decap's uploads to its proxy for half a minute)."""
    from tools.chromium import CHROMIUM, FLAGS

    instance = browser.browser_type.launch(
        executable_path=CHROMIUM,
        args=[*FLAGS, "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost"],
    )
    yield instance
    instance.close()


def _signed_in(browser, base: str, port: int):
    """A page signed in to the editor (the local proxy needs no account);
    requests to another host are recorded."""
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    local = (base, f"http://localhost:{port}/", "data:", "blob:")
    asked: list[str] = []
    page.on(
        "request",
        lambda r: asked.append(r.url) if not r.url.startswith(local) else None,
    )
    console: list[str] = []
    page.on("console", lambda m: console.append(f"{m.type}: {m.text[:300]}"))
    page.on("pageerror", lambda e: console.append(f"pageerror: {e}"))
    page.on("requestfailed", lambda r: console.append(f"failed: {r.url} {r.failure}"))
    page.console = console
    page.goto(base + "/admin/")
    page.locator("#nc-root button").first.click()
    return page, asked


def _write_in(page, shown: str, wanted: str) -> None:
    """Switch an editing pane from one language to another."""
    page.get_by_text(f"Writing in {shown}").first.click()
    page.get_by_role("menuitem").filter(has_text=wanted).first.click()


def _publish(page) -> None:
    page.get_by_text("Publish", exact=True).first.click()
    page.get_by_text("Publish now", exact=True).first.click()


def _front_matter(path: Path) -> dict:
    from multilingual.frontmatter import split_front_matter

    data, _body = split_front_matter(path.read_text("utf-8"), str(path))
    return {k: v for k, v in data.items() if v is not None}


@pytest.mark.browser
def test_an_editor_corrects_a_french_title_beside_the_arabic_one(
    editing, offline_browser, tmp_path: Path
):
    project, base, port = editing
    files = {
        lang: project / f"content/news/trilingual-website-launch.{lang}.md"
        for lang in ("ar", "fr", "zgh")
    }
    # A field the editor does not show must survive a save.
    french_file = files["fr"].read_text("utf-8")
    files["fr"].write_text(
        french_file.replace("\ndate:", "\ntemplate: article\ndate:", 1), "utf-8"
    )
    before = {lang: _front_matter(path) for lang, path in files.items()}
    assert before["fr"]["template"] == "article"
    bodies = {
        lang: path.read_text("utf-8").split("\n---\n", 1)[1]
        for lang, path in files.items()
    }
    page, asked = _signed_in(offline_browser, base, port)
    page.goto(base + "/admin/#/collections/news/entries/trilingual-website-launch")
    # The Arabic pane: right to left; the French one beside it, left to right.
    arabic = page.locator('.web-editor-field[lang="ar-MA"] input').nth(1)
    arabic.wait_for(timeout=60_000)
    assert arabic.input_value() == before["ar"]["title"]
    assert arabic.evaluate("e => getComputedStyle(e).direction") == "rtl"
    french = page.locator('.web-editor-field[lang="fr-MA"] input').nth(1)
    assert french.evaluate("e => getComputedStyle(e).direction") == "ltr"
    # The key (Latin letters) stays left to right in the Arabic pane.
    key = page.locator('.web-editor-field[lang="ar-MA"] input').nth(0)
    assert key.evaluate("e => getComputedStyle(e).direction") == "ltr"
    # Topics offered in the language of each pane, from content/tags.yml.
    ticked = page.locator('.web-editor-topics[lang="ar-MA"] input:checked')
    assert ticked.count() == len(before["ar"]["tags"])
    page.screenshot(path=str(tmp_path / "editor-ar-fr.png"))
    # Tamazight in the other pane: its fields in the site's Tifinagh font.
    _write_in(page, "FR", "ZGH")
    tifinagh = page.locator('.web-editor-field[lang="zgh"] input').nth(1)
    assert tifinagh.input_value() == before["zgh"]["title"]
    assert "Tifinagh" in tifinagh.evaluate("e => getComputedStyle(e).fontFamily")
    _write_in(page, "ZGH", "FR")

    french.fill(before["fr"]["title"] + " (corrigé)")
    _publish(page)
    deadline = time.monotonic() + 30
    while _front_matter(files["fr"]).get("title") == before["fr"]["title"]:
        assert time.monotonic() < deadline, "the editor did not save"
        time.sleep(0.2)
    # The preview: the site's own stylesheet, the language and direction of
    # the item shown (Arabic, right to left, in the site's Arabic font).
    page.locator("button[title='Toggle preview']").first.click()
    preview = page.frame_locator("#preview-pane").locator(".web-editor-preview")
    lang, direction, font, sheets = preview.evaluate(
        "e => [document.documentElement.lang, getComputedStyle(e).direction,"
        " getComputedStyle(e.querySelector('h1')).fontFamily,"
        " [...document.styleSheets].map(s => s.href)]"
    )
    assert (lang, direction) == ("ar-MA", "rtl")
    assert font.startswith("Naskh")
    assert f"{base}/theme/site.css" in sheets
    page.screenshot(path=str(tmp_path / "preview-ar.png"))
    page.close()
    assert asked == []

    # Only the changed field changed in meaning; bodies are kept as written.
    after = {lang: _front_matter(path) for lang, path in files.items()}
    assert after["fr"] == {
        **before["fr"],
        "title": before["fr"]["title"] + " (corrigé)",
    }
    assert after["ar"] == before["ar"] and after["zgh"] == before["zgh"]
    for lang, path in files.items():
        assert path.read_text("utf-8").split("\n---\n", 1)[1] == bodies[lang]
    # The build accepts what the editor wrote and publishes the correction.
    build_site(tmp_path / "out", "edit.py", project)
    site = Site(tmp_path / "out")
    title = site.page("/fr/actualites/trilingual-website-launch/").xpath("//h1")[0]
    assert title.text_content().endswith("(corrigé)")


@pytest.mark.browser
def test_an_editor_writes_an_arabic_article_and_its_french_translation(
    editing, offline_browser, tmp_path: Path
):
    from PIL import Image

    project, base, port = editing
    photo = tmp_path / "summit.jpg"
    Image.new("RGB", (1200, 800), (31, 111, 80)).save(photo)
    page, asked = _signed_in(offline_browser, base, port)
    page.goto(base + "/admin/#/collections/news/new")
    arabic = page.locator('.web-editor-field[lang="ar-MA"]')
    french = page.locator('.web-editor-field[lang="fr-MA"]')
    arabic.first.wait_for(timeout=60_000)
    # Key, title, summary, topics, image alt, text: in each pane.
    arabic.nth(1).locator("input").fill("قمة الماء في أكادير")
    arabic.nth(2).locator("textarea").fill("الحزب يجمع المنتخبين حول الماء.")
    french.nth(1).locator("input").fill("Sommet de l'eau à Agadir")
    french.nth(2).locator("textarea").fill("Le parti réunit les élus autour de l'eau.")
    for button in page.get_by_role("button", name="Now").all()[:2]:
        button.click()
    for lang, name in (("ar-MA", "الماء"), ("fr-MA", "eau")):
        topics = page.locator(f'.web-editor-topics[lang="{lang}"] label')
        topics.filter(has_text=name).first.locator("input").check()
    arabic.nth(5).locator("[contenteditable]").click()
    page.keyboard.type("نص الخبر بالعربية.")
    french.nth(5).locator("[contenteditable]").click()
    page.keyboard.type("Le texte en français.")
    # A photo uploaded from the computer, into content/images.
    page.get_by_role("button", name="Choose an image").first.click()
    page.locator("input[type=file]").first.set_input_files(str(photo))
    page.get_by_text("summit.jpg").first.wait_for()  # uploaded, then chosen
    page.get_by_role("button", name="Choose selected").first.click()
    page.get_by_role("button", name="Choose different image").first.wait_for()
    arabic.nth(4).locator("input").fill("قاعة الاجتماع")
    french.nth(4).locator("input").fill("La salle de réunion")
    page.screenshot(path=str(tmp_path / "new-ar-fr.png"))
    # Without its key, the item is not saved and the editor is told why.
    _publish(page)
    page.get_by_text("Clé: Pour un nouvel élément").first.wait_for()
    arabic.nth(0).locator("input").fill("water-summit")
    _publish(page)
    news = project / "content/news"
    deadline = time.monotonic() + 30
    while not (news / "water-summit.fr.md").exists():
        if time.monotonic() > deadline:
            page.screenshot(path=str(tmp_path / "not-saved.png"))
            log = (project.parent / "proxy.log").read_text("utf-8")[-2000:]
            pytest.fail(
                f"the editor did not save: {tmp_path}/not-saved.png\n{log}\n"
                + "\n".join(page.console)
            )
        time.sleep(0.2)
    time.sleep(1)
    page.close()
    assert asked == []

    assert (project / "content/images/summit.jpg").exists()
    # The translation nobody wrote is not written (the build would reject
    # an empty file).
    assert not (news / "water-summit.zgh.md").exists()
    ar = _front_matter(news / "water-summit.ar.md")
    fr = _front_matter(news / "water-summit.fr.md")
    assert ar["title"] == "قمة الماء في أكادير" and ar["tags"] == ["الماء"]
    assert ar["image"] == "images/summit.jpg"
    assert fr["title"] == "Sommet de l'eau à Agadir" and fr["tags"] == ["eau"]
    assert fr["image_alt"] == "La salle de réunion"
    # Dates as editors write them, read in the site's time zone.
    assert len(str(ar["date"])) == len("2026-11-29 21:05")
    # `invoke check` accepts the files, and the build publishes both pages.
    check = subprocess.run(
        [sys.executable, "-m", "invoke", "check"],
        cwd=project,
        capture_output=True,
        text=True,
    )
    assert check.returncode == 0, check.stdout + check.stderr
    build_site(tmp_path / "out", "edit.py", project)
    site = Site(tmp_path / "out")
    arabic_page = site.page("/ar/akhbar/water-summit/")
    assert arabic_page.xpath("//h1")[0].text_content() == "قمة الماء في أكادير"
    assert "نص الخبر بالعربية." in arabic_page.text_content()
    french_page = site.page("/fr/actualites/water-summit/")
    assert "Le texte en français." in french_page.text_content()


@pytest.mark.browser
def test_an_editor_corrects_a_press_release_and_its_facts_stay(
    editing, offline_browser, tmp_path: Path
):
    project, base, port = editing
    files = {
        lang: project / f"content/press/water-tariff-reform.{lang}.md"
        for lang in ("ar", "fr", "zgh")
    }
    before = {lang: _front_matter(path) for lang, path in files.items()}
    assert before["fr"]["attachments"] and before["fr"]["reference"] == "2025-017"
    page, asked = _signed_in(offline_browser, base, port)
    page.goto(base + "/admin/#/collections/press/entries/water-tariff-reform")
    place = page.locator('.web-editor-field[lang="fr-MA"] input').nth(3)
    place.wait_for(timeout=60_000)
    assert place.input_value() == "Rabat"
    place.fill("Rabat, siège du parti")
    _publish(page)
    deadline = time.monotonic() + 30
    while _front_matter(files["fr"])["place"] == "Rabat":
        assert time.monotonic() < deadline, "the editor did not save"
        time.sleep(0.2)
    page.close()
    assert asked == []
    # The reference number, the date, the attachments and the topics keep
    # their values in every language; only the French place changed.
    after = {lang: _front_matter(path) for lang, path in files.items()}
    assert after["fr"] == {**before["fr"], "place": "Rabat, siège du parti"}
    assert after["ar"] == before["ar"] and after["zgh"] == before["zgh"]
    build_site(tmp_path / "out", "edit.py", project)
    release = Site(tmp_path / "out").page("/fr/communiques/water-tariff-reform/")
    text = release.text_content()
    assert "2025-017" in text and "Rabat, siège du parti" in text


def test_without_its_npm_bundle_the_editor_is_left_out_and_the_build_says_how(
    tmp_path,
):
    """A fresh clone before `npm ci`: the site builds, /admin/ is not there,
    and one line says what to run."""
    from conftest import build_log, fixture_site

    project = fixture_site(tmp_path / "project")
    (project / "node_modules").unlink(missing_ok=True)
    log = build_log(project / "output", "pelicanconf.py", project)
    assert "/admin/ is left out" in log and "npm ci --ignore-scripts" in log
    assert not (project / "output/admin").exists()
    assert (project / "output/fr/index.html").is_file()
