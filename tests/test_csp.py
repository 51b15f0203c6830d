"""The site works under a strict Content-Security-Policy: no inline script,
no event handler, no inline style, nothing from another host. Checked in the
HTML of every page, then in Chromium served with that policy."""

from __future__ import annotations

import re

import pytest
from conftest import Site

pytestmark = pytest.mark.site
# Scripts that are data, not code: a strict policy does not run them anyway.
DATA_SCRIPTS = {"application/ld+json", "application/json"}


def test_no_page_needs_inline_code_or_styles(party_site: Site):
    for file in party_site.html_files():
        page = party_site.page(party_site.url_of(file))
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


@pytest.mark.browser
def test_every_page_loads_under_the_policy_without_a_violation(
    party_site: Site, party_served_with_headers: str, browser, settings
):
    # The policy the site's _headers and deploy/nginx.conf send.
    policy = "; ".join(
        f"{name} {value}" for name, value in settings["CONTENT_SECURITY_POLICY"].items()
    )
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
    for file in party_site.html_files():
        response = page.goto(
            party_served_with_headers + party_site.url_of(file), wait_until="load"
        )
        assert response.headers["content-security-policy"] == policy
    page.close()
    assert violations == []
