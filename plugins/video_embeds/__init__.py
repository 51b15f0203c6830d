"""Click-to-load videos: a YouTube or Vimeo link alone on its line becomes a
preview box that asks nothing of the video host until the visitor clicks.

The box is a plain link to the video (it works without JavaScript); the
self-hosted ``video.js``, loaded only by pages with a video, swaps it for the
host's player on click. Only hosts listed in ``VIDEO_HOSTS`` (embed host
names, the same list the HTML sanitizer allows iframes from) are turned into
players; any other link stays a link.

The preview carries the video's id and the player's host (``data-video``,
``data-host``), never an address: video.js builds the player's address from
them with its own templates, so no address found in a page becomes a player.
The preview is added after the text is sanitized (which removes ``class``
and ``data-*`` written in content), so only this plugin writes it.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from typing import Any

from pelican import signals

from multilingual import N_, languages_from_settings, load_translations, requires

from .settings import SETTINGS as SETTINGS  # the core merges them


@dataclass(frozen=True)
class Provider:
    name: str
    embed_host: str
    watch: re.Pattern[str]  # a visitor-facing address; group "id"
    embed: str  # the player's address, {id} filled in (video.js has the same)
    video_id: re.Pattern[str]  # what an id of this host looks like
    label: str  # msgid of the link's text


PROVIDERS = [
    Provider(
        "YouTube",
        "www.youtube-nocookie.com",
        re.compile(
            r"https?://(?:www\.|m\.)?(?:youtube\.com/(?:watch\?(?:[^#\s]*&)?v="
            r"|shorts/|embed/|live/)|youtu\.be/)(?P<id>[A-Za-z0-9_-]{11})"
            r"(?:[?&#][^\s]*)?"
        ),
        "https://www.youtube-nocookie.com/embed/{id}?autoplay=1",
        re.compile(r"[A-Za-z0-9_-]{11}"),
        N_("Watch on YouTube"),
    ),
    Provider(
        "Vimeo",
        "player.vimeo.com",
        re.compile(
            r"https?://(?:www\.|player\.)?vimeo\.com/(?:video/)?(?P<id>\d+)"
            r"(?:[?#][^\s]*)?"
        ),
        "https://player.vimeo.com/video/{id}?autoplay=1&dnt=1",
        re.compile(r"[0-9]{1,20}"),
        N_("Watch on Vimeo"),
    ),
]
# Shown when the editor gave the link no text of its own.
UNTITLED = N_("Video")

# A paragraph holding nothing but one link or one bare address.
_ALONE = re.compile(
    r"<p>\s*(?:<a\s+href=\"(?P<href>[^\"]+)\"[^>]*>(?P<text>[^<]*)</a>"
    r"|(?P<bare>https?://[^\s<]+))\s*</p>"
)


@dataclass(frozen=True)
class Video:
    provider: Provider
    url: str  # as the editor wrote it
    video_id: str
    title: str

    @property
    def embed_url(self) -> str:
        return self.provider.embed.format(id=self.video_id)


def find_video(url: str, providers: list[Provider]) -> tuple[Provider, str] | None:
    """The provider and the video's id of a visitor-facing address."""
    for provider in providers:
        match = provider.watch.fullmatch(url)
        if match and provider.video_id.fullmatch(match["id"]):
            return provider, match["id"]
    return None


def render(video: Video, gettext: Any) -> str:
    e = html.escape
    return (
        '<figure class="video">'
        f'<a class="video-link" href="{e(video.url)}" '
        f'data-host="{e(video.provider.embed_host)}" '
        f'data-video="{e(video.video_id)}" data-title="{e(video.title)}">'
        '<span class="video-play" aria-hidden="true"></span>'
        f'<span class="video-title">{e(video.title)}</span> '
        f'<span class="video-host">{e(gettext(video.provider.label))}</span>'
        "</a></figure>"
    )


def replace_videos(content_html: str, providers: list[Provider], gettext: Any):
    """The HTML with each lone video link turned into a preview; and how many."""
    count = 0

    def swap(match: re.Match[str]) -> str:
        nonlocal count
        url = html.unescape(match["href"] or match["bare"])
        found = find_video(url, providers)
        if not found:
            return match[0]
        provider, video_id = found
        text = html.unescape(match["text"] or "").strip()
        title = text if text and text != url else gettext(UNTITLED)
        count += 1
        return render(Video(provider, url, video_id, title), gettext)

    return _ALONE.sub(swap, content_html), count


def enabled_providers(settings: dict[str, Any]) -> list[Provider]:
    hosts = set(settings.get("VIDEO_HOSTS") or [])
    return [p for p in PROVIDERS if p.embed_host in hosts]


def convert(instance: Any) -> None:
    providers = enabled_providers(instance.settings)
    content_html = getattr(instance, "_content", None)
    if not providers or not content_html or "http" not in content_html:
        return
    settings = instance.settings
    languages = languages_from_settings(settings)
    translations = load_translations(settings["THEME"], languages)
    lang = getattr(instance, "lang", None)
    catalog = translations.get(lang) or translations[languages[0].code]
    instance._content, count = replace_videos(content_html, providers, catalog.gettext)
    # base.html loads video.js only on pages that have a video.
    instance.has_video = count > 0


def register() -> None:
    requires("video_embeds")
    signals.content_object_init.connect(convert)
