"""Editor and maintainer tasks (invoke), in the spirit of pelican-quickstart.

invoke build        development build into output/
invoke serve        build, then serve output/ on http://localhost:8000
invoke livereload   rebuild on every save and reload the browser
invoke edit         the web editor at /admin/ on this machine (Decap's local proxy)
invoke preview      production build, swapped into output/ only if it succeeds
invoke publish      preview, then deploy (rsync by default, see DEPLOY)
invoke i18n         refresh the interface catalogs after a template change
invoke check        check every content file as publishing would, writing nothing
invoke new          start a piece of content (default language, or --langs)
invoke translate    start a translation of an item, prefilled from the original
invoke translations list missing and out-of-date translations
invoke fonts        remake the web font subsets (tools/subset_fonts.py)
invoke budget       what a first visit downloads, per page (bench/budget.py)
invoke audit        Lighthouse (mobile) on the production build, served locally
invoke bench        build speed against Hugo + Pagefind (bench/run.py)
"""

from __future__ import annotations

import json
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
    """Build, then serve output/ on http://localhost:8000 (Ctrl-C to stop), with
    the site's "page not found" pages and the host's headers (output/_headers)."""
    import threading

    sys.path.insert(0, str(ROOT))
    from tools.static_server import start

    # Bound to 127.0.0.1; shown as localhost, the DEV_SITEURL of the pages.
    server, _address = start(OUTPUT, int(port))
    print(f"Serving http://{HOST}:{int(port)}/  (Ctrl-C to stop)")
    try:
        threading.Event().wait()
    except KeyboardInterrupt:
        server.shutdown()


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


@task(help={"port": "the site and its editor (default 8000)"})
def edit(c, port=PORT):
    """The web editor on this machine: Decap's local proxy (decap-server, from
    npm) saves to content/ and commits, the site is rebuilt on each save and
    served with /admin/ on http://localhost:8000/admin/ (Ctrl-C stops both)."""
    import signal
    import subprocess

    server = ROOT / "node_modules" / "decap-server" / "dist" / "index.js"
    node = shutil.which("node")
    if not node or not server.exists():
        sys.exit(
            "The editor's local proxy is not installed: install Node.js, run "
            "`npm ci --ignore-scripts` once, then `invoke edit` again."
        )
    sys.path.insert(0, str(ROOT / "plugins"))
    from urllib.parse import urlsplit

    from web_editor.config import editor_settings

    editor = editor_settings(_settings())
    branch = editor["branch"]
    # The proxy listens where the editor's configuration looks for it.
    proxy_port = urlsplit(editor["local_proxy_url"]).port or 8081
    current = c.run("git rev-parse --abbrev-ref HEAD", hide=True, warn=True)
    # The proxy's git mode checks out the configured branch to save: only
    # when it is the one checked out; otherwise files are saved, not committed.
    mode = "git" if current.ok and current.stdout.strip() == branch else "fs"
    if mode == "fs":
        print(
            f"Saving files without committing them: the editor commits to "
            f"{branch!r}, and this folder is not on that branch."
        )
    else:
        print(
            "Each save is a commit of every change in this folder: commit or "
            "put aside other work first."
        )
    env = {
        **os.environ,
        "PORT": str(int(proxy_port)),
        "BIND_HOST": "127.0.0.1",
        "MODE": mode,
        "GIT_REPO_DIRECTORY": str(ROOT),
        "LOG_LEVEL": "warn",
    }
    proxy = subprocess.Popen([node, str(server)], env=env, cwd=ROOT)
    # Stopped by a service manager (SIGTERM) as by Ctrl-C: the proxy stops too.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    try:
        build(c)
        print(f"The editor: http://{HOST}:{port}/admin/  (Ctrl-C to stop)")
        _pelican(c, "pelicanconf.py", OUTPUT, f"--autoreload --listen --port {port}")
    finally:
        proxy.terminate()
        proxy.wait(timeout=10)


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
        "langs": "languages to create, comma-separated, e.g. ar,fr "
        "(default: the site's default language)",
    }
)
def new(c, section, key, langs=""):
    """Create a new piece of content, ready to fill in (then: invoke translate)."""
    import re
    from datetime import datetime
    from zoneinfo import ZoneInfo

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
    codes = _languages(settings, langs)
    # The site reads a date without a zone in its own time zone: write that
    # time, whatever zone this computer is set to.
    now = datetime.now(ZoneInfo(settings["TIMEZONE"]))
    written = now.strftime("%Y-%m-%d %H:%M")
    samples = {
        "date": written,
        "start": written,
        "end": written,
        "order": "1",
        "tags": "[]",
        "people": "[]",
    }
    folder = ROOT / settings["PATH"] / section
    if sections[section].kind == "press":  # its number, fixed from the start
        from press_room.numbering import next_free_reference

        paths = {**settings, "PATH": str(ROOT / settings["PATH"])}
        samples["reference"] = next_free_reference(paths, section, now.year)
    files = [folder / f"{key}.{code}.md" for code in codes]
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


def _languages(settings: dict, langs: str) -> list[str]:
    known = [lang["code"] for lang in settings["LANGUAGES"]]
    default = (
        settings.get("DEFAULT_LANG")
        if settings.get("DEFAULT_LANG") in known
        else known[0]
    )
    codes = [code.strip() for code in langs.split(",") if code.strip()] or [default]
    wrong = [code for code in codes if code not in known]
    if wrong:
        sys.exit(f"No language {wrong[0]!r}; choose among {', '.join(known)}.")
    return codes


# What a translation copies from its original as it is (facts, not words).
_SAME_IN_EVERY_LANGUAGE = (
    "date",
    "start",
    "end",
    "modified",
    "reference",
    "order",
    "region",
    "people",
    "contact",
    "online",
    "image",
    "attachments",
)


@task(
    help={
        "item": "section/key of the original, e.g. news/rural-clinics",
        "lang": "the language of the translation, e.g. fr",
    }
)
def translate(c, item, lang):
    """Start a translation: the original's dates, region, people and topics (in
    that language's names), and its text to translate, as a draft."""
    import yaml

    sys.path.insert(0, str(ROOT / "plugins"))
    from multilingual.errors import FrontMatterError
    from multilingual.frontmatter import split_front_matter, tag_list
    from multilingual.sections import FIELDS, sections_from_settings
    from multilingual.topics import Topics

    settings = _settings()
    sections = sections_from_settings(settings)
    section, _, key = item.strip("/").partition("/")
    if section not in sections or not key:
        sys.exit(f"Write section/key, e.g. news/rural-clinics ({item!r} is not).")
    (lang,) = _languages(settings, lang)
    folder = ROOT / settings["PATH"] / section
    target = folder / f"{key}.{lang}.md"
    if target.exists():
        sys.exit(f"Already there, nothing written: {target.relative_to(ROOT)}")
    order = _languages(settings, ",".join(x["code"] for x in settings["LANGUAGES"]))
    default = _languages(settings, "")[0]
    originals = [
        folder / f"{key}.{code}.md"
        for code in [default] + order
        if code != lang and (folder / f"{key}.{code}.md").exists()
    ]
    if not originals:
        sys.exit(f"No {section}/{key} in any language: create it with invoke new.")
    original = originals[0]
    shown = original.relative_to(ROOT)
    try:
        front, body = split_front_matter(original.read_text("utf-8-sig"), str(shown))
    except (FrontMatterError, UnicodeDecodeError) as error:
        sys.exit(f"{error}\n(fix the original first: invoke check)")
    source_lang = original.name.rsplit(".", 2)[1]
    front = {str(name).lower(): value for name, value in front.items()}
    copied: dict = {}
    for name in FIELDS[sections[section].kind] + ("modified",):
        value = front.get(name)
        if name == "tags" and value:
            copied["tags"] = _tags_in(
                Topics, settings, tag_list(value), source_lang, lang
            )
        elif name in _SAME_IN_EVERY_LANGUAGE and value not in (None, "", []):
            copied[name] = value
        elif name in ("title", "summary"):
            copied[name] = value or ""  # the text to translate
    copied["status"] = "draft"
    lines = ""
    for name, value in copied.items():
        # Lists of words as editors write them: tags: [eau, santé]
        flow = isinstance(value, list) and not any(
            isinstance(v, (dict, list)) for v in value
        )
        lines += (
            yaml.safe_dump(
                {name: value}, allow_unicode=True, width=1000, default_flow_style=False
            )
            if not flow
            else f"{name}: "
            + yaml.safe_dump(
                value, allow_unicode=True, width=1000, default_flow_style=True
            )
        )
    target.write_text(f"---\n{lines}---\n\n{body.strip()}\n", encoding="utf-8")
    print(
        f"created {target.relative_to(ROOT)} from {shown}: translate its title, "
        "summary and text, then remove the line 'status: draft' to publish it"
    )


def _tags_in(topics_class, settings: dict, names: list, source: str, lang: str) -> list:
    """The tags of the original, named in the translation's language."""
    try:
        topics = topics_class.load(
            {**settings, "PATH": str(ROOT / settings["PATH"])}, "tags.yml"
        )
    except ValueError:  # a broken tags.yml: invoke check tells what is wrong
        topics = None
    if topics is None:
        return [str(name) for name in names]
    found = []
    for name in names:
        key = topics.key_of(str(name), source)
        found.append(topics.names[key].get(lang, str(name)) if key else str(name))
    return found


@task
def check(c):
    """Check every content file as the production build reads it, writing nothing.

    It is the production build itself, stopped before writing (CHECK_ONLY):
    the same checks, press numbering and addresses included, the same messages.
    """
    import tempfile

    with tempfile.TemporaryDirectory() as scratch:
        result = _pelican(
            c, "publishconf.py", Path(scratch) / "output", "-e CHECK_ONLY=true", True
        )
    if not result.ok:
        raise SystemExit(1)


@task
def translations(c):
    """List, per section and language, missing and out-of-date translations."""
    sys.path.insert(0, str(ROOT / "plugins"))
    from types import SimpleNamespace

    from multilingual.errors import collected
    from multilingual.frontmatter import FrontMatterMarkdownReader
    from multilingual.translation_status import translation_status

    settings = _settings()
    languages = [lang["code"] for lang in settings["LANGUAGES"]]
    reader = FrontMatterMarkdownReader(settings)
    groups: dict = {}
    files = sorted(Path(settings["PATH"]).rglob("*.md"))
    with collected() as told:
        read = [reader.read(str(file)) for file in files]
    for file, (_html, meta) in zip(files, read, strict=True):
        if meta.get("status", "published") in ("skip", "draft"):
            continue
        item = SimpleNamespace(
            source_path=str(file),
            title=meta["title"],
            modified=meta.get("modified"),
            metadata=meta,
        )
        groups.setdefault((meta["section"], meta["key"]), {})[meta["lang"]] = item
    report = translation_status(groups, languages, Path(settings["PATH"]))
    lines = []
    for section in dict.fromkeys(status.section for status in report):
        for lang in languages:
            rows = [status for status in report if status.section == section]
            missing = [s.key for s in rows if lang in s.missing]
            outdated = [
                f"{s.key} ({s.versions[lang].outdated_by} changed later)"
                for s in rows
                if lang in s.versions and s.versions[lang].outdated_by
            ]
            if missing or outdated:
                lines.append(f"{section} [{lang}]")
                lines += [f"    missing:     {key}" for key in missing]
                lines += [f"    out of date: {entry}" for entry in outdated]
    print("\n".join(lines) or "Every translation is there and up to date.")
    if told.errors:
        left_out = len(told.errors)
        print(f"({left_out} mistake(s) kept files out: run invoke check)")


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

    settings = _settings()  # with the build's time-zone rules
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


@task
def fonts(c):
    """Remake the web font subsets in theme/static/fonts/ from theme/fonts/."""
    c.run(f"{shlex.quote(sys.executable)} tools/subset_fonts.py")


@task
def budget(c, files=False):
    """Build for production and print what each page costs a first visit."""
    c.run(
        f"{shlex.quote(sys.executable)} bench/budget.py" + (" --files" if files else "")
    )


# Lighthouse, installed on first use into a git-ignored folder (no package.json).
LIGHTHOUSE = ROOT / ".tools" / "lighthouse"
LIGHTHOUSE_VERSION = "12"
AUDIT_MINIMUM = {"performance": 98, "accessibility": 100, "best-practices": 100}
AUDIT_MINIMUM["seo"] = 100


@task(help={"runs": "Lighthouse runs per page; the median run counts (default 3)"})
def audit(c, port=8765, runs=3):
    """Lighthouse (mobile) on each language's home and first article, served
    the way a host serves the production build (.br, headers)."""
    import tempfile

    sys.path.insert(0, str(ROOT))
    from bench.budget import pages_to_measure
    from tools.static_server import start

    binary = LIGHTHOUSE / "node_modules" / ".bin" / "lighthouse"
    if not binary.exists():
        LIGHTHOUSE.mkdir(parents=True, exist_ok=True)
        c.run(
            f"npm install --prefix {shlex.quote(str(LIGHTHOUSE))} --no-audit "
            f"--no-fund --loglevel=error lighthouse@{LIGHTHOUSE_VERSION}"
        )
    base = f"http://127.0.0.1:{int(port)}"
    failed, rows, speeds = [], [], []
    with tempfile.TemporaryDirectory() as scratch:
        site = Path(scratch) / "output"
        # Production settings, addressed at the local server.
        _pelican(c, "publishconf.py", site, f"-e SITEURL='\"{base}\"'")
        server, _address = start(site, int(port))
        try:
            for url in pages_to_measure(site):
                # Scores vary from run to run (CPU load): the median run counts.
                results = sorted(
                    (_lighthouse(c, binary, base + url) for _ in range(int(runs))),
                    key=lambda r: r["categories"]["performance"]["score"],
                )
                result = results[len(results) // 2]
                # Kept for a closer look: .tools/lighthouse/reports/<page>.json
                reports = LIGHTHOUSE / "reports"
                reports.mkdir(parents=True, exist_ok=True)
                name = url.strip("/").replace("/", "_") + ".json"
                (reports / name).write_text(json.dumps(result), "utf-8")
                scores = {
                    key: round(category["score"] * 100)
                    for key, category in result["categories"].items()
                }
                rows.append((url, scores))
                speeds.append(result["environment"]["benchmarkIndex"])
                for key, minimum in AUDIT_MINIMUM.items():
                    if scores[key] < minimum:
                        failed += _failing_audits(result, key, url)
        finally:
            server.shutdown()
    print(f"{'page':48} {'perf':>5} {'a11y':>5} {'best':>5} {'seo':>5}")
    for url, scores in rows:
        cells = " ".join(f"{scores[k]:5}" for k in AUDIT_MINIMUM)
        print(f"{url:48} {cells}")
    for line in failed:
        print(line)
    if speeds and min(speeds) < 1000:
        print(
            f"Note: this machine's CPU benchmark was {min(speeds):.0f} at worst"
            " (Lighthouse's 4x slowdown assumes about 1000 or more): Total"
            " Blocking Time is inflated; compare on an idle machine."
        )
    if failed:
        targets = ", ".join(f"{k} {v}" for k, v in AUDIT_MINIMUM.items())
        sys.exit(f"Below the targets ({targets}): see above.")


def _lighthouse(c, binary: Path, url: str) -> dict:
    """One Lighthouse run (mobile, the default), as its JSON report. A busy
    machine sometimes loses the trace (NO_NAVSTART): try again, twice."""
    import tempfile

    with tempfile.TemporaryDirectory() as scratch:
        report = Path(scratch) / "report.json"
        for attempt in range(3):
            result = c.run(
                f"{shlex.quote(str(binary))} {url} --quiet --output=json "
                f"--output-path={shlex.quote(str(report))} "
                "--only-categories=performance,accessibility,best-practices,seo "
                '--chrome-flags="--headless --no-sandbox --disable-gpu '
                '--disable-background-networking"',
                env={"CHROME_PATH": os.environ.get("CHROME_PATH", "/usr/bin/chromium")},
                hide=True,
                warn=attempt < 2,
            )
            if result.ok:
                break
        return json.loads(report.read_text("utf-8"))


def _failing_audits(result: dict, category: str, url: str) -> list[str]:
    audits = result["audits"]
    return [
        f"  {url} {category}: {audits[ref['id']]['title']}"
        for ref in result["categories"][category]["auditRefs"]
        if ref["weight"] and (audits[ref["id"]].get("score") or 0) < 1
    ]


@task(
    help={
        "sizes": "translation groups per corpus, comma-separated (3 files each)",
        "runs": "interleaved rounds; the median is reported",
        "only": "run only the cases whose name holds one of these words "
        "(default: issue 14's cold, routine and Hugo + Pagefind; 'all': every case)",
    }
)
def bench(c, sizes="300,1000", runs=3, only=""):
    """Build speed against Hugo + Pagefind (and plain Pelican, i18n_subsites)."""
    from bench.run import main

    main(["--sizes", str(sizes), "--runs", str(runs), "--only", only])


def _settings() -> dict:
    """The development settings, with the time-zone rules the build uses (the
    tzdata package's when newer than the system's): a task that writes or
    compares a time agrees with the site."""
    sys.path.insert(0, str(ROOT / "plugins"))
    from multilingual import kit_settings, use_newest_rules

    settings = kit_settings(str(ROOT / "pelicanconf.py"))
    use_newest_rules(settings["TIMEZONE"])
    return settings
