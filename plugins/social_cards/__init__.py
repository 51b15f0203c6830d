"""Social cards: a 1200x630 Open Graph image for every page, in its language,
with the party's colours, logo and name, so a shared link shows the title
drawn properly in Arabic (joined, right to left) or Tifinagh.

Settings (pelicanconf.py)::

    SOCIAL_CARDS = {
        "enabled": True,             # the kit: False in development
        "logo": "images/logo.png",   # in content/; PNG or JPEG (not SVG)
        "fonts": {                   # per language code, "*" for the others;
            "ar": ["fonts/...woff2"],  # files in the theme, first choice first
        },
        "output": "images/social",
    }

Templates call ``social_card(item, lang, label)``. A card is drawn once and
kept in CACHE_PATH/social_cards/ under a hash of everything drawn on it.
A person (a section of kind "people") gets their portrait (``image``) beside
their name and ``role``. The colours are BRAND's. Faces lighter than bold (the
regular Tifinagh) are drawn with a stroke, so every language's card has the
same weight.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import os
import sys
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlparse

from pelican import signals
from PIL import Image, features

from multilingual import (
    DEFAULT_COLORS,
    FrontMatterError,
    build_state,
    display_path,
    note_page_file,
    publish_for_page,
    record_tree,
    requires,
    sections_from_settings,
    warn,
)

from .render import (
    FOOTER_TOP,
    HEIGHT,
    PNG_OPTIONS,
    WIDTH,
    Style,
    card_palette,
    draw_person,
    draw_title,
    footer_strip,
    render_base,
    to_png,
)
from .settings import SETTINGS as SETTINGS

logger = logging.getLogger(__name__)

VERSION = 6  # bump when the drawing changes: every card is drawn again

DEFAULTS: dict[str, Any] = SETTINGS["SOCIAL_CARDS"]

NO_RAQM = (
    "Social cards need Pillow's raqm text layout to join and order Arabic "
    "letters, and it is not available (its FriBiDi library is missing). "
    "Install it with: apt-get install libfribidi0 (or set "
    "SOCIAL_CARDS['enabled'] = False in the settings)."
)


@dataclass(frozen=True)
class Card:
    url: str  # from the site root
    width: int = WIDTH
    height: int = HEIGHT


class Cards:
    def __init__(self, settings: dict[str, Any], output_path: str):
        self.options = {**DEFAULTS, **settings.get("SOCIAL_CARDS", {})}
        self.settings = settings
        self.output_path = output_path
        self.cache = os.path.join(settings["CACHE_PATH"], "social_cards")
        self.made: dict[str, Card] = {}
        self.drawn = 0
        base = settings.get("SITEURL") or settings.get("DEV_SITEURL", "")
        self.host = urlparse(base).netloc or base
        party = settings.get("PARTY", {})
        self.colors = settings.get("BRAND", {}).get("colors") or DEFAULT_COLORS
        self.people = {
            key
            for key, section in (
                sections_from_settings(settings) if "SECTIONS" in settings else {}
            ).items()
            if section.kind == "people"
        }
        self.names = party.get("name", {})
        self.taglines = party.get("tagline", {})
        logo = self.options["logo"]
        if logo and not logo.lower().endswith((".png", ".jpg", ".jpeg", ".webp")):
            raise ValueError(
                f"SOCIAL_CARDS['logo'] = {logo!r}: Pillow draws PNG, JPEG or WebP, "
                "not SVG; export the logo as PNG (e.g. 256x256) and name that"
            )
        self.logo_path = os.path.join(settings["PATH"], logo) if logo else None
        if self.logo_path and not os.path.isfile(self.logo_path):
            # A party that has not exported its logo yet still gets cards.
            warn(
                FrontMatterError(
                    display_path(self.logo_path, settings["PATH"]),
                    None,
                    "not found, so social cards are drawn without a logo; add the "
                    "file, or change SOCIAL_CARDS['logo'] in pelicanconf.py",
                )
            )
            self.logo_path = None
        self._digests: dict[str, str] = {}
        self._logo: Image.Image | None = None
        self._bases: dict[tuple[str, str], tuple[Image.Image, Image.Image]] = {}
        self._footers: dict[tuple[str, str, str], Image.Image] = {}

    def _file_digest(self, path: str | None) -> str:
        if not path:
            return ""
        if path not in self._digests:
            with open(path, "rb") as handle:
                self._digests[path] = hashlib.sha256(handle.read()).hexdigest()
        return self._digests[path]

    def fonts(self, code: str) -> list[str]:
        table = self.options["fonts"]
        names = table.get(code) or table.get("*") or []
        if not names:
            raise ValueError(f"SOCIAL_CARDS['fonts'] has no font for {code!r} or '*'")
        return [os.path.join(self.settings["THEME"], name) for name in names]

    def _base(
        self, code: str, name: str, style: Style
    ) -> tuple[Image.Image, Image.Image]:
        """The part every card of a language shares, and the card's palette:
        made once."""
        if (code, name) not in self._bases:
            if self._logo is None and self.logo_path:
                self._logo = Image.open(self.logo_path)
                self._logo.load()
            base = render_base(
                name=name, style=style, colors=self.colors, logo=self._logo
            )
            self._bases[code, name] = base, card_palette(base, self.colors)
        return self._bases[code, name]

    def _footer(self, code: str, name: str, footer: str, style: Style) -> Image.Image:
        """A section's footer band in a language: drawn once, as all the
        cards of that section share it."""
        if (code, name, footer) not in self._footers:
            base, _palette = self._base(code, name, style)
            self._footers[code, name, footer] = footer_strip(
                base=base, footer=footer, style=style
            )
        return self._footers[code, name, footer]

    def card(self, item: Any, lang: Any, label: str) -> Card | None:
        """The card of `item` (None: the language's home page) in `lang`."""
        if not self.options["enabled"]:
            return None
        code = lang.code
        if item is None:
            title, slug = self.taglines.get(code, ""), "home"
        else:
            title, slug = item.title, f"{item.section}-{item.key}"
        person = item is not None and item.section in self.people
        role = str(getattr(item, "role", "") or "") if person else ""
        portrait = self._portrait(item) if person else None
        name = self.names.get(code, self.settings.get("SITENAME", ""))
        footer = f"{label} · {self.host}" if label else self.host
        fonts = self.fonts(code)
        latin = self.fonts("*")
        drawn = [
            VERSION,
            title,
            name,
            footer,
            self.colors,
            lang.direction,
            lang.tag,
            [self._file_digest(f) for f in fonts + latin],
            self._file_digest(self.logo_path),
            role,
            self._file_digest(portrait),
        ]
        digest = hashlib.sha256(json.dumps(drawn).encode()).hexdigest()[:10]
        filename = f"{code}-{slug}-{digest}.png"
        cached = os.path.join(self.cache, filename)
        folder = self.options["output"].strip("/")
        target = os.path.join(self.output_path, folder, filename)
        if filename in self.made:
            note_page_file(self.settings, cached, target)
            return self.made[filename]
        if not os.path.exists(cached):
            style = Style(fonts + latin, lang.direction, lang.tag)
            base, palette = self._base(code, name, style)
            image = base.copy()
            image.paste(self._footer(code, name, footer, style), (0, FOOTER_TOP))
            if person:
                with (
                    Image.open(portrait)
                    if portrait
                    else contextlib.nullcontext() as photo
                ):
                    draw_person(
                        image,
                        name=title,
                        role=role,
                        style=style,
                        portrait=photo,
                        accent=self.colors.get("accent", DEFAULT_COLORS["accent"]),
                        frame=self.colors.get(
                            "primary-dark", DEFAULT_COLORS["primary-dark"]
                        ),
                    )
                # A photo needs its own colours, not the flat card's.
                paletted = image.quantize(
                    colors=256, dither=Image.Dither.FLOYDSTEINBERG
                )
            else:
                draw_title(image, title, style)
                paletted = to_png(image, palette)
            os.makedirs(self.cache, exist_ok=True)
            paletted.save(f"{cached}.{os.getpid()}.tmp", "PNG", **PNG_OPTIONS)
            os.replace(f"{cached}.{os.getpid()}.tmp", cached)
            self.drawn += 1
        if not self.made:  # the first card of this process makes the folder
            os.makedirs(os.path.join(self.output_path, folder), exist_ok=True)
        # A link, not a copy: a first build publishes thousands of cards.
        publish_for_page(self.settings, cached, target)
        self.made[filename] = Card(f"{folder}/{filename}")
        return self.made[filename]

    def _portrait(self, item: Any) -> str | None:
        """The person's photo in content/, if it is a picture Pillow reads."""
        image = getattr(item, "image", None)
        if not isinstance(image, str) or not image.lower().endswith(
            (".jpg", ".jpeg", ".png", ".webp")
        ):
            return None
        root = os.path.realpath(self.settings["PATH"])
        path = os.path.realpath(os.path.join(root, image))
        if not path.startswith(root + os.sep) or not os.path.isfile(path):
            return None
        return path


def start(pelican: Any) -> None:
    """This run's cards, kept in its build state."""
    cards = Cards(pelican.settings, pelican.output_path)
    build_state(pelican.settings).data["social_cards"] = cards
    if cards.options["enabled"] and not features.check("raqm"):
        sys.exit(NO_RAQM)


def cards_of(settings: dict[str, Any]) -> Cards | None:
    return build_state(settings).data.get("social_cards")


def add_template_function(generator: Any) -> None:
    env = getattr(generator, "env", None)
    cards = cards_of(generator.settings)
    if env is not None and cards is not None:
        env.globals["social_card"] = cards.card


def report(pelican: Any) -> None:
    cards = cards_of(pelican.settings)
    if cards is None or not cards.options["enabled"]:
        return
    # Cards are drawn in the build's workers too: the output folder, not
    # this process, knows them all. Cards of old titles leave the cache.
    folder = os.path.join(pelican.output_path, cards.options["output"].strip("/"))
    published = set(os.listdir(folder)) if os.path.isdir(folder) else set()
    record_tree(pelican.settings, folder)
    removed = 0
    if os.path.isdir(cards.cache):
        for name in os.listdir(cards.cache):
            if name.endswith(".png") and name not in published:
                os.remove(os.path.join(cards.cache, name))
                removed += 1
    logger.info(
        "Social cards: %d cards, %d drawn here (the rest cached or drawn by "
        "workers), %d old ones removed from the cache",
        len(published),
        cards.drawn,
        removed,
    )


def register() -> None:
    requires("social_cards")
    signals.initialized.connect(start)
    signals.generator_init.connect(add_template_function)
    signals.finalized.connect(report)
