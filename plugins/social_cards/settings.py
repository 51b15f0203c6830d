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
        # first choice first: Arabic in the pages' own bold (Kufi), Tifinagh
        # in Noto Sans Tifinagh, the rest (the site's address too) in Noto
        # Sans.
        "fonts": Table(
            {
                "ar": ["static/fonts/noto-kufi-arabic-700.woff2"],
                "zgh": ["fonts/noto-sans-tifinagh-tifinagh-400-normal.woff2"],
                "*": ["fonts/noto-sans-latin-700-normal.woff2"],
            }
        ),
        "output": "images/social",  # folder of the output for the cards
    },
}
