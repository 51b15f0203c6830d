"""Ready to serve: fingerprinted theme assets, pre-compressed text files and
the hosts' headers file, once the whole site is written.

Settings (pelicanconf.py / publishconf.py)::

    ASSET_FINGERPRINT = True                 # theme css/js/fonts get hashed names
    ASSET_EXTENSIONS = (".css", ".js", ".woff2", ".woff")
    PRECOMPRESS = False                      # .gz and .br copies (production)
    PRECOMPRESS_EXTENSIONS = (".html", ".css", ...)
    CONTENT_SECURITY_POLICY = {"default-src": "'self'", ...}
    SECURITY_HEADERS = {"X-Content-Type-Options": "nosniff", ...}
    IMMUTABLE_PATHS = ["/images/sized/*", "/images/social/*"]

Keep this plugin last in PLUGINS: pages must be final before they are
rewritten and compressed.
"""

from __future__ import annotations

import logging
import os
from typing import Any

from pelican import signals

from .compress import precompress
from .fingerprint import fingerprint_assets, rewrite_pages
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


def finalize(pelican: Any) -> None:
    settings = pelican.settings
    output = pelican.output_path
    names: dict[str, str] = {}
    if settings.get("ASSET_FINGERPRINT", True):
        names = fingerprint_assets(
            output,
            settings["THEME_STATIC_DIR"],
            tuple(settings.get("ASSET_EXTENSIONS", DEFAULT_EXTENSIONS)),
        )
        pages = rewrite_pages(output, names, settings.get("SITEURL", ""))
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
    write_headers_file(output, security, immutable)
    if settings.get("PRECOMPRESS", False):
        count = precompress(
            output,
            tuple(settings.get("PRECOMPRESS_EXTENSIONS", DEFAULT_TEXT)),
            os.path.join(settings["CACHE_PATH"], "precompressed"),
        )
        logger.info("Pre-compressed %d files (.gz and .br)", count)


def register() -> None:
    signals.finalized.connect(finalize)
