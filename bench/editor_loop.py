"""The editor's loop as `invoke livereload` runs it, timed from save to page.

    python bench/editor_loop.py PROJECT FILE [EDITS]

Builds PROJECT once in this process (as livereload does on start), then edits
FILE EDITS times; each time it measures from the save to the edited page being
on disk with the change, then lets the background full build finish (untimed:
the browser has reloaded by then). Prints one line: ``LATENCY <median s>``.
"""

from __future__ import annotations

import os
import statistics
import sys
import time
from pathlib import Path


def main() -> None:
    project, file = Path(sys.argv[1]).resolve(), Path(sys.argv[2]).resolve()
    edits = int(sys.argv[3]) if len(sys.argv) > 3 else 3
    os.chdir(project)
    sys.path.insert(0, str(project / "plugins"))
    from fast_build.live import EditorLoop

    output = project / "out-loop"
    loop = EditorLoop(str(project / "pelicanconf.py"), str(output))
    loop.full_build()
    section, key, lang = file.parent.name, *file.name.rsplit(".", 2)[:2]
    segment = next(
        p for p in output.glob(f"{lang}/*/{key}/index.html")
    )  # the page the editor looks at
    latencies = []
    for number in range(edits):
        word = f"retouche{number}x{time.time_ns() % 10**6}"
        text = file.read_text("utf-8").rstrip("\n")
        text = text.rsplit(" retouche", 1)[0]
        start = time.perf_counter()
        file.write_text(f"{text} {word}\n", "utf-8")
        if not loop.rebuild_page(str(file)):
            loop.full_build()
        latencies.append(time.perf_counter() - start)
        if word not in segment.read_text("utf-8"):
            sys.exit(f"{segment}: the edit is not on the page")
        loop.full_build_soon().join()  # as livereload does, after the reload
    print(f"LATENCY {statistics.median(latencies):.3f}  all {latencies}")
    del section


if __name__ == "__main__":
    main()
