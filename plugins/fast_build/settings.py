"""fast_build's settings, with their defaults."""

from __future__ import annotations

from typing import Any

SETTINGS: dict[str, Any] = {
    # Processes that read, render and compress; None: one per core.
    "BUILD_WORKERS": None,
    # Keep what was read (HTML and metadata per file) and the pages rendered
    # in CACHE_PATH between builds; False reads and renders everything on
    # every build.
    "FAST_BUILD_CACHE": True,
}
