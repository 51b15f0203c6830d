"""Fingerprinted theme assets: ``site.css`` is also published as
``site.3f9a1c2b.css`` (a hash of its bytes), and pages link to that name, so
hosts can tell browsers to keep it for a year: a changed file gets a new name.

Fonts and scripts are named first, then the stylesheets (their ``url()``s now
point at fingerprinted fonts, which changes their own hash), then every page's
``href``/``src`` is rewritten. The plain names stay, for anything outside the
site that links to them.
"""

from __future__ import annotations

import hashlib
import os
import posixpath
import re
import shutil
from collections.abc import Iterator

FINGERPRINTED = re.compile(r"\.[0-9a-f]{8}\.[a-z0-9]+$")
CSS_URL = re.compile(r"""url\(\s*(['"]?)([^'")]+)\1\s*\)""")
# Without a leading \b, which made the regex three times slower: replace()
# checks the character before a match instead.
HTML_REFERENCE = re.compile(r"""(href|src)=(["'])([^"']+)\2""")
SKIP_FOLDERS = {"pagefind"}  # written and named by Pagefind itself


def _fingerprint(path: str) -> str:
    """Copy `path` to its fingerprinted name; return that name's path."""
    with open(path, "rb") as handle:
        digest = hashlib.sha256(handle.read()).hexdigest()[:8]
    stem, extension = os.path.splitext(path)
    target = f"{stem}.{digest}{extension}"
    if not os.path.exists(target):
        shutil.copyfile(path, target)
    # An earlier build's copies (development builds keep the output folder).
    folder, name = os.path.split(stem)
    for other in os.listdir(folder):
        if (
            other.startswith(name + ".")
            and other.endswith(extension)  # search.css spares search.<hash>.js
            and FINGERPRINTED.search(other)
            and other.count(".") == 2
            and os.path.join(folder, other) != target
        ):
            os.remove(os.path.join(folder, other))
    return target


def _assets(root: str, extensions: tuple[str, ...]) -> list[str]:
    found = []
    for folder, dirs, files in os.walk(root):
        dirs[:] = [d for d in dirs if d not in SKIP_FOLDERS]
        for name in files:
            if name.endswith(extensions) and not FINGERPRINTED.search(name):
                found.append(os.path.join(folder, name))
    return sorted(found)


def _rewrite_css(path: str, names: dict[str, str]) -> None:
    """Point a stylesheet's url()s at fingerprinted files."""
    folder = os.path.dirname(path)

    def replace(match: re.Match) -> str:
        quote, url = match.groups()
        if ":" in url or url.startswith(("/", "#")):
            return match.group(0)
        target = os.path.normpath(os.path.join(folder, url))
        if target not in names:
            return match.group(0)
        new = posixpath.join(posixpath.dirname(url), os.path.basename(names[target]))
        return f"url({quote}{new}{quote})"

    with open(path, encoding="utf-8") as handle:
        css = handle.read()
    rewritten = CSS_URL.sub(replace, css)
    if rewritten != css:
        with open(path, "w", encoding="utf-8") as handle:
            handle.write(rewritten)


def fingerprint_assets(
    output: str, folder: str, extensions: tuple[str, ...]
) -> dict[str, str]:
    """Fingerprint the assets under output/folder; return {plain: fingerprinted}
    as paths from the output root (``theme/site.css``)."""
    root = os.path.join(output, folder)
    assets = _assets(root, extensions)
    names: dict[str, str] = {}
    for path in [p for p in assets if not p.endswith(".css")]:
        names[path] = _fingerprint(path)
    for path in [p for p in assets if p.endswith(".css")]:
        _rewrite_css(path, names)
        names[path] = _fingerprint(path)
    return {
        os.path.relpath(plain, output).replace(os.sep, "/"): os.path.relpath(
            hashed, output
        ).replace(os.sep, "/")
        for plain, hashed in names.items()
    }


def references(html: str) -> Iterator[tuple[int, int, str, str, str]]:
    """(start, end, attribute, quote, url) of every match of HTML_REFERENCE
    in `html`, as its finditer() gives them, found with str.find: the regex
    tried every character of a page (a fifth of a millisecond a page, the
    largest part of fingerprinting), and a page has a few dozen candidates."""
    last_end = 0
    href, src = html.find("href="), html.find("src=")
    while href >= 0 or src >= 0:
        if src < 0 or 0 <= href < src:
            start, attribute = href, "href"
            href = html.find("href=", href + 1)
        else:
            start, attribute = src, "src"
            src = html.find("src=", src + 1)
        if start < last_end:  # inside the last match: the regex went past it
            continue
        opening = start + len(attribute) + 1
        quote = html[opening : opening + 1]
        if quote not in ('"', "'"):  # also "": the end of the page
            continue
        double, single = html.find('"', opening + 1), html.find("'", opening + 1)
        closing = min(double, single) if double >= 0 <= single else max(double, single)
        # The value runs to the first quote of either kind: a match only if
        # that is its own quote, after at least one character.
        if closing <= opening + 1 or html[closing] != quote:
            continue
        last_end = closing + 1
        yield start, last_end, attribute, quote, html[opening + 1 : closing]


class AssetLinks:
    """Rewrites pages' links to the theme's assets (`names`: plain path from
    the output root -> fingerprinted one), made once for every page."""

    def __init__(self, output: str, names: dict[str, str], siteurl: str):
        self.output, self.names = output, names
        self.prefixes = [p for p in (siteurl.rstrip("/") + "/", "/") if p]
        self.asset_names = {posixpath.basename(name) for name in names}

    def page(self, html: str, path: str) -> str:
        """One page (written at `path` under the output) with fingerprinted
        names: what HTML_REFERENCE.sub() with the rule below gives."""
        if not self.names:
            return html
        pieces: list[str] = []
        done = 0
        folder = None  # the page's folder, worked out when needed
        for start, end, attribute, quote, url in references(html):
            # A page has a hundred links and a few assets: most links are
            # let go by their last segment alone.
            location = url.split("#")[0].split("?")[0]
            if location[location.rfind("/") + 1 :] not in self.asset_names:
                continue
            before = html[start - 1 : start]
            if before.isalnum() or before == "_":  # "xhref=": not an attribute
                continue
            for prefix in self.prefixes:
                if location.startswith(prefix):
                    relative = location[len(prefix) :]
                    break
            else:
                if ":" in location:
                    continue
                if folder is None:
                    folder = os.path.relpath(os.path.dirname(path), self.output)
                    folder = folder.replace(os.sep, "/")
                relative = posixpath.normpath(posixpath.join(folder, location))
            if relative not in self.names:
                continue
            new = url.replace(
                posixpath.basename(relative),
                posixpath.basename(self.names[relative]),
                1,
            )
            pieces += [html[done:start], f"{attribute}={quote}{new}{quote}"]
            done = end
        if not pieces:
            return html
        pieces.append(html[done:])
        return "".join(pieces)


def rewrite_html(html: str, path: str, output: str, names: dict, siteurl: str) -> str:
    """One page (written at `path` under `output`) with fingerprinted names."""
    return AssetLinks(output, names, siteurl).page(html, path)


def rewrite_pages(
    output: str, names: dict[str, str], siteurl: str, done: frozenset = frozenset()
) -> int:
    """Make every page link to fingerprinted names; return how many changed.
    Pages in `done` (absolute paths) already have them and are not read."""
    changed = 0
    links = AssetLinks(output, names, siteurl)
    for folder, dirs, files in os.walk(output):
        dirs[:] = [d for d in dirs if d not in SKIP_FOLDERS]
        for name in files:
            if not name.endswith(".html"):
                continue
            path = os.path.join(folder, name)
            if path in done:
                continue
            with open(path, encoding="utf-8") as handle:
                page = handle.read()
            rewritten = links.page(page, path)
            if rewritten != page:
                with open(path, "w", encoding="utf-8") as handle:
                    handle.write(rewritten)
                changed += 1
    return changed
