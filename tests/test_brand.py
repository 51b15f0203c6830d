"""BRAND in pelicanconf.py sets the site's look (colours, fonts per script, a
motif, the logo): a party changes it and sees its colours in the browser; a
wrong or hostile value is one plain line and the kit's default, never a
broken or injected stylesheet."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import Site, build_log, fixture_site
from lxml import html as lxml_html

from multilingual.brand import contrast, css_string
from tools.static_server import start as start_server

BRAND = """
BRAND = {
    "logo": "images/logo.svg",
    "colors": {
        "primary": "#6a1b4d",
        "primary-dark": "#4a0f35",
        "accent": "#38b000",
        "ink": "red;} body{display:none",
        "muted": "#b8b8b8",
        "bad name}": "#000000",
    },
    "fonts": {
        "Arab": {"family": ['Evil"}html{color:red', "Naskh"], "size": 9},
        "Latn": {"line_height": 1.7},
    },
    "faces": [{"family": "Party", "file": "../../etc/passwd"}],
    "motif": "images/stripes.svg",
    "colours": {"primary": "#000000"},
}
"""
STRIPES = (
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 8 8">'
    '<path d="M0 8L8 0v3L3 8z"/></svg>'
)


@pytest.fixture(scope="module")
def branded(tmp_path_factory) -> tuple[Site, str]:
    project = fixture_site(tmp_path_factory.mktemp("brand") / "project")
    with open(project / "pelicanconf.py", "a", encoding="utf-8") as settings:
        settings.write(BRAND)
    (project / "content/images/stripes.svg").write_text(STRIPES, "utf-8")
    output = project / "output"
    log = build_log(output, "pelicanconf.py", project)
    return Site(output), log


def _stylesheet(site: Site) -> str:
    return (site.root / "theme/site.css").read_text("utf-8")


def test_the_party_s_colours_and_motif_are_in_the_stylesheet(branded):
    site, _log = branded
    css = _stylesheet(site)
    root = css.split("}", 1)[0]
    assert "--primary:#6a1b4d" in root and "--accent:#38b000" in root
    assert "--ink:#1d2b33" in root  # the wrong value fell back to the kit's
    assert "data:image/svg+xml,%3Csvg" in root and "M0 8L8 0v3L3 8z" in root
    # Nothing of the hostile values closes a rule or a string.
    assert "body{display:none" not in css and "red;" not in css
    assert "bad name" not in css and "passwd" not in css
    assert re.search(r'html:lang\(ar-MA\)\{font-family:"Evil\\22 \\7d html\\7b ', css)
    # No style in any page: the look comes from the stylesheet alone.
    for path in site.html_files():
        page = lxml_html.fromstring(path.read_bytes())
        assert not page.xpath("//style | //*[@style]"), path


def test_each_wrong_value_is_one_line_naming_the_setting(branded):
    _site, log = branded
    expected = [
        r"pelicanconf\.py: BRAND\['colors'\]\['ink'\] = 'red;\} body\{display:none' "
        r"is not a colour; write it as #rrggbb",
        r"pelicanconf\.py: BRAND\['colors'\] has a colour named 'bad name\}'",
        r"pelicanconf\.py: BRAND\['fonts'\]\['Arab'\]\['size'\] = 9: write a number "
        r"between 0\.6 and 2\.0",
        r"pelicanconf\.py: BRAND\['faces'\]\[0\]: '\.\./\.\./etc/passwd' is not a file",
        r"pelicanconf\.py: BRAND has no setting 'colours'; it has 'logo', 'colors'",
        # Accepted, but the party is told its dates and captions are hard to read.
        r"pelicanconf\.py: BRAND\['colors'\]: dates and captions \('muted'\) on the "
        r"page \('paper'\) has a contrast of 1\.\d:1",
    ]
    for line in expected:
        assert re.search(line, log), line
    assert "Traceback" not in log
    assert "6 warnings" in log, log[-300:]


def test_a_visitor_sees_the_party_s_colours(branded, browser):
    """In the browser: the header in the party's colour, the motif drawn in
    its accent under it, the Arabic page in the brand's Arabic family."""
    site, _log = branded
    httpd, base = start_server(site.root)
    page = browser.new_page(viewport={"width": 390, "height": 844})
    try:
        page.goto(base + "/ar/")
        header = page.eval_on_selector(
            ".masthead",
            "e => [getComputedStyle(e).backgroundColor,"
            " getComputedStyle(e).backgroundImage]",
        )
        assert header[0] == "rgb(106, 27, 77)" and "rgb(74, 15, 53)" in header[1]
        band = page.eval_on_selector(
            ".masthead",
            "e => { const s = getComputedStyle(e, '::after');"
            " return [s.backgroundColor, s.maskImage, s.height]; }",
        )
        assert band[0] == "rgb(56, 176, 0)" and band[1].startswith('url("data:')
        assert float(band[2].removesuffix("px")) >= 10
        family = page.eval_on_selector("body", "e => getComputedStyle(e).fontFamily")
        assert family.startswith('"Evil\\"}html{color:red", Naskh')
    finally:
        page.close()
        httpd.shutdown()


def test_without_a_motif_the_rules_are_plain(tmp_path: Path):
    from multilingual.brand import brand_css, brand_settings

    brand = brand_settings({"BRAND": {"motif": None}, "PATH": str(tmp_path)})
    css = brand_css(brand, [], {"PATH": str(tmp_path)})
    assert "--motif:none" in css and "--motif-size:0.25rem" in css


def test_css_strings_and_contrast():
    assert css_string('a"b\\c') == '"a\\22 b\\5c c"'
    assert css_string("Noto Naskh") == '"Noto Naskh"'
    assert round(contrast("#ffffff", "#000000")) == 21
    assert round(contrast("#1f6f50", "#ffffff"), 1) == 6.1


def test_settings_written_before_brand_keep_their_logo_and_colours(tmp_path: Path):
    from multilingual.brand import brand_settings

    brand = brand_settings(
        {
            "PATH": str(tmp_path),
            "PARTY": {"logo": "images/old.svg", "colors": {"primary": "#0b5c7a"}},
        }
    )
    assert brand["logo"] == "images/old.svg"
    assert brand["colors"]["primary"] == "#0b5c7a"
    assert brand["colors"]["accent"] == "#e9c46a"  # the kit's, where silent
