"""What a first visit costs: per page, the compressed bytes of everything the
browser fetches (HTML, CSS, fonts, scripts), photos counted apart.

    python bench/budget.py                 # builds the production site first
    python bench/budget.py --output output # reads an existing production build
    invoke budget

Chromium (Debian's, driven by Playwright) loads each page at phone size; every
request is answered from the output folder, so the list of files is the one a
browser really asks for (only the fonts whose characters appear, for
example). Each file counts at the size a host sends: its .br copy when the
build wrote one, else the file itself (woff2 and photos are compressed
already). Budget: an article page at most 30 KB without photos, and no
JavaScript.
"""

from __future__ import annotations

import argparse
import mimetypes
import os
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any
from urllib.parse import urlparse
from xml.etree import ElementTree

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # run as a script: tools/ is beside bench/
    sys.path.insert(0, str(ROOT))

from tools.chromium import CHROMIUM, FLAGS  # noqa: E402

BUDGET_KB = 30
PHOTOS = (".jpg", ".jpeg", ".png", ".webp", ".avif", ".gif")


def build(output: Path) -> None:
    subprocess.run(
        [sys.executable, "-m", "pelican", "content", "-s", "publishconf.py"]
        + ["-o", str(output)],
        cwd=ROOT,
        check=True,
        stdout=subprocess.DEVNULL,
    )


def pages_to_measure(output: Path) -> list[str]:
    """Each language's home page and its first article in the sitemap."""
    tree = ElementTree.parse(output / "sitemap.xml")
    urls = [
        urlparse(loc.text).path
        for loc in tree.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")
    ]
    chosen: dict[str, list[str]] = {}
    for url in urls:
        parts = url.strip("/").split("/")
        if not parts[0]:
            continue
        language = chosen.setdefault(parts[0], [])
        if len(parts) == 1 and url not in language:
            language.insert(0, url)
        elif len(language) < 2 and _is_article(output, url):
            language.append(url)
    return [url for urls in chosen.values() for url in urls]


def _is_article(output: Path, url: str) -> bool:
    """A news item or press release (events and people are "article" for
    Open Graph too, but only these carry a publication time)."""
    page = output / url.strip("/") / "index.html"
    return page.exists() and 'property="article:published_time"' in page.read_text(
        "utf-8"
    )


def sent_size(file: Path) -> int:
    """Bytes a host sends for `file`: its brotli copy if the build made one."""
    compressed = Path(f"{file}.br")
    return (compressed if compressed.exists() else file).stat().st_size


def measure(output: Path, urls: list[str], browser: Any = None) -> list[dict]:
    """What a first visit fetches; with `browser` (a running Playwright
    browser, as tests have) instead of starting one."""
    if browser is None:
        from playwright.sync_api import sync_playwright

        with sync_playwright() as p:
            own = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
            try:
                return measure(output, urls, own)
            finally:
                own.close()
    results = []
    for url in urls:
        context = browser.new_context(
            viewport={"width": 412, "height": 823}, device_scale_factor=1.75
        )
        page = context.new_page()
        fetched: list[Path] = []

        def answer(route, _request=None, fetched=fetched):
            path = urlparse(route.request.url).path
            file = output / path.lstrip("/")
            if path.endswith("/"):
                file = file / "index.html"
            if not file.is_file():
                route.fulfill(status=404, body="")
                return
            if file not in fetched:  # a second request hits the cache
                fetched.append(file)
            kind = mimetypes.guess_type(file.name)[0] or "text/html"
            route.fulfill(status=200, body=file.read_bytes(), content_type=kind)

        page.route("**/*", answer)
        page.goto("https://site.invalid" + url, wait_until="networkidle")
        page.evaluate("document.fonts.ready")
        row = {"page": url, "html": 0, "css": 0, "fonts": 0, "js": 0}
        row.update(other=0, photos=0, files=fetched)
        for file in fetched:
            size = sent_size(file)
            suffix = file.suffix.lower()
            if suffix == ".html":
                row["html"] += size
            elif suffix == ".css":
                row["css"] += size
            elif suffix in (".woff2", ".woff", ".ttf"):
                row["fonts"] += size
            elif suffix in (".js", ".mjs"):
                row["js"] += size
            elif suffix in PHOTOS:
                row["photos"] += size
            else:
                row["other"] += size
        row["total"] = sum(row[k] for k in ("html", "css", "fonts", "js", "other"))
        results.append(row)
        context.close()
    return results


def report(results: list[dict], output: Path, verbose: bool = False) -> bool:
    columns = ["html", "css", "fonts", "js", "other", "total", "photos"]
    print(f"{'page':48} " + " ".join(f"{c:>7}" for c in columns) + "  (KB sent)")
    within = True
    for row in results:
        article = row["page"].count("/") > 2
        over = article and (row["total"] > BUDGET_KB * 1024 or row["js"] > 0)
        within &= not over
        cells = " ".join(f"{row[c] / 1024:7.1f}" for c in columns)
        verdict = ("OVER" if over else "ok") if article else ""
        print(f"{row['page']:48} {cells}  {verdict}")
        if verbose:
            for file in row["files"]:
                size = sent_size(file) / 1024
                print(f"    {size:6.1f}  {file.relative_to(output).as_posix()}")
    print(
        f"\nArticle budget: {BUDGET_KB} KB without photos, no JavaScript "
        f"(output: {output})."
    )
    return within


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--output", type=Path, help="an existing production build")
    parser.add_argument("--files", action="store_true", help="list each file")
    args = parser.parse_args()
    if not os.path.exists(CHROMIUM):
        sys.exit(f"{CHROMIUM} is missing: apt-get install -y chromium")
    with tempfile.TemporaryDirectory() as scratch:
        output = args.output or Path(scratch) / "output"
        if args.output is None:
            print("Building the production site...", file=sys.stderr)
            build(output)
        if not (output / "sitemap.xml").exists():
            sys.exit(f"{output} is not a built site (no sitemap.xml)")
        results = measure(output, pages_to_measure(output))
        return 0 if report(results, output, args.files) else 1


if __name__ == "__main__":
    sys.exit(main())
