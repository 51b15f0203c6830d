"""Hostile content stays harmless: a small site full of attacks (OWASP's XSS
filter evasion vectors, Markdown's own, URL parser confusion, YAML and
parser bombs, symbolic links, control characters) is built once; every file
it writes is read as a browser, a feed reader or a calendar would, and
nothing may run or leak. What cannot be made harmless stops with one line
naming the file."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import KIT_CONTENT, copy_project
from hostile_scan import scan
from test_frontmatter import TOPICS

from tools.static_server import start as start_server

HOSTS = {"www.youtube-nocookie.com", "player.vimeo.com"}
SECRET = "TOPSECRET-7f3a"  # the text of files outside content/

REGION = '---\ntitle: "Oriental"\nsummary: "s"\norder: 1\nseat: Oujda\n---\n\nx\n'
NEWS = '---\ntitle: "{title}"\ndate: 2026-03-01\nsummary: "{summary}"\n---\n\n{body}\n'

# Bodies that must build, their payload inert in every output: name -> Markdown.
INERT = {
    # Markdown's own ways to write an address or an attribute.
    "md-link-javascript": "[x](javascript:alert('XSS1'))",
    "md-link-mixed-case": "[x](JaVaScRiPt:alert(2))",
    "md-link-entity-tab": "[x](java&#x09;script:alert(3))",
    "md-link-vbscript": "[x](vbscript:msgbox(4))",
    "md-image-data-html": "![x](data:text/html;base64,"
    "PHNjcmlwdD5hbGVydCg1KTwvc2NyaXB0Pg==)",
    "md-link-data": "[x](data:text/html,<script>alert(6)</script>)",
    "md-attr-list-paragraph": 'Para\n{: onclick="alert(7)" style="color:red" }',
    "md-attr-list-heading": "## Title {: onmouseover=alert(8) }",
    "md-attr-list-class": 'Watch\n{: .video-link data-embed="javascript:alert(9)" }',
    "md-autolink": "<javascript:alert(10)>",
    "md-reference-link": "[x][r]\n\n[r]: javascript:alert(11)",
    "md-link-title-quote": '[x](https://a.example "t\\" onmouseover=\\"alert(12)")',
    "md-image-alt-quote": '![a" onerror="alert(13)](https://a.example/x.jpg)',
    # OWASP XSS filter evasion cheat sheet vectors, as raw HTML.
    "img-onerror": "<img src=x onerror=alert(14)>",
    "img-javascript": "<IMG SRC=\"javascript:alert('XSS15');\">",
    "img-no-quotes": "<IMG SRC=javascript:alert(&quot;XSS16&quot;)>",
    "img-decimal-entities": "<IMG SRC=&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;"
    "&#112;&#116;&#58;&#97;&#108;&#101;&#114;&#116;&#40;&#49;&#55;&#41;>",
    "a-embedded-newline": '<a href="jav&#x0A;ascript:alert(18)">x</a>',
    "a-hex-entity": '<a href="&#x6A;avascript:alert(19)">x</a>',
    "img-leading-control": "<IMG SRC=\" &#14;  javascript:alert('XSS20');\">",
    "svg-onload": "<svg/onload=alert(21)>",
    "body-onload": "<BODY ONLOAD=alert(22)>",
    "script-src": "<SCRIPT SRC=http://xss.example/xss.js></SCRIPT>",
    "script-nested": '<<SCRIPT>alert("XSS24");//\\<</SCRIPT>',
    "img-quotes-script": '<IMG """><SCRIPT>alert("XSS25")</SCRIPT>">',
    "iframe-javascript": '<iframe src="javascript:alert(26)"></iframe>',
    "style-element": "<STYLE>@import'http://xss.example/xss.css';</STYLE>",
    "style-attribute": "<DIV STYLE=\"width: expression(alert('XSS28'));\">x</DIV>",
    "meta-refresh": '<META HTTP-EQUIV="refresh" CONTENT="0;url=javascript:alert(29);">',
    "object-data": '<object data="javascript:alert(30)"></object>',
    "embed-src": '<embed src="data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=">',
    "math-xlink": '<math><mi xlink:href="javascript:alert(32)">x</mi></math>',
    "form-action": '<form action="javascript:alert(33)"><button>x</button></form>',
    "base-href": '<base href="javascript:alert(34)//">',
    "details-ontoggle": "<details open ontoggle=alert(35)><summary>s</summary>"
    "</details>",
    "noscript-mxss": '<noscript><p title="</noscript><img src=x onerror=alert(36)>">',
    "comment-script": "<!--<script>alert(37)</script>-->",
    "table-background": "<TABLE BACKGROUND=\"javascript:alert('XSS38')\"></TABLE>",
    "link-stylesheet": '<LINK REL="stylesheet" HREF="javascript:alert(\'XSS39\');">',
    "img-srcset": '<img src="/x.jpg" srcset="javascript:alert(40) 2x" alt="">',
    "a-onmouseover": '<a href="https://ok.example" onmouseover="alert(41)">x</a>',
    "video-onerror": '<video src=x onerror="alert(42)"></video>',
    # The theme's own markup, forged: a video preview with an address.
    "forged-video-preview": '<a class="video-link" data-embed="javascript:alert(43)" '
    'href="https://www.youtube.com/watch?v=Zp0kQ8xW3cE">v</a>',
    # URL parser confusion: Python's urlsplit and browsers disagree.
    "iframe-backslash-userinfo": '<iframe src="https://evil.example\\@'
    'www.youtube-nocookie.com/embed/x"></iframe>',
    "iframe-host-suffix": '<iframe src="https://www.youtube-nocookie.com.evil.example'
    '/embed/x"></iframe>',
    "iframe-port": '<iframe src="https://www.youtube-nocookie.com:8443/x"></iframe>',
    "md-video-backslash": "https://evil.example\\@www.youtube.com/watch?v=Zp0kQ8xW3cE",
}


def front(title: str, summary: str = "s", extra: str = "") -> str:
    return f'---\ntitle: "{title}"\ndate: 2026-03-01\nsummary: "{summary}"\n{extra}---'


def write(content: Path, name: str, text: str | bytes) -> None:
    path = content / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")


def hostile_content(project: Path) -> None:
    content = project / "content"
    keep = content / "images"
    outside = project / "outside"  # next to content/, never to be published
    outside.mkdir()
    (outside / "secret.md").write_text(front("Secret") + f"\n\n{SECRET}\n")
    (outside / "secret.txt").write_text(SECRET)
    (outside / "photo.jpg").write_bytes(
        (keep / "water-drought.jpg").read_bytes() + SECRET.encode()
    )
    for folder in list(content.iterdir()):
        if folder.name != "images":
            shutil.rmtree(folder) if folder.is_dir() else folder.unlink()
    for image in list(keep.rglob("*")):
        if image.is_file() and image.name not in ("logo.svg", "logo.png"):
            image.unlink()
    shutil.copy(KIT_CONTENT / "images/water-drought.jpg", keep / "photo.jpg")
    write(content, "tags.yml", TOPICS)
    write(content, "regions/oriental.fr.md", REGION)
    for number, (name, body) in enumerate(INERT.items()):
        write(content, f"news/{name}.fr.md", front(f"Case {number}") + f"\n\n{body}\n")
    # Front matter shown in feeds, meta tags, JSON-LD and calendars.
    write(
        content,
        "news/summary-markup.fr.md",
        front(
            "</script><script>alert(50)</script><!--",
            '<img src=x onerror=alert(51)> & \\"quotes\\" ]]>',
        )
        + "\n\nx\n",
    )
    write(
        content,
        "events/meeting.fr.md",
        '---\ntitle: "Réunion\\n<b onmouseover=alert(52)>publique</b>"\n'
        "start: 2026-05-02 10:00\nend: 2026-05-02 12:00\n"
        'summary: "Line one\\nLine two; with, commas \\\\ <i>"\n'
        'place: "<img src=x onerror=alert(53)>\\r\\nOujda"\nregion: oriental\n'
        "---\n\nx\n",
    )
    write(
        content,
        "people/amina.fr.md",
        '---\ntitle: "Amina <svg onload=alert(54)>"\nrole: "r\\"><script>x</script>"\n'
        'summary: "s"\norder: 1\n---\n\nx\n',
    )
    # A photo's alt text, caption and credit (shown under the lead image, in
    # the program pages and in search excerpts' neighbourhood).
    write(
        content,
        "news/caption-markup.fr.md",
        front(
            "Caption",
            extra="image: images/photo.jpg\n"
            'image_alt: "a\\" onerror=\\"alert(55)"\n'
            'image_caption: "</figcaption><script>alert(56)</script>"\n'
            'image_credit: "<img src=x onerror=alert(57)> ]]>"\n',
        )
        + "\n\nx\n",
    )
    # Control characters pasted from a word processor, and in YAML escapes.
    write(
        content,
        "news/control-chars.fr.md",
        front("Vertical\vtab", "Form\\ffeed") + "\n\nPage\x0cbreak and\x0bnext.\x85\n",
    )
    write(content, "news/bidi-title.fr.md", front("Prix \u202egnp.exe") + "\n\nx\n")
    # A title of a megabyte builds (it is long, not dangerous).
    write(content, "news/long-title.fr.md", front("Long " * 200_000) + "\n\nx\n")
    # Refused, each with one line naming the file.
    write(
        content,
        "news/yaml-bomb.fr.md",
        '---\ntitle: "Bomb"\ndate: 2026-03-01\nsummary: "s"\n'
        'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n'
        "b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\n"
        "d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]\n"
        "---\n\nx\n",
    )
    write(
        content,
        "news/yaml-nesting.fr.md",
        front("Nesting", extra="a: " + "[" * 50_000 + "]" * 50_000 + "\n") + "\nx\n",
    )
    write(content, "news/div-bomb.fr.md", front("Divs") + "\n\n" + "<div>" * 30_000)
    write(content, "news/brackets.fr.md", front("Brackets") + "\n\n" + "[" * 100_000)
    os.symlink(outside / "secret.md", content / "news/linked.fr.md")
    (content / "files").mkdir()
    os.symlink(outside / "secret.txt", content / "files/statement.pdf")
    os.symlink(outside / "photo.jpg", content / "images/leak.jpg")
    write(
        content,
        "news/linked-image.fr.md",
        front("Linked image", extra="image: images/leak.jpg\n") + "\n\nx\n",
    )
    write(
        content,
        "news/body-linked-image.fr.md",
        front("Body image")
        + "\n\n![photo]({static}/images/leak.jpg)\n\n"
        + "![ok]({static}/images/photo.jpg)\n",
    )
    write(
        content,
        "news/escape-image.fr.md",
        front("Escape") + "\n\n![p](../../outside/photo.jpg)\n",
    )


REFUSED = {
    "news/yaml-bomb.fr.md": "YAML alias",
    "news/yaml-nesting.fr.md": "nests lists more than 64 deep",
    "news/brackets.fr.md": "'[' characters",
    "news/div-bomb.fr.md": "nests HTML elements",
    "news/linked.fr.md": "outside content/",
    "files/statement.pdf": "outside content/",
    "images/leak.jpg": "outside content/",
    "news/linked-image.fr.md": "outside content/",
}


def pelican(project: Path, settings: str, output: Path) -> tuple[int, str]:
    result = subprocess.run(
        [sys.executable, "-m", "pelican", "content", "-s", settings]
        + ["-o", str(output)],
        cwd=project,
        capture_output=True,
        text=True,
        env={**os.environ, "COLUMNS": "1000"},
    )
    return result.returncode, " ".join((result.stdout + result.stderr).split())


@pytest.fixture(scope="module")
def hostile_project(tmp_path_factory) -> Path:
    project = copy_project(tmp_path_factory.mktemp("hostile"))
    hostile_content(project)
    # The search index in parts (site_search): the hostile pages' text
    # reaches the further bundles too, which the scan must read.
    with open(project / "pelicanconf.py", "a", encoding="utf-8") as settings:
        settings.write("\nSEARCH_PAGES_PER_INDEX = 5\n")
    return project


@pytest.fixture(scope="module")
def hostile(hostile_project) -> tuple[Path, str]:
    """The hostile site, built once (development settings)."""
    output = hostile_project / "output"
    code, log = pelican(hostile_project, "pelicanconf.py", output)
    assert code == 0, log
    return output, log


def test_a_production_build_stops_naming_each_refused_file(hostile_project):
    output = hostile_project / "production"
    code, log = pelican(hostile_project, "publishconf.py", output)
    assert code != 0 and "Traceback" not in log
    assert f"{len(REFUSED)} content error(s): nothing was written" in log
    for name in REFUSED:
        assert f"content/{name}" in log
    assert not list(output.rglob("*.html"))


def test_there_are_at_least_30_hostile_inputs():
    assert len(INERT) + len(REFUSED) + 6 >= 30


def test_nothing_in_any_output_runs_or_leaks(hostile):
    output, _log = hostile
    assert scan(output, HOSTS, SECRET) == []


def test_the_scan_read_every_kind_of_output(hostile):
    output, _log = hostile
    names = {p.name for p in output.rglob("*")}
    suffixes = {p.suffix for p in output.rglob("*")}
    assert {".html", ".xml", ".ics", ".atom", ".rss"} <= suffixes or {
        "feed.atom",
        "feed.rss",
    } <= names
    assert "_headers" in names and "sitemap.xml" in names
    assert any(n.endswith(".pf_fragment") for n in names)
    parts = json.loads((output / "pagefind/parts.json").read_text("utf-8"))
    further = [folder for folders in parts.values() for folder in folders]
    assert further and all(
        list((output / "pagefind" / folder).rglob("*.pf_fragment"))
        for folder in further
    ), parts
    assert list(output.rglob("*.ics"))


def test_no_traceback_and_each_refusal_names_its_file(hostile):
    _output, log = hostile
    assert "Traceback" not in log
    for name, words in REFUSED.items():
        assert re.search(
            rf"content/{re.escape(name)}(:\d+)?: [^|]*{re.escape(words)}", log
        ), name


def test_control_characters_are_removed_with_a_warning_naming_the_line(hostile):
    output, log = hostile
    assert "content/news/control-chars.fr.md:7: removed 3 invisible control" in log
    assert "content/news/control-chars.fr.md:2: removed 1 invisible control" in log
    assert "(U+000B vertical tab)" in log
    # Written as a YAML escape ("\\f"): removed from the value.
    assert (
        "content/news/control-chars.fr.md:4: removed invisible control "
        "character(s) from summary"
    ) in log
    page = (output / "fr/actualites/control-chars/index.html").read_text()
    assert "Pagebreak andnext." in page and "Verticaltab" in page


def test_a_direction_control_in_a_title_is_reported(hostile):
    _output, log = hostile
    assert "content/news/bidi-title.fr.md:2: title holds an invisible direction" in log
    assert "U+202E" in log


def test_payloads_stay_visible_as_text(hostile):
    """Inert, not lost: what an editor wrote as text is shown as text."""
    output, _log = hostile
    page = (output / "fr/actualites/summary-markup/index.html").read_text()
    assert "&lt;img src=x onerror=alert(51)&gt;" in page
    rss = (output / "fr/feed.rss").read_text()
    # Escaped twice in RSS: the reader's HTML shows the words.
    assert "&amp;lt;img src=x onerror=alert(51)&amp;gt;" in rss


def test_a_megabyte_title_builds(hostile):
    output, _log = hostile
    page = (output / "fr/actualites/long-title/index.html").read_text()
    assert page.count("Long Long Long") > 1


def test_files_behind_links_out_of_content_are_not_published(hostile):
    output, _log = hostile
    assert not (output / "files/statement.pdf").exists()
    assert not (output / "images/leak.jpg").exists()
    assert not (output / "fr/actualites/linked").exists()
    # Nor resized: a photo's derivatives show the photo.
    assert not list(output.glob("images/sized/leak-*"))
    page = (output / "fr/actualites/escape-image/index.html").read_text()
    assert "images/sized/" not in page.split("<main")[1]  # ../../outside/photo.jpg
    page = (output / "fr/actualites/body-linked-image/index.html").read_text()
    assert "leak-" not in page and "images/sized/photo-" in page


LEAKS = {
    "event handler in a page": (
        "fr/actualites/md-link-javascript/index.html",
        "</main>",
        '<img src="x" onerror="alert(1)"></main>',
    ),
    "javascript: link in a page": (
        "fr/actualites/md-link-javascript/index.html",
        "</main>",
        '<a href=" javascript:alert(1)">x</a></main>',
    ),
    "iframe off the host list": (
        "fr/actualites/md-link-javascript/index.html",
        "</main>",
        '<iframe src="https://evil.example\\@www.youtube-nocookie.com/"></iframe></main>',
    ),
    "inline script": (
        "fr/actualites/md-link-javascript/index.html",
        "</main>",
        "<script>alert(1)</script></main>",
    ),
    "an svg that is not a shape in a page": (
        "fr/actualites/md-link-javascript/index.html",
        "</main>",
        "<svg><foreignObject><p>x</p></foreignObject></svg></main>",
    ),
    "a refresh to code": (
        "fr/actualites/md-link-javascript/index.html",
        "</head>",
        '<meta http-equiv="refresh" content="0; url=javascript:alert(1)"></head>',
    ),
    "an svg in a feed entry": (
        "fr/feed.rss",
        "<description>",
        "<description>&lt;svg&gt;&lt;path d='M0 0'/&gt;&lt;/svg&gt;",
    ),
    "live tag in an RSS description": (
        "fr/feed.rss",
        "<description>",
        "<description>&lt;img src=x onerror=alert(1)&gt;",
    ),
    "raw '<' in JSON-LD": (
        "fr/actualites/md-link-javascript/index.html",
        '"@context"',
        '"x":"</script>","@context"',
    ),
    "line break in a calendar": (
        "fr/agenda/calendar.ics",
        "SUMMARY:",
        "SUMMARY:a\r\nb",
    ),
    "a file read through a link": (
        "fr/actualites/md-link-javascript/index.html",
        "</main>",
        SECRET + "</main>",
    ),
    "control character in a feed": ("fr/feed.atom", "<title>", "<title>\x0b"),
}


@pytest.mark.parametrize("leak", LEAKS)
def test_the_scanner_catches_a_planted_leak(hostile, tmp_path, leak):
    output, _log = hostile
    name, before, after = LEAKS[leak]
    copy = tmp_path / "out"
    target = output / name
    if not target.exists():  # the calendar's address is configuration
        target = next(output.rglob("*.ics")) if name.endswith(".ics") else target
        name = target.relative_to(output).as_posix()
    copy.mkdir()
    planted = copy / name
    planted.parent.mkdir(parents=True)
    text = target.read_text(encoding="utf-8")
    assert before in text, f"{before!r} not in {name}"
    planted.write_text(text.replace(before, after, 1), encoding="utf-8", newline="")
    assert scan(copy, HOSTS, SECRET), f"{leak} was not caught"


@pytest.mark.browser
def test_search_results_show_hostile_text_as_text(hostile, browser):
    """Pagefind keeps the pages' text as text: a summary reading
    '<img src=x onerror=...>' comes back in the excerpt, and the search page
    must show it as words, with only Pagefind's <mark> as markup."""
    output, _log = hostile
    httpd, base = start_server(output)
    try:
        page = browser.new_page()
        dialogs: list[str] = []
        page.on(
            "dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss())
        )
        page.goto(base + "/fr/search/?q=onerror")
        page.wait_for_selector(".search-results li p mark")
        results = page.locator(".search-results")
        assert "<img src=x onerror=alert(51)>" in results.inner_text()
        assert results.locator("img, script, svg").count() == 0
        page.wait_for_timeout(300)
        assert dialogs == []
        page.close()
    finally:
        httpd.shutdown()
