"""The press side of the site: reference numbers, places, contacts and
attachments of press releases; a press room per language (latest releases,
contacts, press kit, subscriptions); the releases archive by year; and a
weekly digest to paste into a mailing tool. Needs the multilingual plugin."""

from __future__ import annotations

from typing import Any

from pelican import signals

from multilingual import requires

from .numbering import number_releases
from .room import PressRoomGenerator


def get_generators(_pelican: Any) -> type:
    return PressRoomGenerator


def register() -> None:
    requires("press_room")
    signals.article_generator_finalized.connect(number_releases)
    signals.get_generators.connect(get_generators)
