"""The production build served by Debian's nginx with deploy/nginx.conf, as a
visitor's browser or a feed reader gets it: content types (feeds, calendars),
the .br/.gz copies by Accept-Encoding, cache and security headers, and a
"page not found" in the visitor's language."""

from __future__ import annotations

import gzip
import os
import re
import shutil
import socket
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path

import brotli
import pytest
from conftest import ROOT, Site, missing_tool

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


@pytest.fixture(scope="module")
def nginx(production: Site, tmp_path_factory):
    if not os.path.exists(NGINX):
        missing_tool("nginx is not installed: apt-get install -y nginx")
    if not BROTLI.exists():
        missing_tool(
            "nginx's brotli module is missing: "
            "apt-get install -y libnginx-mod-http-brotli-static"
        )
    work = tmp_path_factory.mktemp("nginx")
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
        f"{temp}\n{site_config(production.root, port)}\n}}\n",
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
    yield base
    process.terminate()
    process.wait(timeout=10)


def get(url: str, encoding: str | None = None):
    """(status, headers, body) without the client undoing any compression."""
    request = urllib.request.Request(url)
    if encoding:
        request.add_header("Accept-Encoding", encoding)
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


def test_content_types_of_pages_feeds_calendars_and_images(nginx: str):
    expected = {
        "/fr/": "text/html",
        "/fr/feed.atom": "application/atom+xml",
        "/fr/feed.rss": "application/rss+xml",
        "/fr/calendar.ics": "text/calendar",
        "/fr/agenda/agadir-public-meeting/event.ics": "text/calendar",
        "/sitemap.xml": "text/xml",
        "/robots.txt": "text/plain",
        "/images/feed-icon.png": "image/png",
    }
    for url, media_type in expected.items():
        status, headers, _ = get(nginx + url)
        assert status == 200, url
        assert headers.get_content_type() == media_type, url


def test_compressed_copies_by_accept_encoding(nginx: str, production: Site):
    for url in ("/fr/", "/fr/feed.atom", "/fr/calendar.ics"):
        original = production.path(url).read_bytes()
        status, headers, body = get(nginx + url, "br")
        assert status == 200 and headers["Content-Encoding"] == "br", url
        assert brotli.decompress(body) == original, url
        _, headers, body = get(nginx + url, "gzip")
        assert headers["Content-Encoding"] == "gzip", url
        assert gzip.decompress(body) == original, url
        _, headers, body = get(nginx + url)
        assert headers["Content-Encoding"] is None and body == original, url
        assert "Accept-Encoding" in (headers["Vary"] or ""), url


def test_cache_and_security_headers(nginx: str, production: Site):
    page = production.page("/fr/")
    (css,) = page.xpath("//link[@rel='stylesheet']/@href")
    css = css.removeprefix("https://www.parti-du-cedre.example")
    for url, cache in (
        ("/fr/", "no-cache"),
        (css, "public, max-age=31536000, immutable"),
        ("/fr/calendar.ics", "public, max-age=900"),
        ("/fr/feed.atom", "public, max-age=900"),
    ):
        _, headers, _ = get(nginx + url)
        assert headers["Cache-Control"] == cache, url
        assert "script-src 'self'" in headers["Content-Security-Policy"], url
        assert headers["X-Content-Type-Options"] == "nosniff", url


def test_page_not_found_in_the_visitors_language(nginx: str):
    for prefix, tag in (("/ar/", "ar-MA"), ("/fr/", "fr-MA"), ("/zgh/", "zgh")):
        status, headers, body = get(nginx + prefix + "no-such-page/")
        assert status == 404, prefix
        assert f'<html lang="{tag}"'.encode() in body, prefix
        assert headers["Content-Security-Policy"], prefix
    status, _, body = get(nginx + "/no-such-page/")
    assert status == 404 and b"noindex" in body
