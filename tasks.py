"""Editor and maintainer tasks (invoke), in the spirit of pelican-quickstart.

invoke build        development build into output/
invoke serve        build, then serve output/ on http://localhost:8000
invoke livereload   rebuild on every save and reload the browser
invoke preview      production build, swapped into output/ only if it succeeds
invoke publish      preview, then deploy (rsync by default, see DEPLOY)
invoke i18n         refresh the interface catalogs after a template change
"""

from __future__ import annotations

import os
import shlex
import shutil
import sys
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


@task(build)
def livereload(c, port=PORT):
    """Rebuild when content, theme or settings change; the browser reloads itself."""
    from livereload import Server

    def rebuild() -> None:
        _pelican(c, "pelicanconf.py", OUTPUT)

    server = Server()
    for pattern in ("content/**/*", "theme/**/*", "plugins/**/*.py", "*conf.py"):
        server.watch(pattern, rebuild)
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


def _settings() -> dict:
    from pelican.settings import read_settings

    return read_settings(str(ROOT / "pelicanconf.py"))
