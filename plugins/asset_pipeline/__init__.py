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

from multilingual import build_state, record, requires

from .compress import precompress
from .fingerprint import AssetLinks, fingerprint_assets, rewrite_pages
from .headers import content_security_policy, write_headers_file
from .settings import SETTINGS as SETTINGS  # the core merges them

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


def fingerprint(pelican: Any) -> dict[str, str]:
    """Give the theme's assets their hashed names (once per build)."""
    settings = pelican.settings
    state = build_state(settings)
    if "asset_names" not in state.data:
        names = {}
        if settings.get("ASSET_FINGERPRINT", True):
            names = fingerprint_assets(
                pelican.output_path,
                settings["THEME_STATIC_DIR"],
                tuple(settings.get("ASSET_EXTENSIONS", DEFAULT_EXTENSIONS)),
            )
        state.data["asset_names"] = names
    return state.data["asset_names"]


def before_pages(pelican: Any) -> None:
    """With fast_build, pages get the hashed names as they are written, so a
    page whose bytes did not change is not touched."""
    links = AssetLinks(
        pelican.output_path, fingerprint(pelican), pelican.settings.get("SITEURL", "")
    )
    build_state(pelican.settings).page_filters[:] = [
        lambda path, html: links.page(html, path)
    ]


def ask_for_page_filters(pelican: Any) -> None:
    """A writer that renders pages at the end (fast_build) calls this first."""
    build_state(pelican.settings).before_pages.append(before_pages)


def finalize(pelican: Any) -> None:
    settings = pelican.settings
    output = pelican.output_path
    state = build_state(settings)
    names = fingerprint(pelican)
    if names:
        # Pages written outside the writer (and all pages without fast_build):
        # those fast_build wrote already carry the names, and are not re-read.
        pages = rewrite_pages(
            output, names, settings.get("SITEURL", ""), state.filtered_pages
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
    record(settings, write_headers_file(output, security, immutable, by_path))
    if settings.get("PRECOMPRESS", False):
        count = precompress(
            output,
            tuple(settings.get("PRECOMPRESS_EXTENSIONS", DEFAULT_TEXT)),
            os.path.join(settings["CACHE_PATH"], "precompressed"),
            levels=settings.get("PRECOMPRESS_LEVELS"),
            spread=state.map,
        )
        logger.info("Pre-compressed %d files (.gz and .br)", count)


def register() -> None:
    requires(
        "asset_pipeline",
        after=(
            "web_editor",
            "site_search",
            "social_cards",
            "responsive_images",
            "redirects",
            "fast_build",
        ),
    )
    signals.initialized.connect(ask_for_page_filters)
    signals.finalized.connect(finalize)
