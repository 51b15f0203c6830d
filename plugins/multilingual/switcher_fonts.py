"""Tiny font subsets for the language switcher.

Each page loads only its own script's font, yet its switcher shows the other
languages' native names (العربية, ⵜⴰⵎⴰⵣⵉⵖⵜ) and, for a missing translation, a
sentence in that language. Phones without an Arabic or Tifinagh system font
would draw boxes, so the switcher gets its own font: each script font cut down
to exactly those characters (a few KB), cached between builds.
"""

from __future__ import annotations

import hashlib
import io
import os
from collections.abc import Iterable

FAMILY = "Switcher"


def _ranges(codepoints: Iterable[int]) -> str:
    return ", ".join(f"U+{cp:04X}" for cp in sorted(codepoints))


def _codepoints(data: bytes, cache_dir: str) -> set[int]:
    """The characters a font has; decoding a woff2 takes a while, so the
    answer is kept in the cache folder, under the font's hash."""
    path = os.path.join(cache_dir, f"cmap-{hashlib.sha256(data).hexdigest()[:16]}.txt")
    try:
        with open(path, encoding="ascii") as handle:
            return {int(cp) for cp in handle.read().split()}
    except (OSError, ValueError):
        pass
    from fontTools.ttLib import TTFont

    found = set(TTFont(io.BytesIO(data)).getBestCmap())
    os.makedirs(cache_dir, exist_ok=True)
    with open(f"{path}.{os.getpid()}.tmp", "w", encoding="ascii") as handle:
        handle.write(" ".join(map(str, sorted(found))))
    os.replace(f"{path}.{os.getpid()}.tmp", path)
    return found


# What a language's name needs drawn right: joining and marks, not kerning
# or alternates (0.4 KB less in the Tifinagh subset every Arabic and French
# first visit downloads).
SHAPING = [
    "ccmp",
    "locl",
    "isol",
    "init",
    "medi",
    "fina",
    "rlig",
    "calt",
    "liga",
    "mark",
    "mkmk",
    "curs",
]


def build_switcher_fonts(
    sources: list[str], text: str, output_dir: str, cache_dir: str
) -> str:
    """Write one subset per source font covering `text`; return their @font-face CSS."""
    wanted = {ord(c) for c in text if ord(c) > 0x7F and not c.isspace()}
    rules = []
    os.makedirs(output_dir, exist_ok=True)
    for source in sources:
        with open(source, "rb") as handle:
            data = handle.read()
        cmap = _codepoints(data, cache_dir)
        covered = sorted(cp for cp in wanted if cp in cmap)
        if not covered:
            continue
        key = hashlib.sha256(data + repr((covered, SHAPING)).encode()).hexdigest()[:16]
        name = f"switcher-{key}.woff2"
        cached = os.path.join(cache_dir, name)
        if not os.path.exists(cached):
            from fontTools import subset  # slow to import: only when needed

            options = subset.Options()
            options.flavor = "woff2"
            options.layout_features = SHAPING  # Arabic letters must still join
            font = subset.load_font(io.BytesIO(data), options)
            subsetter = subset.Subsetter(options)
            subsetter.populate(unicodes=covered)
            subsetter.subset(font)
            os.makedirs(cache_dir, exist_ok=True)
            subset.save_font(font, f"{cached}.{os.getpid()}.tmp", options)
            os.replace(f"{cached}.{os.getpid()}.tmp", cached)
        with (
            open(cached, "rb") as src,
            open(os.path.join(output_dir, name), "wb") as dst,
        ):
            dst.write(src.read())
        rules.append(
            f'@font-face{{font-family:"{FAMILY}";src:url(fonts/{name}) format("woff2");'
            f"font-display:swap;unicode-range:{_ranges(covered)}}}"
        )
    return "\n".join(rules)
