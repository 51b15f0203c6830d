"""Press kit files drawn at build time.

The logo's PNG is drawn from the party's SVG by resvg (the resvg-py wheel), a
complete SVG renderer: styles, transforms, arcs, gradients and text come out
as in a browser. (Our own small renderer drew flat shapes only and got a real
logo's style= fills and transforms wrong without a word.) An SVG resvg cannot
read stops the build with a message: give a PNG in the kit instead.
"""

from __future__ import annotations

import hashlib
import io
import os
from pathlib import Path

import resvg_py
from PIL import Image


def draw_logo_png(svg_path: str, size: int) -> bytes:
    """The SVG logo as a square PNG of ``size`` pixels, transparent outside;
    a logo that is not square is centred."""
    try:
        drawn = bytes(resvg_py.svg_to_bytes(svg_path=svg_path))
        with Image.open(io.BytesIO(drawn)) as natural:
            ratio = natural.width / natural.height
        width, height = (
            (size, round(size / ratio))
            if ratio >= 1
            else (
                round(size * ratio),
                size,
            )
        )
        drawn = bytes(
            resvg_py.svg_to_bytes(svg_path=svg_path, width=width, height=height)
        )
        with Image.open(io.BytesIO(drawn)) as picture:
            image = Image.new("RGBA", (size, size), (0, 0, 0, 0))
            image.paste(
                picture.convert("RGBA"), ((size - width) // 2, (size - height) // 2)
            )
    except (ValueError, OSError) as error:
        raise SystemExit(
            f"{svg_path}: the press kit cannot draw this logo as PNG ({error}); "
            "add a PNG of it to content/images/ and list it in PRESS['kit'] "
            "without 'from'"
        ) from None
    buffer = io.BytesIO()
    image.save(buffer, "PNG", optimize=True)
    return buffer.getvalue()


def logo_png(svg_path: str, size: int, cache: str) -> bytes:
    """draw_logo_png, kept in `cache` under a hash of the SVG, the size and
    this file: drawing took a third of a second on every build."""
    with open(svg_path, "rb") as handle:
        svg = handle.read()
    key = hashlib.sha256(
        svg + str(size).encode() + Path(__file__).read_bytes()
    ).hexdigest()[:24]
    path = os.path.join(cache, f"logo-{key}.png")
    if os.path.exists(path):
        with open(path, "rb") as handle:
            return handle.read()
    data = draw_logo_png(svg_path, size)
    os.makedirs(cache, exist_ok=True)
    with open(f"{path}.{os.getpid()}.tmp", "wb") as handle:
        handle.write(data)
    os.replace(f"{path}.{os.getpid()}.tmp", path)
    return data
