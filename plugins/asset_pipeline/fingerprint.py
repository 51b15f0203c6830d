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


def rewrite_html(html: str, path: str, output: str, names: dict, siteurl: str) -> str:
    """One page (written at `path` under `output`) with fingerprinted names."""
    prefixes = [p for p in (siteurl.rstrip("/") + "/", "/") if p]
    page_folder = os.path.relpath(os.path.dirname(path), output).replace(os.sep, "/")
    # A page has a hundred links and a few assets: most links are let go
    # by their last segment alone.
    asset_names = {posixpath.basename(name) for name in names}

    def replace(match: re.Match) -> str:
        attribute, quote, url = match.groups()
        before = match.string[match.start() - 1 : match.start()]
        if before.isalnum() or before == "_":  # "xhref=": not an attribute
            return match.group(0)
        location = url.split("#")[0].split("?")[0]
        if posixpath.basename(location) not in asset_names:
            return match.group(0)
        for prefix in prefixes:
            if location.startswith(prefix):
                relative = location[len(prefix) :]
                break
        else:
            if ":" in location:
                return match.group(0)
            relative = posixpath.normpath(posixpath.join(page_folder, location))
        if relative not in names:
            return match.group(0)
        new = url.replace(
            posixpath.basename(relative), posixpath.basename(names[relative]), 1
        )
        return f"{attribute}={quote}{new}{quote}"

    return HTML_REFERENCE.sub(replace, html)


def rewrite_pages(
    output: str, names: dict[str, str], siteurl: str, done: frozenset = frozenset()
) -> int:
    """Make every page link to fingerprinted names; return how many changed.
    Pages in `done` (absolute paths) already have them and are not read."""
    changed = 0
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
            rewritten = rewrite_html(page, path, output, names, siteurl)
            if rewritten != page:
                with open(path, "w", encoding="utf-8") as handle:
                    handle.write(rewritten)
                changed += 1
    return changed
