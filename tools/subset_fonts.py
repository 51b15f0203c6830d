"""Cut the theme's web fonts down to what the site's languages need.

Sources: ``theme/fonts/`` (whole fontsource woff2 files, SIL OFL 1.1, from the
npm packages @fontsource/noto-naskh-arabic, @fontsource/noto-sans-tifinagh and
@fontsource/noto-sans, version 5.3.0). Output: ``theme/static/fonts/``, the
files the stylesheet names. Run ``invoke fonts`` (or this script) after
changing a range below, then update the ``unicode-range`` in
``theme/assets/site.css`` to match and commit both.

The Arabic fonts are what an Arabic visitor downloads on every first visit:
fontsource's file holds Urdu, Persian, Sindhi... (about 53 KB); the letters of
Modern Standard Arabic plus the few extra letters Moroccan names use, its
marks and punctuation take about 12 KB. Headings and bold are set in Noto
Kufi Arabic Bold (from Debian's fonts-noto-core, SIL OFL 1.1), a real bold
rather than one the browser smears from the regular: Kufi's simpler letters
cost 9 KB where Naskh Bold costs 13, which keeps an article's first visit
within 30 KB. Arabic-Indic digits are left out: Moroccan Arabic writes
Latin digits (CLDR ar_MA).
Tifinagh's simple geometric letters and the digits drop their hinting
instructions (only some Windows renderers use them): 16 + 6 KB become 10 + 3.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from fontTools import subset
from fontTools.merge import Merger
from fontTools.ttLib import TTFont

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT / "theme" / "fonts"
# Debian's fonts-noto-core (`apt-get install fonts-noto-core`, in .ci/run).
SYSTEM_NOTO = Path("/usr/share/fonts/truetype/noto")
TARGET = ROOT / "theme" / "static" / "fonts"

# Latin digits, ASCII punctuation, guillemets, dashes and quotes: dates and
# numbers in Arabic and Tamazight text are written with Latin digits.
DIGITS_AND_PUNCTUATION = (
    "U+0020-0040,U+005B-0060,U+007B-007E,U+00A0,U+00AB,U+00BB,"
    "U+2010-2014,U+2018-201E,U+2026"
)

# Digits, and the signs around numbers: 25%, +212, 1., 10:30, 2025-017, 1/2
# (and the space a list number is followed by).
NUMBERS = "U+0020,U+0025,U+002B-002F,U+0030-003A"

# Arabic letters, harakat, Arabic punctuation, and the joiners and
# direction marks Babel puts into dates: what every Arabic page needs.
ARABIC = "U+060C,U+061B,U+061F,U+0621-0652,U+0670,U+200C-200F"
# The Moroccan/Maghrebi letters pe, che, zhe, veh, keheh, ng (ڭ), gaf, farsi
# yeh, and the Arabic percent and separators: in a file of their own that a
# browser fetches only for a page that has one (unicode-range), 1 KB less on
# every other first visit. Chromium shapes a word across both files as one
# (same font: the letters still join).
ARABIC_EXTRA = "U+066A-066D,U+067E,U+0686,U+0698,U+06A4,U+06A9,U+06AD,U+06AF,U+06CC"
# Digits and the punctuation of titles ("2027 : ...", "« ... »", "(...)").
HEADING_PUNCTUATION = (
    "U+0020-0022,U+0025,U+0027-0029,U+002C-003A,U+003F,U+00A0,U+00AB,U+00BB,U+2013-2014"
)

FONTS = {  # output: (source, characters, keep hinting)
    "noto-naskh-arabic-400.woff2": (
        SOURCES / "noto-naskh-arabic-arabic-400-normal.woff2",
        ARABIC,
        True,
    ),
    "noto-naskh-arabic-extra-400.woff2": (
        SOURCES / "noto-naskh-arabic-arabic-400-normal.woff2",
        ARABIC_EXTRA,
        True,
    ),
    # Naskh's own Latin digits and the signs numbers carry: dates, numbers
    # and list numbers on Arabic pages in the page's font, not the system's
    # (whose digits look heavier than Naskh's letters). Merged into the
    # letters' file (MERGE): every Arabic first visit needs both, and one
    # file costs 0.6 KB less than two.
    "noto-naskh-arabic-digits-400.woff2": (
        SOURCES / "noto-naskh-arabic-latin-400-normal.woff2",
        NUMBERS,
        False,
    ),
    # Headings and bold: the same letters plus Latin digits and the
    # punctuation headings use, so "2027" in a title is bold too.
    "noto-kufi-arabic-700.woff2": (
        SYSTEM_NOTO / "NotoKufiArabic-Bold.ttf",
        ARABIC + "," + HEADING_PUNCTUATION,
        False,
    ),
    "noto-kufi-arabic-extra-700.woff2": (
        SYSTEM_NOTO / "NotoKufiArabic-Bold.ttf",
        ARABIC_EXTRA,
        False,
    ),
    # Tifinagh (IRCAM and extended) and the joiners.
    "noto-sans-tifinagh-400.woff2": (
        SOURCES / "noto-sans-tifinagh-tifinagh-400-normal.woff2",
        "U+2D30-2D7F,U+200C-200D",
        False,
    ),
    # Noto Sans Tifinagh's own Latin digits and punctuation, so numbers on
    # Tamazight pages match the letters.
    "noto-sans-tifinagh-digits-400.woff2": (
        SOURCES / "noto-sans-tifinagh-latin-400-normal.woff2",
        DIGITS_AND_PUNCTUATION,
        False,
    ),
}


# OpenType features to keep where not all are ("*"): Kufi's alternates
# (aalt) and discretionary ligatures (dlig) are never asked for by the
# stylesheet, and cost 0.4 KB of every Arabic first visit; the digits need
# no shaping at all.
KUFI_FEATURES = [
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
    "kern",
    "curs",
]
FEATURES = {
    "noto-kufi-arabic-700.woff2": KUFI_FEATURES,
    "noto-kufi-arabic-extra-700.woff2": KUFI_FEATURES,
    "noto-naskh-arabic-digits-400.woff2": [],
}


# Subsets written into another's file, then not published on their own.
MERGE = {"noto-naskh-arabic-digits-400.woff2": "noto-naskh-arabic-400.woff2"}


def merge_into(target: Path, extra: Path) -> int:
    """Add the glyphs of `extra` (another subset of the same family, same
    units per em) to `target`; return the new size of `target`."""
    with tempfile.TemporaryDirectory() as folder:
        parts = []
        for index, path in enumerate((target, extra)):
            font = TTFont(path)
            font.flavor = None
            parts.append(Path(folder) / f"{index}.ttf")
            font.save(parts[-1])
        merged = Merger().merge([str(p) for p in parts])
    merged.flavor = "woff2"
    merged.save(target)
    return target.stat().st_size


def subset_font(
    source: Path,
    target: Path,
    unicodes: str,
    hinting: bool,
    features: list[str] | None = None,
) -> int:
    """Write `target`, the woff2 subset of `source`; return its size in bytes."""
    options = subset.Options()
    options.flavor = "woff2"
    # Arabic letters must still join and shape: every feature by default.
    options.layout_features = ["*"] if features is None else features
    options.name_IDs = ["*"]  # keep the copyright and licence names
    options.hinting = hinting
    font = subset.load_font(str(source), options)
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=subset.parse_unicodes(unicodes))
    subsetter.subset(font)
    subset.save_font(font, str(target), options)
    return target.stat().st_size


def main() -> None:
    TARGET.mkdir(parents=True, exist_ok=True)
    for name, (source, unicodes, hinting) in FONTS.items():
        size = subset_font(source, TARGET / name, unicodes, hinting, FEATURES.get(name))
        print(f"{TARGET.relative_to(ROOT) / name}: {size / 1024:.1f} KB")
    for name, into in MERGE.items():
        size = merge_into(TARGET / into, TARGET / name)
        (TARGET / name).unlink()
        print(f"{TARGET.relative_to(ROOT) / into}: {size / 1024:.1f} KB with {name}")


if __name__ == "__main__":
    sys.exit(main())
