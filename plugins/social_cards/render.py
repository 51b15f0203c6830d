"""Draws one 1200x630 social card: the party's colours and logo, its name,
the page title in the page's language and a small line at the bottom.

Pillow has no font fallback, so a text is cut into runs, each drawn with the
first font of the language's list that has all its characters (an Arabic
title's Latin digits come from a second font). Arabic runs are shaped and
ordered by raqm (HarfBuzz + FriBiDi); runs of a right-to-left line are placed
from the right, which is how the bidi algorithm orders numbers and Latin words
inside Arabic.
"""

from __future__ import annotations

import functools
import zlib
from dataclasses import dataclass

from fontTools.ttLib import TTFont
from PIL import Image, ImageDraw, ImageFont

WIDTH, HEIGHT = 1200, 630
MARGIN = 72
# The title's safe area: below the logo row, above the footer band with room
# to spare (link previews crop and round corners), whatever the script's
# ascenders and descenders.
TITLE_TOP, TITLE_BOTTOM = 176, 486
# Faces lighter than this are drawn with a stroke of their own colour, so a
# script with a regular face only (Tifinagh) looks as bold as the others.
BOLD = 600


@functools.lru_cache(maxsize=32)
def _cmap(path: str) -> frozenset[int]:
    return frozenset(TTFont(path, lazy=True).getBestCmap())


@functools.lru_cache(maxsize=32)
def _weight(path: str) -> int:
    font = TTFont(path, lazy=True)
    return font["OS/2"].usWeightClass if "OS/2" in font else 400


def stroke_for(font: ImageFont.FreeTypeFont) -> int:
    """The stroke that makes a regular face read as bold at its size."""
    path = getattr(font, "path", None)
    if not isinstance(path, str) or _weight(path) >= BOLD:
        return 0
    return max(1, round(font.size * 0.03))


@functools.lru_cache(maxsize=128)
def _font(path: str, size: int, layout: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(path, size, layout_engine=layout)


@dataclass
class Run:
    text: str
    font: ImageFont.FreeTypeFont
    direction: str  # "rtl" or "ltr"
    width: float


@dataclass
class Style:
    fonts: list[str]  # font files, in order of preference
    direction: str  # the language's direction
    language: str  # BCP 47 / OpenType language for shaping
    layout: int = ImageFont.Layout.RAQM


def _font_for(char: str, fonts: list[str]) -> int:
    code = ord(char)
    for index, path in enumerate(fonts):
        if code in _cmap(path):
            return index
    return 0  # nothing has it: the first font draws its missing-glyph box


def _covers(path: str, text: str) -> bool:
    return all(ord(c) in _cmap(path) for c in text)


def _is_strong(char: str) -> bool:
    return char.isalnum() or char in "\u200c\u200d" or 0x064B <= ord(char) <= 0x065F


def runs(text: str, style: Style, size: int) -> list[Run]:
    """`text` cut into runs of one font each, in logical order.

    Letters and digits pick their font; spaces and punctuation between two
    runs of the same font join them, and between different fonts stand alone
    in the line's direction (so "الأخبار · example.org" keeps its dot between
    the word and the address)."""
    # French typography writes a narrow no-break space before ; ! ? that
    # Latin subsets may lack: drawn as a no-break space, not a missing glyph.
    if not any(0x202F in _cmap(path) for path in style.fonts):
        text = text.replace("\u202f", "\u00a0")
    groups: list[list] = []  # [font index or None for neutrals, text]
    for char in text:
        key = _font_for(char, style.fonts) if _is_strong(char) else None
        if groups and groups[-1][0] == key:
            groups[-1][1] += char
        else:
            groups.append([key, char])
    merged: list[list] = []
    for position, (key, piece) in enumerate(groups):
        if key is None:
            before = merged[-1][0] if merged else None
            after = groups[position + 1][0] if position + 1 < len(groups) else None
            if (
                before is not None
                and after in (before, None)
                and _covers(style.fonts[before], piece)
            ):
                merged[-1][1] += piece
                continue
            if not merged and after is not None and _covers(style.fonts[after], piece):
                groups[position + 1][1] = piece + groups[position + 1][1]
                continue
            merged.append([None, piece])
        elif merged and merged[-1][0] == key:
            merged[-1][1] += piece
        else:
            merged.append([key, piece])
    result = []
    for key, piece in merged:
        neutral = key is None
        if neutral:
            key = next(
                (i for i, path in enumerate(style.fonts) if _covers(path, piece)),
                _font_for(piece[0], style.fonts),
            )
        font = _font(style.fonts[key], size, style.layout)
        # The language's own font and lone punctuation follow the line's
        # direction; digits and Latin words inside Arabic keep their order.
        direction = style.direction if key == 0 or neutral else "ltr"
        options = {"direction": direction, "language": style.language}
        if style.layout != ImageFont.Layout.RAQM:
            options = {}
        result.append(Run(piece, font, direction, font.getlength(piece, **options)))
    return result


def wrap(text: str, style: Style, size: int, width: int) -> list[list[Run]]:
    """Lines of runs no wider than `width`, broken between words."""
    lines: list[str] = []
    for word in text.split():
        candidate = f"{lines[-1]} {word}" if lines else word
        if lines and sum(r.width for r in runs(candidate, style, size)) <= width:
            lines[-1] = candidate
        else:
            lines.append(word)
    return [runs(line, style, size) for line in lines]


def draw_line(
    draw: ImageDraw.ImageDraw,
    line: list[Run],
    y: float,
    style: Style,
    fill: str,
    start: int = MARGIN,
    end: int = WIDTH - MARGIN,
) -> None:
    """One line aligned to the language's start side (right for Arabic)."""
    rtl = style.direction == "rtl"
    x = end if rtl else start
    for run in line:
        if rtl:
            x -= run.width
        options = {"direction": run.direction, "language": style.language}
        if style.layout != ImageFont.Layout.RAQM:
            options = {}
        stroke = stroke_for(run.font)
        draw.text(
            (x, y),
            run.text,
            font=run.font,
            fill=fill,
            stroke_width=stroke,
            stroke_fill=fill,
            **options,
        )
        if not rtl:
            x += run.width


def leading(style: Style, size: int) -> float:
    """Line spacing: Arabic's marks and descenders need more room."""
    return size * (1.55 if style.direction == "rtl" else 1.25)


def fit_title(
    title: str,
    style: Style,
    width: int,
    max_lines: int,
    height: float = TITLE_BOTTOM - TITLE_TOP,
):
    """The largest size (and its lines) at which the title fits in `width`
    and, line spacing included, in `height`."""
    # Four lines hold far fewer characters than this: a title of a megabyte
    # is measured only as far as a card can show it.
    title = title[: 200 * max_lines]
    for size in (68, 60, 54, 48, 42, 36):
        lines = wrap(title, style, size, width)
        if len(lines) <= max_lines and len(lines) * leading(style, size) <= height:
            return size, lines
    return size, lines[:max_lines]


def render_base(
    *, name: str, style: Style, colors: dict[str, str], logo: Image.Image | None
) -> Image.Image:
    """What every card of a language shares: colours, bands, logo and the
    party's name. Drawn once per language; each card starts from a copy."""
    background = colors.get("primary", "#1f6f50")
    dark = colors.get("primary-dark", "#164f39")
    accent = colors.get("accent", "#e9c46a")
    card = Image.new("RGB", (WIDTH, HEIGHT), background)
    draw = ImageDraw.Draw(card)
    draw.rectangle((0, HEIGHT - 96, WIDTH, HEIGHT), fill=dark)
    draw.rectangle((0, HEIGHT - 104, WIDTH, HEIGHT - 96), fill=accent)
    rtl = style.direction == "rtl"

    # Logo and party name on the start side of the top row.
    logo_size = 96
    text_start, text_end = MARGIN, WIDTH - MARGIN
    if logo is not None:
        mark = logo.convert("RGBA").resize(
            (logo_size, logo_size), Image.Resampling.LANCZOS
        )
        x = WIDTH - MARGIN - logo_size if rtl else MARGIN
        card.paste(mark, (x, 56), mark)
        if rtl:
            text_end -= logo_size + 24
        else:
            text_start += logo_size + 24
    for line in wrap(name, style, 44, text_end - text_start)[:1]:
        draw_line(draw, line, 72, style, accent, text_start, text_end)
    return card


# The footer band's top: every card of a section in a language has the same
# band, so it is drawn once and pasted (a strip, not a whole card: 0.5 MB
# kept per section instead of 3).
FOOTER_TOP = HEIGHT - 104


def footer_strip(*, base: Image.Image, footer: str, style: Style) -> Image.Image:
    """The bottom band of `base` with the footer line (section, address)."""
    strip = base.crop((0, FOOTER_TOP, WIDTH, HEIGHT))
    draw = ImageDraw.Draw(strip)
    for line in wrap(footer, style, 30, WIDTH - 2 * MARGIN)[:1]:
        draw_line(draw, line, HEIGHT - 72 - FOOTER_TOP, style, "#ffffff")
    return strip


def draw_title(card: Image.Image, title: str, style: Style) -> None:
    """The page's title on `card`, as large as fits in four lines, centred
    in the safe area between the party's name and the footer band."""
    draw = ImageDraw.Draw(card)
    size, lines = fit_title(title, style, WIDTH - 2 * MARGIN, 4)
    _draw_lines(draw, lines, size, style, TITLE_TOP, TITLE_BOTTOM)


def _draw_lines(
    draw, lines, size, style, top, bottom, start=MARGIN, end=WIDTH - MARGIN
):
    """Lines centred between `top` and `bottom`: each line's box is its
    leading, the glyphs sit in its middle."""
    step = leading(style, size)
    y = top + (bottom - top - len(lines) * step) / 2
    for line in lines:
        # Pillow draws from the ascender line: centre the em in the step.
        draw_line(draw, line, y + (step - size * 1.2) / 2, style, "#ffffff", start, end)
        y += step


PORTRAIT = (300, 375)  # 4:5, as on the person page


def draw_person(
    card: Image.Image,
    *,
    name: str,
    role: str,
    style: Style,
    portrait: Image.Image | None,
    accent: str,
    frame: str = "#164f39",
) -> None:
    """A person's card: the portrait on the end side, the name large and the
    role under it in the accent colour, both in the safe area."""
    draw = ImageDraw.Draw(card)
    rtl = style.direction == "rtl"
    start, end = MARGIN, WIDTH - MARGIN
    if portrait is not None:
        width, height = PORTRAIT
        photo = _cover(portrait.convert("RGB"), PORTRAIT)
        x = MARGIN if rtl else WIDTH - MARGIN - width
        y = TITLE_TOP - 36 + (TITLE_BOTTOM - TITLE_TOP + 36 - height) // 2
        # A frame in the darker colour: a photo (or a placeholder) in the
        # card's own colours keeps its edges.
        draw.rectangle((x - 8, y - 8, x + width + 7, y + height + 7), fill=frame)
        card.paste(photo, (x, y))
        draw.rectangle((x, y + height - 8, x + width, y + height), fill=accent)
        if rtl:
            start += width + 48
        else:
            end -= width + 48
    size, lines = fit_title(name, style, end - start, 2, 200)
    role_size = 36
    role_lines = wrap(role, style, role_size, end - start)[:2] if role else []
    role_step = leading(style, role_size)
    block = len(lines) * leading(style, size) + len(role_lines) * role_step + 16
    top = TITLE_TOP + (TITLE_BOTTOM - TITLE_TOP - block) / 2
    bottom = top + len(lines) * leading(style, size)
    _draw_lines(draw, lines, size, style, top, bottom, start, end)
    y = bottom + 16
    for line in role_lines:
        draw_line(draw, line, y, style, accent, start, end)
        y += role_step


def _cover(image: Image.Image, size: tuple[int, int]) -> Image.Image:
    """`image` cut to `size`'s proportions around its upper middle (faces),
    then scaled."""
    width, height = size
    scale = max(width / image.width, height / image.height)
    crop_w, crop_h = width / scale, height / scale
    left = (image.width - crop_w) / 2
    top = max(0.0, min(image.height - crop_h, (image.height - crop_h) * 0.3))
    box = (round(left), round(top), round(left + crop_w), round(top + crop_h))
    return image.resize(size, Image.Resampling.LANCZOS, box=box)


def render_card(
    *, base: Image.Image, title: str, footer: str, style: Style, footer_style: Style
) -> Image.Image:
    """The card as a Pillow image: `base` (from render_base) with the title
    and the footer line drawn on a copy."""
    card = base.copy()
    card.paste(
        footer_strip(base=base, footer=footer, style=footer_style), (0, FOOTER_TOP)
    )
    draw_title(card, title, style)
    return card


def _rgb(color: str) -> tuple[int, int, int]:
    value = color.lstrip("#")
    if len(value) == 3:
        value = "".join(c * 2 for c in value)
    return (int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16))


def _blend(top: tuple, bottom: tuple, share: float) -> tuple[int, ...]:
    return tuple(
        round(t * share + b * (1 - share)) for t, b in zip(top, bottom, strict=True)
    )


def card_palette(base: Image.Image, colors: dict[str, str]) -> Image.Image:
    """64 colours for every card drawn on `base`: the party's colours exactly,
    the steps of antialiased text between them, and the logo's own colours.
    Mapping a card to a palette known in advance takes a millisecond; finding
    a palette for each card (median cut) took fifty."""
    background = _rgb(colors.get("primary", "#1f6f50"))
    dark = _rgb(colors.get("primary-dark", "#164f39"))
    accent = _rgb(colors.get("accent", "#e9c46a"))
    white = (255, 255, 255)
    wanted: list[tuple[int, ...]] = [background, dark, accent, white]
    for top, bottom in ((white, background), (white, dark), (accent, background)):
        wanted += [_blend(top, bottom, step / 15) for step in range(1, 15)]
    # The rest for the logo and its edges, as median cut finds them.
    spare = 64 - len(set(wanted))
    found = base.quantize(colors=spare).getpalette()[: spare * 3]
    wanted += [tuple(found[i : i + 3]) for i in range(0, len(found), 3)]
    unique = list(dict.fromkeys(wanted))[:256]
    palette = Image.new("P", (1, 1))
    palette.putpalette([channel for color in unique for channel in color])
    return palette


def to_png(card: Image.Image, palette: Image.Image) -> Image.Image:
    """The card in the palette's colours (each pixel the nearest one): flat
    colours and antialiasing need no more, and the PNG is a third of the
    size of a full-colour one."""
    return card.quantize(palette=palette, dither=Image.Dither.NONE)


# zlib's run-length strategy (Z_RLE): a card is long runs of flat colour,
# which it packs in a third of the time of the default strategy at level 6,
# for files about a quarter larger (26 KB instead of 21 for a French card).
PNG_OPTIONS = {"compress_level": 6, "compress_type": zlib.Z_RLE}
