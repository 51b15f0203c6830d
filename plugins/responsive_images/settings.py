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
        # `sizes` per place the theme draws an image in (theme/assets/site.css):
        # the home page's lead story, its news tiles, portraits of people.
        "sizes": Table(
            {
                "lead": "(min-width: 44rem) 42rem, calc(100vw - 2rem)",
                "tile": "(min-width: 68rem) 21rem, (min-width: 40rem) 45vw, "
                "calc(100vw - 2rem)",
                "portrait": "(min-width: 48rem) 15rem, 8rem",
            }
        ),
    },
}
