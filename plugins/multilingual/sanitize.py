"""Every HTML fragment made from content goes through one allow-list.

Editors may paste HTML (a table from a word processor, an embed code from a
video site), and Markdown itself can carry links and attributes
(``[x](javascript:...)``, ``{: onclick=... }``). The reader runs the Markdown
output of *every* body through ``Sanitizer.clean``, whatever the body holds;
what our own plugins add afterwards (video previews, ``<picture>``) is added
to clean HTML, so the allow-list never has to let their markup through.

nh3 (the Rust sanitizer ammonia) does the cleaning; this module decides what
is allowed and tells the editor, file and line, what was removed. The policy:

- elements: nh3's default list plus ``iframe``, ``picture``, ``source``,
  ``figure``; ``script``, ``style`` and the like are removed with their text;
- attributes: a fixed list per element; no event handlers (``on*``), no
  ``style``, no ``data-*``; ``class`` only the few Markdown itself writes
  (footnotes), since the theme's scripts act on classes of their own;
- addresses in ``href``, ``src``, ``srcset`` and ``cite``: http, https, mailto,
  tel or relative, read the way a browser reads them (WHATWG URL parsing, so
  ``java&#x09;script:`` is still javascript);
- iframes: ``https`` from a host of the VIDEO_HOSTS setting exactly (no user
  name, no other port), compared after the browser's own parsing, so that
  ``https://evil.example\\@www.youtube-nocookie.com/`` (which a browser loads
  from evil.example) is refused.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html.parser import HTMLParser
from typing import Any

import ada_url
import nh3

TAGS = set(nh3.ALLOWED_TAGS) | {"iframe", "picture", "source", "figure"}
# Image maps link through <area href>, which nh3 does not list for checking.
TAGS -= {"area", "map"}
# Tags whose content is removed with them, not kept as text.
DROPPED_WITH_CONTENT = {"script", "style", "noscript", "template", "object", "embed"}
GENERIC_ATTRIBUTES = {"id", "lang", "dir", "title"}
ATTRIBUTES: dict[str, set[str]] = {
    **{tag: set(names) for tag, names in nh3.ALLOWED_ATTRIBUTES.items()},
    "*": GENERIC_ATTRIBUTES,
    "a": {"href", "hreflang"},
    "img": {"src", "alt", "width", "height", "loading", "decoding", "srcset", "sizes"},
    "source": {"srcset", "sizes", "type", "media", "width", "height"},
    "iframe": {"src", "width", "height", "allow", "allowfullscreen", "loading"},
    "ol": {"start", "reversed"},
    "time": {"datetime"},
    "td": {"colspan", "rowspan", "headers"},
    "th": {"colspan", "rowspan", "headers", "scope"},
}
# Presentational attributes HTML5 no longer has: dropped quietly, CSS does it.
for _names in ATTRIBUTES.values():
    _names -= {"align", "char", "charoff", "summary", "size"}
# The classes Python-Markdown's footnotes write; any other class is dropped.
CLASSES = {"a": {"footnote-ref", "footnote-backref"}, "div": {"footnote"}}
URL_ATTRIBUTES = {"href", "src", "srcset", "cite", "action", "formaction"}
SCHEMES = {"http", "https", "mailto", "tel"}
# Markdown's own tables align columns with style="text-align: ...": dropped
# without a report (inline styles break a strict CSP), the table stays.
MARKDOWN_STYLE = re.compile(r"\s*text-align:\s*\w+;?\s*")
_EMPTY_CLASS = re.compile(r'(<[a-z][a-z0-9]*\b[^<>]*?) class=""')


# The HTML parser nh3 uses looks through the open elements at each new one:
# its work grows with the sum of every element's depth (20,000 unclosed <div>,
# a sum of 2e8, take it 5 s; 100,000 two minutes). An 11 MB page nested 50
# deep sums 2.5e7. nh3 runs in Rust, out of reach of the reader's time limit.
MAX_NESTING_WORK = 100_000_000
# Elements that never hold others, or that the next one of their kind closes.
_FLAT = {
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
    "source", "track", "wbr", "p", "li", "dt", "dd", "tr", "td", "th", "option",
}  # fmt: skip


class NestedTooDeep(ValueError):
    """HTML nested so deeply that sanitizing it would take minutes."""


@dataclass(frozen=True)
class Removal:
    what: str  # "<script>", "onclick attribute", ...
    why: str
    needle: str  # text to look for in the Markdown source to find the line


def url_scheme(value: str) -> str | None:
    """The scheme a browser would see in an address (lower case, no colon),
    or None for a relative address."""
    try:
        return ada_url.URL(value).protocol.rstrip(":").lower()
    except ValueError:
        return None  # not an absolute URL: relative to the page


def safe_url(value: str) -> bool:
    """Whether a link or image address from content may be published."""
    scheme = url_scheme(value)
    return scheme is None or scheme in SCHEMES


def safe_srcset(value: str) -> bool:
    return all(
        safe_url(candidate.split()[0])
        for candidate in value.split(",")
        if candidate.strip()
    )


def video_src(value: str, hosts: set[str]) -> str | None:
    """The iframe address as the browser will load it, if it is https from
    one of the hosts exactly; None otherwise."""
    try:
        url = ada_url.URL(value)
    except ValueError:
        return None
    if (
        url.protocol != "https:"
        or url.username
        or url.password
        or url.port
        or url.hostname not in hosts
    ):
        return None
    return url.href


def host_of(value: str) -> str:
    """The host a browser would load an address from ('' if none)."""
    try:
        return ada_url.URL(value).hostname
    except ValueError:
        return ""


class _Inspector(HTMLParser):
    """Lists what the allow-list will take out, in terms an editor knows."""

    def __init__(self, video_hosts: set[str]):
        super().__init__(convert_charrefs=True)
        self.video_hosts = video_hosts
        self.found: list[Removal] = []
        self.depth = 0
        self.work = 0

    def _add(self, removal: Removal) -> None:
        if removal not in self.found:
            self.found.append(removal)

    def handle_endtag(self, tag: str) -> None:
        if tag not in _FLAT and self.depth:
            self.depth -= 1

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in _FLAT:
            self.depth += 1
            self.work += self.depth
            if self.work > MAX_NESTING_WORK:
                raise NestedTooDeep(
                    f"the text nests HTML elements (<{tag}>...) thousands deep, "
                    "probably pasted by mistake; remove the unclosed tags"
                )
        if tag in ("script", "noscript"):
            self._add(Removal("<script>", "scripts are not allowed", "<script"))
        elif tag not in TAGS:
            self._add(
                Removal(f"<{tag}>", "this HTML element is not allowed", f"<{tag}")
            )
        if tag == "iframe":
            src = dict(attrs).get("src") or ""
            if video_src(src, self.video_hosts) is None:
                host = host_of(src)
                self._add(
                    Removal(
                        f"<iframe> from {host or 'no address'}",
                        "iframes may only show videos from "
                        + ", ".join(sorted(self.video_hosts) or ["(none configured)"])
                        + " (https, no other port or user name)",
                        host or "<iframe",
                    )
                )
        for name, value in attrs:
            value = value or ""
            if name.startswith("on"):
                self._add(
                    Removal(f"{name} attribute", "event handlers are not allowed", name)
                )
            elif name == "style" and not MARKDOWN_STYLE.fullmatch(value):
                self._add(
                    Removal(
                        "style attribute",
                        "inline styles are not allowed; the theme styles content",
                        "style=",
                    )
                )
            elif name.startswith("data-"):
                self._add(
                    Removal(
                        f"{name} attribute",
                        "data- attributes are not allowed; the theme's scripts "
                        "use them",
                        name,
                    )
                )
            elif name == "class" and set(value.split()) - CLASSES.get(tag, set()):
                self._add(
                    Removal(
                        "class attribute",
                        "classes are not allowed; the theme styles content",
                        value.split()[0] if value.split() else "class",
                    )
                )
            elif name in URL_ATTRIBUTES and tag != "iframe":
                urls = (
                    [c.split()[0] for c in value.split(",") if c.strip()]
                    if name == "srcset"
                    else [value]
                )
                for url in urls:
                    if safe_url(url):
                        continue
                    scheme = url_scheme(url) or "unknown"
                    self._add(
                        Removal(
                            f"{scheme}: link",
                            "only web, mail and phone links are allowed",
                            scheme,
                        )
                    )
                    break


class Sanitizer:
    def __init__(self, settings: dict[str, Any]):
        self.video_hosts = set(settings.get("VIDEO_HOSTS", []))

    def _filter(self, tag: str, attribute: str, value: str) -> str | None:
        if tag == "iframe" and attribute == "src":
            return video_src(value, self.video_hosts)
        if attribute == "srcset":
            return value if safe_srcset(value) else None
        if attribute in URL_ATTRIBUTES:
            return value if safe_url(value) else None
        return value

    def clean(self, html: str) -> tuple[str, list[Removal]]:
        """Sanitized HTML, and what was taken out (for the editor); raises
        NestedTooDeep for HTML no page can be made of in reasonable time."""
        inspector = _Inspector(self.video_hosts)
        inspector.feed(html)
        inspector.close()
        cleaned = nh3.clean(
            html,
            tags=TAGS,
            clean_content_tags=DROPPED_WITH_CONTENT,
            attributes=ATTRIBUTES,
            attribute_filter=self._filter,
            allowed_classes=CLASSES,
            url_schemes=SCHEMES,
            link_rel=None,
            strip_comments=True,
        )
        # An iframe whose address was refused shows nothing: drop it whole.
        cleaned = re.sub(r"<iframe(?![^>]*\ssrc=)[^>]*>.*?</iframe>", "", cleaned)
        # What is left of a class attribute none of whose classes is allowed.
        cleaned = _EMPTY_CLASS.sub(r"\1", cleaned)
        return cleaned, inspector.found
