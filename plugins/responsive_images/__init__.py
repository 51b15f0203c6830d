"""Responsive photos: every content photo is served at a few widths, in WebP
and in its own format, through <picture> with srcset/sizes, its width and
height, and lazy loading except for a page's lead image.

Settings (pelicanconf.py), all optional::

    RESPONSIVE_IMAGES = {
        "widths": [320, 640, 960],  # derivative widths (narrower than the photo)
        "quality": 80,              # JPEG/WebP quality
        "webp": True,               # also offer WebP
        "output": "images/sized",   # output folder of the derivatives
        "sizes": {"lead": "...", "body": "...", "card": "..."},  # `sizes` per place
    }

Templates call ``picture(item.image, item.image_alt, "lead")`` (or "card");
``image_crops(item.image)`` gives the photo cut to 16:9, 4:3 and 1:1;
photos in the Markdown text are rewritten the same way ("body"). Derivatives
are made once per photo and kept in CACHE_PATH/responsive_images/.
"""

from __future__ import annotations

import html
import logging
import os
import re
from typing import Any

from markupsafe import Markup
from pelican import signals

from multilingual import build_state, record_tree, requires

from .derivatives import Processor
from .markup import picture
from .settings import SETTINGS as SETTINGS  # the core merges them

logger = logging.getLogger(__name__)

IMG_TAG = re.compile(r"<img\b[^>]*>", re.IGNORECASE)
ATTRIBUTE = re.compile(r"""([\w:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')""")
# How Markdown text may point at a content file: {static}/..., {filename}/...
PLACEHOLDER = re.compile(r"^(?:\{static\}|\{filename\}|\|static\||\|filename\|)")


def start(pelican: Any) -> None:
    """This run's photo processor, kept in its build state."""
    state = build_state(pelican.settings)
    state.data["responsive_images"] = Processor(pelican.settings, pelican.output_path)


def processor_of(settings: dict[str, Any]) -> Processor | None:
    return build_state(settings).data.get("responsive_images")


def report(_pelican: Any) -> None:
    processor = processor_of(_pelican.settings)
    if processor is not None:
        # Copies are made in the render workers too: the folder knows them.
        folder = processor.options["output"].strip("/")
        record_tree(_pelican.settings, os.path.join(_pelican.output_path, folder))
        logger.info(
            "Responsive images: %d photos, %d derivatives encoded (the rest cached)",
            sum(1 for s in processor.sets.values() if s),
            processor.encoded,
        )


def _sizes(settings: dict[str, Any]) -> dict[str, str]:
    return settings.get("RESPONSIVE_IMAGES", {}).get("sizes", {})


def add_template_function(generator: Any) -> None:
    env = getattr(generator, "env", None)
    settings = generator.settings
    processor = processor_of(settings)
    if env is None or processor is None:
        return

    def template_picture(path: str | None, alt: str = "", role: str = "lead"):
        if not path:
            return Markup("")
        image = processor.get(path)
        siteurl = settings.get("SITEURL", "")
        if image is None:  # an SVG or another format we do not resize
            return Markup(
                f'<img src="{html.escape(siteurl)}/{html.escape(path.lstrip("/"))}"'
                f' alt="{html.escape(alt or "")}">'
            )
        return Markup(picture(image, alt or "", role, siteurl, _sizes(settings)))

    env.globals["picture"] = template_picture
    # For JSON-LD: a photo in the shapes search engines ask for.
    env.globals["image_crops"] = processor.crops


def _content_path(src: str, instance: Any) -> str | None:
    """The content-relative path an <img src> in Markdown points at, if local."""
    if re.match(r"^[a-z][a-z0-9+.-]*:|^//", src, re.IGNORECASE):
        return None  # another host, or a data: URL
    content = instance.settings["PATH"]
    if PLACEHOLDER.match(src) or src.startswith("/"):
        return PLACEHOLDER.sub("", src).lstrip("/")
    folder = os.path.dirname(os.path.relpath(instance.source_path, content))
    return os.path.normpath(os.path.join(folder, src))


def rewrite_body_images(instance: Any) -> None:
    """Photos in the Markdown text become <picture> elements, lazily loaded
    (the first one loads at once when the page has no lead image)."""
    body = getattr(instance, "_content", None)
    settings = instance.settings
    processor = processor_of(settings)
    if processor is None or not body or "<img" not in body:
        return
    first = [not getattr(instance, "image", None)]

    def replace(match: re.Match) -> str:
        attributes = {
            name.lower(): html.unescape(double if double is not None else single)
            for name, double, single in ATTRIBUTE.findall(match.group(0))
        }
        path = _content_path(attributes.get("src", ""), instance)
        image = processor.get(path) if path else None
        if image is None:
            return match.group(0)
        eager, first[0] = first[0], False
        return picture(
            image,
            attributes.get("alt", ""),
            "body",
            settings.get("SITEURL", ""),
            _sizes(settings),
            eager=eager,
        )

    instance._content = IMG_TAG.sub(replace, body)


def register() -> None:
    requires("responsive_images")
    signals.initialized.connect(start)
    signals.generator_init.connect(add_template_function)
    signals.content_object_init.connect(rewrite_body_images)
    signals.finalized.connect(report)
