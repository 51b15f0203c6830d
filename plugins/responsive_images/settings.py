"""responsive_images' settings, with their defaults (merged under the
party's RESPONSIVE_IMAGES at start; an unknown key stops the build)."""

from __future__ import annotations

from typing import Any

from multilingual import Table

SETTINGS: dict[str, Any] = {
    "RESPONSIVE_IMAGES": {
        "widths": [320, 640, 960],  # derivative widths, px (narrower than the photo)
        "quality": 80,  # JPEG and WebP quality of the derivatives
        "webp": True,  # also offer every width as WebP
        "output": "images/sized",  # folder of the output where derivatives go
        # `sizes` per place an image is drawn in ("lead", "body", "card"...),
        # over the theme's own (markup.py SIZES).
        "sizes": Table(),
    },
}
