"""Build speed of the kit against Hugo + Pagefind (and plain Pelican, Pelican
+ i18n_subsites, Hugo alone).

    invoke bench                  # N = 300 and 1,000 translation groups: ours
                                  # cold and routine, Hugo + Pagefind
    invoke bench --sizes 1000 --only all      # every case
    invoke bench --sizes 3000 --runs 1 --only "routine,pagefind"

For each N, one synthetic corpus is written in every layout, then every case
runs once per round, rounds interleaved (so a busy moment on a shared machine
hits every case alike), and the median of the rounds is reported. Each run is
a fresh process: wall time, CPU time (the process and the workers it waited
for), peak resident memory of the build's own process and of its largest
process (ru_maxrss; build workers and Pagefind are processes of their own),
and the number of .html files written. Each row is also given as a ratio
to Hugo + Pagefind (Hugo, then Pagefind over its output: what a Hugo site
with search like ours runs), or to Hugo alone when that row is not run.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shlex
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from . import corpus, tools

WORK = Path(__file__).resolve().parent / ".work"
PYTHON = sys.executable


@dataclass
class Run:
    wall: float
    cpu: float
    peak_mb: float
    pages: int
    own_mb: float = float("nan")


@dataclass
class Case:
    name: str
    cwd: Path
    command: list[str]
    output: Path
    prepare: Callable[[], None] = lambda: None
    unavailable: str = ""
    # The process prints "LATENCY <s>": that, not its lifetime, is the time.
    reports_latency: bool = False
    runs: list[Run] = field(default_factory=list)
    error: str = ""

    def median(self, attribute: str) -> float:
        return statistics.median(getattr(r, attribute) for r in self.runs)


def measure(case: Case) -> Run:
    """One run in a fresh process; resources from wait4 for that process tree."""
    case.prepare()
    log = case.cwd / "bench.log"
    with open(log, "wb") as handle:
        start = time.perf_counter()
        process = subprocess.Popen(
            case.command,
            cwd=case.cwd,
            stdout=handle,
            stderr=subprocess.STDOUT,
            env={**os.environ, "COLUMNS": "200"},
        )
        _pid, status, usage = os.wait4(process.pid, 0)
        wall = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        tail = log.read_text("utf-8", "replace").strip().splitlines()[-3:]
        raise RuntimeError(f"exit {process.returncode}: {' | '.join(tail)}")
    pages = sum(1 for _ in case.output.rglob("*.html")) if case.output.exists() else 0
    cpu = usage.ru_utime + usage.ru_stime
    if case.reports_latency:
        line = next(
            x for x in log.read_text("utf-8").splitlines() if x.startswith("LATENCY")
        )
        wall, cpu = float(line.split()[1]), float("nan")
    own = [
        x for x in log.read_text("utf-8", "replace").splitlines() if "PEAK_SELF_KB" in x
    ]
    return Run(
        wall=wall,
        cpu=cpu,
        peak_mb=usage.ru_maxrss / 1024,
        pages=pages,
        own_mb=int(own[-1].split()[-1]) / 1024 if own else float("nan"),
    )


def _clean(*paths: Path) -> Callable[[], None]:
    def prepare() -> None:
        for path in paths:
            shutil.rmtree(path, ignore_errors=True)

    return prepare


def _build_first(command: list[str], cwd: Path) -> Callable[[], None]:
    """An untimed build just before: "nothing changed" means nothing, even
    after the other cases of the round edited a file."""

    def prepare() -> None:
        subprocess.run(command, cwd=cwd, capture_output=True, check=True)

    return prepare


def _edit(file: Path, *emptied: Path) -> Callable[[], None]:
    """Change one word of one file, as an editor saving a correction does
    (and empty the `emptied` folders, as a fresh CI checkout has them)."""

    def prepare() -> None:
        _clean(*emptied)()
        text = file.read_text("utf-8")
        marker = " (mise à jour)"
        text = text.replace(marker, "") if marker in text else text + marker + "\n"
        file.write_text(text, "utf-8")

    return prepare


def _edit_title(file: Path, *emptied: Path) -> Callable[[], None]:
    """Change one word of one file's title (quoted, as the corpus writes it):
    listings, related items and translations show it, so every page is
    rendered again."""

    def prepare() -> None:
        _clean(*emptied)()
        text = file.read_text("utf-8")
        start = text.index('title: "') + len('title: "')
        end = text.index('"\n', start)
        title, marker = text[start:end], " (mise à jour)"
        title = title.removesuffix(marker) if title.endswith(marker) else title + marker
        file.write_text(text[:start] + title + text[end:], "utf-8")

    return prepare


# The rows issue 14's targets are about: a first build, the routine build,
# and Hugo + Pagefind.
DEFAULT_ONLY = "cold,routine,pagefind"


def cases_for(n: int, root: Path, only: str = "") -> list[Case]:
    """The cases for a corpus of n groups: those whose name holds a word of
    `only` (default DEFAULT_ONLY; "all": every case); layouts no wanted
    case uses are not written."""
    only = only or DEFAULT_ONLY
    words = [w.strip().lower() for w in only.split(",") if w.strip() != "all"]
    words = [w for w in words if w]

    def wanted(name: str) -> bool:
        return not words or any(w in name.lower() for w in words)

    docs = corpus.make_corpus(n)
    shutil.rmtree(root, ignore_errors=True)
    root.mkdir(parents=True, exist_ok=True)
    ours = corpus.write_ours(docs, root / "ours")
    peak = str(Path(__file__).with_name("peak.py"))
    pelican_cmd = [PYTHON, peak, "pelican", "content", "-s"]
    edited = next(iter(sorted((ours / "content/news").glob("*.fr.md"))))
    # The production cases keep their cache apart from the development ones:
    # emptying it for a cold build must not empty the rebuilds' cache.
    production = [*pelican_cmd, "publishconf.py", "-o", "out-prod"]
    production += ["-e", 'CACHE_PATH="cache-prod"']
    development = [*pelican_cmd, "pelicanconf.py", "-o", "out-dev"]
    cases = [
        Case(
            "ours: full production build, cold (no cache)",
            ours,
            production,
            ours / "out-prod",
            _clean(ours / "out-prod", ours / "cache-prod"),
        ),
        # What a deployment that keeps cache/ between builds (a CI cache)
        # sees: every page written again, files read, cards, photos, the PDF
        # and compressed copies taken from the cache where unchanged.
        Case(
            "ours: full production build, cache kept",
            ours,
            production,
            ours / "out-prod",
            _clean(ours / "out-prod"),
        ),
        # The build a party runs every day (issue 14): CI restored cache/
        # from the last build, the checkout has one file edited and no
        # output folder.
        Case(
            "ours: production, routine (one file edited, cache kept, no output)",
            ours,
            production,
            ours / "out-prod",
            _edit(edited, ours / "out-prod"),
        ),
        # The same, when the edit is one an item shows elsewhere (its title):
        # no page can be kept.
        Case(
            "ours: production, routine, a title edited",
            ours,
            production,
            ours / "out-prod",
            _edit_title(edited, ours / "out-prod"),
        ),
        Case(
            "ours: rebuild, nothing changed",
            ours,
            development,
            ours / "out-dev",
            _build_first(development, ours),
        ),
        Case(
            "ours: rebuild after editing one file",
            ours,
            [*pelican_cmd, "pelicanconf.py", "-o", "out-dev"],
            ours / "out-dev",
            _edit(edited),
        ),
        Case(
            "ours: editor loop, save to page (livereload)",
            ours,
            [
                PYTHON,
                str(Path(__file__).with_name("editor_loop.py")),
                str(ours),
                str(edited),
            ],
            ours / "out-loop",
            reports_latency=True,
        ),
    ]
    if wanted("plain Pelican (default theme)"):
        plain = corpus.write_pelican(docs, root / "pelican")
        cases.append(
            Case(
                "plain Pelican (default theme)",
                plain,
                [*pelican_cmd, "pelicanconf.py", "-o", "out"],
                plain / "out",
                _clean(plain / "out"),
            )
        )
    if wanted("Pelican + i18n_subsites"):
        plugins, reason = tools.install("i18n_subsites")
        i18n = corpus.write_pelican(
            docs, root / "i18n", i18n_plugins=str(plugins or "")
        )
        cases.append(
            Case(
                "Pelican + i18n_subsites",
                i18n,
                [*pelican_cmd, "pelicanconf.py", "-o", "out"],
                i18n / "out",
                _clean(i18n / "out"),
                unavailable=reason,
            )
        )
    if wanted("Hugo 0.168"):
        binary, reason = tools.install("hugo")
        hugo = corpus.write_hugo(docs, root / "hugo")
        cases.append(
            Case(
                "Hugo 0.168",
                hugo,
                [str(binary), "--quiet", "-d", "out"],
                hugo / "out",
                _clean(hugo / "out"),
                unavailable=reason,
            )
        )
    if wanted("Hugo 0.168 + Pagefind"):
        binary, reason = tools.install("hugo")
        hugo = root / "hugo"
        if not hugo.exists():
            corpus.write_hugo(docs, hugo)
        pagefind = tools.pagefind()
        script = (
            f"{shlex.quote(str(binary))} --quiet -d out-pf && "
            f"{shlex.quote(pagefind)} --site out-pf --silent"
        )
        cases.append(
            Case(
                "Hugo 0.168 + Pagefind",
                hugo,
                ["sh", "-c", script],
                hugo / "out-pf",
                _clean(hugo / "out-pf"),
                unavailable=reason,
            )
        )
    return [case for case in cases if wanted(case.name)]


def warm_up(cases: list[Case]) -> None:
    """The rebuild cases start from a built site and a filled cache."""
    for case in cases:
        if case.name.startswith("ours: rebuild, nothing"):
            subprocess.run(case.command, cwd=case.cwd, capture_output=True, check=True)


def load_average() -> float:
    """The last minute's load average: other work on the machine slows
    every case (Hugo's threads more than our processes), so each round
    says it."""
    return os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")


def bench(sizes: list[int], runs: int, only: str = "") -> list[dict]:
    results = []
    for n in sizes:
        cases = cases_for(n, WORK / f"n{n}", only)
        documents = sum(1 for _ in (WORK / f"n{n}/ours/content").glob("*/*.md"))
        print(f"\nN = {n} translation groups, {documents} documents", flush=True)
        warm_up(cases)
        loads = [load_average()]
        for round_ in range(runs):
            for case in cases:
                if case.unavailable or case.error:
                    continue
                try:
                    case.runs.append(measure(case))
                except (RuntimeError, OSError) as exc:
                    case.error = str(exc)
                print(
                    f"  round {round_ + 1}/{runs}: {case.name} "
                    f"(load average {load_average():.1f})",
                    flush=True,
                )
                loads.append(load_average())
        results.append({"n": n, "documents": documents, "cases": cases, "loads": loads})
    return results


def table(results: list[dict]) -> str:
    cases = [case for result in results for case in result["cases"]]
    with_search = any(c.name == "Hugo 0.168 + Pagefind" and c.runs for c in cases)
    reference = "Hugo 0.168 + Pagefind" if with_search else "Hugo 0.168"
    lines = [
        f"| documents | build | wall (s) | × {reference.replace(' 0.168', '')} "
        "| CPU (s) | peak MB: build process / largest | pages |",
        "|---|---|---|---|---|---|---|",
    ]
    for result in results:
        cases = result["cases"]
        hugo = next((c for c in cases if c.name == reference and c.runs), None)
        for case in cases:
            if not case.runs:
                why = case.unavailable or case.error or "not run"
                lines.append(
                    f"| {result['documents']:,} | {case.name} | unavailable: {why} "
                    "| | | | |"
                )
                continue
            wall = case.median("wall")
            ratio = f"{wall / hugo.median('wall'):.2f}×" if hugo else "n/a"
            cpu = "—" if case.reports_latency else f"{case.median('cpu'):.1f}"
            lines.append(
                f"| {result['documents']:,} | {case.name} | {wall:.2f} | {ratio} "
                f"| {cpu} | {_memory(case)} "
                f"| {int(case.median('pages')):,} |"
            )
    return "\n".join(lines)


def _memory(case: Case) -> str:
    largest = f"{case.median('peak_mb'):.0f}"
    own = case.median("own_mb")
    return largest if own != own else f"{own:.0f} / {largest}"  # nan: no own


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="300,1000", help="translation groups")
    parser.add_argument("--runs", type=int, default=3, help="rounds per size")
    parser.add_argument(
        "--only",
        default="",
        help=f"cases whose name contains one of these words (default "
        f"{DEFAULT_ONLY!r}; 'all' for every case)",
    )
    args = parser.parse_args(argv)
    sizes = [int(s) for s in str(args.sizes).split(",") if s.strip()]
    results = bench(sizes, args.runs, args.only)
    machine = (
        f"{os.cpu_count()} cores, "
        f"{os.sysconf('SC_PAGE_SIZE') * os.sysconf('SC_PHYS_PAGES') / 2**30:.0f} GiB, "
        f"Python {platform.python_version()}"
    )
    when = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    text = table(results)
    loads = [load for result in results for load in result["loads"]]
    load = f"load average {min(loads):.1f} to {max(loads):.1f}" if loads else ""
    print(f"\n{when}, {machine}, median of {args.runs} interleaved rounds, {load}\n")
    print(text)
    WORK.mkdir(exist_ok=True)
    record = WORK / f"results-{datetime.now(UTC):%Y%m%dT%H%M%S}.json"
    record.write_text(
        json.dumps(
            {
                "when": when,
                "machine": machine,
                "load_average": loads,
                "runs": args.runs,
                "table": text,
                "raw": [
                    {
                        "documents": r["documents"],
                        "cases": {
                            c.name: [vars(run) for run in c.runs] for c in r["cases"]
                        },
                    }
                    for r in results
                ],
            },
            indent=1,
        ),
        "utf-8",
    )
    print(f"\n(raw figures in {record})")


if __name__ == "__main__":
    main()
