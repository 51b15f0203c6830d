"""The feeds' images in the sizes each format asks for, drawn from the party's
raster logo: RSS 2.0 caps <image> at 144 px wide (400 tall) and wants its size
given; Atom wants a square <icon> and a <logo> twice as wide as tall
(RFC 4287 §4.2.5, §4.2.8)."""

from __future__ import annotations

import io
import os
from dataclasses import dataclass
from typing import Any

from PIL import Image

from multilingual import write_output

ICON_SIZE = 144  # RSS's largest width; square for Atom's icon


@dataclass(frozen=True)
class FeedImages:
    icon: str  # URL path (no leading slash) of the square image
    logo: str  # URL path of the 2:1 image
    size: int  # the icon's side, the logo's height


def _png(image: Image.Image) -> bytes:
    out = io.BytesIO()
    image.save(out, "PNG", optimize=True)  # no date in the file: same bytes each build
    return out.getvalue()


def draw_feed_images(
    settings: dict[str, Any], source: str, output_path: str, folder: str
) -> FeedImages | None:
    """Write <folder>/feed-icon.png (144x144) and feed-logo.png (288x144) into
    the output; None when the source is not a raster image we can read."""
    try:
        with Image.open(source) as opened:
            logo = opened.convert("RGBA")
    except (OSError, ValueError):
        return None
    logo.thumbnail((ICON_SIZE, ICON_SIZE), Image.LANCZOS)
    icon = Image.new("RGBA", (ICON_SIZE, ICON_SIZE), (0, 0, 0, 0))
    icon.paste(logo, ((ICON_SIZE - logo.width) // 2, (ICON_SIZE - logo.height) // 2))
    wide = Image.new("RGBA", (2 * ICON_SIZE, ICON_SIZE), (0, 0, 0, 0))
    wide.paste(icon, (ICON_SIZE // 2, 0))
    urls = {}
    for name, image in (("feed-icon.png", icon), ("feed-logo.png", wide)):
        url = f"{folder}/{name}"
        write_output(settings, os.path.join(output_path, url), _png(image))
        urls[name] = url
    return FeedImages(urls["feed-icon.png"], urls["feed-logo.png"], ICON_SIZE)
