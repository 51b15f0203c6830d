"""asset_pipeline's settings, with their defaults."""

from __future__ import annotations

from typing import Any

from multilingual import Table

SETTINGS: dict[str, Any] = {
    # Theme CSS, JS and fonts get content-hashed names (site.3f9a1c2b.css),
    # cached a year by hosts; these extensions.
    "ASSET_FINGERPRINT": True,
    "ASSET_EXTENSIONS": (".css", ".js", ".woff2", ".woff"),
    # Addresses (fnmatch patterns) holding only content-hashed files.
    "IMMUTABLE_PATHS": [],
    # .br and .gz copies of text files (production builds).
    "PRECOMPRESS": False,
    # Headers of every page (name -> value), and of some addresses only.
    "SECURITY_HEADERS": Table(),
    "PATH_HEADERS": Table(),
}
