"""Former addresses keep working after a URL segment is renamed.

``FORMER_URL_SEGMENTS`` lists, per language code, segments the site once used
and the segment that replaced them: ``{"ar": {"bayanat": "balaghat"}}``. At the
end of the build, every page under a current segment (``/ar/balaghat/x/``)
gets a page at its former address (``/ar/bayanat/x/``) that sends readers on:
a meta refresh and a canonical link to the new address, ``noindex`` so search
engines drop the old one, a plain link for everyone else. ``_redirects``
(read by Netlify and Cloudflare Pages) gets one ``301`` rule per segment, for
the pages and the feeds alike. The pages need no script, so they work under
the strict Content-Security-Policy. Default: no former segments.
"""

from __future__ import annotations

import html
import logging
import os
from typing import Any

from pelican import signals

from multilingual import build_state, languages_from_settings, record, requires

logger = logging.getLogger(__name__)
REDIRECTS_FILE = "_redirects"
MANY = 200  # redirect pages worth the build's workers


def _in_turn(function: Any, items: list[Any]) -> list[Any]:
    return [function(item) for item in items]


def former_segments(settings: dict[str, Any]) -> list[tuple[str, str, str]]:
    """(language code, former segment, current segment), as configured."""
    found = []
    for code, segments in (settings.get("FORMER_URL_SEGMENTS") or {}).items():
        for old, new in segments.items():
            if old == new or "/" in old or "/" in new or not old or not new:
                raise ValueError(
                    f"FORMER_URL_SEGMENTS[{code!r}]: {old!r} -> {new!r} must be "
                    "two different segments without '/'"
                )
            found.append((code, old, new))
    return found


def redirect_page(target: str, tag: str, direction: str) -> str:
    """A page that sends its reader to `target` (an absolute or root URL)."""
    url = html.escape(target, quote=True)
    lang = html.escape(tag, quote=True)
    return (
        f'<!DOCTYPE html>\n<html lang="{lang}" dir="{direction}">\n<head>\n'
        '<meta charset="utf-8">\n'
        f'<meta http-equiv="refresh" content="0; url={url}">\n'
        f'<link rel="canonical" href="{url}">\n'
        '<meta name="robots" content="noindex">\n'
        f"<title>{url}</title>\n</head>\n"
        f'<body><p><a href="{url}">{url}</a></p></body>\n</html>\n'
    )


def _read(path: str) -> str | None:
    try:
        with open(path, encoding="utf-8", errors="replace") as handle:
            return handle.read()
    except FileNotFoundError:
        return None


def _write_stub(job: tuple[str, str]) -> str | None:
    """Write one redirect page; its path, or None where a real page took
    the old address again (it wins). An unchanged stub is not rewritten
    (its time stamp tells the search index and the sync to the server that
    nothing changed); a changed one is replaced, never written into."""
    page, text = job
    before = _read(page)
    if before is not None and 'http-equiv="refresh"' not in before[:400]:
        return None
    if before != text:
        os.makedirs(os.path.dirname(page), exist_ok=True)
        temporary = f"{page}.{os.getpid()}.tmp"
        with open(temporary, "w", encoding="utf-8") as handle:
            handle.write(text)
        os.replace(temporary, page)
    return page


def write_redirects(pelican: Any) -> None:
    settings = pelican.settings
    output = pelican.output_path
    base = (settings.get("SITEURL") or "").rstrip("/")
    languages = {lang.code: lang for lang in languages_from_settings(settings)}
    rules = []
    jobs = []
    for code, old, new in former_segments(settings):
        language = languages.get(code)
        if language is None:  # a language the site no longer has: no pages
            logger.warning("FORMER_URL_SEGMENTS: %r is not one of LANGUAGES", code)
            continue
        rules.append(f"/{code}/{old}/* /{code}/{new}/:splat 301")
        current = os.path.join(output, code, new)
        for folder, _dirs, files in os.walk(current):
            if "index.html" not in files:
                continue
            rel = os.path.relpath(folder, current)
            rel = "" if rel == "." else rel.replace(os.sep, "/") + "/"
            target = f"{base}/{code}/{new}/{rel}"
            page = os.path.join(output, code, old, rel, "index.html")
            jobs.append((page, redirect_page(target, language.tag, language.direction)))
    # Thousands of small files in an emptied output (a CI build): written on
    # every core (a few are not worth a worker), recorded here.
    spread = build_state(settings).map if len(jobs) > MANY else _in_turn
    written = spread(_write_stub, jobs)
    record(settings, *[page for page in written if page is not None])
    if rules:
        path = os.path.join(output, REDIRECTS_FILE)
        record(settings, path)
        text = "\n".join(rules) + "\n"
        if _read(path) != text:
            with open(path, "w", encoding="utf-8") as handle:
                handle.write(text)


def register() -> None:
    requires("redirects")
    signals.finalized.connect(write_redirects)
