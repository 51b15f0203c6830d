"""Screenshots of every kind of page, for a designer to look at: each kind in
each language at 390 px (phone) and 1280 px (desktop), from a built site.

    python -m tools.page_screenshots BUILD OUT [--kinds home,person] [--langs ar]

BUILD is an output folder (`pelican content -o BUILD`); OUT receives
<kind>-<lang>-<width>.png, the whole page (cut at MAX_HEIGHT), and the
search page a second time without JavaScript (search-nojs-...). Pages are
found from the settings' sections, so a renamed segment needs no change here.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from tools.chromium import CHROMIUM, FLAGS  # noqa: E402
from tools.static_server import start  # noqa: E402

WIDTHS = {390: 844, 1280: 900}
MAX_HEIGHT = 4000
# The search page is shot with results: a word every language's demo has.
QUERIES = {"ar": "?q=الماء", "fr": "?q=eau", "zgh": "?q=ⴰⵎⴰⵏ"}


def first(folder: Path) -> str | None:
    """The first item page under a section folder (not a year archive)."""
    for child in sorted(folder.iterdir()) if folder.is_dir() else []:
        if (child / "index.html").exists() and not child.name.isdigit():
            return child.name
    return None


def pages(build: Path, lang: str) -> dict[str, str]:
    """Kind of page -> path on the site, for one language."""
    import pelicanconf

    seg = {k: v["url"][lang] for k, v in pelicanconf.SECTIONS.items() if "url" in v}
    press_room = pelicanconf.PRESS["url"][lang]
    found = {
        "home": f"{lang}/",
        "news": f"{lang}/{seg['news']}/school-transport-petition/",
        "news-listing": f"{lang}/{seg['news']}/",
        "press-release": f"{lang}/{seg['press']}/souss-massa-regional-budget/",
        "press-room": f"{lang}/{press_room}/",
        "events": f"{lang}/{seg['events']}/",
        "program": f"{lang}/{seg['program']}/",
        "program-sector": f"{lang}/{seg['program']}/water/",
        "regions": f"{lang}/{seg['regions']}/",
        "region": f"{lang}/{seg['regions']}/souss-massa/",
        "people": f"{lang}/{seg['people']}/",
        "person": f"{lang}/{seg['people']}/amina-el-idrissi/",
        "feeds": f"{lang}/feeds/",
        "search": f"{lang}/search/",
        "legal": f"{lang}/legal/",
        "404": f"{lang}/404.html",
        "chooser": "",
    }
    event = first(build / lang / seg["events"])
    if event:
        found["event"] = f"{lang}/{seg['events']}/{event}/"
    topics = pelicanconf.TOPICS["url"][lang]
    found["topics"] = f"{lang}/{topics}/"
    found["topic"] = f"{lang}/{topics}/water/"
    return {k: v for k, v in found.items() if v == "" or (build / v).exists()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("build", type=Path)
    parser.add_argument("out", type=Path)
    parser.add_argument("--kinds", default="")
    parser.add_argument("--langs", default="ar,fr,zgh")
    parser.add_argument("--widths", default="390,1280")
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    args.out.mkdir(parents=True, exist_ok=True)
    kinds = {k for k in args.kinds.split(",") if k}
    widths = [int(w) for w in args.widths.split(",")]
    server, base = start(args.build)
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
            for lang in args.langs.split(","):
                for kind, path in pages(args.build, lang).items():
                    if kinds and kind not in kinds:
                        continue
                    if kind == "chooser" and lang != "fr":
                        continue
                    runs = [(kind, True)]
                    if kind == "search":
                        runs.append(("search-nojs", False))
                    for name, js in runs:
                        for width in widths:
                            context = browser.new_context(
                                viewport={"width": width, "height": WIDTHS[width]},
                                java_script_enabled=js,
                            )
                            page = context.new_page()
                            query = QUERIES.get(lang, "") if name == "search" else ""
                            page.goto(f"{base}/{path}{query}", wait_until="networkidle")
                            page.evaluate("document.fonts.ready") if js else None
                            if query and js:  # results come after the index
                                page.wait_for_selector(".search-results li")
                            # Scroll down and back so lazy pictures load.
                            page.evaluate(
                                "window.scrollTo(0, document.body.scrollHeight)"
                            )
                            page.wait_for_load_state("networkidle")
                            page.evaluate("window.scrollTo(0, 0)")
                            full = page.evaluate(
                                "document.documentElement.scrollHeight"
                            )
                            scroll = page.evaluate(
                                "document.documentElement.scrollWidth"
                            )
                            target = args.out / f"{name}-{lang}-{width}.png"
                            page.screenshot(
                                path=target,
                                full_page=True,
                                clip={
                                    "x": 0,
                                    "y": 0,
                                    "width": width,
                                    "height": min(full, MAX_HEIGHT),
                                },
                            )
                            flag = "  SCROLLS SIDEWAYS" if scroll > width else ""
                            print(f"{target.name}: {full}px high{flag}")
                            context.close()
            browser.close()
    finally:
        server.shutdown()


if __name__ == "__main__":
    main()
