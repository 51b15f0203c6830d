"""video_embeds' settings, with their defaults."""

from __future__ import annotations

from typing import Any

SETTINGS: dict[str, Any] = {
    # A YouTube or Vimeo link alone on its line becomes a click-to-load
    # player from these hosts only; raw HTML may embed iframes from them only.
    "VIDEO_HOSTS": ["www.youtube-nocookie.com", "player.vimeo.com"],
}
