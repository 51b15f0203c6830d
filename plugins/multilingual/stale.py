"""Pages of content that is gone: Pelican writes into the output folder and
never removes anything, so a page whose file was deleted, renamed, made a
draft or given a mistake stayed, in the preview and in its search index.
Production builds start from an empty folder; this is for the others."""

from __future__ import annotations

import hashlib
import json
import os

COMPRESSED = (".br", ".gz")


def remove_stale(output: str, cache: str, written: set[str]) -> list[str]:
    """Remove what the last build into `output` wrote and this one did not;
    return those files, relative to `output`."""
    output = os.path.abspath(output)
    key = hashlib.sha256(output.encode()).hexdigest()[:16]
    manifest = os.path.join(cache, f"written-{key}.json")
    now = sorted(
        os.path.relpath(path, output)
        for path in written
        if os.path.abspath(path).startswith(output + os.sep)
    )
    try:
        with open(manifest, encoding="utf-8") as handle:
            before = json.load(handle)
    except (OSError, ValueError):
        before = []
    gone = []
    for name in sorted(set(before) - set(now)):
        path = os.path.join(output, name)
        # Only what is there: an output emptied before the build (a CI
        # build) has none of the last build's files, nothing to say.
        if os.path.isfile(path):
            gone.append(name)
        for copy in (path, *(path + suffix for suffix in COMPRESSED)):
            if os.path.isfile(copy):
                os.remove(copy)
        _remove_empty_folders(os.path.dirname(path), output)
    os.makedirs(cache, exist_ok=True)
    with open(f"{manifest}.tmp", "w", encoding="utf-8") as handle:
        json.dump(now, handle)
    os.replace(f"{manifest}.tmp", manifest)
    return gone


def _remove_empty_folders(folder: str, output: str) -> None:
    while folder.startswith(output + os.sep):
        try:
            os.rmdir(folder)  # only when empty
        except OSError:
            return
        folder = os.path.dirname(folder)
