"""Ready to serve: fingerprinted theme assets, pre-compressed text files and
the hosts' headers file, once the whole site is written.

Settings (pelicanconf.py / publishconf.py)::

    ASSET_FINGERPRINT = True                 # theme css/js/fonts get hashed names
    ASSET_EXTENSIONS = (".css", ".js", ".woff2", ".woff")
    PRECOMPRESS = False                      # .gz and .br copies (production)
    PRECOMPRESS_EXTENSIONS = (".html", ".css", ...)
    PRECOMPRESS_LEVELS = {".gz": 9, ".br": 7, ".html.br": 10, ...}  # per kind
    CONTENT_SECURITY_POLICY = {"default-src": "'self'", ...}
    SECURITY_HEADERS = {"X-Content-Type-Options": "nosniff", ...}
    IMMUTABLE_PATHS = ["/images/sized/*", "/images/social/*"]
    PATH_HEADERS = {"/admin/*": {"Content-Security-Policy": {...}}}  # replace /*'s

Keep this plugin last in PLUGINS: pages must be final before they are
rewritten and compressed.
"""

from __future__ import annotations

import logging
import os
from typing import Any

from pelican import signals

from .compress import precompress
from .fingerprint import fingerprint_assets, rewrite_html, rewrite_pages
from .headers import content_security_policy, write_headers_file

logger = logging.getLogger(__name__)

DEFAULT_EXTENSIONS = (".css", ".js", ".woff2", ".woff")
DEFAULT_TEXT = (
    ".html",
    ".css",
    ".js",
    ".mjs",
    ".xml",
    ".svg",
    ".json",
    ".txt",
    ".ics",
    ".atom",
    ".rss",
    ".webmanifest",
)


# Fingerprinted names of this build, once worked out.
_names: dict[str, str] | None = None


def fingerprint(pelican: Any) -> dict[str, str]:
    """Give the theme's assets their hashed names (once per build)."""
    global _names
    settings = pelican.settings
    if _names is None:
        _names = {}
        if settings.get("ASSET_FINGERPRINT", True):
            _names = fingerprint_assets(
                pelican.output_path,
                settings["THEME_STATIC_DIR"],
                tuple(settings.get("ASSET_EXTENSIONS", DEFAULT_EXTENSIONS)),
            )
    return _names


def before_pages(pelican: Any) -> None:
    """With fast_build, pages get the hashed names as they are written, so a
    page whose bytes did not change is not touched."""
    from fast_build.writing import PAGE_FILTERS

    names = fingerprint(pelican)
    siteurl = pelican.settings.get("SITEURL", "")
    output = pelican.output_path
    PAGE_FILTERS[:] = [
        lambda path, html: rewrite_html(html, path, output, names, siteurl)
    ]


def _written_by_fast_build() -> frozenset:
    """Pages fast_build's writer wrote through the page filter this build."""
    try:
        from fast_build.writing import PAGE_FILTERS, FastWriter
    except ImportError:
        return frozenset()
    writer = FastWriter.last
    if not PAGE_FILTERS or writer is None:
        return frozenset()
    return frozenset(writer.written_files)


def reset(_pelican: Any) -> None:
    global _names
    _names = None
    try:
        from fast_build.writing import PAGE_FILTERS
    except ImportError:
        return
    PAGE_FILTERS.clear()


def finalize(pelican: Any) -> None:
    settings = pelican.settings
    output = pelican.output_path
    names = fingerprint(pelican)
    if names:
        # Pages written outside the writer (and all pages without fast_build):
        # those fast_build wrote already carry the names, and are not re-read.
        pages = rewrite_pages(
            output, names, settings.get("SITEURL", ""), _written_by_fast_build()
        )
        logger.info("Fingerprinted %d assets, %d pages updated", len(names), pages)
    security = dict(settings.get("SECURITY_HEADERS", {}))
    policy = settings.get("CONTENT_SECURITY_POLICY")
    if policy:
        security = {
            "Content-Security-Policy": content_security_policy(policy),
            **security,
        }
    immutable = ["/" + name for name in sorted(names.values())]
    immutable += settings.get("IMMUTABLE_PATHS", [])
    by_path = {
        pattern: {
            name: content_security_policy(value) if isinstance(value, dict) else value
            for name, value in headers.items()
        }
        for pattern, headers in settings.get("PATH_HEADERS", {}).items()
    }
    write_headers_file(output, security, immutable, by_path)
    if settings.get("PRECOMPRESS", False):
        count = precompress(
            output,
            tuple(settings.get("PRECOMPRESS_EXTENSIONS", DEFAULT_TEXT)),
            os.path.join(settings["CACHE_PATH"], "precompressed"),
            workers=settings.get("BUILD_WORKERS"),
            levels=settings.get("PRECOMPRESS_LEVELS"),
        )
        logger.info("Pre-compressed %d files (.gz and .br)", count)


def register() -> None:
    signals.initialized.connect(reset)
    signals.finalized.connect(finalize)
    try:
        from fast_build.writing import BEFORE_FLUSH
    except ImportError:  # fast_build is not installed: pages rewritten at the end
        return
    BEFORE_FLUSH.append(before_pages)
