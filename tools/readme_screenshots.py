"""Remake the README's home page screenshots (docs/screenshots/home-<code>.png):
each language's home page at 1280 px (desktop) and 390 px (phone), side by
side, from a development build, in Debian's Chromium.

    python tools/readme_screenshots.py [--output BUILD]  # else builds one

Run it after a change that shows on the home page, then look at the three
pictures before committing them.
"""

from __future__ import annotations

import argparse
import io
import subprocess
import sys
import tempfile
from pathlib import Path

from PIL import Image

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from tools.chromium import CHROMIUM, FLAGS  # noqa: E402
from tools.static_server import start  # noqa: E402

DESKTOP = (1280, 900)
PHONE = (390, 844)
HEIGHT = 540  # of the picture; the desktop is scaled to it, the phone too
GAP = 24


def shoot(output: Path, codes: list[str], target: Path) -> list[Path]:
    """One picture per language code; returns the files written."""
    from playwright.sync_api import sync_playwright

    server, base = start(output)
    written = []
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
            for code in codes:
                shots = []
                for width, height in (DESKTOP, PHONE):
                    page = browser.new_page(viewport={"width": width, "height": height})
                    page.goto(f"{base}/{code}/", wait_until="networkidle")
                    page.evaluate("document.fonts.ready")
                    shots.append(Image.open(io.BytesIO(page.screenshot())))
                    page.close()
                desktop, phone = (
                    shot.resize(
                        (round(shot.width * HEIGHT / shot.height), HEIGHT),
                        Image.Resampling.LANCZOS,
                    )
                    for shot in shots
                )
                picture = Image.new(
                    "RGB", (desktop.width + GAP + phone.width, HEIGHT), "white"
                )
                picture.paste(desktop, (0, 0))
                picture.paste(phone, (desktop.width + GAP, 0))
                file = target / f"home-{code}.png"
                picture.quantize(256).save(file, optimize=True)
                written.append(file)
            browser.close()
    finally:
        server.shutdown()
    return written


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--output", type=Path, help="an existing development build")
    parser.add_argument("--codes", default="ar,fr,zgh")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        output = args.output
        if output is None:
            output = Path(folder) / "output"
            subprocess.run(
                [sys.executable, "-m", "pelican", "content", "-s", "pelicanconf.py"]
                + ["-o", str(output), "-q"],
                cwd=ROOT,
                check=True,
            )
        target = ROOT / "docs" / "screenshots"
        for file in shoot(output, args.codes.split(","), target):
            print(file.relative_to(ROOT))


if __name__ == "__main__":
    main()
