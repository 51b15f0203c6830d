"""The demo party's pictures, generated: nothing is downloaded, yet the design
has to be judged with something that looks like a party's photographs.

Each picture is painted in floating point (numpy) the way a photograph is
lit: a graded sky and its haze, hills whose colour fades with distance,
texture at several scales, soft shadows, depth of field (far layers blurred),
a lens vignette and film grain. Every random draw comes from a seed named in
the picture's entry, so the same command always writes the same bytes.

    python -m tools.demo_images            # writes content/images/...
    python -m tools.demo_images --out DIR  # elsewhere (to compare)

Landscapes are 3:2 (1200 x 800: the responsive widths are cut from it),
portraits 4:5 (640 x 800); JPEG quality 68, 4:2:0, progressive.
"""

from __future__ import annotations

import argparse
import math
from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw, ImageFilter

ROOT = Path(__file__).resolve().parent.parent
W, H = 1200, 800
PW, PH = 640, 800
QUALITY = 68


# --- building blocks -------------------------------------------------------


def rgb(hex_colour: str) -> np.ndarray:
    h = hex_colour.lstrip("#")
    return np.array([int(h[i : i + 2], 16) / 255 for i in (0, 2, 4)])


def noise(rng, h: int, w: int, scale: float, octaves: int = 4) -> np.ndarray:
    """Value noise in [-1, 1]: random grids enlarged smoothly, summed by octave."""
    total = np.zeros((h, w))
    amplitude, norm = 1.0, 0.0
    for octave in range(octaves):
        cells = max(2, int(scale * 2**octave))
        grid = rng.random((cells, max(2, int(cells * w / h))))
        layer = Image.fromarray((grid * 255).astype(np.uint8)).resize(
            (w, h), Image.BICUBIC
        )
        total += amplitude * (np.asarray(layer) / 127.5 - 1)
        norm += amplitude
        amplitude *= 0.5
    return total / norm


def ridge(rng, w: int, base: float, amp: float, rough: float = 0.5) -> np.ndarray:
    """A skyline (y per column), fractal: long swells and small teeth."""
    x = np.linspace(0, 1, w)
    y = np.full(w, base)
    a, f = amp, 1.5
    for _ in range(7):
        y += (
            a
            * np.sin(2 * math.pi * (f * x + rng.random()))
            * (0.6 + 0.4 * rng.random())
        )
        a *= rough
        f *= 2.1
    return y


def blur(img: np.ndarray, radius: float) -> np.ndarray:
    if radius <= 0:
        return img
    out = np.empty_like(img)
    for c in range(img.shape[2]):
        channel = Image.fromarray(np.clip(img[..., c] * 255, 0, 255).astype(np.uint8))
        out[..., c] = np.asarray(channel.filter(ImageFilter.GaussianBlur(radius))) / 255
    return out


def blur_mask(mask: np.ndarray, radius: float) -> np.ndarray:
    m = Image.fromarray(np.clip(mask * 255, 0, 255).astype(np.uint8))
    return np.asarray(m.filter(ImageFilter.GaussianBlur(radius))) / 255


def over(base: np.ndarray, layer: np.ndarray, mask: np.ndarray) -> np.ndarray:
    m = mask[..., None]
    return base * (1 - m) + layer * m


def polygon_mask(h: int, w: int, points, scale: int = 2) -> np.ndarray:
    """An antialiased polygon (drawn larger, then reduced)."""
    im = Image.new("L", (w * scale, h * scale), 0)
    ImageDraw.Draw(im).polygon([(x * scale, y * scale) for x, y in points], fill=255)
    return np.asarray(im.resize((w, h), Image.LANCZOS)) / 255


def ellipse_mask(h: int, w: int, box, scale: int = 2) -> np.ndarray:
    im = Image.new("L", (w * scale, h * scale), 0)
    ImageDraw.Draw(im).ellipse([v * scale for v in box], fill=255)
    return np.asarray(im.resize((w, h), Image.LANCZOS)) / 255


def grid(h: int, w: int):
    ys, xs = np.mgrid[0:h, 0:w]
    return ys / h, xs / w


def sky(h: int, w: int, top: str, horizon: str, sun=None, glow: str = "#fff4d6"):
    """Sky graded from zenith to horizon, with a sun's glow where it stands."""
    yy, xx = grid(h, w)
    t = np.clip(yy / 0.65, 0, 1) ** 0.8
    img = rgb(top) * (1 - t[..., None]) + rgb(horizon) * t[..., None]
    if sun:
        sx, sy, size = sun
        d = np.sqrt(((xx - sx) * w / h) ** 2 + (yy - sy) ** 2)
        halo = np.exp(-((d / (size * 6)) ** 1.3))
        img = img + (rgb(glow) - img) * (0.55 * halo)[..., None]
        disc = np.clip((size - d) / 0.004, 0, 1)
        img = over(img, np.ones_like(img) * rgb(glow) * 1.02, disc)
    return img


def land(
    img,
    rng,
    line,
    colour: str,
    haze: str,
    haze_amount: float,
    grain: float,
    light: float = 0.12,
    blur_radius: float = 0,
):
    """A band of land below `line`, textured and faded toward the sky's haze."""
    h, w = img.shape[:2]
    yy = np.arange(h)[:, None]
    mask = (yy >= line[None, :] * h).astype(float)
    mask = blur_mask(mask, 0.7 + blur_radius)
    depth = np.clip((yy / h - line[None, :]) * 4, 0, 1)
    tex = noise(rng, h, w, 3, 5) * grain + noise(rng, h, w, 40, 2) * grain * 0.6
    layer = rgb(colour) * (1 + tex[..., None]) * (1 - light * depth[..., None])
    layer += (1 - depth[..., None]) * light * 0.6  # lit crest
    layer = layer * (1 - haze_amount) + rgb(haze) * haze_amount
    if blur_radius:
        layer = blur(layer, blur_radius)
    return over(img, layer, mask)


def tree(draw_mask_h, w, cx, base_y, size, kind="round"):
    """Mask of one tree: a round crown on a trunk, or a cedar's tiers."""
    pts = []
    if kind == "cedar":
        tiers = 4
        for i in range(tiers):
            top = base_y - size * (1 - i / tiers) - size * 0.15
            bottom = base_y - size * (0.65 - i / tiers) * 0.9
            half = size * (0.18 + 0.1 * i)
            pts.append([(cx, top), (cx - half, bottom), (cx + half * 1.05, bottom)])
        mask = np.zeros((draw_mask_h, w))
        for p in pts:
            mask = np.maximum(mask, polygon_mask(draw_mask_h, w, p))
        trunk = polygon_mask(
            draw_mask_h,
            w,
            [
                (cx - size * 0.03, base_y),
                (cx + size * 0.03, base_y),
                (cx + size * 0.03, base_y - size * 0.3),
                (cx - size * 0.03, base_y - size * 0.3),
            ],
        )
        return np.maximum(mask, trunk)
    crown = ellipse_mask(
        draw_mask_h,
        w,
        (cx - size * 0.4, base_y - size, cx + size * 0.4, base_y - size * 0.35),
    )
    trunk = polygon_mask(
        draw_mask_h,
        w,
        [
            (cx - size * 0.05, base_y),
            (cx + size * 0.05, base_y),
            (cx + size * 0.04, base_y - size * 0.5),
            (cx - size * 0.04, base_y - size * 0.5),
        ],
    )
    return np.maximum(crown, trunk)


def shade(img, mask, colour: str, rng, light_from=-1.0, grain=0.08):
    """Paint `mask` in colour, darker on the side away from the light."""
    h, w = img.shape[:2]
    _, xx = grid(h, w)
    tex = noise(rng, h, w, 30, 3) * grain
    side = 1 + 0.12 * light_from * (xx - 0.5)
    layer = rgb(colour) * (side[..., None] + tex[..., None])
    return over(img, layer, mask)


def finish(img, rng, grain=0.018, vignette=0.28, warmth=0.0, contrast=1.06):
    """What a camera adds: contrast curve, vignette, warmth, film grain."""
    h, w = img.shape[:2]
    yy, xx = grid(h, w)
    img = np.clip(img, 0, 1)
    img = 0.5 + (img - 0.5) * contrast
    d = np.sqrt((xx - 0.5) ** 2 + (yy - 0.5) ** 2) / 0.707
    img = img * (1 - vignette * d[..., None] ** 2.2)
    img[..., 0] *= 1 + warmth
    img[..., 2] *= 1 - warmth
    fine = rng.normal(0, 1, (h, w))
    fine = (
        np.asarray(
            Image.fromarray(np.clip(fine * 40 + 128, 0, 255).astype(np.uint8)).filter(
                ImageFilter.GaussianBlur(0.6)
            )
        )
        / 128
        - 1
    )
    img = img + grain * fine[..., None]
    return np.clip(img, 0, 1)


def to_image(img: np.ndarray) -> Image.Image:
    return Image.fromarray((np.clip(img, 0, 1) * 255 + 0.5).astype(np.uint8))


# --- the pictures ------------------------------------------------------------


def road_scene(seed: int) -> np.ndarray:
    """Lead story: a grey road winding between green hills, a small yellow
    school bus on it, pale morning sun."""
    rng = np.random.default_rng(seed)
    img = sky(H, W, "#7fa6c9", "#eef0e6", sun=(0.78, 0.2, 0.035))
    img = land(
        img,
        rng,
        ridge(rng, W, 0.40, 0.035, 0.55),
        "#8ea3a8",
        "#dfe6e3",
        0.55,
        0.05,
        blur_radius=2.5,
    )
    img = land(
        img,
        rng,
        ridge(rng, W, 0.47, 0.03, 0.5),
        "#6f9160",
        "#dfe6e3",
        0.35,
        0.08,
        blur_radius=1.5,
    )
    img = land(
        img, rng, ridge(rng, W, 0.55, 0.025, 0.5), "#5f8a47", "#dfe6e3", 0.15, 0.12
    )
    img = land(
        img, rng, ridge(rng, W, 0.66, 0.015, 0.45), "#7a9a45", "#dfe6e3", 0.0, 0.16
    )
    # Field rows in the foreground, converging.
    yy, xx = grid(H, W)
    rows = 0.5 + 0.5 * np.sin((xx - 0.5) / np.maximum(yy - 0.55, 0.02) * 18)
    field = (yy > 0.7).astype(float) * np.clip((yy - 0.7) * 6, 0, 1)
    img = img * (1 - 0.08 * (rows * field)[..., None])
    # The road: a centre line from the horizon to the bottom, widening.
    t = np.linspace(0, 1, 200)
    cy = 0.5 + 0.5 * t**1.6
    cx = 0.56 + 0.10 * np.sin(t * 5.2 + 0.4) * (1 - t) + 0.14 * t**2 - 0.05
    half = 0.004 + 0.20 * t**2.2
    left = [(float((cx[i] - half[i]) * W), float(cy[i] * H)) for i in range(200)]
    right = [(float((cx[i] + half[i]) * W), float(cy[i] * H)) for i in range(200)][::-1]
    road = polygon_mask(H, W, left + right)
    asphalt = rgb("#8a8d8c") * (1 + noise(rng, H, W, 60, 2)[..., None] * 0.06)
    asphalt *= (0.85 + 0.2 * yy)[..., None]
    img = over(img, asphalt, road)
    # Verges and the dashed centre line.
    for i in range(0, 190, 9):
        j = i + 4
        seg = [
            (float((cx[i] - half[i] * 0.03) * W), float(cy[i] * H)),
            (float((cx[j] - half[j] * 0.03) * W), float(cy[j] * H)),
            (float((cx[j] + half[j] * 0.03) * W), float(cy[j] * H)),
            (float((cx[i] + half[i] * 0.03) * W), float(cy[i] * H)),
        ]
        img = over(
            img, np.ones_like(img) * rgb("#f1eee2"), polygon_mask(H, W, seg) * 0.85
        )
    # Trees along the road and on the hills.
    for _ in range(14):
        tx = rng.uniform(0.02, 0.98) * W
        ty = rng.uniform(0.5, 0.68) * H
        size = 12 + (ty / H - 0.5) * 260
        crown = tree(H, W, tx, ty, size)
        shadow = ellipse_mask(H, W, (tx - size * 0.2, ty - 3, tx + size * 0.7, ty + 4))
        img = img * (1 - 0.25 * blur_mask(shadow, 3)[..., None])
        img = shade(img, crown, "#2f5a34", rng, light_from=1.0, grain=0.15)
    # The bus, on the road where it crosses the middle ground.
    i = 70
    bx, by = cx[i] * W, cy[i] * H
    bw, bh = 58.0 * W / 960, 30.0 * W / 960  # drawn for 960 px wide
    body = [
        (bx - bw * 0.55, by),
        (bx + bw * 0.45, by),
        (bx + bw * 0.45, by - bh),
        (bx - bw * 0.48, by - bh),
        (bx - bw * 0.55, by - bh * 0.6),
    ]
    shadow = ellipse_mask(H, W, (bx - bw * 0.6, by - 3, bx + bw * 0.7, by + 5))
    img = img * (1 - 0.45 * blur_mask(shadow, 2)[..., None])
    img = shade(
        img, polygon_mask(H, W, body), "#f2b51d", rng, light_from=1.0, grain=0.04
    )
    roof = polygon_mask(
        H,
        W,
        [
            (bx - bw * 0.48, by - bh),
            (bx + bw * 0.45, by - bh),
            (bx + bw * 0.45, by - bh * 0.93),
            (bx - bw * 0.48, by - bh * 0.93),
        ],
    )
    img = over(img, np.ones_like(img) * rgb("#fde9a6"), roof)
    for n in range(5):
        wx = bx - bw * 0.40 + n * bw * 0.17
        win = polygon_mask(
            H,
            W,
            [
                (wx, by - bh * 0.82),
                (wx + bw * 0.13, by - bh * 0.82),
                (wx + bw * 0.13, by - bh * 0.5),
                (wx, by - bh * 0.5),
            ],
        )
        img = over(img, np.ones_like(img) * rgb("#33414a"), win)
    stripe = polygon_mask(
        H,
        W,
        [
            (bx - bw * 0.55, by - bh * 0.32),
            (bx + bw * 0.45, by - bh * 0.32),
            (bx + bw * 0.45, by - bh * 0.26),
            (bx - bw * 0.55, by - bh * 0.26),
        ],
    )
    img = over(img, np.ones_like(img) * rgb("#2b2b2b"), stripe * 0.8)
    for wx in (bx - bw * 0.33, bx + bw * 0.25):
        img = over(
            img,
            np.ones_like(img) * rgb("#1b1b1b"),
            ellipse_mask(
                H, W, (wx - bw * 0.1, by - bh * 0.23, wx + bw * 0.1, by + bh * 0.17)
            ),
        )
    img = blur(img, 0.5)
    return finish(img, rng, warmth=0.02)


def drought_scene(seed: int) -> np.ndarray:
    """Ochre hills under an orange sun, a blue river across them and a few
    green trees; cracked earth in the foreground."""
    rng = np.random.default_rng(seed)
    img = sky(H, W, "#d99a55", "#f6dfb0", sun=(0.72, 0.22, 0.05), glow="#fff0c9")
    img = land(
        img,
        rng,
        ridge(rng, W, 0.42, 0.04, 0.55),
        "#c99565",
        "#f0d2a4",
        0.5,
        0.05,
        blur_radius=2.5,
    )
    img = land(
        img,
        rng,
        ridge(rng, W, 0.50, 0.035, 0.5),
        "#b97b45",
        "#f0d2a4",
        0.3,
        0.08,
        blur_radius=1.2,
    )
    img = land(
        img, rng, ridge(rng, W, 0.60, 0.02, 0.45), "#c89358", "#f0d2a4", 0.1, 0.12
    )
    yy, xx = grid(H, W)
    # Cracked earth: the edges of cells of noise, sharper near the camera.
    n = noise(rng, H, W, 22, 2)
    cracks = np.clip(1 - np.abs(n) / 0.05, 0, 1) * np.clip((yy - 0.66) * 5, 0, 1)
    img = img * (1 - 0.35 * cracks[..., None])
    # The river, widening toward us.
    t = np.linspace(0, 1, 220)
    cy = 0.56 + 0.44 * t**1.5
    cx = 0.45 + 0.16 * np.sin(t * 4.0 + 1.0) * (1 - t * 0.5) - 0.1 * t
    half = 0.004 + 0.09 * t**1.8
    left = [(float((cx[i] - half[i]) * W), float(cy[i] * H)) for i in range(220)]
    right = [(float((cx[i] + half[i]) * W), float(cy[i] * H)) for i in range(220)][::-1]
    river = polygon_mask(H, W, left + right)
    shimmer = 0.5 + 0.5 * np.sin(yy * 240 + noise(rng, H, W, 10, 2) * 8)
    water = rgb("#2f6f93") * (0.85 + 0.3 * yy)[..., None] + 0.12 * shimmer[..., None]
    bank = blur_mask(river, 5) - river
    img = img * (1 - 0.3 * np.clip(bank, 0, 1)[..., None])
    img = over(img, water, river)
    for k in range(9):
        side = -1 if k % 2 else 1
        ti = rng.uniform(0.1, 0.8)
        i = int(ti * 219)
        tx = (cx[i] + side * (half[i] + rng.uniform(0.02, 0.07))) * W
        ty = cy[i] * H
        size = 14 + (ty / H - 0.55) * 230
        shadow = ellipse_mask(H, W, (tx - size * 0.15, ty - 3, tx + size * 0.6, ty + 4))
        img = img * (1 - 0.3 * blur_mask(shadow, 3)[..., None])
        img = shade(
            img, tree(H, W, tx, ty, size), "#3d6b35", rng, light_from=-1.0, grain=0.15
        )
    return finish(img, rng, warmth=0.03)


def cedar_scene(seed: int) -> np.ndarray:
    """Bluish mountains of the Middle Atlas, green hills scattered with
    cedars, a yellow sun low in the sky."""
    rng = np.random.default_rng(seed)
    img = sky(H, W, "#86a9cf", "#f3ead0", sun=(0.25, 0.28, 0.04), glow="#fff1bf")
    img = land(
        img,
        rng,
        ridge(rng, W, 0.34, 0.07, 0.6),
        "#7d8fb0",
        "#dfe4ea",
        0.45,
        0.06,
        blur_radius=2,
    )
    img = land(
        img,
        rng,
        ridge(rng, W, 0.45, 0.05, 0.55),
        "#60789a",
        "#dfe4ea",
        0.3,
        0.07,
        blur_radius=1.2,
    )
    img = land(
        img, rng, ridge(rng, W, 0.57, 0.03, 0.5), "#587f4a", "#dfe4ea", 0.12, 0.12
    )
    img = land(
        img, rng, ridge(rng, W, 0.70, 0.02, 0.5), "#6a8f45", "#dfe4ea", 0.0, 0.16
    )
    layers = [
        (0.5, 0.58, 18, 26, 1.4, 0.25),
        (0.6, 0.72, 30, 14, 0.6, 0.1),
        (0.74, 0.98, 90, 7, 0, 0),
    ]
    for y0, y1, size0, count, radius, haze in layers:
        canvas = img.copy()
        for _ in range(count):
            ty = rng.uniform(y0, y1) * H
            tx = rng.uniform(-0.02, 1.02) * W
            size = size0 * (0.7 + 0.6 * rng.random()) * (1 + (ty / H - y0) * 2)
            m = tree(H, W, tx, ty, size, kind="cedar")
            colour = "#24452d" if haze == 0 else "#35553f"
            canvas = shade(canvas, m, colour, rng, light_from=-1.0, grain=0.2)
        if radius:
            canvas = blur(canvas, radius)
        img = canvas * (1 - haze) + img * haze if haze else canvas
    return finish(img, rng, warmth=0.01)


def weave_scene(seed: int) -> np.ndarray:
    """An Amazigh woven rug, photographed at an angle: bands of green, sand
    and blue with diamonds, wool texture, light falling off to one corner."""
    rng = np.random.default_rng(seed)
    h, w = int(H * 1.3), int(W * 1.3)
    yy, xx = grid(h, w)
    bands = ["#2f6b4f", "#e4cf9f", "#2a4f7f", "#e4cf9f", "#b5533c", "#e4cf9f"]
    img = np.zeros((h, w, 3))
    band = (yy * 9).astype(int) % len(bands)
    for i, colour in enumerate(bands):
        img[band == i] = rgb(colour)
    # Diamonds in the sand bands, lozenges drawn from the band's centre.
    local = (yy * 9) % 1
    cell = (xx * 14) % 1
    diamond = (np.abs(cell - 0.5) * 2 + np.abs(local - 0.5) * 2) < 0.55
    inner = (np.abs(cell - 0.5) * 2 + np.abs(local - 0.5) * 2) < 0.25
    sand = np.isin(band, [1, 3, 5])
    img[sand & diamond] = rgb("#9c3d2c")
    img[sand & inner] = rgb("#1f3a5c")
    zig = np.abs(((xx * 28) % 1) - 0.5) * 2
    edge = np.abs(local - zig * 0.25 - 0.1) < 0.04
    img[~sand & edge] = rgb("#f0e2c0")
    # Wool: vertical warp, horizontal weft, uneven dye.
    warp = 0.5 + 0.5 * np.sin(xx * w * 1.1)
    weft = 0.5 + 0.5 * np.sin(yy * h * 0.9 + noise(rng, h, w, 8, 2) * 3)
    img *= (0.9 + 0.05 * warp + 0.05 * weft)[..., None]
    img *= (1 + 0.08 * noise(rng, h, w, 6, 4))[..., None]
    img = blur(img, 1.1)  # the wool's fuzz softens every edge
    # Seen at an angle: perspective, then focus falling off with distance.
    im = to_image(img)
    coeffs = _perspective(
        [(0, 0), (W, 0), (W, H), (0, H)],
        [(w * 0.18, 0), (w * 0.82, 0), (w, h), (0, h)],
    )
    im = im.transform((W, H), Image.PERSPECTIVE, coeffs, Image.BICUBIC)
    img = np.asarray(im) / 255
    yy, xx = grid(H, W)
    far = blur(img, 3)
    t = np.clip(1 - yy / 0.45, 0, 1)[..., None]
    img = img * (1 - t) + far * t
    light = 1.1 - 0.35 * np.sqrt((xx - 0.2) ** 2 + (yy - 0.9) ** 2)
    img *= light[..., None]
    return finish(img, rng, grain=0.012, vignette=0.35, warmth=0.02)


def _perspective(dst, src):
    """Coefficients for Image.transform(PERSPECTIVE) mapping dst to src."""
    rows = []
    for (x, y), (u, v) in zip(dst, src, strict=True):
        rows.append([x, y, 1, 0, 0, 0, -u * x, -u * y])
        rows.append([0, 0, 0, x, y, 1, -v * x, -v * y])
    a = np.array(rows, dtype=float)
    b = np.array([c for p in src for c in p], dtype=float)
    return np.linalg.solve(a, b).tolist()


def table_scene(seed: int) -> np.ndarray:
    """Seven coloured wooden bars of rising height on a table, beside a
    paper sun pinned to the wall behind (shallow focus)."""
    rng = np.random.default_rng(seed)
    yy, xx = grid(H, W)
    wall = rgb("#efe3cc") * (1.05 - 0.25 * np.abs(xx - 0.35))[..., None]
    img = wall * (1 + 0.03 * noise(rng, H, W, 4, 3))[..., None]
    sun = ellipse_mask(H, W, (W * 0.66, H * 0.08, W * 0.88, H * 0.41))
    img = over(img, np.ones_like(img) * rgb("#f3b33d"), sun)
    for k in range(12):
        a = k * math.pi / 6
        cx, cy, r0, r1 = W * 0.77, H * 0.245, H * 0.19, H * 0.27
        ray = polygon_mask(
            H,
            W,
            [
                (cx + r0 * math.cos(a - 0.08), cy + r0 * math.sin(a - 0.08)),
                (cx + r1 * math.cos(a), cy + r1 * math.sin(a)),
                (cx + r0 * math.cos(a + 0.08), cy + r0 * math.sin(a + 0.08)),
            ],
        )
        img = over(img, np.ones_like(img) * rgb("#e89a2c"), ray)
    img = blur(img, 6)  # the wall is out of focus
    # The table: wood grain in perspective from the 0.62 line down.
    top = 0.62
    depth = np.clip((yy - top) / (1 - top), 0, 1)
    u = (xx - 0.5) / (0.35 + depth * 0.65)
    grain = np.sin(u * 90 + noise(rng, H, W, 5, 3) * 6) * 0.5 + 0.5
    wood = rgb("#a8703f") * (0.85 + 0.12 * grain + 0.1 * depth)[..., None]
    img = over(img, wood, (yy > top).astype(float))
    img = img * (1 - 0.25 * np.clip(1 - np.abs(yy - top) * 60, 0, 1))[..., None]
    colours = [
        "#2f6b4f",
        "#3e8a5a",
        "#6aa04a",
        "#d8b43b",
        "#e08a2e",
        "#c9573a",
        "#2a5a8c",
    ]
    base = H * 0.86
    for i, colour in enumerate(colours):
        x0 = W * (0.08 + i * 0.075)
        bw = W * 0.055
        bh = H * (0.12 + i * 0.055)
        shadow = polygon_mask(
            H,
            W,
            [
                (x0, base),
                (x0 + bw, base),
                (x0 + bw + 55, base - 22),
                (x0 + 55, base - 22),
            ],
        )
        img = img * (1 - 0.35 * blur_mask(shadow, 6)[..., None])
        front = polygon_mask(
            H, W, [(x0, base), (x0 + bw, base), (x0 + bw, base - bh), (x0, base - bh)]
        )
        img = shade(img, front, colour, rng, light_from=-1.0, grain=0.05)
        lid = polygon_mask(
            H,
            W,
            [
                (x0, base - bh),
                (x0 + bw, base - bh),
                (x0 + bw + 9, base - bh - 9),
                (x0 + 9, base - bh - 9),
            ],
        )
        img = over(img, np.clip(np.ones_like(img) * rgb(colour) * 1.3, 0, 1), lid)
        side = polygon_mask(
            H,
            W,
            [
                (x0 + bw, base),
                (x0 + bw + 9, base - 9),
                (x0 + bw + 9, base - bh - 9),
                (x0 + bw, base - bh),
            ],
        )
        img = over(img, np.ones_like(img) * rgb(colour) * 0.6, side)
    img = blur(img, 0.6)
    return finish(img, rng, warmth=0.02, vignette=0.3)


def discs_scene(seed: int) -> np.ndarray:
    """Three overlapping discs, green, sand and terracotta, of tinted glass
    on a deep blue grid, lit from above."""
    rng = np.random.default_rng(seed)
    yy, xx = grid(H, W)
    img = rgb("#1d3557") * (0.8 + 0.35 * (1 - yy))[..., None]
    img *= (1 + 0.04 * noise(rng, H, W, 5, 3))[..., None]
    lines = (np.abs(((xx * W) % 48) - 24) > 23) | (np.abs(((yy * H) % 48) - 24) > 23)
    img = img + 0.07 * lines[..., None] * (1 - 0.5 * yy)[..., None]
    img = blur(img, 0.8)
    discs = [(0.36, 0.46, "#3f9a5c"), (0.52, 0.56, "#e6cf98"), (0.64, 0.42, "#c8603f")]
    r = 0.2
    for cx, cy, _colour in discs:
        box = (
            (cx - r * H / W) * W + 26,
            (cy - r) * H + 30,
            (cx + r * H / W) * W + 26,
            (cy + r) * H + 30,
        )
        img = img * (1 - 0.4 * blur_mask(ellipse_mask(H, W, box), 18)[..., None])
    for cx, cy, colour in discs:
        box = ((cx - r * H / W) * W, (cy - r) * H, (cx + r * H / W) * W, (cy + r) * H)
        m = ellipse_mask(H, W, box)
        d = np.sqrt(((xx - cx + 0.05) * W / H) ** 2 + (yy - cy + 0.07) ** 2)
        glass = rgb(colour) * (1.1 - 0.5 * d)[..., None]
        img = img * (1 - 0.82 * m[..., None]) + glass * 0.82 * m[..., None]
        rim = np.clip(
            m
            - blur_mask(m, 3) * 0.0
            - ellipse_mask(H, W, (box[0] + 4, box[1] + 4, box[2] - 4, box[3] - 4)),
            0,
            1,
        )
        img = img + 0.25 * rim[..., None]
        spec = np.exp(
            -(((xx - cx + 0.06) * W / H) ** 2 + (yy - cy + 0.11) ** 2) / 0.0015
        )
        img = img + 0.35 * (spec * m)[..., None]
    return finish(img, rng, grain=0.02, vignette=0.4)


def building(
    img,
    rng,
    x0,
    x1,
    ground,
    height,
    wall: str,
    door: str | None,
    windows: int,
    roof: str | None = None,
    arches: bool = False,
):
    """A flat-roofed building face: plastered wall, windows, door, shadow."""
    h, w = img.shape[:2]
    face = polygon_mask(
        h, w, [(x0, ground), (x1, ground), (x1, ground - height), (x0, ground - height)]
    )
    img = shade(img, face, wall, rng, light_from=1.0, grain=0.06)
    parapet = polygon_mask(
        h,
        w,
        [
            (x0 - 3, ground - height),
            (x1 + 3, ground - height),
            (x1 + 3, ground - height - 6),
            (x0 - 3, ground - height - 6),
        ],
    )
    img = over(img, np.ones_like(img) * rgb(roof or wall) * 0.92, parapet)
    span = (x1 - x0) / (windows + 1)
    for i in range(windows):
        wx = x0 + span * (i + 1)
        if arches:
            m = polygon_mask(
                h,
                w,
                [
                    (wx - span * 0.22, ground),
                    (wx + span * 0.22, ground),
                    (wx + span * 0.22, ground - height * 0.45),
                    (wx - span * 0.22, ground - height * 0.45),
                ],
            )
            m = np.maximum(
                m,
                ellipse_mask(
                    h,
                    w,
                    (
                        wx - span * 0.22,
                        ground - height * 0.62,
                        wx + span * 0.22,
                        ground - height * 0.3,
                    ),
                ),
            )
            img = img * (1 - 0.6 * m[..., None])
            continue
        m = polygon_mask(
            h,
            w,
            [
                (wx - span * 0.18, ground - height * 0.4),
                (wx + span * 0.18, ground - height * 0.4),
                (wx + span * 0.18, ground - height * 0.75),
                (wx - span * 0.18, ground - height * 0.75),
            ],
        )
        img = over(img, np.ones_like(img) * rgb("#3b4a55"), m)
        sill = polygon_mask(
            h,
            w,
            [
                (wx - span * 0.2, ground - height * 0.4),
                (wx + span * 0.2, ground - height * 0.4),
                (wx + span * 0.2, ground - height * 0.37),
                (wx - span * 0.2, ground - height * 0.37),
            ],
        )
        img = over(img, np.ones_like(img) * 0.97, sill)
    if door:
        dx = (x0 + x1) / 2
        m = polygon_mask(
            h,
            w,
            [
                (dx - span * 0.2, ground),
                (dx + span * 0.2, ground),
                (dx + span * 0.2, ground - height * 0.55),
                (dx - span * 0.2, ground - height * 0.55),
            ],
        )
        img = over(img, np.ones_like(img) * rgb(door), m)
    shadow = polygon_mask(
        h,
        w,
        [(x1, ground), (x1 + 60, ground + 14), (x0 + 60, ground + 14), (x0, ground)],
    )
    return img * (1 - 0.3 * blur_mask(shadow, 4)[..., None])


def dam_scene(seed: int) -> np.ndarray:
    """Water: a reservoir between dry hills, its bathtub ring showing how
    low it stands, a sky reflected in still water."""
    rng = np.random.default_rng(seed)
    img = sky(H, W, "#6d9cc6", "#eaeef0", sun=(0.15, 0.15, 0.03))
    img = land(
        img,
        rng,
        ridge(rng, W, 0.36, 0.06, 0.55),
        "#a0876a",
        "#e4e6e4",
        0.45,
        0.06,
        blur_radius=1.8,
    )
    img = land(
        img,
        rng,
        ridge(rng, W, 0.46, 0.05, 0.55),
        "#a5794d",
        "#e4e6e4",
        0.2,
        0.1,
        blur_radius=0.8,
    )
    yy, xx = grid(H, W)
    level = 0.6
    ring = (yy > level - 0.035) & (yy < level)
    img[ring] = img[ring] * 0.75 + rgb("#d8c7a6") * 0.25
    water_mask = blur_mask((yy > level).astype(float), 0.8)
    # Reflection: what stands above the water line, upside down and softened
    # by the ripples; darker and bluer toward the camera.
    rows = np.clip((2 * level - yy) * H, 0, H - 1).astype(int)
    mirror = blur(img[rows[:, 0]], 3)
    streaks = Image.fromarray((rng.random((H // 3, 10)) * 255).astype(np.uint8))
    ripple = np.asarray(streaks.resize((W, H), Image.BICUBIC)) / 255 - 0.5
    depth = np.clip((yy - level) / (1 - level), 0, 1)[..., None]
    water = mirror * (0.6 - 0.25 * depth) + rgb("#2d5e80") * (0.4 + 0.25 * depth)
    water *= (1 + 0.12 * ripple)[..., None]  # wind streaks across the water
    img = over(img, water, water_mask)
    img = land(
        img, rng, ridge(rng, W, 0.86, 0.03, 0.4), "#9c7550", "#e4e6e4", 0.0, 0.15
    )
    return finish(img, rng, warmth=0.01)


def clinic_scene(seed: int) -> np.ndarray:
    """Health: a rural dispensary, white walls and a green door, in the
    hills at mid-morning."""
    rng = np.random.default_rng(seed)
    img = sky(H, W, "#5f95c8", "#e7eef2", sun=(0.85, 0.1, 0.03))
    img = land(
        img,
        rng,
        ridge(rng, W, 0.42, 0.05, 0.55),
        "#8d9a7c",
        "#e2e8e8",
        0.45,
        0.06,
        blur_radius=2,
    )
    img = land(
        img, rng, ridge(rng, W, 0.62, 0.01, 0.4), "#b89a6a", "#e2e8e8", 0.05, 0.14
    )
    img = building(
        img, rng, W * 0.2, W * 0.72, H * 0.74, H * 0.26, "#f1eee6", "#2e7d55", 4
    )
    cross = polygon_mask(
        H,
        W,
        [
            (W * 0.45, H * 0.5),
            (W * 0.47, H * 0.5),
            (W * 0.47, H * 0.56),
            (W * 0.45, H * 0.56),
        ],
    )
    cross = np.maximum(
        cross,
        polygon_mask(
            H,
            W,
            [
                (W * 0.437, H * 0.52),
                (W * 0.483, H * 0.52),
                (W * 0.483, H * 0.54),
                (W * 0.437, H * 0.54),
            ],
        ),
    )
    img = over(img, np.ones_like(img) * rgb("#2e7d55"), cross)
    for tx in (W * 0.1, W * 0.83, W * 0.93):
        img = shade(img, tree(H, W, tx, H * 0.76, 130), "#4b6e3a", rng, grain=0.18)
    return finish(img, rng, warmth=0.02)


def school_scene(seed: int) -> np.ndarray:
    """Education: a village school, ochre walls, a row of windows, a dirt
    yard in front."""
    rng = np.random.default_rng(seed)
    img = sky(H, W, "#7aa5cf", "#f1ead8", sun=(0.2, 0.16, 0.03))
    img = land(
        img,
        rng,
        ridge(rng, W, 0.4, 0.06, 0.55),
        "#8aa2a0",
        "#e7e6dc",
        0.45,
        0.06,
        blur_radius=2,
    )
    img = land(
        img, rng, ridge(rng, W, 0.6, 0.01, 0.4), "#c7a472", "#e7e6dc", 0.05, 0.15
    )
    img = building(
        img,
        rng,
        W * 0.1,
        W * 0.86,
        H * 0.7,
        H * 0.22,
        "#d9a86b",
        "#2a5a8c",
        6,
        roof="#c48f55",
    )
    pole = polygon_mask(
        H,
        W,
        [
            (W * 0.9, H * 0.7),
            (W * 0.905, H * 0.7),
            (W * 0.905, H * 0.3),
            (W * 0.9, H * 0.3),
        ],
    )
    img = over(img, np.ones_like(img) * 0.85, pole)
    flag = polygon_mask(
        H,
        W,
        [
            (W * 0.905, H * 0.3),
            (W * 0.965, H * 0.31),
            (W * 0.963, H * 0.37),
            (W * 0.905, H * 0.36),
        ],
    )
    img = shade(img, flag, "#c1272d", rng, grain=0.05)
    return finish(img, rng, warmth=0.02)


def solar_scene(seed: int) -> np.ndarray:
    """Employment: rows of solar panels on a plateau, going off toward the
    hills (the jobs of the energy plan)."""
    rng = np.random.default_rng(seed)
    img = sky(H, W, "#4f8cc4", "#eef0ea", sun=(0.8, 0.14, 0.035))
    img = land(
        img,
        rng,
        ridge(rng, W, 0.42, 0.04, 0.55),
        "#9aa6a4",
        "#e5e9ea",
        0.5,
        0.05,
        blur_radius=2,
    )
    img = land(
        img, rng, ridge(rng, W, 0.5, 0.005, 0.4), "#c9a877", "#e5e9ea", 0.1, 0.14
    )
    for row in range(9):
        t = row / 8
        y = H * (0.53 + 0.45 * t**1.7)
        depth_h = 4 + 48 * t**1.7
        x_left = W * (0.45 - 0.6 * t)
        x_right = W * (1.1 + 0.2 * t)
        panel = polygon_mask(
            H,
            W,
            [
                (x_left, y),
                (x_right, y),
                (x_right, y - depth_h),
                (x_left + depth_h * 0.4, y - depth_h),
            ],
        )
        yy, xx = grid(H, W)
        cells = (
            np.abs(((xx * W - x_left) % (8 + 40 * t)) - (4 + 20 * t)) > (3.6 + 19 * t)
        ).astype(float)
        face = (
            rgb("#1f3f6e") * (0.8 + 0.5 * (1 - xx))[..., None] + 0.25 * cells[..., None]
        )
        shadow = polygon_mask(
            H,
            W,
            [
                (x_left, y),
                (x_right, y),
                (x_right, y + depth_h * 0.3),
                (x_left, y + depth_h * 0.3),
            ],
        )
        img = img * (1 - 0.4 * shadow[..., None])
        img = over(img, face, panel)
    return finish(img, rng, warmth=0.01)


def kasbah_scene(seed: int) -> np.ndarray:
    """Culture: the earthen wall of a kasbah, arched openings, palms, late
    light."""
    rng = np.random.default_rng(seed)
    img = sky(H, W, "#7096c2", "#f5e2c0", sun=(0.1, 0.3, 0.035), glow="#fff0cc")
    img = land(
        img, rng, ridge(rng, W, 0.62, 0.01, 0.4), "#c08a58", "#f0dcc0", 0.1, 0.15
    )
    img = building(
        img, rng, W * 0.15, W * 0.8, H * 0.78, H * 0.46, "#b8714a", None, 5, arches=True
    )
    for x in (0.15, 0.8):
        tower = polygon_mask(
            H,
            W,
            [
                (W * (x - 0.05), H * 0.78),
                (W * (x + 0.05), H * 0.78),
                (W * (x + 0.045), H * 0.22),
                (W * (x - 0.045), H * 0.22),
            ],
        )
        img = shade(img, tower, "#a9633f", rng, light_from=-1.0, grain=0.1)
        for k in range(4):
            merlon = polygon_mask(
                H,
                W,
                [
                    (W * (x - 0.045 + k * 0.025), H * 0.22),
                    (W * (x - 0.033 + k * 0.025), H * 0.22),
                    (W * (x - 0.033 + k * 0.025), H * 0.2),
                    (W * (x - 0.045 + k * 0.025), H * 0.2),
                ],
            )
            img = over(img, np.ones_like(img) * rgb("#a9633f"), merlon)
    for tx in (W * 0.05, W * 0.9, W * 0.97):
        trunk = polygon_mask(
            H,
            W,
            [
                (tx - 4, H * 0.82),
                (tx + 4, H * 0.82),
                (tx + 2, H * 0.42),
                (tx - 2, H * 0.42),
            ],
        )
        img = over(img, np.ones_like(img) * rgb("#5a4632"), trunk)
        for a in range(8):
            ang = a * math.pi / 7 + math.pi
            frond = polygon_mask(
                H,
                W,
                [
                    (tx, H * 0.42),
                    (
                        tx + 70 * math.cos(ang - 0.1),
                        H * 0.42 + 40 * math.sin(ang - 0.1) + 20,
                    ),
                    (tx + 75 * math.cos(ang), H * 0.42 + 42 * math.sin(ang) + 28),
                ],
            )
            img = shade(img, frond, "#3d6233", rng, grain=0.15)
    return finish(img, rng, warmth=0.04)


def portrait(
    seed: int,
    background: str,
    jacket: str,
    skin: str,
    hair: str,
    scarf: str | None = None,
    shirt: str = "#f2f0ea",
) -> np.ndarray:
    """Head and shoulders, shallow focus: a bright room behind, soft key
    light from the side, the face left soft (a stand-in, not a likeness)."""
    rng = np.random.default_rng(seed)
    h, w = PH, PW
    yy, xx = grid(h, w)
    img = (
        rgb(background)
        * (1.15 - 0.4 * np.sqrt((xx - 0.25) ** 2 + (yy - 0.3) ** 2))[..., None]
    )
    img *= (1 + 0.06 * noise(rng, h, w, 3, 3))[..., None]
    for _ in range(18):  # out-of-focus lights and windows behind
        bx, by, br = rng.uniform(0, 1) * w, rng.uniform(0, 0.6) * h, rng.uniform(15, 45)
        m = ellipse_mask(h, w, (bx - br, by - br, bx + br, by + br))
        img = img + 0.12 * rng.uniform(0.3, 1) * m[..., None]
    img = blur(img, 14)
    cx = w * 0.5
    # Shoulders falling away from the neck, rounded, a jacket's lapels.
    torso = polygon_mask(
        h,
        w,
        [
            (cx - w * 0.5, h),
            (cx - w * 0.47, h * 0.84),
            (cx - w * 0.38, h * 0.73),
            (cx - w * 0.13, h * 0.665),
            (cx + w * 0.13, h * 0.665),
            (cx + w * 0.38, h * 0.73),
            (cx + w * 0.47, h * 0.84),
            (cx + w * 0.5, h),
        ],
    )
    torso = np.clip(blur_mask(torso, 6) * 1.4 - 0.2, 0, 1)
    img = shade(img, torso, jacket, rng, light_from=-1.5, grain=0.05)
    for side in (-1, 1):
        lapel = polygon_mask(
            h,
            w,
            [
                (cx + side * w * 0.1, h * 0.665),
                (cx + side * w * 0.2, h * 0.7),
                (cx + side * w * 0.07, h),
                (cx + side * w * 0.02, h),
            ],
        )
        img = img * (1 - 0.18 * blur_mask(lapel, 2)[..., None])
    collar = polygon_mask(
        h, w, [(cx - w * 0.1, h * 0.66), (cx + w * 0.1, h * 0.66), (cx, h * 0.82)]
    )
    img = shade(img, collar, shirt, rng, grain=0.02)
    neck = polygon_mask(
        h,
        w,
        [
            (cx - w * 0.075, h * 0.52),
            (cx + w * 0.075, h * 0.52),
            (cx + w * 0.085, h * 0.68),
            (cx, h * 0.74),
            (cx - w * 0.085, h * 0.68),
        ],
    )
    img = shade(img, neck, skin, rng, light_from=-2.0, grain=0.02)
    img = (
        img
        * (
            1
            - 0.25
            * blur_mask(
                polygon_mask(
                    h,
                    w,
                    [
                        (cx - w * 0.08, h * 0.55),
                        (cx + w * 0.08, h * 0.55),
                        (cx + w * 0.08, h * 0.6),
                        (cx - w * 0.08, h * 0.6),
                    ],
                ),
                8,
            )
        )[..., None]
    )
    if scarf:
        veil = ellipse_mask(h, w, (cx - w * 0.2, h * 0.13, cx + w * 0.2, h * 0.62))
        # Falling over the shoulders in a rounded drape, not a cut edge.
        arc = [
            (cx + w * 0.32 * math.cos(a), h * (0.72 + 0.07 * math.sin(a)))
            for a in np.linspace(0, math.pi, 24)
        ]
        drape = polygon_mask(
            h, w, [(cx - w * 0.19, h * 0.42), (cx + w * 0.19, h * 0.42), *arc]
        )
        veil = np.clip(blur_mask(np.maximum(veil, drape), 3) * 1.3 - 0.15, 0, 1)
        fold = ellipse_mask(h, w, (cx - w * 0.17, h * 0.16, cx + w * 0.17, h * 0.62))
        img = shade(img, veil, scarf, rng, light_from=-1.5, grain=0.06)
        img = img * (1 - 0.2 * blur_mask(fold - blur_mask(fold, 6), 4)[..., None])
    face_box = (cx - w * 0.145, h * 0.18, cx + w * 0.145, h * 0.58)
    face = np.maximum(
        ellipse_mask(h, w, (cx - w * 0.145, h * 0.18, cx + w * 0.145, h * 0.52)),
        ellipse_mask(h, w, (cx - w * 0.118, h * 0.3, cx + w * 0.118, h * 0.585)),
    )
    del face_box
    fx = (xx - 0.5) / 0.145
    fy = (yy - 0.38) / 0.2
    lit = 1.12 - 0.22 * (fx + 1) / 2 - 0.08 * np.clip(fy, 0, 1)
    skin_layer = (
        rgb(skin) * lit[..., None] * (1 + 0.025 * noise(rng, h, w, 40, 2))[..., None]
    )
    img = over(img, skin_layer, face)
    features = np.zeros((h, w))
    for ex in (-0.055, 0.055):  # eye sockets, brows, nose shadow, lips: soft
        features += 0.35 * ellipse_mask(
            h, w, (cx + w * (ex - 0.035), h * 0.345, cx + w * (ex + 0.035), h * 0.37)
        )
        features += 0.25 * ellipse_mask(
            h, w, (cx + w * (ex - 0.04), h * 0.318, cx + w * (ex + 0.04), h * 0.328)
        )
    features += 0.15 * polygon_mask(
        h,
        w,
        [
            (cx + w * 0.005, h * 0.37),
            (cx + w * 0.02, h * 0.45),
            (cx - w * 0.015, h * 0.45),
        ],
    )
    features += 0.3 * ellipse_mask(
        h, w, (cx - w * 0.045, h * 0.49, cx + w * 0.045, h * 0.505)
    )
    for ex in (-0.055, 0.055):  # irises, small and dark, softened below
        features += 0.6 * ellipse_mask(
            h, w, (cx + w * (ex - 0.012), h * 0.349, cx + w * (ex + 0.012), h * 0.366)
        )
    img = img * (
        1 - blur_mask(features * face, 4)[..., None] * np.array([0.55, 0.6, 0.6])
    )
    if not scarf:
        cap = ellipse_mask(h, w, (cx - w * 0.16, h * 0.14, cx + w * 0.16, h * 0.36))
        cap = np.clip(
            cap
            - ellipse_mask(h, w, (cx - w * 0.15, h * 0.245, cx + w * 0.15, h * 0.62)),
            0,
            1,
        )
        img = shade(img, cap, hair, rng, grain=0.2)
        ears = ellipse_mask(h, w, (cx - w * 0.165, h * 0.34, cx - w * 0.13, h * 0.43))
        ears += ellipse_mask(h, w, (cx + w * 0.13, h * 0.34, cx + w * 0.165, h * 0.43))
        img = shade(img, np.clip(ears, 0, 1), skin, rng, light_from=-2, grain=0.02)
    glow = np.exp(-(((xx - 0.47) / 0.08) ** 2 + ((yy - 0.27) / 0.05) ** 2))
    img = img + 0.06 * (glow * face)[..., None]  # the key light on the brow
    img = blur(img, 1.3)  # focus on the eyes' plane is not ours to fake
    return finish(img, rng, grain=0.02, vignette=0.3, warmth=0.02)


PICTURES = {
    "images/school-transport.jpg": lambda: road_scene(16),
    "images/water-drought.jpg": lambda: drought_scene(7),
    "images/regional-secretariat.jpg": lambda: cedar_scene(3),
    "images/amazigh-services.jpg": lambda: weave_scene(11),
    "images/youth-workshop.jpg": lambda: table_scene(5),
    "images/website-launch.jpg": lambda: discs_scene(2),
    "images/program/water.jpg": lambda: dam_scene(21),
    "images/program/health.jpg": lambda: clinic_scene(22),
    "images/program/education.jpg": lambda: school_scene(23),
    "images/program/employment.jpg": lambda: solar_scene(24),
    "images/program/culture.jpg": lambda: kasbah_scene(25),
    "images/people/amina-el-idrissi.jpg": lambda: portrait(
        31, "#c9d6cf", "#2f4f4a", "#c79a78", "#2a211c", scarf="#7c3b45"
    ),
    "images/people/brahim-oubella.jpg": lambda: portrait(
        32, "#d7cdbd", "#2c3440", "#a8795a", "#1f1a17"
    ),
    "images/people/othmane-belkadi.jpg": lambda: portrait(
        33, "#b9c7d6", "#3a3a3f", "#b88466", "#3a3a3a", shirt="#dfe7ef"
    ),
    "images/people/salma-azzouzi.jpg": lambda: portrait(
        34, "#e3d2bf", "#8a5a3c", "#c08b68", "#231a16", scarf="#2d5f73"
    ),
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=ROOT / "content")
    parser.add_argument("only", nargs="*", help="paths to write (default: all)")
    args = parser.parse_args()
    for path, paint in PICTURES.items():
        if args.only and path not in args.only:
            continue
        target = args.out / path
        target.parent.mkdir(parents=True, exist_ok=True)
        to_image(paint()).save(
            target,
            "JPEG",
            quality=QUALITY,
            subsampling=2,
            progressive=True,
            optimize=True,
        )
        print(f"{target.relative_to(args.out)}: {target.stat().st_size // 1024} KB")


if __name__ == "__main__":
    main()
