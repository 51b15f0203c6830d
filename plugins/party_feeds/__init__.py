"""Per-language Atom and RSS feeds (all, press releases, each region) and the
journalists' feeds page. Needs the multilingual plugin, listed before it."""

from __future__ import annotations

from typing import Any

from pelican import signals

from multilingual import generated_page, requires

from .feeds import FeedsGenerator
from .settings import SETTINGS as SETTINGS  # the core merges them


def get_generators(_pelican: Any) -> type:
    return FeedsGenerator


def register() -> None:
    requires("party_feeds")
    signals.get_generators.connect(get_generators)
    generated_page("feeds", "feeds page")
