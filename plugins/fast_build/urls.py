"""Each page's address worked out once, not at every mention.

Pelican computes ``url`` and ``save_as`` afresh on every access (a copy of
the metadata, a format string); a site mentions each page many times (menus,
switchers, listings, feeds, sitemap, links in text). Once every generator has
read its content, nothing changes them any more: each item keeps its values.
"""

from __future__ import annotations

from itertools import chain
from typing import Any

from pelican.contents import Content

_FROZEN: dict[type, type] = {}


def _frozen_class(cls: type) -> type:
    """cls with url and save_as read from the instance; same name, because
    Pelican picks settings by class name (ARTICLE_URL, PAGE_SAVE_AS...)."""
    if cls not in _FROZEN:

        def fixed(name: str) -> property:
            computed = getattr(cls, name)  # Pelican's property

            def get(self: Any) -> str:
                value = self.__dict__.get(f"_fixed_{name}")
                # An item made from this class later (the editor loop) computes.
                return computed.fget(self) if value is None else value

            return property(get)

        _FROZEN[cls] = type(
            cls.__name__,
            (cls,),
            {
                "url": fixed("url"),
                "save_as": fixed("save_as"),
                "__module__": cls.__module__,
            },
        )
    return _FROZEN[cls]


def freeze_urls(generators: list[Any]) -> None:
    for generator in generators:
        for item in chain.from_iterable(
            getattr(generator, name, [])
            for name in ("articles", "translations", "pages", "hidden_pages")
        ):
            if isinstance(item, Content) and type(item) not in _FROZEN.values():
                item._fixed_url, item._fixed_save_as = item.url, item.save_as
                item.__class__ = _frozen_class(type(item))
