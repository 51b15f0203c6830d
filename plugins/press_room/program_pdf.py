"""The program as a PDF for the press kit, one per language, made at build
time from the program section so it never drifts from the site.

Pages are drawn with Pillow (raqm shapes Arabic) and saved as a PDF of page
images: every script renders exactly as on screen without embedding and
subsetting fonts in a PDF writer of our own. Pillow has no font fallback, so
each word is split into runs by the first configured font that has the
character (Tifinagh and Naskh have no Latin digits or percent sign), and
right-to-left lines place their words, and the runs of a word, from the right.

Drawing is the costly part of a cold build: each run of a word is rasterized
once and pasted wherever it comes again, and the languages are drawn at the
same time, one per core; finished PDFs are kept in the cache.
"""

from __future__ import annotations

import hashlib
import io
import json
import logging
import math
import os
import re
from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache
from pathlib import Path
from typing import Any

from fontTools.ttLib import TTFont
from lxml import html as lxml_html
from PIL import Image, ImageDraw, ImageFont, features

from multilingual import build_state, file_history

logger = logging.getLogger(__name__)

# Debian's fonts-noto-core; PRESS["pdf_fonts"] overrides. Order matters: the
# first font that has a character draws it.
DEFAULT_FONTS = [
    "/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf",
    "/usr/share/fonts/truetype/noto/NotoNaskhArabic-Regular.ttf",
    "/usr/share/fonts/truetype/noto/NotoSansTifinagh-Regular.ttf",
]
WIDTH, HEIGHT, MARGIN = 1240, 1754, 110  # A4 at 150 dpi
SIZES = {"title": 46, "h1": 38, "h2": 30, "p": 23}
MIRROR = str.maketrans("()«»[]", ")(»«][")


@dataclass
class Block:
    kind: str  # a key of SIZES
    text: str


@lru_cache(maxsize=16)
def _coverage(path: str) -> frozenset[int]:
    return frozenset(TTFont(path, lazy=True).getBestCmap())


@lru_cache(maxsize=64)
def _font(path: str, size: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(path, size, layout_engine=ImageFont.Layout.RAQM)


def _is_rtl_letter(char: str) -> bool:
    return "\u0590" <= char <= "\u08ff" or "\ufb1d" <= char <= "\ufeff"


class Typesetter:
    def __init__(self, fonts: list[str], direction: str):
        self.fonts = fonts
        self.rtl = direction == "rtl"
        # A program says the same words again and again: each word is cut
        # into runs, ordered and measured once per size.
        self._stamps: dict[tuple[Any, ...], Any] = {}
        self._visuals: dict[tuple[str, int], list[tuple[str, Any, str, float]]] = {}

    def runs(self, word: str, size: int) -> list[tuple[str, ImageFont.FreeTypeFont]]:
        """The word cut where the font that can draw it changes."""
        runs: list[list[Any]] = []
        for char in word:
            current = runs[-1][1] if runs else None
            if current and ord(char) in _coverage(current) and not char.isalpha():
                runs[-1][0] += char  # punctuation stays with its neighbour
                continue
            path = next(
                (f for f in self.fonts if ord(char) in _coverage(f)), self.fonts[0]
            )
            if runs and runs[-1][1] == path:
                runs[-1][0] += char
            else:
                runs.append([char, path])
        return [(text, _font(path, size)) for text, path in runs]

    def _direction(self, text: str) -> str:
        return "rtl" if any(_is_rtl_letter(c) for c in text) else "ltr"

    def width(self, word: str, size: int) -> float:
        """The advance of the word as drawn: the line breaker and the drawing
        agree to the 1/64 pixel."""
        return sum(run[3] for run in self.visual(word, size))

    def visual(self, word: str, size: int) -> list[tuple[str, Any, str, float]]:
        """The word's runs from left to right as they are seen, each with
        its font, direction and width."""
        key = (word, size)
        if key not in self._visuals:
            found = []
            for text, font in self._visual(word, size):
                direction = self._direction(text)
                found.append(
                    (text, font, direction, font.getlength(text, direction=direction))
                )
            self._visuals[key] = found
        return self._visuals[key]

    def _visual(self, word: str, size: int) -> list[tuple[str, Any]]:
        if not self.rtl:
            return self.runs(word, size)
        if not any(_is_rtl_letter(c) for c in word):
            # "2025." in an Arabic sentence: the number reads left to right,
            # its punctuation belongs to the sentence and goes to its left.
            match = re.fullmatch(r"([^\w%]*)(.*?)([^\w%]*)", word)
            lead, core, trail = match.groups()
            visual = trail[::-1].translate(MIRROR) + core + lead[::-1].translate(MIRROR)
            return self.runs(visual, size)
        # A right-to-left word: runs from the right; a run of punctuation is
        # read right to left too, with its brackets mirrored.
        return [
            (t, f)
            if self._direction(t) == "rtl" or any(c.isalnum() for c in t)
            else (t[::-1].translate(MIRROR), f)
            for t, f in reversed(self.runs(word, size))
        ]

    def draw_word(self, page, x: float, y: float, word: str, size: int, fill) -> None:
        """Draw one word with its left edge at x."""
        for run in self.visual(word, size):
            self.stamp(page, x, y, run, fill)
            x += run[3]

    def stamp(self, page, x: float, y: float, run: tuple, fill) -> None:
        """draw.text at (x, y) rounded to whole pixels. Rasterizing glyphs
        with FreeType was most of the time: a text (a word, most often) is
        drawn once, then pasted wherever it comes again."""
        found = self._stamps.get(run)
        if found is None:
            text, font, direction, advance = run
            # Room for marks and swashes beyond the advance and the line.
            ascent, descent = font.getmetrics()
            pad = font.size
            canvas = Image.new(
                "L", (math.ceil(advance) + 2 * pad, ascent + descent + 2 * pad), 0
            )
            ImageDraw.Draw(canvas).text(
                (pad, pad), text, font=font, fill=255, direction=direction
            )
            box = canvas.getbbox()  # the ink, as a mask
            found = (canvas.crop(box), box[0] - pad, box[1] - pad) if box else ()
            self._stamps[run] = found
        if found:
            mask, dx, dy = found
            page.paste(fill, (round(x) + dx, round(y) + dy), mask)

    def lines(self, text: str, size: int, width: int) -> list[list[str]]:
        space = _font(self.fonts[0], size).getlength(" ")
        lines: list[list[str]] = [[]]
        used = 0.0
        for word in text.split():
            needed = self.width(word, size)
            if lines[-1] and used + space + needed > width:
                lines.append([])
                used = 0.0
            used += needed + (space if lines[-1] else 0)
            lines[-1].append(word)
        return [line for line in lines if line]

    def draw_line(self, page, y: float, words: list[str], size: int, fill) -> None:
        space = _font(self.fonts[0], size).getlength(" ")
        if not self.rtl:
            x = MARGIN
            for word in words:
                self.draw_word(page, x, y, word, size, fill)
                x += self.width(word, size) + space
            return
        x = WIDTH - MARGIN
        for word in words:
            x -= self.width(word, size)
            self.draw_word(page, x, y, word, size, fill)
            x -= space


def blocks_of(chapters: list[Any], title: str, subtitle: str) -> list[Block]:
    found = [Block("title", title), Block("p", subtitle)]
    for chapter in chapters:
        found.append(Block("h1", chapter.title))
        if getattr(chapter, "summary", None):
            found.append(Block("p", chapter.summary))
        tree = lxml_html.fragment_fromstring(chapter.content, create_parent="div")
        for element in tree.iter("h2", "h3", "p", "li"):
            if element.tag == "p" and element.getparent().tag == "li":
                continue
            text = " ".join(element.text_content().split())
            if not text:
                continue
            kind = "h2" if element.tag in ("h2", "h3") else "p"
            found.append(Block(kind, f"• {text}" if element.tag == "li" else text))
    return found


def bilevel(page: Image.Image) -> Image.Image:
    """A page in black and white: Pillow stores it in a PDF with CCITT G4
    compression, sharp and a few tens of KB (greys would go through JPEG).
    Thresholded straight to mode "1": convert("1") would dither first."""
    return page.point(lambda v: 255 if v > 150 else 0, "1")


def draw_pages(
    blocks: list[Block], fonts: list[str], direction: str
) -> list[Image.Image]:
    """The program's pages, chapter after chapter: each drawn in greys, then
    kept in black and white (a grey page is 2 MB, a program has dozens)."""
    setter = Typesetter(fonts, direction)
    pages: list[Image.Image] = []
    page = None
    y = HEIGHT

    def new_page():
        nonlocal page, y
        if page is not None:
            pages[-1] = bilevel(page)
        page = Image.new("L", (WIDTH, HEIGHT), 255)
        pages.append(page)
        y = MARGIN

    for block in blocks:
        size = SIZES[block.kind]
        leading = int(size * 1.6)
        before = {"title": 0, "h1": size * 1.5, "h2": size * 0.8, "p": size * 0.4}
        if block.kind == "h1" and pages:
            new_page()  # each chapter on its own page
        elif y + before[block.kind] + leading > HEIGHT - MARGIN or page is None:
            new_page()
        else:
            y += before[block.kind]
        ink = 0 if block.kind == "p" else 40
        for words in setter.lines(block.text, size, WIDTH - 2 * MARGIN):
            if y + leading > HEIGHT - MARGIN:
                new_page()
            setter.draw_line(page, y, words, size, ink)
            y += leading
    if page is not None:
        pages[-1] = bilevel(page)
    return pages


def render_pdf(
    blocks: list[Block], fonts: list[str], direction: str, when: datetime
) -> bytes:
    pages = draw_pages(blocks, fonts, direction)
    buffer = io.BytesIO()
    pages[0].save(
        buffer,
        "PDF",
        save_all=True,
        append_images=pages[1:],
        resolution=150.0,
        # Dated by its text, not by the build: the same program, the same file.
        creationDate=when.utctimetuple(),
        modDate=when.utctimetuple(),
    )
    return buffer.getvalue()


def program_pdfs(
    settings: dict[str, Any], programs: list[tuple[Any, list[Any], str, str]]
) -> dict[str, bytes]:
    """The program PDF of each language, from (language, chapters, title,
    subtitle); {} when this machine cannot draw them."""
    fonts = settings.get("PRESS", {}).get("pdf_fonts") or DEFAULT_FONTS
    missing = [font for font in fonts if not os.path.exists(font)]
    if missing:
        logger.warning(
            "press kit: no program PDF, font %s is missing "
            "(apt-get install fonts-noto-core, or set PRESS['pdf_fonts'])",
            missing[0],
        )
        return {}
    if not features.check_feature("raqm"):
        logger.warning(
            "press kit: no program PDF, Pillow cannot shape Arabic without "
            "libraqm and libfribidi (apt-get install libfribidi0)"
        )
        return {}
    found: dict[str, bytes] = {}
    todo: list[tuple[str, Path, tuple[Any, ...]]] = []
    for lang, chapters, title, subtitle in programs:
        blocks = blocks_of(chapters, title, subtitle)
        # Drawing takes seconds: kept in Pelican's cache folder until the
        # text, the fonts or this file change.
        key = hashlib.sha256(
            json.dumps(
                [fonts, lang.direction, [(b.kind, b.text) for b in blocks]]
            ).encode()
            + Path(__file__).read_bytes()
        ).hexdigest()[:32]
        cached = Path(settings.get("CACHE_PATH", "cache"), "press-kit", f"{key}.pdf")
        if cached.exists():
            found[lang.code] = cached.read_bytes()
            continue
        # The program's date: its newest chapter's last commit (git history,
        # the same in every clone; a file's mtime is not), else the disk's.
        history = file_history(
            [Path(c.source_path) for c in chapters], Path(settings["PATH"])
        )
        when = max(changed for _added, changed in history.values())
        todo.append((lang.code, cached, (blocks, fonts, lang.direction, when)))
    drawn = _render_all([job for _, _, job in todo], settings)
    for (code, cached, _), data in zip(todo, drawn, strict=True):
        cached.parent.mkdir(parents=True, exist_ok=True)
        cached.write_bytes(data)
        found[code] = data
    return {lang.code: found[lang.code] for lang, *_ in programs}


def _render(job: tuple[Any, ...]) -> bytes:
    return render_pdf(*job)


def _render_all(jobs: list[tuple[Any, ...]], settings: dict[str, Any]) -> list[bytes]:
    """The languages' PDFs are independent: drawn at the same time on the
    build's worker pool (BuildState.map; one process without it), the
    longest spread first."""
    weights = [float(sum(len(b.text) for b in job[0])) for job in jobs]
    return build_state(settings).map(_render, jobs, weights)
