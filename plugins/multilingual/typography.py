"""A language's typographic spaces and apostrophe, applied at build time.

French puts a no-break space before ":" and inside « », and a narrow no-break
space before ";", "!" and "?"; editors type ordinary spaces (or none inside
guillemets) and the build writes the right ones, so punctuation never wraps
onto a line of its own. The rules are configuration, per language
(``LANGUAGES[...]["typography"]``):

    "typography": {
        "space_before": ":",          # U+00A0 NO-BREAK SPACE before these
        "thin_space_before": ";!?",   # U+202F NARROW NO-BREAK SPACE before these
        "quotes": "«»",               # no-break spaces inside this pair
        "apostrophe": "’",            # replaces ' between two letters
    }

Only a space the editor typed before a mark is changed, so ``10:30``,
``https://`` and ``?page=2`` stay as they are. In HTML, only text is changed:
never a tag, an attribute, a comment, or what is inside code, pre, kbd, samp,
script, style or textarea.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

NBSP = "\u00a0"
NNBSP = "\u202f"
# Spaces an editor (or an earlier pass) may have put before a mark.
_SPACES = "[ \t\u00a0\u202f]"
# Front matter fields shown as text (the body is HTML, handled apart).
TEXT_FIELDS = (
    "title",
    "summary",
    "place",
    "role",
    "seat",
    "correction",
    "image_alt",
    "image_caption",
    "image_credit",
)
# Elements whose text is code or data: copied as they are.
VERBATIM = frozenset({"code", "pre", "kbd", "samp", "script", "style", "textarea"})
# A comment, a doctype, or a tag whose quoted attribute values may hold ">".
_MARKUP = re.compile(
    r"<!--.*?-->|<![^>]*>|</?([A-Za-z][\w:-]*)(?:[^>\"']|\"[^\"]*\"|'[^']*')*>",
    re.DOTALL,
)


@dataclass(frozen=True)
class Typography:
    space_before: str = ""
    thin_space_before: str = ""
    quotes: str = ""
    apostrophe: str = ""

    @classmethod
    def from_setting(cls, value: dict[str, Any] | None) -> Typography | None:
        """The rules of one LANGUAGES entry; None when it has none."""
        if not value:
            return None
        unknown = set(value) - {
            "space_before",
            "thin_space_before",
            "quotes",
            "apostrophe",
        }
        if unknown:
            raise ValueError(
                f"unknown typography rule(s): {', '.join(sorted(unknown))}"
            )
        quotes = value.get("quotes", "")
        if quotes and len(quotes) != 2:
            raise ValueError(
                f'typography "quotes" is an opening and a closing mark: {quotes!r}'
            )
        return cls(
            space_before=value.get("space_before", ""),
            thin_space_before=value.get("thin_space_before", ""),
            quotes=quotes,
            apostrophe=value.get("apostrophe", ""),
        )

    def text(self, text: str) -> str:
        """Plain text (a title, a summary, an interface string). A text that
        starts with spaces before a mark follows an inline element in HTML
        ("<a>lien</a> ;"): those spaces count too."""
        if self.space_before:
            marks = re.escape(self.space_before)
            text = re.sub(rf"(?<!\s){_SPACES}+(?=[{marks}])", NBSP, text)
        if self.thin_space_before:
            marks = re.escape(self.thin_space_before)
            text = re.sub(rf"(?<!\s){_SPACES}+(?=[{marks}])", NNBSP, text)
        if self.quotes:
            opening, closing = (re.escape(mark) for mark in self.quotes)
            text = re.sub(
                rf"{opening}{_SPACES}*(?!\s)", f"{self.quotes[0]}{NBSP}", text
            )
            text = re.sub(
                rf"(?<!\s){_SPACES}*{closing}", f"{NBSP}{self.quotes[1]}", text
            )
        if self.apostrophe:
            text = re.sub(r"(?<=\w)'(?=\w)", self.apostrophe, text)
        return text

    def apply(self, html: str, metadata: dict[str, Any]) -> str:
        """A content file as read: its fields shown as text (TEXT_FIELDS) are
        changed in place; its HTML comes back."""
        for name in TEXT_FIELDS:
            if isinstance(metadata.get(name), str):
                metadata[name] = self.text(metadata[name])
        return self.html(html)

    def html(self, html: str) -> str:
        """An HTML fragment: its text outside code, never its markup."""
        out: list[str] = []
        verbatim = 0  # depth inside VERBATIM elements
        last = 0
        for match in _MARKUP.finditer(html):
            text = html[last : match.start()]
            out.append(text if verbatim else self.text(text))
            tag = match.group(0)
            name = (match.group(1) or "").lower()
            if name in VERBATIM and not tag.endswith("/>"):
                verbatim = max(0, verbatim + (-1 if tag.startswith("</") else 1))
            out.append(tag)
            last = match.end()
        tail = html[last:]
        out.append(tail if verbatim else self.text(tail))
        return "".join(out)


def typography_by_language(settings: dict[str, Any]) -> dict[str, Typography]:
    """Language code -> its rules, for the languages that have some."""
    found = {}
    for entry in settings.get("LANGUAGES", []):
        rules = Typography.from_setting(entry.get("typography"))
        if rules is not None:
            found[entry["code"]] = rules
    return found
