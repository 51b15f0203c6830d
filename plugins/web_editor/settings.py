"""web_editor's settings, with their defaults (merged under the party's
WEB_EDITOR at start; an unknown key stops the build)."""

from __future__ import annotations

from typing import Any

from multilingual import Table

SETTINGS: dict[str, Any] = {
    "WEB_EDITOR": {
        "enabled": True,
        "path": "admin",  # the editor's address: /admin/
        # Where the editor saves once online; None: the local proxy only.
        "backend": None,
        "editorial_workflow": True,  # drafts as branches, where the backend can
        "local_proxy_url": "http://localhost:8081/api/v1",
        "branch": "main",  # the branch the editor saves to
        "ui_locale": "en",  # the editor's own interface language (Decap's locales)
        # Field labels and hints in the editor's interface language; English
        # (the field names) when not given. Hints: "key", "time" ({zone}),
        # "same" (fields every translation must state alike).
        "labels": Table(),
        "hints": Table(),
        "media_folder": "images",  # under PATH: photos
        "files_folder": "files",  # under PATH: attachments
    },
}
