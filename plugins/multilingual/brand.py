"""The party's look as configuration: the BRAND setting, merged with the
kit's defaults, checked, and written as the first lines of the stylesheet.

Settings (pelicanconf.py)::

    BRAND = {
        "logo": "images/logo.svg",        # in content/: header, favicon, chooser
        "colors": {"primary": "#1f6f50", ...},   # see DEFAULT_COLORS
        "fonts": {                        # per language code, script or "*"
            "Arab": {"family": ["Naskh"], "size": 1.14, "line_height": 1.85},
        },
        "faces": [                        # the party's own web fonts, if any
            {"family": "Brand", "file": "fonts/brand-400.woff2", "weight": 400},
        ],
        "motif": "images/motif.svg",      # in content/; None: plain rules
    }

Nothing in BRAND reaches a page as markup: colours become CSS custom
properties, fonts ``font-family`` rules, the motif a ``data:`` image inside
the stylesheet (a strict ``style-src 'self'`` allows no inline style). Each
value is checked; a wrong one is reported as one line and the kit's default
is used instead, so a typo never publishes a broken stylesheet.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote

from babel import Locale
from babel.core import get_global, parse_locale

from .errors import FrontMatterError, warn

SETTINGS_FILE = "pelicanconf.py"

# Every colour the theme draws with. primary: the header; primary-dark:
# links, buttons and the current language (white text on it); accent: rules,
# the motif, highlights; ink: text and the footer; paper: the page; muted:
# dates, roles and captions; line: separators. Also surface (boxes) and tint
# (hovers): made from accent and primary when not given (DERIVED).
DEFAULT_COLORS: dict[str, str] = {
    "primary": "#1f6f50",
    "primary-dark": "#164f39",
    "accent": "#e9c46a",
    "ink": "#1d2b33",
    "paper": "#fdfcf8",
    "muted": "#55625f",
    "line": "#d9ddd6",
}

# Per script (ISO 15924, from each language's locale), per language code, or
# "*" for the rest. family: font families in order (the theme's own are
# "Naskh", with Kufi as its bold, and "Tifinagh"; others come from "faces"),
# the system's sans-serif after them; headings: another family list for
# headings; size: body text size against the other scripts' (Naskh draws
# small); line_height, headings_line_height: room between lines.
DEFAULT_FONTS: dict[str, dict[str, Any]] = {
    "Arab": {
        "family": ["Naskh"],
        "size": 1.14,
        "line_height": 1.85,
        "headings_line_height": 1.45,
    },
    "Tfng": {"family": ["Tifinagh"], "line_height": 1.75},
    "*": {"family": [], "line_height": 1.6},
}

DEFAULT_BRAND: dict[str, Any] = {
    "logo": "images/logo.svg",
    "colors": DEFAULT_COLORS,
    "fonts": DEFAULT_FONTS,
    "faces": [],
    "motif": None,
}

# Text drawn on a colour, as the theme draws it: (text, background, what).
CONTRAST_PAIRS = (
    ("#ffffff", "primary", "the header's text on 'primary'"),
    ("#ffffff", "primary-dark", "buttons' text on 'primary-dark'"),
    ("ink", "paper", "text ('ink') on the page ('paper')"),
    ("primary-dark", "paper", "links ('primary-dark') on the page ('paper')"),
    ("muted", "paper", "dates and captions ('muted') on the page ('paper')"),
    ("#ffffff", "ink", "the footer's text on 'ink'"),
    ("ink", "surface", "text ('ink') in boxes ('surface')"),
)
# A pattern tile, not an illustration: it is in every page's stylesheet.
MOTIF_MAX_BYTES = 12_000

_COLOR = re.compile(r"#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})")
_NAME = re.compile(r"[a-z][a-z0-9-]*")
_TAG = re.compile(r"[A-Za-z0-9-]+")
_RANGE = re.compile(
    r"U\+[0-9A-Fa-f?]{1,6}(?:-[0-9A-Fa-f]{1,6})?"
    r"(?:\s*,\s*U\+[0-9A-Fa-f?]{1,6}(?:-[0-9A-Fa-f]{1,6})?)*"
)
_SVG_ROOT = re.compile(
    rb"\A(?:\xef\xbb\xbf)?\s*(?:<\?xml[^>]*\?>\s*)?(?:<!--.*?-->\s*)*<svg[\s>]", re.S
)
_NUMBERS = {
    "size": (0.6, 2.0),
    "line_height": (1.0, 3.0),
    "headings_line_height": (1.0, 3.0),
}


@dataclass(frozen=True)
class Face:
    family: str
    file: str  # under the theme's static folder: "fonts/x.woff2"
    weight: int = 400
    style: str = "normal"
    unicode_range: str = ""


def _problem(message: str) -> None:
    warn(FrontMatterError(SETTINGS_FILE, None, message))


def brand_settings(settings: dict[str, Any]) -> dict[str, Any]:
    """BRAND merged with the kit's defaults, every value checked (a wrong
    one is reported and replaced by the default)."""
    given = settings.get("BRAND") or {}
    if not isinstance(given, dict):
        _problem("BRAND is not a dictionary; the kit's look is used")
        given = {}
    # Settings written before BRAND: PARTY's logo and colours, unless BRAND
    # gives them.
    party = settings.get("PARTY") or {}
    if isinstance(party, dict):
        given = {
            **{key: party[key] for key in ("logo", "colors") if key in party},
            **given,
        }
    for key in given.keys() - DEFAULT_BRAND.keys():
        _problem(
            f"BRAND has no setting {key!r}; it has "
            + ", ".join(repr(k) for k in DEFAULT_BRAND)
        )
    brand: dict[str, Any] = {**DEFAULT_BRAND, **given}
    brand["colors"] = _colors(given.get("colors") or {})
    brand["fonts"] = _fonts(given.get("fonts") or {})
    brand["faces"] = _faces(given.get("faces") or [], settings)
    logo = brand.get("logo")
    if not isinstance(logo, str) or not logo or _outside(logo):
        _problem(
            f"BRAND['logo'] = {logo!r}: not a file in content/; "
            f"write a path such as {DEFAULT_BRAND['logo']!r}"
        )
        brand["logo"] = DEFAULT_BRAND["logo"]
    if brand.get("motif") and read_motif(brand["motif"], settings) is None:
        brand["motif"] = None
    _check_contrast(brand["colors"])
    return brand


def _outside(path: str) -> bool:
    """A path that leaves its folder, is absolute or holds markup characters."""
    parts = path.replace("\\", "/").split("/")
    return (
        path.startswith("/")
        or ".." in parts
        or any(c in path for c in "\"'<>()\\\n\r\t ")
    )


# Tints the theme draws boxes and hovers with, made from the brand's colours
# unless BRAND gives them: (name, colour, its share, mixed into).
DERIVED = (("surface", "accent", 0.11, "paper"), ("tint", "primary", 0.08, "paper"))


def _mix(first: str, share: float, second: str) -> str:
    """`share` of `first` in `second`, channel by channel (sRGB)."""
    a, b = _channels(first), _channels(second)
    return "#" + "".join(
        f"{round(x * share + y * (1 - share)):02x}" for x, y in zip(a, b, strict=True)
    )


def _channels(color: str) -> tuple[int, int, int]:
    value = color.lstrip("#")
    if len(value) == 3:
        value = "".join(c * 2 for c in value)
    return int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16)


def _colors(given: dict[str, Any]) -> dict[str, str]:
    colors = dict(DEFAULT_COLORS)
    for name, value in given.items():
        if not isinstance(name, str) or not _NAME.fullmatch(name):
            _problem(
                f"BRAND['colors'] has a colour named {name!r}; name colours with "
                "lowercase letters, digits and hyphens ('primary-dark')"
            )
        elif not isinstance(value, str) or not _COLOR.fullmatch(value.strip()):
            _problem(
                f"BRAND['colors'][{name!r}] = {value!r} is not a colour; write it "
                "as #rrggbb (e.g. '#1f6f50')"
            )
        else:
            colors[name] = value.strip().lower()
    for name, source, share, base in DERIVED:
        colors.setdefault(name, _mix(colors[source], share, colors[base]))
    return colors


def _fonts(given: dict[str, Any]) -> dict[str, dict[str, Any]]:
    fonts = {key: dict(value) for key, value in DEFAULT_FONTS.items()}
    for key, entry in given.items():
        if not isinstance(entry, dict):
            _problem(
                f"BRAND['fonts'][{key!r}] is not a dictionary; write "
                "{'family': ['Name'], 'size': 1.0, 'line_height': 1.6}"
            )
            continue
        merged = {**fonts.get(key, {}), **entry}
        for field in ("family", "headings"):
            value = merged.get(field)
            if isinstance(value, str):
                merged[field] = [value]
            elif value is not None and not (
                isinstance(value, list) and all(isinstance(v, str) for v in value)
            ):
                _problem(
                    f"BRAND['fonts'][{key!r}][{field!r}] = {value!r}: write a list "
                    "of font family names"
                )
                merged[field] = fonts.get(key, {}).get(field)
        for field, (low, high) in _NUMBERS.items():
            value = merged.get(field)
            if value is not None and (
                isinstance(value, bool)
                or not isinstance(value, int | float)
                or not low <= value <= high
            ):
                _problem(
                    f"BRAND['fonts'][{key!r}][{field!r}] = {value!r}: write a "
                    f"number between {low} and {high}"
                )
                merged[field] = fonts.get(key, {}).get(field)
        fonts[key] = merged
    return fonts


def _faces(given: list[Any], settings: dict[str, Any]) -> list[dict[str, Any]]:
    static = os.path.join(settings.get("THEME", "theme"), "static")
    faces = []
    for index, entry in enumerate(given):
        where = f"BRAND['faces'][{index}]"
        try:
            face = Face(
                family=str(entry["family"]),
                file=str(entry["file"]),
                weight=int(entry.get("weight", 400)),
                style=str(entry.get("style", "normal")),
                unicode_range=str(entry.get("unicode_range", "")),
            )
        except (KeyError, TypeError, ValueError, AttributeError):
            _problem(
                f"{where} = {entry!r}: write {{'family': 'Name', 'file': "
                "'fonts/name-400.woff2', 'weight': 400}"
            )
            continue
        if _outside(face.file) or not os.path.isfile(os.path.join(static, face.file)):
            _problem(
                f"{where}: {face.file!r} is not a file in the theme's static "
                "folder; put the woff2 file in theme/static/fonts/ and write "
                "'fonts/<name>.woff2'"
            )
        elif not 100 <= face.weight <= 900 or face.style not in ("normal", "italic"):
            _problem(f"{where}: weight 100 to 900 and style 'normal' or 'italic'")
        elif face.unicode_range and not _RANGE.fullmatch(face.unicode_range):
            _problem(
                f"{where}: unicode_range {face.unicode_range!r}; write ranges "
                "such as 'U+0000-00FF, U+2013'"
            )
        else:
            faces.append(face.__dict__)
    return faces


def read_motif(motif: Any, settings: dict[str, Any]) -> str | None:
    """The motif's SVG, as text, or None (reported) when it cannot be used."""
    if motif in (None, ""):
        return None
    where = f"BRAND['motif'] = {motif!r}"
    if not isinstance(motif, str) or _outside(motif):
        _problem(f"{where}: write the path of an SVG file in content/, or None")
        return None
    path = os.path.join(settings.get("PATH", "content"), motif)
    try:
        with open(path, "rb") as handle:
            data = handle.read(MOTIF_MAX_BYTES + 1)
    except OSError:
        _problem(f"{where}: no such file in content/; the rules are drawn plain")
        return None
    if len(data) > MOTIF_MAX_BYTES or not _SVG_ROOT.match(data):
        _problem(
            f"{where}: not an SVG file of at most {MOTIF_MAX_BYTES // 1000} KB "
            "(a small tile that repeats); the rules are drawn plain"
        )
        return None
    return data.decode("utf-8", "replace")


def _luminance(color: str) -> float:
    red, green, blue = (
        c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4
        for c in (channel / 255 for channel in _channels(color))
    )
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def contrast(first: str, second: str) -> float:
    """WCAG 2 contrast ratio of two #rrggbb colours (1 to 21)."""
    light, dark = sorted((_luminance(first), _luminance(second)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def _check_contrast(colors: dict[str, str]) -> None:
    for text, background, what in CONTRAST_PAIRS:
        ratio = contrast(colors.get(text, text), colors[background])
        if ratio < 4.5:
            _problem(
                f"BRAND['colors']: {what} has a contrast of {ratio:.1f}:1, "
                "below the 4.5:1 that text needs (WCAG 1.4.3); choose a darker "
                "or lighter colour"
            )


def script_of(lang: Any) -> str:
    """The ISO 15924 script a language is written in ("Arab", "Tfng",
    "Latn"), from its locale or CLDR's likeliest one."""
    locale = Locale.parse(lang.locale)
    if locale.script:
        return locale.script
    likely = get_global("likely_subtags")
    for key in (str(locale), locale.language):
        if key in likely:
            script = parse_locale(likely[key])[2]
            if script:
                return script
    return ""


def fonts_for(brand: dict[str, Any], lang: Any) -> dict[str, Any]:
    """The fonts entry of a language: its code's, else its script's, else "*"."""
    fonts = brand["fonts"]
    for key in (lang.code, script_of(lang)):
        if key in fonts:
            return {**fonts.get("*", {}), **fonts[key]}
    return dict(fonts.get("*", {}))


def css_string(text: str) -> str:
    """`text` as a quoted CSS string: anything but letters, digits, spaces,
    hyphens and underscores is written as a hex escape, so no value can
    close the string or the rule."""
    out = []
    for char in text:
        if char.isalnum() or char in " -_":
            out.append(char)
        else:
            out.append(f"\\{ord(char):x} ")
    return '"' + "".join(out) + '"'


def _families(names: list[str] | None) -> str:
    return ",".join([css_string(n) for n in names or []] + ["var(--sans)"])


def _number(value: float) -> str:
    return f"{value:.3f}".rstrip("0").rstrip(".")


def brand_css(
    brand: dict[str, Any], languages: list[Any], settings: dict[str, Any]
) -> str:
    """The stylesheet's first lines: the brand's custom properties, its font
    faces and each language's fonts. `brand` is from brand_settings()."""
    properties = [f"--{name}:{value}" for name, value in brand["colors"].items()]
    motif = read_motif(brand["motif"], settings) if brand["motif"] else None
    if motif:
        # Spaces, quotes ', = and / kept as they are: a third of the size of
        # encoding everything; what could end the string or the rule is not.
        uri = "data:image/svg+xml," + quote(_compact(motif), safe=" '=/:;,.-_")
        properties += [f'--motif:url("{uri}")', "--motif-size:0.75rem"]
    else:  # mask-image: none: the motif's places become plain rules
        properties += ["--motif:none", "--motif-size:0.25rem"]
    rules = [":root{" + ";".join(properties) + "}"]
    for face in (Face(**entry) for entry in brand["faces"]):
        declarations = [
            f"font-family:{css_string(face.family)}",
            f'src:url("{face.file}") format("woff2")',
            f"font-weight:{face.weight}",
            f"font-style:{face.style}",
            "font-display:swap",
        ]
        if face.unicode_range:
            declarations.append(f"unicode-range:{face.unicode_range}")
        rules.append("@font-face{" + ";".join(declarations) + "}")
    for lang in languages:
        if not _TAG.fullmatch(lang.tag):
            continue  # LANGUAGES checks tags; never write one that could escape
        fonts = fonts_for(brand, lang)
        page = f"html:lang({lang.tag})"
        family = _families(fonts.get("family"))
        if fonts.get("family"):  # else the theme's: the system's sans-serif
            rules.append(f"{page}{{font-family:{family}}}")
        body = []
        if fonts.get("size"):
            body.append(f"font-size:{_number(fonts['size'])}rem")
        if fonts.get("line_height"):
            body.append(f"line-height:{_number(fonts['line_height'])}")
        if body:
            rules.append(f"{page} body{{{';'.join(body)}}}")
        headings = []
        if fonts.get("headings"):
            headings.append(f"font-family:{_families(fonts['headings'])}")
        if fonts.get("headings_line_height"):
            headings.append(f"line-height:{_number(fonts['headings_line_height'])}")
        if headings:
            rules.append(
                f"{page} :is(h1,h2,h3,.brand,.button,.badge){{{';'.join(headings)}}}"
            )
        # The language's name elsewhere (root chooser, switcher) in its own
        # fonts and size.
        other = f'[lang="{lang.tag}"]'
        if fonts.get("family"):
            rules.append(
                f".chooser-list {other},.chooser-title {other}{{font-family:{family}}}"
            )
        if fonts.get("size") and fonts["size"] != 1:
            rules.append(f".langs {other}{{font-size:{_number(fonts['size'])}em}}")
    return "\n".join(rules)


def _compact(svg: str) -> str:
    """The SVG without comments and the whitespace between tags."""
    svg = re.sub(r"<!--.*?-->", "", svg, flags=re.S)
    return re.sub(r">\s+<", "><", svg).strip()
