"""Published photos carry no EXIF: phone pictures hold GPS positions, the
phone's model and the time they were taken.

Runs once the site is written, on the copies in the output folder (the
editors' originals are left alone). JPEGs are re-saved with their own
quantisation tables (``quality="keep"``), so the picture is not degraded.
"""

from __future__ import annotations

import functools
import io
import logging
import os
from typing import Any

from PIL import Image

from multilingual import build_state, requires

logger = logging.getLogger(__name__)

PHOTO_EXTENSIONS = (".jpg", ".jpeg", ".png", ".webp")


def _clean_bytes(path: str) -> bytes | None:
    """The image without EXIF and XMP, or None when it has none."""
    with Image.open(path) as image:
        if "exif" not in image.info and "xmp" not in image.info:
            return None
        options: dict[str, Any] = {"exif": b"", "xmp": b""}
        if image.info.get("icc_profile"):
            options["icc_profile"] = image.info["icc_profile"]  # colours stay right
        if image.format == "JPEG":
            options.update(quality="keep", subsampling="keep")
        buffer = io.BytesIO()
        image.save(buffer, image.format, **options)
    return buffer.getvalue()


@functools.lru_cache(maxsize=1024)
def _published_size(path: str, _mtime: float) -> int:
    clean = _clean_bytes(path)
    return os.path.getsize(path) if clean is None else len(clean)


def published_size(path: str) -> int:
    """Size of a content file once published: a photo loses its EXIF (feeds
    announce the size as enclosure length, the press room beside a link)."""
    if not path.lower().endswith(PHOTO_EXTENSIONS):
        return os.path.getsize(path)
    return _published_size(path, os.path.getmtime(path))


def strip_metadata(path: str) -> bool:
    """Remove EXIF and XMP from one image in place; True if there was some."""
    clean = _clean_bytes(path)
    if clean is None:
        return False
    with open(path + ".tmp", "wb") as handle:
        handle.write(clean)
    os.replace(path + ".tmp", path)
    return True


def strip_output_photos(pelican: Any) -> None:
    for folder, _dirs, files in os.walk(pelican.output_path):
        for name in files:
            if name.lower().endswith(PHOTO_EXTENSIONS):
                path = os.path.join(folder, name)
                if strip_metadata(path):
                    logger.info("Removed EXIF/GPS data from %s", path)


def measure_published_photos(pelican: Any) -> None:
    build_state(pelican.settings).size_of = published_size


def register() -> None:
    requires("photo_privacy")
    from pelican import signals

    signals.initialized.connect(measure_published_photos)
    signals.finalized.connect(strip_output_photos)
