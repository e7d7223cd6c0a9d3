"""The processes that build pages (``PageBuilders``). Standard library only at import, so
the command line starts them before it imports the build (after pandas, which they share):
they import the chart code while the build's own process imports the rest and reads the
data."""

from __future__ import annotations

import multiprocessing
import os
import sys
import threading
from pathlib import Path
from typing import TYPE_CHECKING, Any

from generator.project import Project

if TYPE_CHECKING:
    from generator.build import Built, Job

WITHOUT_CHARTS = frozenset({"index"})  # the home page (``site.home``): built without the chart code


def build_page(*job: Any) -> Any:
    """``generator.build.build_page(*job)`` (imported when first called: in a builder, or
    in this process when it builds pages too)."""
    from generator.build import build_page as build

    return build(*job)


def _ready_to_build(templates_dir: Path, compiled_dir: Path) -> None:
    """A page builder's start: the chart code imported and the page template compiled."""
    import generator.build  # noqa: F401  (where ``build_page`` lives)
    import generator.site.pages  # noqa: F401
    from generator.output.render import renderer_for

    renderer_for(templates_dir, compiled_dir).env.get_template("page.html")  # the renderer its pages use


class PageBuilders:
    """Processes that build pages, forked when a build starts where the system can fork and
    has more than one core: one per core but one, each importing the chart code (Altair)
    and compiling the page template while this process reads and analyses the data on the
    remaining core. A page is handed to a free builder as soon as it is known to be missing
    (``add``), the others wait in order.

    At the end (``finish``) this process builds the pages still waiting too. Where one of
    them has charts, it imports the chart code itself and forks one builder more, ready at
    once: a page is a coarse piece of work, and with one process more than cores the system
    shares the cores among the last pages instead of leaving one idle. A rebuild that
    redraws one page and the home page (no charts) never imports Altair in this process.

    A process that already has the chart code (``serve`` after its first build) forks no
    builders at the start: it draws a single page itself, and forks one builder per core
    at the end only for two pages with charts or more."""

    def __init__(self, project: Project):
        self.templates = (project.templates_dir, project.cache_dir / "templates")
        self.free: dict[Any, int] = {}  # pool -> its processes without a page
        self.todo: list[Job] = []
        self.built: dict[str, tuple[Built, set[Path]]] = {}
        self.failed: list[BaseException] = []
        self.running = 0
        self.state = threading.Condition()

    def __enter__(self) -> PageBuilders:
        self.cores = os.cpu_count() or 1
        self.can_fork = self.cores > 1 and "fork" in multiprocessing.get_all_start_methods()
        if self.can_fork and "generator.site.pages" not in sys.modules:  # else (``serve``) see ``finish``
            self._fork(self.cores - 1, ready=True)
        return self

    def _fork(self, processes: int, ready: bool = False) -> None:
        context = multiprocessing.get_context("fork")
        pool = context.Pool(processes, _ready_to_build, self.templates) if ready else context.Pool(processes)
        with self.state:
            self.free[pool] = processes
            self._hand_out()

    def __exit__(self, *_exc: object) -> None:
        for pool in self.free:
            pool.terminate()
            pool.join()

    def add(self, job: Job) -> None:
        """Build ``build_page(*job)``: now if a builder is free, else when one is."""
        with self.state:
            self.todo.append(job)
            self._hand_out()

    def _hand_out(self) -> None:  # waiting pages to free builders (``state`` held)
        for pool, free in self.free.items():
            while free and self.todo and not self.failed:
                job = self.todo.pop(0)
                free -= 1
                self.running += 1
                pool.apply_async(build_page, job, callback=lambda result, job=job, pool=pool: self._done(pool, job, result),
                                 error_callback=lambda exc, job=job, pool=pool: self._done(pool, job, None, exc))
            self.free[pool] = free

    def _done(self, pool: Any, job: Job, result: tuple[Built, set[Path]] | None,
              exc: BaseException | None = None) -> None:
        with self.state:
            self.running -= 1
            self.free[pool] += 1
            if exc is not None:
                self.failed.append(exc)
            else:
                self.built[job[0]] = result
            self._hand_out()
            self.state.notify_all()

    def finish(self) -> dict[str, tuple[Built, set[Path]]]:
        """Every page added, built (this process building those still waiting too)."""
        with self.state:
            charted = sum(job[0] not in WITHOUT_CHARTS for job in self.todo)  # pages this process would draw
        if self.free and charted:
            import generator.site.pages  # noqa: F401  (imported before the fork: the new builder has it)

            self._fork(1)
        elif self.can_fork and not self.free and charted > 1:
            # This process had the chart code when the build started (``serve``): builders
            # forked now have it at once; one page it draws alone, without a fork.
            self._fork(self.cores)
        while True:
            with self.state:
                if not self.todo or self.failed:
                    break
                job = self.todo.pop(0)
            result = build_page(*job)
            with self.state:
                self.built[job[0]] = result
        with self.state:
            self.state.wait_for(lambda: self.running == 0)
        if self.failed:
            raise self.failed[0]
        return self.built
