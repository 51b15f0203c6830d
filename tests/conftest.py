"""Builds the sites the tests read, once per session, the way an editor does,
and gives tests helpers to read what a visitor or a feed reader would get.

Two kinds of tests (tests/README.md):
- site checks (marked `site`): what a party's own site must be (links resolve,
  alternates complete, valid HTML and feeds, accessible, served safely). They
  build the project's own content/ with its pelicanconf.py (`party_site`,
  `party_production`, `settings`) and read languages and sections from the
  settings: they keep passing for a party that adopts the kit.
- kit behaviour tests: everything else. They build fixture sites under
  tests/sites/ with their own content and settings (`kit`, `kit_production`,
  `fixture_settings`; `fixture_site` for a scratch copy), never content/ or the
  party values of pelicanconf.py.
"""

from __future__ import annotations

import functools
import http.server
import os
import re
import shutil
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from lxml import html as lxml_html

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "plugins"))
sys.path.insert(0, str(ROOT))  # tools/: the local server, the browser's flags

from multilingual.timezones import use_newest_rules  # noqa: E402
from tools.chromium import CHROMIUM, FLAGS  # noqa: E402
from tools.static_server import start as start_server  # noqa: E402

# Times read back here follow the rules the build follows (the newest).
use_newest_rules("Africa/Casablanca")


def run_pelican(
    project: Path,
    output: Path,
    *extra: str,
    settings: str = "pelicanconf.py",
    columns: int = 200,
) -> subprocess.CompletedProcess:
    """The README's build command in `project`, as a terminal `columns` wide
    runs it; the caller judges the result."""
    return subprocess.run(
        [sys.executable, "-m", "pelican", "content", "-s", settings, "-o", str(output)]
        + list(extra),
        cwd=project,
        capture_output=True,
        text=True,
        env={**os.environ, "COLUMNS": str(columns)},
    )


def build_site(
    output: Path, settings: str = "pelicanconf.py", cwd: Path | None = None, *extra: str
) -> subprocess.CompletedProcess:
    """Run the exact command the README gives in the project `cwd` (a fixture
    site's copy; the repository itself only for the party's site checks);
    fail with Pelican's output."""
    assert cwd is not None, "say which project to build"
    result = run_pelican(cwd, output, *extra, settings=settings)
    assert result.returncode == 0, result.stdout + result.stderr
    return result


def output_files(folder: Path) -> dict[str, bytes]:
    """Every file of a built site, by its path in the site."""
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def assert_same_site(built: Path, clean: Path) -> None:
    ours, reference = output_files(built), output_files(clean)
    assert ours.keys() == reference.keys(), ours.keys() ^ reference.keys()
    different = [name for name in reference if ours[name] != reference[name]]
    assert not different, f"differs from a clean build: {different[:10]}"


def build_log(output: Path, settings: str, cwd: Path) -> str:
    """A successful verbose build's messages, white space folded (the
    console wraps long lines)."""
    result = build_site(output, settings, cwd, "--verbose")
    return " ".join((result.stdout + result.stderr).split())


SITES = ROOT / "tests/sites"
# The kit's plumbing settings fixture sites start from, and its production
# layer: when the kit's settings move into plugin defaults, these two files
# shrink; nothing else here changes.
KIT_PLUMBING = SITES / "kit_plumbing.py"
KIT_PRODUCTION = SITES / "kit_production.py"
# The shared fixture site of the kit's behaviour tests: trilingual (ar, fr,
# zgh), every kind of section, its own party.
KIT_SITE = "cedar"
KIT_CONTENT = SITES / KIT_SITE / "content"


def write_settings(project: Path, name: str) -> None:
    """pelicanconf.py and publishconf.py of a fixture project: the kit's
    plumbing, then tests/sites/<name>/settings.py (its party); production adds
    tests/sites/<name>/publish.py (its public address)."""
    site = SITES / name
    (project / "pelicanconf.py").write_text(
        KIT_PLUMBING.read_text("utf-8")
        + "\n"
        + (site / "settings.py").read_text("utf-8"),
        "utf-8",
    )
    publish = KIT_PRODUCTION.read_text("utf-8")
    if (site / "publish.py").is_file():
        publish += "\n" + (site / "publish.py").read_text("utf-8")
    (project / "publishconf.py").write_text(publish, "utf-8")


def fixture_site(target: Path, name: str = "tiny") -> Path:
    """A project with the kit's code, and the content and settings of
    tests/sites/<name>/: tests of the kit's behaviour build it, not content/
    nor the party values of pelicanconf.py."""
    for folder in ("theme", "plugins"):
        shutil.copytree(ROOT / folder, target / folder)
    shutil.copytree(SITES / name / "content", target / "content")
    write_settings(target, name)
    link_node_modules(target)
    return target


def copy_project(target: Path) -> Path:
    """A scratch copy of the kit's shared fixture site, for builds that
    change content or settings."""
    return fixture_site(target, KIT_SITE)


def link_node_modules(project: Path) -> None:
    """The npm packages the build copies from (the web editor's bundle), as a
    checkout has them after `npm ci`."""
    if (ROOT / "node_modules").is_dir() and not (project / "node_modules").exists():
        (project / "node_modules").symlink_to(ROOT / "node_modules")


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
        """The site's pages; not the web editor (/admin/), an application
        with its own policy and tests (test_web_editor.py), nor the stubs that
        send a former address on (plugins/redirects, test_redirects.py)."""
        return sorted(
            path
            for path in self.root.rglob("*.html")
            if path.relative_to(self.root).parts[0] != "admin"
            and b'http-equiv="refresh"' not in path.read_bytes()[:400]
        )

    def url_of(self, file: Path) -> str:
        relative = file.relative_to(self.root).as_posix()
        return "/" + relative.removesuffix("index.html")


def languages(settings: dict) -> dict[str, tuple[str, str]]:
    """A site's languages from its settings: code -> (lang tag, direction),
    the direction from Babel's CLDR data unless the settings give it."""
    from babel import Locale

    return {
        entry["code"]: (
            entry.get("tag", entry["code"]),
            entry.get("direction")
            or Locale.parse(entry.get("locale", entry["code"])).text_direction,
        )
        for entry in settings["LANGUAGES"]
    }


def listed_sections(settings: dict) -> dict[str, dict]:
    """Sections with a listing page (every kind but "pages")."""
    return {
        key: section
        for key, section in settings["SECTIONS"].items()
        if section.get("kind", key) != "pages"
    }


def section_url(section: dict, key: str, code: str) -> str:
    """A section's URL segment in a language (default: its folder name)."""
    return section.get("url", {}).get(code, key)


# --- The party's own site (site checks) ----------------------------------------


@pytest.fixture(scope="session")
def party_site(tmp_path_factory) -> Site:
    """content/ built with pelicanconf.py: the party's own site."""
    output = tmp_path_factory.mktemp("party") / "output"
    build_site(output, "pelicanconf.py", ROOT)
    return Site(output)


@pytest.fixture(scope="session")
def party_production(tmp_path_factory) -> Site:
    """The party's site built with publishconf.py (absolute addresses, social
    cards, .gz/.br copies), once per session."""
    output = tmp_path_factory.mktemp("party-production") / "output"
    build_site(output, "publishconf.py", ROOT)
    return Site(output)


@pytest.fixture(scope="session")
def settings() -> dict:
    """The party's settings (pelicanconf.py) as a build sees them (with the
    kit's defaults)."""
    from multilingual import kit_settings

    return kit_settings(str(ROOT / "pelicanconf.py"))


@pytest.fixture(scope="session")
def production_settings() -> dict:
    """The party's production settings (publishconf.py)."""
    from multilingual import kit_settings

    return kit_settings(str(ROOT / "publishconf.py"))


# --- The kit's shared fixture site (behaviour tests) ------------------------------


@pytest.fixture(scope="session")
def kit_project(tmp_path_factory) -> Path:
    """tests/sites/cedar as a project: its content, its settings, the kit's
    code. Builds write their cache/ there, not in the repository."""
    return fixture_site(tmp_path_factory.mktemp("kit") / "project", KIT_SITE)


@pytest.fixture(scope="session")
def kit(kit_project: Path) -> Site:
    output = kit_project / "output"
    build_site(output, "pelicanconf.py", kit_project)
    return Site(output)


@pytest.fixture(scope="session")
def kit_production(kit_project: Path) -> Site:
    output = kit_project / "output-production"
    build_site(output, "publishconf.py", kit_project)
    return Site(output)


@pytest.fixture(scope="session")
def fixture_settings(kit_project: Path) -> dict:
    """The fixture site's settings as a build sees them."""
    from multilingual import kit_settings

    return kit_settings(str(kit_project / "pelicanconf.py"))


PARTY_FIXTURES = {
    "party_site",
    "party_production",
    "settings",
    "production_settings",
    "party_server",
    "party_served_with_headers",
}


def pytest_collection_modifyitems(config, items):
    """A test that reads the party's own site or settings is a site check: it
    must say so (marked `site`), so that it is kept generic; a kit test reads
    a fixture site instead."""
    wrong = [
        item.nodeid
        for item in items
        if PARTY_FIXTURES & set(getattr(item, "fixturenames", ()))
        and not item.get_closest_marker("site")
    ]
    if wrong:
        raise pytest.UsageError(
            "these tests read the party's own site or settings without the site "
            "marker: mark them @pytest.mark.site (and keep them generic) or use "
            "the fixture site (kit, kit_production, fixture_settings): "
            + ", ".join(wrong)
        )


def pytest_sessionfinish(session, exitstatus):
    """A selection with no test (`-m site` on a folder without site checks)
    is not a failure: pytest never ends with code 5."""
    if exitstatus == pytest.ExitCode.NO_TESTS_COLLECTED:
        session.exitstatus = pytest.ExitCode.OK


NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
BROTLI = Path("/usr/lib/nginx/modules/ngx_http_brotli_static_module.so")


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def site_config(root: Path, port: int) -> str:
    """deploy/nginx.conf with a local port instead of TLS, and our root."""
    text = (ROOT / "deploy/nginx.conf").read_text("utf-8")
    steps = [
        (
            r"    listen 443 ssl;\n    listen \[::\]:443 ssl;\n    http2 on;\n",
            f"    listen 127.0.0.1:{port};\n",
        ),
        (r"\n    root [^;]+;", f"\n    root {root};"),
        # The redirecting server on port 80 is not needed here.
        (r"\nserver \{\n    listen 80;.*?\n\}\n", "\n"),
    ]
    for pattern, replacement in steps:
        text, count = re.subn(pattern, lambda _m, r=replacement: r, text, flags=re.S)
        assert count == 1, f"deploy/nginx.conf changed: {pattern}"
    return text


def start_nginx(root: Path, work: Path):
    """Debian's nginx serving `root` with deploy/nginx.conf on a free local
    port: (base URL, stop). Skips (fails under CI) without nginx."""
    if not os.path.exists(NGINX):
        missing_tool("nginx is not installed: apt-get install -y nginx")
    if not BROTLI.exists():
        missing_tool(
            "nginx's brotli module is missing: "
            "apt-get install -y libnginx-mod-http-brotli-static"
        )
    port = _free_port()
    temp = "\n".join(
        f"  {name}_temp_path {work}/{name};"
        for name in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
    )
    user = "user root;\n" if os.geteuid() == 0 else ""  # pytest's folders are 700
    (work / "nginx.conf").write_text(
        f"{user}load_module {BROTLI};\ndaemon off;\npid {work}/nginx.pid;\n"
        f"error_log {work}/error.log;\nevents {{}}\nhttp {{\n"
        "  include /etc/nginx/mime.types;\n"
        "  default_type application/octet-stream;\n  access_log off;\n"
        f"{temp}\n{site_config(root, port)}\n}}\n",
        "utf-8",
    )
    process = subprocess.Popen(
        [NGINX, "-c", str(work / "nginx.conf"), "-e", str(work / "error.log")],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    base = f"http://127.0.0.1:{port}"
    for _ in range(100):
        try:
            urllib.request.urlopen(base + "/", timeout=1)
            break
        except (urllib.error.URLError, ConnectionError):
            if process.poll() is not None:
                pytest.fail(process.stderr.read().decode())
            time.sleep(0.1)

    def stop() -> None:
        process.terminate()
        process.wait(timeout=10)

    return base, stop


# --- Browser and checker tools (shared by the browser tests) -------------------


def missing_tool(reason: str):
    """Locally a missing tool skips with its reason; under CI=true it fails."""
    if os.environ.get("CI") == "true":
        pytest.fail(f"must run in CI: {reason}")
    pytest.skip(reason)


def _browser_or_skip():
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        missing_tool("the playwright package is not installed")
    if not (os.path.exists(CHROMIUM) or shutil.which("chromium")):
        missing_tool(
            f"Debian's chromium is not installed at {CHROMIUM}: "
            "apt-get install -y chromium"
        )
    return sync_playwright


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


def _serve(site: Site):
    """A built site over HTTP on a free loopback port."""
    handler = functools.partial(_QuietHandler, directory=str(site.root))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


def _serve_with_headers(site: Site, work: Path):
    """A built site as the production host serves it: nginx with
    deploy/nginx.conf (the Content-Security-Policy among its headers). Without
    nginx, locally: tools/static_server with the _headers file."""
    if os.path.exists(NGINX) or os.environ.get("CI") == "true":
        base, stop = start_nginx(site.root, work)
        yield base
        stop()
        return
    httpd, base = start_server(site.root)
    yield base
    httpd.shutdown()


@pytest.fixture(scope="session")
def party_server(party_site: Site):
    yield from _serve(party_site)


@pytest.fixture(scope="session")
def party_served_with_headers(party_site: Site, tmp_path_factory):
    yield from _serve_with_headers(party_site, tmp_path_factory.mktemp("nginx"))


@pytest.fixture(scope="session")
def kit_server(kit: Site):
    yield from _serve(kit)


@pytest.fixture(scope="session")
def kit_served_with_headers(kit: Site, tmp_path_factory):
    yield from _serve_with_headers(kit, tmp_path_factory.mktemp("nginx"))


@pytest.fixture(scope="session")
def browser():
    sync_playwright = _browser_or_skip()
    with sync_playwright() as p:
        instance = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        yield instance
        instance.close()


# A strict Content-Security-Policy: the site's own scripts, nothing inline.
STRICT_CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; "
    "img-src 'self' data:; font-src 'self'; "
    "frame-src https://www.youtube-nocookie.com https://player.vimeo.com"
)
_RECORD_VIOLATIONS = """window.__violations = [];
document.addEventListener('securitypolicyviolation', e =>
  window.__violations.push(e.violatedDirective + ' ' + e.blockedURI));"""


def serve_with_csp(context, server: str, policy: str = STRICT_CSP) -> None:
    """Pages from the test server come with the policy as a header; each page
    records what the browser refused in window.__violations."""

    def add_header(route) -> None:
        response = route.fetch()
        headers = {**response.headers, "content-security-policy": policy}
        route.fulfill(response=response, headers=headers)

    context.add_init_script(_RECORD_VIOLATIONS)
    context.route(
        lambda url: url.startswith(server) and ("." not in url.rsplit("/", 1)[-1]),
        add_header,
    )


def plain_name(url: str) -> str:
    """An asset's address without its content hash: /theme/video.821ecb6d.js
    -> /theme/video.js (theme assets are fingerprinted for long caching)."""
    return re.sub(r"\.[0-9a-f]{8}(\.\w+)$", r"\1", url)
