"""Smaller copies of each content photo, made once and kept in the cache.

A photo is decoded and encoded only when its bytes or the settings change:
derivative names carry a hash of both, and the cache folder keeps them between
builds. A build then only copies the files it needs into the output.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
from dataclasses import dataclass, field
from typing import Any

from PIL import Image, ImageOps

from multilingual import inside, note_page_file, publish_for_page

from .settings import SETTINGS

logger = logging.getLogger(__name__)

# Raster formats we resize, and the Pillow format to write each in.
FORMATS = {".jpg": "JPEG", ".jpeg": "JPEG", ".png": "PNG", ".webp": "WEBP"}
# Bump when the encoding below changes, so caches are remade.
VERSION = 1
# The shapes search engines ask of an article's images (Google: 16:9, 4:3
# and 1:1), each cut from the photo's centre, at most this wide.
RATIOS = ((16, 9), (4, 3), (1, 1))
CROP_WIDTH = 1200
CROP_VERSION = 1  # bump when the cutting below changes

DEFAULTS: dict[str, Any] = SETTINGS["RESPONSIVE_IMAGES"]


@dataclass
class Candidate:
    url: str  # from the site root, no leading slash
    width: int


@dataclass
class ImageSet:
    """What a template needs to write a <picture> for one source image."""

    src: str  # the original-size file, from the site root
    width: int
    height: int
    media_type: str
    candidates: list[Candidate] = field(default_factory=list)  # own format
    webp: list[Candidate] = field(default_factory=list)


class Processor:
    """Makes and publishes derivatives; one per build."""

    def __init__(self, settings: dict[str, Any], output_path: str):
        self.settings = settings
        self.options = {**DEFAULTS, **settings.get("RESPONSIVE_IMAGES", {})}
        self.content_path = settings["PATH"]
        self.output_path = output_path
        self.cache = os.path.join(settings["CACHE_PATH"], "responsive_images")
        self.sets: dict[str, ImageSet | None] = {}
        self.cropped: dict[str, list[Candidate]] = {}
        # (cached, target) of what each photo published, by cache key: a
        # page that asks again notes them too (see publish_for_page).
        self.published: dict[tuple[str, str], list[tuple[str, str]]] = {}
        self.encoded = 0  # derivatives encoded in this build (cache misses)

    def get(self, path: str) -> ImageSet | None:
        """The image set of `path` (relative to the content folder), or None
        for what is not a photo we can resize (an SVG, a missing file)."""
        path = path.lstrip("/")
        if path not in self.sets:
            self.sets[path] = self._make(path)
        else:
            self._noted("set", path)
        return self.sets[path]

    def _noted(self, kind: str, path: str) -> None:
        for cached, target in self.published.get((kind, path), []):
            note_page_file(self.settings, cached, target)

    def _publish_file(self, kind: str, path: str, cached: str, target: str) -> None:
        publish_for_page(self.settings, cached, target)
        self.published.setdefault((kind, path), []).append((cached, target))

    def _make(self, path: str) -> ImageSet | None:
        source = os.path.join(self.content_path, path)
        extension = os.path.splitext(path)[1].lower()
        if extension not in FORMATS or not os.path.isfile(source):
            return None
        if not inside(self.content_path, source):
            return None  # "../x.jpg", or a link out of content/: never published
        with open(source, "rb") as handle:
            data = handle.read()
        params = json.dumps(
            [VERSION, self.options["widths"], self.options["quality"]]
        ).encode()
        digest = hashlib.sha256(data + params).hexdigest()[:10]
        stem = os.path.splitext(os.path.basename(path))[0]
        base = f"{stem}-{digest}"
        manifest = os.path.join(self.cache, base + ".json")
        made = self._cached(manifest)
        if made is None:
            made = self._encode(source, base, extension)
            os.makedirs(self.cache, exist_ok=True)
            with open(f"{manifest}.{os.getpid()}.tmp", "w", encoding="utf-8") as handle:
                json.dump(made, handle)
            os.replace(f"{manifest}.{os.getpid()}.tmp", manifest)
        return self._publish(path, made, extension)

    def crops(self, path: str) -> list[Candidate]:
        """`path` cut to each of RATIOS (16:9, 4:3, 1:1), made once like the
        other derivatives; [] for what we cannot resize."""
        path = path.lstrip("/")
        if path not in self.cropped:
            self.cropped[path] = self._crops(path)
        else:
            self._noted("crops", path)
        return self.cropped[path]

    def _crops(self, path: str) -> list[Candidate]:
        source = os.path.join(self.content_path, path)
        extension = os.path.splitext(path)[1].lower()
        if extension not in FORMATS or not os.path.isfile(source):
            return []
        with open(source, "rb") as handle:
            data = handle.read()
        params = json.dumps(
            [VERSION, CROP_VERSION, RATIOS, CROP_WIDTH, self.options["quality"]]
        ).encode()
        digest = hashlib.sha256(data + params).hexdigest()[:10]
        stem = os.path.splitext(os.path.basename(path))[0]
        folder = self.options["output"].strip("/")
        os.makedirs(os.path.join(self.output_path, folder), exist_ok=True)
        image = None
        made = []
        for across, down in RATIOS:
            name = f"{stem}-{digest}-{across}x{down}{extension}"
            cached = os.path.join(self.cache, name)
            if not os.path.exists(cached):
                if image is None:
                    with Image.open(source) as opened:
                        image = ImageOps.exif_transpose(opened)
                        image.load()
                os.makedirs(self.cache, exist_ok=True)
                self._save(self._cut(image, across, down), cached, FORMATS[extension])
            with Image.open(cached) as done:
                width = done.width
            destination = os.path.join(self.output_path, folder, name)
            # A link, made atomically: render workers may publish the same
            # copy at once (copyfile raced into SameFileError under load).
            self._publish_file("crops", path, cached, destination)
            made.append(Candidate(f"{folder}/{name}", width))
        return made

    @staticmethod
    def _cut(image: Image.Image, across: int, down: int) -> Image.Image:
        """The largest centred box of that shape, no wider than CROP_WIDTH."""
        width, height = image.size
        unit = min(width // across, height // down)  # exact shape, not rounded
        box_width, box_height = unit * across, unit * down
        left, top = (width - box_width) // 2, (height - box_height) // 2
        cut = image.crop((left, top, left + box_width, top + box_height))
        if box_width > CROP_WIDTH:
            size = (CROP_WIDTH, CROP_WIDTH * down // across)
            cut = cut.resize(size, Image.Resampling.LANCZOS)
        return cut

    def _cached(self, manifest: str) -> dict[str, Any] | None:
        if not os.path.exists(manifest):
            return None
        with open(manifest, encoding="utf-8") as handle:
            made = json.load(handle)
        names = [name for entries in made["files"].values() for name, _w in entries]
        if all(os.path.exists(os.path.join(self.cache, n)) for n in names):
            return made
        return None  # a cleaned cache: encode again

    def _encode(self, source: str, base: str, extension: str) -> dict[str, Any]:
        """Write every derivative of one photo into the cache."""
        os.makedirs(self.cache, exist_ok=True)
        with Image.open(source) as opened:
            image = ImageOps.exif_transpose(opened)  # phones store rotation apart
            rotated = image.size != opened.size or (
                opened.getexif().get(0x0112, 1) != 1
            )
            image.load()
        width, height = image.size
        own = FORMATS[extension]
        # Widths below the original, plus the original size itself when the
        # original file cannot serve as is (rotation only in EXIF).
        widths = [w for w in sorted(set(self.options["widths"])) if w < width]
        files: dict[str, list[list[Any]]] = {"own": [], "webp": []}
        kinds = [("own", own, extension)]
        if self.options["webp"] and own != "WEBP":
            kinds.append(("webp", "WEBP", ".webp"))
        for kind, fmt, ext in kinds:
            sizes = widths + ([width] if kind == "webp" or rotated else [])
            for w in sizes:
                name = f"{base}-{w}{ext}"
                resized = (
                    image
                    if w == width
                    else image.resize(
                        (w, round(height * w / width)), Image.Resampling.LANCZOS
                    )
                )
                self._save(resized, os.path.join(self.cache, name), fmt)
                files[kind].append([name, w])
        return {"width": width, "height": height, "files": files, "rotated": rotated}

    def _save(self, image: Image.Image, target: str, fmt: str) -> None:
        # No exif/xmp argument: derivatives carry no camera or GPS data.
        options: dict[str, Any] = {}
        if image.info.get("icc_profile"):
            options["icc_profile"] = image.info["icc_profile"]
        if fmt == "JPEG":
            image = image.convert("RGB")
            options.update(quality=self.options["quality"], optimize=True)
            options["progressive"] = True
        elif fmt == "WEBP":
            if image.mode not in ("RGB", "RGBA"):  # CMYK JPEGs, palette PNGs
                alpha = image.mode in ("LA", "PA") or "transparency" in image.info
                image = image.convert("RGBA" if alpha or image.mode == "P" else "RGB")
            options.update(quality=self.options["quality"], method=6)
        elif fmt == "PNG":
            options["optimize"] = True
        image.save(f"{target}.{os.getpid()}.tmp", fmt, **options)
        os.replace(f"{target}.{os.getpid()}.tmp", target)
        self.encoded += 1
        logger.debug("Encoded %s", target)

    def _publish(self, path: str, made: dict[str, Any], extension: str) -> ImageSet:
        folder = self.options["output"].strip("/")
        target = os.path.join(self.output_path, folder)
        os.makedirs(target, exist_ok=True)
        result = ImageSet(
            src=path,
            width=made["width"],
            height=made["height"],
            media_type=f"image/{FORMATS[extension].lower()}",
        )
        for kind, entries in made["files"].items():
            for name, w in entries:
                destination = os.path.join(target, name)
                cached = os.path.join(self.cache, name)
                self._publish_file("set", path, cached, destination)
                candidate = Candidate(f"{folder}/{name}", w)
                (result.webp if kind == "webp" else result.candidates).append(candidate)
        if made["rotated"]:
            result.src = result.candidates[-1].url
        else:
            result.candidates.append(Candidate(path, made["width"]))
        return result
