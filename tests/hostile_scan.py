"""Reads every file of a built site the way a browser, a feed reader or a
calendar application would, and lists what would run or leak: event handler
attributes, script addresses, content-made script or style, iframes off the
host list, raw '<' in JSON-LD, broken XML or calendars, control characters,
and the text of a file that only a symbolic link could have brought in."""

from __future__ import annotations

import gzip
import json
import re
from pathlib import Path

import ada_url
from icalendar import Calendar
from lxml import etree
from lxml import html as lxml_html

URL_ATTRIBUTES = {
    "href",
    "src",
    "action",
    "formaction",
    "data",
    "poster",
    "background",
    "cite",
    "xlink:href",
    "{http://www.w3.org/1999/xlink}href",
    "srcset",
}
RASTER = re.compile(r"data:image/(png|jpeg|gif|webp)[;,]", re.I)
# Elements no page of ours has, whatever the content.
FORBIDDEN = {"object", "embed", "base", "math", "frame", "frameset"}
# The theme draws its icons as inline SVG: shapes only, no text, no link out.
# Content never brings an <svg> (the sanitizer removes it).
SVG_SHAPES = {"svg", "path", "g", "circle", "rect", "line", "polyline", "polygon"}
CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
# A control character written as a JSON escape (tab, line feed, CR allowed).
JSON_CONTROL = re.compile(r"\\u00(0[0-8bcef]|1[0-9a-fA-F]|7[fF]|[89][0-9a-fA-F])")
ATOM = "{http://www.w3.org/2005/Atom}"
CONTENT_ENCODED = "{http://purl.org/rss/1.0/modules/content/}encoded"


def scheme(value: str) -> str:
    try:
        return ada_url.URL(value.strip()).protocol.rstrip(":").lower()
    except ValueError:
        return ""


class Scanner:
    def __init__(self, video_hosts: set[str], secret: str = ""):
        self.video_hosts = video_hosts
        self.secret = secret
        self.found: list[str] = []

    def leak(self, where: str, what: str) -> None:
        self.found.append(f"{where}: {what}")

    # --- HTML ---------------------------------------------------------------

    def html_fragment(self, where: str, text: str) -> None:
        """HTML as a feed reader or a page shows it."""
        if not text or not text.strip():
            return
        root = lxml_html.fragment_fromstring(text, create_parent="div")
        self.html_tree(where, root, fragment=True)

    def html_tree(self, where: str, root, fragment: bool = False) -> None:
        for element in root.iter():
            if not isinstance(element.tag, str):
                continue
            tag = element.tag.lower()
            for name, value in element.attrib.items():
                lowered = name.lower()
                if lowered.startswith("on"):
                    self.leak(where, f"<{tag} {name}=...> event handler")
                if lowered in URL_ATTRIBUTES:
                    urls = (
                        [c.split()[0] for c in value.split(",") if c.strip()]
                        if lowered == "srcset"
                        else [value]
                    )
                    for url in urls:
                        found = scheme(url)
                        if found in ("javascript", "vbscript"):
                            self.leak(where, f"<{tag} {name}> {found}: address")
                        elif found == "data" and not (
                            tag in ("img", "source") and RASTER.match(url.strip())
                        ):
                            self.leak(where, f"<{tag} {name}> data: address")
                if lowered == "style" and fragment:
                    self.leak(where, f"<{tag} style> from content")
            if tag == "script":
                kind = (element.get("type") or "").lower()
                if fragment:
                    self.leak(where, "<script> in content")
                elif kind in ("application/ld+json", "application/json"):
                    self.json_ld(where, element.text or "")  # data, not code
                elif (element.text or "").strip():
                    self.leak(where, "inline <script>")
            elif tag == "style" and (fragment or (element.text or "").strip()):
                self.leak(where, "<style> with text")
            elif tag == "iframe":
                src = element.get("src") or ""
                try:
                    url = ada_url.URL(src)
                    ok = (
                        url.protocol == "https:"
                        and url.hostname in self.video_hosts
                        and not url.username
                        and not url.port
                    )
                except ValueError:
                    ok = False
                if not ok:
                    self.leak(where, f"<iframe src={src!r}> off the host list")
            elif tag == "meta" and (element.get("http-equiv") or "").lower() == (
                "refresh"
            ):
                # The redirects plugin's pages send a former address on; never
                # from content, never to code.
                target = (element.get("content") or "").partition("=")[2]
                if fragment or scheme(target) not in ("", "http", "https"):
                    self.leak(where, f"<meta http-equiv=refresh> to {target!r}")
            elif tag in FORBIDDEN:
                self.leak(where, f"<{tag}>")
            elif tag == "svg":
                self.svg(where, element, fragment)
            elif (
                tag == "a"
                and "video-link" in (element.get("class") or "")
                and element.get("data-embed") is not None
            ):
                self.leak(where, "video preview carrying an address")

    def svg(self, where: str, element, fragment: bool) -> None:
        if fragment:
            self.leak(where, "<svg> in content")
            return
        names = {
            str(e.tag).rsplit("}", 1)[-1].lower()
            for e in element.iter()
            if isinstance(e.tag, str)
        }
        if names - SVG_SHAPES or element.text_content().strip():
            self.leak(where, f"<svg> with {sorted(names - SVG_SHAPES) or 'text'}")

    def json_ld(self, where: str, text: str) -> None:
        if "<" in text:
            self.leak(where, "raw '<' inside JSON-LD")
        try:
            json.loads(text)
        except ValueError:
            self.leak(where, "JSON-LD that does not parse")

    # --- Files ----------------------------------------------------------------

    def scan_file(self, path: Path, where: str) -> None:
        data = path.read_bytes()
        if self.secret and self.secret.encode() in data:
            self.leak(where, "text of a file outside content/")
        suffix = path.suffix.lower()
        if suffix in (".html", ".xml", ".atom", ".rss", ".ics", ".json", ".txt", ""):
            try:
                text = data.decode("utf-8")
            except UnicodeDecodeError:
                if suffix != "":
                    self.leak(where, "not UTF-8")
                return
            if CONTROL.search(text):
                self.leak(where, "control character")
        if suffix == ".html":
            self.html_tree(where, lxml_html.document_fromstring(data))
        elif suffix in (".xml", ".atom", ".rss"):
            self.xml(where, data)
        elif suffix == ".ics":
            self.ics(where, data)
        elif path.name == "_headers":
            self.headers(where, data.decode("utf-8", "replace"))
        elif path.name.endswith(".pf_fragment") or path.name.endswith(".pf_meta"):
            self.pagefind(where, data)

    def xml(self, where: str, data: bytes) -> None:
        try:
            root = etree.fromstring(data)
        except etree.XMLSyntaxError as error:
            self.leak(where, f"XML does not parse: {error}")
            return
        # RSS: <description> and <content:encoded> are read as HTML.
        for element in root.iter("description", CONTENT_ENCODED):
            self.html_fragment(
                f"{where} <{etree.QName(element).localname}>", element.text or ""
            )
        # Atom: type="html" text is HTML; other text is text.
        for element in root.iter(f"{ATOM}content", f"{ATOM}summary", f"{ATOM}title"):
            if element.get("type") in ("html", "xhtml"):
                self.html_fragment(
                    f"{where} <{etree.QName(element).localname}>", element.text or ""
                )
        for element in root.iter():
            for name in ("href", "src", "url"):
                value = element.get(name)
                if value and scheme(value) not in ("http", "https", ""):
                    self.leak(where, f"{scheme(value)}: address in XML")
        for loc in root.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc"):
            if scheme(loc.text or "") not in ("http", "https"):
                self.leak(where, f"sitemap address {loc.text!r}")

    def ics(self, where: str, data: bytes) -> None:
        text = data.decode("utf-8")
        unfolded = re.sub(r"\r\n[ \t]", "", text)
        for line in unfolded.split("\r\n"):
            if line and not re.match(r"^[A-Za-z0-9-]+(;[^:]*)?:", line):
                self.leak(where, f"calendar line broken by a raw line break: {line!r}")
        if re.search(r"(?<!\r)\n", text):
            self.leak(where, "bare line feed in calendar")
        try:
            Calendar.from_ical(data)
        except ValueError as error:
            self.leak(where, f"calendar does not parse: {error}")

    def headers(self, where: str, text: str) -> None:
        for line in text.splitlines():
            if line and not (
                line.startswith(("/", "#"))
                or re.match(r"^\s+[A-Za-z-]+: \S", line)
                or re.match(r"^\s+! [A-Za-z-]+$", line)  # a path drops a header
            ):
                self.leak(where, f"unexpected _headers line {line!r}")

    def pagefind(self, where: str, data: bytes) -> None:
        """Pagefind's files are gzip: a signature, then JSON. They hold the
        pages' text as text (a '<' written in a title is a '<' there), which
        the search page puts in as text (search.js; test_hostile checks it
        never assigns HTML): only a secret or a control character is a leak."""
        try:
            raw = gzip.decompress(data)
        except OSError:
            return
        if self.secret and self.secret.encode() in raw:
            self.leak(where, "text of a file outside content/")
        start = raw.find(b"{")
        if not where.endswith(".pf_fragment") or start == -1:
            return  # the other files are binary
        text = raw[start:].decode("utf-8", "replace")
        try:
            json.loads(text)
        except ValueError:
            self.leak(where, "search index fragment that does not parse")
        if CONTROL.search(text) or JSON_CONTROL.search(text):
            self.leak(where, "control character in the search index")

    def scan(self, root: Path) -> list[str]:
        for path in sorted(root.rglob("*")):
            if path.is_file() and not path.name.endswith((".gz", ".br")):
                self.scan_file(path, path.relative_to(root).as_posix())
        return self.found


def scan(root: Path, video_hosts: set[str], secret: str = "") -> list[str]:
    return Scanner(video_hosts, secret).scan(root)
