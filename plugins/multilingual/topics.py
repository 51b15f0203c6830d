"""The topics vocabulary: ``content/tags.yml`` names each tag in every language.

Editors tag in their own language (``tags: [eau, santé]``); the vocabulary
ties ``eau``, ``الماء`` and ``ⴰⵎⴰⵏ`` to one topic, so a misspelt or invented
tag is caught and translations can be checked to carry the same topics.
Without the file, tags are free words and nothing is checked.
"""

from __future__ import annotations

import difflib
import os
import unicodedata
from typing import Any

import yaml

from .errors import FrontMatterError

TAGS_FILE = "tags.yml"
# How alike a misspelt tag and a known name must be (difflib ratio, accents
# ignored) to be suggested: below it, "irrigation" would be offered
# "formation".
SUGGESTION_CUTOFF = 0.75


def _fold(name: str) -> str:
    return " ".join(name.split()).casefold()


def _plain(name: str) -> str:
    """Folded and without accents: "Santée" and "sante" compare alike."""
    decomposed = unicodedata.normalize("NFKD", _fold(name))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


class Topics:
    def __init__(self, names: dict[str, dict[str, str]], path: str):
        self.names = names  # key -> {lang: name}
        self.path = path
        self._by_name: dict[str, dict[str, str]] = {}
        for key, by_lang in names.items():
            for lang, name in by_lang.items():
                self._by_name.setdefault(lang, {})[_fold(name)] = key

    def key_of(self, name: str, lang: str) -> str | None:
        return self._by_name.get(lang, {}).get(_fold(name))

    def named_in_other_language(self, name: str, lang: str) -> tuple[str, str] | None:
        """(topic key, language) when name is the topic's name in another
        language: "eau" written in an Arabic file."""
        for other, by_name in self._by_name.items():
            if other != lang and _fold(name) in by_name:
                return by_name[_fold(name)], other
        return None

    def suggestion(self, name: str, lang: str) -> str | None:
        """The known name closest to a misspelt one, if close enough."""
        known = {
            _plain(n): n for k in self.names for n in [self.names[k].get(lang, "")] if n
        }
        close = difflib.get_close_matches(
            _plain(name), list(known), 1, SUGGESTION_CUTOFF
        )
        return known[close[0]] if close else None

    @classmethod
    def load(cls, settings: dict[str, Any], shown_as: str) -> Topics | None:
        """The vocabulary, None when the party has none; a mistake in the
        file is a FrontMatterError naming its line."""
        path = os.path.join(settings["PATH"], settings.get("TAGS_FILE", TAGS_FILE))
        if not os.path.isfile(path):
            return None
        try:
            with open(path, encoding="utf-8-sig") as handle:
                data = yaml.safe_load(handle) or {}
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            raise FrontMatterError(
                shown_as,
                mark.line + 1 if mark else None,
                f"not valid YAML: {getattr(exc, 'problem', None) or exc}",
            ) from None
        except UnicodeDecodeError:
            raise FrontMatterError(
                shown_as, None, "the file is not UTF-8; save it as UTF-8"
            ) from None
        if not isinstance(data, dict) or not all(
            isinstance(names, dict) and all(isinstance(n, str) for n in names.values())
            for names in data.values()
        ):
            raise FrontMatterError(
                shown_as,
                None,
                "write one topic per entry: its key, then 'lang: name' lines "
                "indented below it",
            )
        topics = cls(
            {str(k): {str(lang): n for lang, n in v.items()} for k, v in data.items()},
            path,
        )
        seen: dict[tuple[str, str], str] = {}
        for key, by_lang in topics.names.items():
            for lang, name in by_lang.items():
                other = seen.setdefault((lang, _fold(name)), key)
                if other != key:
                    raise FrontMatterError(
                        shown_as,
                        None,
                        f'"{name}" names both {other} and {key} in {lang}; '
                        "give each topic its own name",
                    )
        return topics
