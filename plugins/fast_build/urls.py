"""Each page's address worked out once, not at every mention.

Pelican computes ``url`` and ``save_as`` afresh on every access (a copy of
the metadata, a format string); a site mentions each page many times (menus,
switchers, listings, feeds, sitemap, links in text). Once every generator has
read its content, nothing changes them any more: each item keeps its values
as Pelican's own ``override_url`` / ``override_save_as``, which its
``url`` and ``save_as`` return as they are.
"""

from __future__ import annotations

from itertools import chain
from typing import Any

from pelican.contents import Content


def freeze_urls(generators: list[Any]) -> None:
    for generator in generators:
        for item in chain.from_iterable(
            getattr(generator, name, [])
            for name in ("articles", "translations", "pages", "hidden_pages")
        ):
            if isinstance(item, Content):
                item.override_url, item.override_save_as = item.url, item.save_as
