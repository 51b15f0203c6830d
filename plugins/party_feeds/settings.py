"""party_feeds' settings, with their defaults."""

from __future__ import annotations

from typing import Any

SETTINGS: dict[str, Any] = {
    # A raster logo in content/ drawn into the feeds' icon (144x144) and logo
    # (2:1); None: the press kit's PNG logo, as it is.
    "FEED_LOGO": None,
    # Items per feed; None: every published item.
    "FEED_MAX_ITEMS": None,
}
