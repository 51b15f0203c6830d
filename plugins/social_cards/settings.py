"""social_cards' settings, with their defaults (merged under the party's
SOCIAL_CARDS at start; an unknown key stops the build)."""

from __future__ import annotations

from typing import Any

from multilingual import Table

SETTINGS: dict[str, Any] = {
    "SOCIAL_CARDS": {
        "enabled": True,  # publishconf.py turns them on, pelicanconf.py off
        "logo": None,  # a raster file in content/ (Pillow draws no SVG)
        # Font files (in the theme) per language code, "*" for the others,
        # first choice first.
        "fonts": Table(),
        "output": "images/social",  # folder of the output for the cards
    },
}
