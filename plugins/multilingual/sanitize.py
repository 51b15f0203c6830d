"""Raw HTML in Markdown goes through an allow-list before it is published.

Editors may paste HTML (a table from a word processor, an embed code from a
video site). nh3 (the Rust sanitizer ammonia) does the cleaning; this module
decides what is allowed and tells the editor, file and line, what was removed.
The allow-list keeps the output working under a strict Content-Security-Policy:
no scripts, no event handlers, no inline styles, iframes only from the video
hosts in the VIDEO_HOSTS setting.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html.parser import HTMLParser
from typing import Any
from urllib.parse import urlsplit

import nh3

TAGS = set(nh3.ALLOWED_TAGS) | {"iframe", "picture", "source", "figure"}
# Tags whose content is removed with them, not kept as text.
DROPPED_WITH_CONTENT = {"script", "style", "noscript", "template", "object", "embed"}
GENERIC_ATTRIBUTES = {"id", "class", "lang", "dir", "title"}
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
URL_ATTRIBUTES = {"href", "src", "srcset", "cite", "action", "formaction"}
# Markdown's own tables align columns with style="text-align: ...": dropped
# without a report (inline styles break a strict CSP), the table stays.
MARKDOWN_STYLE = re.compile(r"\s*text-align:\s*\w+;?\s*")


@dataclass(frozen=True)
class Removal:
    what: str  # "<script>", "onclick attribute", ...
    why: str
    needle: str  # text to look for in the Markdown source to find the line


class _Inspector(HTMLParser):
    """Lists what the allow-list will take out, in terms an editor knows."""

    def __init__(self, video_hosts: set[str]):
        super().__init__(convert_charrefs=True)
        self.video_hosts = video_hosts
        self.found: list[Removal] = []

    def _add(self, removal: Removal) -> None:
        if removal not in self.found:
            self.found.append(removal)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "noscript"):
            self._add(Removal("<script>", "scripts are not allowed", "<script"))
        elif tag not in TAGS:
            self._add(
                Removal(f"<{tag}>", "this HTML element is not allowed", f"<{tag}")
            )
        if tag == "iframe":
            host = urlsplit(dict(attrs).get("src") or "").hostname or ""
            if host not in self.video_hosts:
                self._add(
                    Removal(
                        f"<iframe> from {host or 'no address'}",
                        "iframes may only show videos from "
                        + ", ".join(sorted(self.video_hosts) or ["(none configured)"]),
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
            elif name in URL_ATTRIBUTES and re.match(
                r"\s*(javascript|vbscript|data):", value, re.I
            ):
                scheme = value.strip().split(":", 1)[0].lower()
                self._add(
                    Removal(f"{scheme}: link", "only web links are allowed", scheme)
                )


class Sanitizer:
    def __init__(self, settings: dict[str, Any]):
        self.video_hosts = set(settings.get("VIDEO_HOSTS", []))

    def _filter(self, tag: str, attribute: str, value: str) -> str | None:
        if tag == "iframe" and attribute == "src":
            host = urlsplit(value).hostname or ""
            return value if host in self.video_hosts else None
        return value

    def clean(self, html: str) -> tuple[str, list[Removal]]:
        """Sanitized HTML, and what was taken out (for the editor)."""
        inspector = _Inspector(self.video_hosts)
        inspector.feed(html)
        inspector.close()
        cleaned = nh3.clean(
            html,
            tags=TAGS,
            clean_content_tags=DROPPED_WITH_CONTENT,
            attributes=ATTRIBUTES,
            attribute_filter=self._filter,
            generic_attribute_prefixes={"data-"},
            link_rel=None,
            strip_comments=True,
        )
        # An iframe whose address was refused shows nothing: drop it whole.
        cleaned = re.sub(r"<iframe(?![^>]*\ssrc=)[^>]*>.*?</iframe>", "", cleaned)
        return cleaned, inspector.found
