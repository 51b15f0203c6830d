"""schema.org data as JSON-LD in every page's <head>: NewsArticle for news and
press releases, Event for events, Person for people, PoliticalParty on the
home pages. It is data for search engines and news aggregators, not a script
the browser runs, so a strict Content-Security-Policy does not block it.
Needs the multilingual plugin."""

from __future__ import annotations

from typing import Any

from jinja2 import pass_context
from pelican import signals

from multilingual import requires

from .schema import json_ld


def add_global(generator: Any) -> None:
    env = getattr(generator, "env", None)
    if env is not None:
        env.globals["json_ld"] = pass_context(json_ld)


def register() -> None:
    requires("structured_data")
    signals.generator_init.connect(add_global)
