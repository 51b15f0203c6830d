"""Press kit files drawn at build time.

The logo's PNG is drawn from the party's SVG by a deliberately small renderer:
circles, rectangles, polygons and paths made of lines and Bézier curves with
solid fills, which is what a flat logo uses. A logo it cannot draw stops the
build with a message: give a PNG in the kit instead.
"""

from __future__ import annotations

import hashlib
import io
import os
import re
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

from PIL import Image, ImageDraw

SVG = "{http://www.w3.org/2000/svg}"
_TOKEN = re.compile(r"[A-Za-z]|-?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?")
_STEPS = 24  # segments per curve: smooth at 1024 px


def _bezier(points: list[tuple[float, float]]) -> list[tuple[float, float]]:
    """Points along a quadratic or cubic Bézier curve (first point excluded)."""
    out = []
    for step in range(1, _STEPS + 1):
        t = step / _STEPS
        ps = points
        while len(ps) > 1:  # de Casteljau
            ps = [
                (a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t)
                for a, b in zip(ps, ps[1:], strict=False)
            ]
        out.append(ps[0])
    return out


def path_polygons(d: str) -> list[list[tuple[float, float]]]:
    """An SVG path's outlines as polygons (commands M L H V C Q Z, any case)."""
    tokens = _TOKEN.findall(d)
    polygons: list[list[tuple[float, float]]] = []
    current: list[tuple[float, float]] = []
    x = y = 0.0
    command = ""
    i = 0

    def numbers(n: int) -> list[float]:
        nonlocal i
        values = [float(v) for v in tokens[i : i + n]]
        i += n
        return values

    while i < len(tokens):
        if tokens[i].isalpha():
            command = tokens[i]
            i += 1
        relative = command.islower()
        op = command.upper()
        ox, oy = (x, y) if relative else (0.0, 0.0)
        if op == "M":
            if current:
                polygons.append(current)
            px, py = numbers(2)
            x, y = ox + px, oy + py
            current = [(x, y)]
            command = "l" if relative else "L"  # further pairs are lines
        elif op == "L":
            px, py = numbers(2)
            x, y = ox + px, oy + py
            current.append((x, y))
        elif op == "H":
            (px,) = numbers(1)
            x = ox + px
            current.append((x, y))
        elif op == "V":
            (py,) = numbers(1)
            y = oy + py
            current.append((x, y))
        elif op in "CQ":
            values = numbers(6 if op == "C" else 4)
            controls = [
                (ox + values[k], oy + values[k + 1]) for k in range(0, len(values), 2)
            ]
            current += _bezier([(x, y), *controls])
            x, y = controls[-1]
        elif op == "Z":
            if current:
                polygons.append(current)
                x, y = current[0]
            current = []
        else:
            raise ValueError(f"SVG path command {command!r} is not supported")
    if current:
        polygons.append(current)
    return polygons


def draw_logo_png(svg_path: str, size: int) -> bytes:
    """The SVG logo as a square PNG of ``size`` pixels, transparent outside."""
    try:
        root = ElementTree.parse(svg_path).getroot()
        box = [float(v) for v in root.get("viewBox", "").replace(",", " ").split()]
        if len(box) != 4:
            box = [0, 0, float(root.get("width")), float(root.get("height"))]
        scale_up = 2  # drawn at twice the size, then reduced: smooth edges
        canvas = size * scale_up
        k = canvas / max(box[2], box[3])
        image = Image.new("RGBA", (canvas, canvas), (0, 0, 0, 0))
        draw = ImageDraw.Draw(image)

        def at(px: float, py: float) -> tuple[float, float]:
            return ((px - box[0]) * k, (py - box[1]) * k)

        def walk(node: Any, fill: str | None) -> None:
            fill = node.get("fill", fill)
            tag = node.tag.removeprefix(SVG)
            paint = None if fill in (None, "none") else fill
            if tag == "circle" and paint:
                cx, cy, r = (float(node.get(a, 0)) for a in ("cx", "cy", "r"))
                draw.ellipse([at(cx - r, cy - r), at(cx + r, cy + r)], fill=paint)
            elif tag == "rect" and paint:
                rx, ry, w, h = (
                    float(node.get(a, 0)) for a in ("x", "y", "width", "height")
                )
                draw.rectangle([at(rx, ry), at(rx + w, ry + h)], fill=paint)
            elif tag == "polygon" and paint:
                values = [float(v) for v in _TOKEN.findall(node.get("points", ""))]
                draw.polygon(
                    [at(*values[j : j + 2]) for j in range(0, len(values), 2)],
                    fill=paint,
                )
            elif tag == "path" and paint:
                for polygon in path_polygons(node.get("d", "")):
                    if len(polygon) > 2:
                        draw.polygon([at(*p) for p in polygon], fill=paint)
            elif tag not in ("svg", "g", "title", "desc"):
                raise ValueError(f"SVG element <{tag}> is not supported")
            for child in node:
                walk(child, fill)

        walk(root, "black")
    except (ElementTree.ParseError, ValueError, TypeError) as error:
        raise SystemExit(
            f"{svg_path}: the press kit cannot draw this logo as PNG ({error}); "
            "add a PNG of it to content/images/ and list it in PRESS['kit'] "
            "without 'from'"
        ) from None
    image = image.resize((size, size), Image.Resampling.LANCZOS)
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
