"""Editor and maintainer tasks (invoke), in the spirit of pelican-quickstart.

invoke build        development build into output/
invoke serve        build, then serve output/ on http://localhost:8000
invoke livereload   rebuild on every save and reload the browser
invoke preview      production build, swapped into output/ only if it succeeds
invoke publish      preview, then deploy (rsync by default, see DEPLOY)
invoke i18n         refresh the interface catalogs after a template change
invoke bench        build speed against plain Pelican, i18n_subsites and Hugo
"""

from __future__ import annotations

import os
import shlex
import shutil
import sys
import time
from pathlib import Path

from invoke import task

ROOT = Path(__file__).resolve().parent
OUTPUT = ROOT / "output"
HOST, PORT = "localhost", 8000

# How `invoke publish` deploys output/. Override with environment variables:
# DEPLOY=rsync with DEPLOY_TARGET=user@host:/var/www/site/ (default), or
# DEPLOY=command with DEPLOY_COMMAND="any command taking output/ as is".
DEPLOY = os.environ.get("DEPLOY", "rsync")
DEPLOY_TARGET = os.environ.get("DEPLOY_TARGET", "")
DEPLOY_COMMAND = os.environ.get("DEPLOY_COMMAND", "")


def _pelican(c, settings: str, output: Path, extra: str = "", warn: bool = False):
    return c.run(
        f"{shlex.quote(sys.executable)} -m pelican content -s {settings} "
        f"-o {shlex.quote(str(output))} {extra}",
        warn=warn,
    )


@task
def build(c):
    """Development build into output/."""
    _pelican(c, "pelicanconf.py", OUTPUT)


@task
def clean(c):
    """Remove output/."""
    shutil.rmtree(OUTPUT, ignore_errors=True)


@task(build)
def serve(c, port=PORT):
    """Build, then serve output/ on http://localhost:8000 (Ctrl-C to stop)."""
    print(f"Serving on http://{HOST}:{port}/  (Ctrl-C to stop)")
    _pelican(c, "pelicanconf.py", OUTPUT, f"--listen --port {int(port)}")


@task
def livereload(c, port=PORT):
    """Rebuild when content, theme or settings change; the browser reloads itself."""
    from livereload import Server

    sys.path.insert(0, str(ROOT / "plugins"))
    from fast_build.live import EditorLoop

    # One Pelican kept in memory: a saved content file gets its own page
    # rebuilt at once (the browser reloads), then the rest in the background.
    loop = EditorLoop(str(ROOT / "pelicanconf.py"), str(OUTPUT))
    loop.full_build()
    server = Server()

    def content_saved() -> None:
        changed = server.watcher.filepath
        start = time.perf_counter()
        if changed and changed.endswith(".md") and loop.rebuild_page(changed):
            took = time.perf_counter() - start
            print(f"{changed}: page rebuilt in {took:.2f} s; the rest follows")
            loop.full_build_soon()
        else:
            loop.full_build()

    server.watch("content/**/*", content_saved)
    for pattern in ("theme/**/*", "plugins/**/*.py", "*conf.py"):
        server.watch(pattern, loop.full_build)
    server.serve(host=HOST, port=int(port), root=str(OUTPUT))


@task
def preview(c):
    """Production build into a staging folder; replaces output/ only on success."""
    staging = OUTPUT.with_name("output.staging")
    shutil.rmtree(staging, ignore_errors=True)
    result = _pelican(c, "publishconf.py", staging, warn=True)
    if not result.ok:
        shutil.rmtree(staging, ignore_errors=True)
        sys.exit("The production build failed: output/ is unchanged.")
    previous = OUTPUT.with_name("output.previous")
    shutil.rmtree(previous, ignore_errors=True)
    if OUTPUT.exists():
        OUTPUT.rename(previous)
    staging.rename(OUTPUT)
    shutil.rmtree(previous, ignore_errors=True)
    print(f"Production site ready in {OUTPUT}")


@task(preview)
def publish(c):
    """Production build, then deploy output/ (see DEPLOY at the top of tasks.py)."""
    if DEPLOY == "rsync":
        if not DEPLOY_TARGET:
            sys.exit("Set DEPLOY_TARGET=user@host:/path/ to publish with rsync.")
        c.run(
            f"rsync -avz --delete {shlex.quote(str(OUTPUT))}/ "
            f"{shlex.quote(DEPLOY_TARGET)}"
        )
    elif DEPLOY == "command" and DEPLOY_COMMAND:
        c.run(DEPLOY_COMMAND)
    else:
        sys.exit("DEPLOY must be 'rsync' (with DEPLOY_TARGET) or 'command'.")


@task
def i18n(c):
    """Add new interface strings to every catalog (then translate the empty ones)."""
    sys.path.insert(0, str(ROOT / "plugins"))
    from multilingual.i18n import update_catalogs

    for path, missing in update_catalogs(ROOT / "theme", _settings()):
        state = f"{len(missing)} to translate" if missing else "complete"
        print(f"{path.relative_to(ROOT)}: {state}")
        for msgid in missing:
            print(f"    {msgid!r}")


@task(
    help={
        "section": "folder under content/ (news, press, events...)",
        "key": "the file name stem, e.g. rural-clinics",
    }
)
def new(c, section, key):
    """Create one file per language for a new piece of content, ready to fill in."""
    import re
    from datetime import datetime

    sys.path.insert(0, str(ROOT / "plugins"))
    from multilingual.sections import FIELDS, sections_from_settings

    settings = _settings()
    sections = sections_from_settings(settings)
    if section not in sections:
        sys.exit(f"No section {section!r}; choose one of {', '.join(sections)}.")
    if not re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", key):
        sys.exit(
            f"{key!r}: use lowercase letters, digits and hyphens, e.g. rural-clinics"
        )
    now = datetime.now().strftime("%Y-%m-%d %H:%M")
    samples = {"date": now, "start": now, "end": now, "order": "1", "tags": "[]"}
    folder = ROOT / settings["PATH"] / section
    files = [folder / f"{key}.{lang['code']}.md" for lang in settings["LANGUAGES"]]
    existing = [f for f in files if f.exists()]
    if existing:
        sys.exit(f"Already there, nothing written: {existing[0].relative_to(ROOT)}")
    folder.mkdir(parents=True, exist_ok=True)
    for file in files:
        fields = "".join(
            f"{name}: {samples.get(name, '')}\n"
            for name in FIELDS[sections[section].kind]
        )
        file.write_text(f"---\n{fields}---\n\n", encoding="utf-8")
        print(f"created {file.relative_to(ROOT)}")


@task
def check(c):
    """Check every content file, as the build reads it, without writing a site."""
    sys.path.insert(0, str(ROOT / "plugins"))
    from multilingual.frontmatter import ERRORS, FrontMatterMarkdownReader

    settings = _settings()
    reader = FrontMatterMarkdownReader(settings)
    files = sorted(Path(settings["PATH"]).glob("*/*.md"))
    ERRORS.clear()
    for file in files:
        reader.read(str(file))
    if ERRORS:
        sys.exit(f"{len(ERRORS)} problem(s) in {len(files)} files.")
    print(f"{len(files)} files checked: no problem found.")


@task
def scheduled(c):
    """List what is waiting for its date (embargoed releases, future news)."""
    sys.path.insert(0, str(ROOT / "plugins"))
    from datetime import datetime
    from zoneinfo import ZoneInfo

    from multilingual.frontmatter import (
        FrontMatterError,
        parse_when,
        split_front_matter,
    )

    settings = _settings()
    tz = ZoneInfo(settings["TIMEZONE"])
    now = datetime.now(tz)
    waiting = []
    for file in sorted((ROOT / settings["PATH"]).glob("*/*.md")):
        try:
            front, _body = split_front_matter(file.read_text("utf-8"), str(file))
            when = parse_when(front["date"]) if "date" in front else None
        except (FrontMatterError, ValueError, UnicodeDecodeError):
            continue  # reported by the build
        if when is not None:
            when = when if when.tzinfo else when.replace(tzinfo=tz)
            if when > now:
                waiting.append((when, file.relative_to(ROOT), front.get("title", "")))
    if not waiting:
        print("Nothing is waiting: everything dated is published.")
    for when, path, title in sorted(waiting):
        print(f"{when:%Y-%m-%d %H:%M}  {path}  {title}")


@task(
    help={
        "sizes": "translation groups per corpus, comma-separated (3 files each)",
        "runs": "interleaved rounds; the median is reported",
        "only": "run only the cases whose name holds one of these words",
    }
)
def bench(c, sizes="300,1000", runs=3, only=""):
    """Build speed against plain Pelican, Pelican + i18n_subsites and Hugo."""
    from bench.run import main

    main(["--sizes", str(sizes), "--runs", str(runs), "--only", only])


def _settings() -> dict:
    from pelican.settings import read_settings

    return read_settings(str(ROOT / "pelicanconf.py"))
