"""One worker pool for the whole build (issue 12): reading, rendering, the
program PDF and the compressed copies share it; it is made when the build
starts and closed when it ends, after the work plugins left to finish."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT, fixture_site


def _pid(_item: object) -> int:
    return os.getpid()


def _square(number: int) -> int:
    return number * number


def _fails(number: int) -> int:
    if number == 3:
        raise ValueError("three is not welcome")
    return number


def test_map_keeps_the_order_and_uses_the_workers():
    from fast_build.workers import BuildPool

    pool = BuildPool(2)
    assert pool.map(_square, range(10)) == [n * n for n in range(10)]
    assert len(set(pool.map(_pid, range(10)))) == 2, "two processes"
    assert pool.steps == 2


def test_weights_deal_the_heaviest_first_to_the_lightest_share():
    from fast_build.workers import balanced

    shares = balanced([1, 9, 5, 5], 2)
    # 9 | 5, 5 | then 1 to the share of 9 (9 < 10).
    assert sorted(sorted(share) for share in shares) == [[0, 1], [2, 3]]


def test_a_failing_worker_stops_the_step_with_its_traceback():
    from fast_build.workers import BuildPool, WorkerError

    with pytest.raises((WorkerError, ValueError), match="three is not welcome"):
        BuildPool(2).map(_fails, range(6))


def test_a_worker_never_forks_workers_of_its_own():
    from fast_build.workers import BuildPool

    pool = BuildPool(2)

    def inner(_item: object) -> set[int]:
        return set(pool.map(_pid, range(6)))

    nested = pool.map(inner, range(2))
    # In a worker, the pool runs the step in that worker alone.
    assert all(len(pids) == 1 for pids in nested)


def test_a_closed_pool_runs_nothing():
    from fast_build.workers import BuildPool

    pool = BuildPool(2)
    pool.close()
    with pytest.raises(RuntimeError, match="closed"):
        pool.map(_square, range(10))


def test_a_build_has_one_pool_closed_at_its_end(tmp_path):
    project = fixture_site(tmp_path / "project")
    script = """
from pelican import Pelican
from pelican.settings import read_settings
settings = read_settings(
    "pelicanconf.py", override={"OUTPUT_PATH": "out", "BUILD_WORKERS": 2}
)
Pelican(settings).run()
state = settings["BUILD_STATE"]
print("POOL", type(state.pool).__name__, state.pool.workers, state.pool.closed,
      state.pool.steps, len(state.later))
"""
    result = subprocess.run(
        [sys.executable, "-c", script],
        cwd=project,
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(project / "plugins")},
    )
    assert result.returncode == 0, result.stdout + result.stderr
    line = next(x for x in result.stdout.splitlines() if x.startswith("POOL"))
    name, workers, closed, steps, later = line.split()[1:]
    assert (name, workers, closed, later) == ("BuildPool", "2", "True", "0")
    assert int(steps) >= 1, "the pages were rendered on both workers"
    assert (project / "out/pagefind/pagefind-entry.json").exists()


def test_no_plugin_starts_a_process_pool_of_its_own():
    found = [
        path.relative_to(ROOT).as_posix()
        for path in (ROOT / "plugins").rglob("*.py")
        if re.search(
            r"ProcessPoolExecutor|multiprocessing|os\.fork\(",
            path.read_text("utf-8"),
        )
        and path.parent.name != "fast_build"
    ]
    assert not found, f"work spread over cores outside the build's pool: {found}"


def test_program_pages_are_kept_in_black_and_white_as_they_are_drawn():
    """A grey page is 2 MB: the PDF worker held a whole program of them."""
    from press_room.program_pdf import DEFAULT_FONTS, Block, draw_pages

    if not all(Path(font).exists() for font in DEFAULT_FONTS):
        pytest.skip("the program PDF's fonts are not installed")
    blocks = [Block("title", "Programme"), Block("h1", "Chapitre")]
    blocks += [Block("p", "Une phrase du programme, assez longue. " * 40)] * 12
    pages = draw_pages(blocks, DEFAULT_FONTS, "ltr")
    assert len(pages) > 2
    assert {page.mode for page in pages} == {"1"}


def _answer() -> int:
    return 42


def _broken() -> int:
    raise ValueError("no index today")


def test_background_work_comes_back_at_the_end_of_the_build():
    from fast_build.workers import BuildPool, WorkerError
    from multilingual.files import BuildState

    state = BuildState()
    state.pool = BuildPool(2)
    said: list[int] = []
    state.in_background(_answer, said.append)
    assert said == [], "finished only at the end of the build"
    for later in state.later:
        later()
    assert said == [42]

    failing = BuildPool(2).start(_broken)
    with pytest.raises(WorkerError, match="no index today"):
        failing.wait()

    alone = BuildState()  # no pool: done at once
    alone.in_background(_answer, said.append)
    assert said == [42, 42]


def test_closing_the_pool_waits_for_its_background_work(tmp_path: Path):
    from fast_build.workers import BuildPool

    mark = tmp_path / "done"
    pool = BuildPool(2)
    pool.start(lambda: mark.write_text("yes"))
    pool.close()
    assert mark.read_text() == "yes"
