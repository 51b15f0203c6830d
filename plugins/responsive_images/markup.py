"""The <picture> element for one image, in the three places photos appear.

- ``lead``: the item's front-matter image at the top of its page: loaded at
  once with high priority (it is usually the largest thing on screen);
- ``card``: a thumbnail in a listing: loaded lazily;
- ``body``: a photo inside the text: loaded lazily.

Every ``<img>`` has its ``width`` and ``height``, so nothing moves when it
arrives.
"""

from __future__ import annotations

from html import escape
from typing import Any

from .derivatives import Candidate, ImageSet

# What `sizes` says for each place (how wide the image is drawn), matching the
# theme's layout; override with RESPONSIVE_IMAGES["sizes"].
SIZES = {
    "lead": "(min-width: 68rem) 66rem, calc(100vw - 2rem)",
    "body": "(min-width: 44rem) 42rem, calc(100vw - 2rem)",
    "card": "8rem",
}


def _srcset(siteurl: str, candidates: list[Candidate]) -> str:
    return ", ".join(f"{siteurl}/{c.url} {c.width}w" for c in candidates)


def picture(
    image: ImageSet,
    alt: str,
    role: str,
    siteurl: str,
    sizes: dict[str, str] | None = None,
    eager: bool | None = None,
) -> str:
    """HTML for `image` drawn in place `role` (lead, card or body); a lead
    image loads at once, others lazily unless `eager`."""
    size = {**SIZES, **(sizes or {})}.get(role, "100vw")
    attributes: dict[str, Any] = {
        "src": f"{siteurl}/{image.src}",
        "srcset": _srcset(siteurl, image.candidates),
        "sizes": size,
        "width": image.width,
        "height": image.height,
        "alt": alt,
    }
    if role == "lead" if eager is None else eager:
        attributes["fetchpriority"] = "high"
    else:
        attributes["loading"] = "lazy"
        attributes["decoding"] = "async"
    img = "<img " + " ".join(
        f'{name}="{escape(str(value))}"' for name, value in attributes.items()
    )
    source = ""
    if image.webp:
        source = (
            f'<source type="image/webp" srcset="{escape(_srcset(siteurl, image.webp))}"'
            f' sizes="{escape(size)}">'
        )
    return f"<picture>{source}{img}></picture>"
