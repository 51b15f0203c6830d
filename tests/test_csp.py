"""The site works under a strict Content-Security-Policy: no inline script,
no event handler, no inline style, nothing from another host. Checked in the
HTML of every page, then in Chromium served with that policy."""

from __future__ import annotations

import functools
import http.server
import re
import threading

import pytest
from conftest import Site

# Scripts that are data, not code: a strict policy does not run them anyway.
DATA_SCRIPTS = {"application/ld+json", "application/json"}


def test_no_page_needs_inline_code_or_styles(demo: Site):
    for file in demo.html_files():
        page = demo.page(demo.url_of(file))
        for script in page.xpath("//script"):
            assert script.get("src") or script.get("type") in DATA_SCRIPTS, file
        assert not page.xpath("//style | //*[@style]"), file
        handlers = [
            name
            for node in page.iter()
            for name in node.attrib
            if name.startswith("on")
        ]
        assert not handlers, (file, handlers)
        assert not [
            url
            for url in page.xpath("//@href | //@src")
            if re.match(r"\s*javascript:", url, re.I)
        ], file


@pytest.fixture(scope="module")
def strict_server(demo: Site, settings):
    # The policy the site's _headers and deploy/nginx.conf send.
    policy = "; ".join(
        f"{name} {value}" for name, value in settings["CONTENT_SECURITY_POLICY"].items()
    )

    class Handler(http.server.SimpleHTTPRequestHandler):
        def end_headers(self) -> None:
            self.send_header("Content-Security-Policy", policy)
            super().end_headers()

        def log_message(self, *args) -> None:
            pass

    handler = functools.partial(Handler, directory=str(demo.root))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


@pytest.mark.browser
def test_every_page_loads_under_the_policy_without_a_violation(
    demo: Site, strict_server: str, browser
):
    violations: list[str] = []
    page = browser.new_page()
    page.on(
        "console",
        lambda message: (
            violations.append(f"{page.url}: {message.text}")
            if "Content Security Policy" in message.text
            else None
        ),
    )
    for file in demo.html_files():
        page.goto(strict_server + demo.url_of(file), wait_until="load")
    page.close()
    assert violations == []
