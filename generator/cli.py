"""Command line: ``python -m generator {build,validate,import-qutibench,diff,serve}``.

Exit status: 0 done, 1 problems in the inputs (one line each, all at once), 2 a usage
problem (a bad option or output folder: one line, nothing touched), 3 an unexpected error
in the generator itself (one line; ``--debug`` shows the traceback), 130 interrupted
(Ctrl-C), 143 terminated (SIGTERM); an interrupted build leaves the output as it was.

A command's module is imported when the command runs: ``build`` first asks whether
anything changed (``fingerprint``, standard library only) and imports the build (pandas,
Altair) only when something did, so "up to date" costs a fraction of the imports.
"""

from __future__ import annotations

import argparse
import gc
import os
import signal
import sys
import traceback
from pathlib import Path
from types import FrameType
from typing import NoReturn

from generator import __version__
from generator.errors import DataError, UsageError
from generator.fingerprint import up_to_date
from generator.project import Project, build_options

EXIT_DATA_ERROR = 1
EXIT_USAGE = 2
EXIT_INTERNAL = 3


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:  # argparse's own usage errors: exit 2, one line
        self.print_usage(sys.stderr)
        raise UsageError(message)


def _prog() -> str:
    """``python -m generator`` when run as a module, else the console script's name."""
    name = os.path.basename(sys.argv[0]) if sys.argv and sys.argv[0] else ""
    if not name or name in ("-m", "-c", "__main__.py"):
        return "python -m generator"
    return name


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog=_prog(),
        description="Build the CNN-inference benchmark site from the data in data/.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument(
        "--project", type=Path, default=Path("."),
        help="project folder holding site.yml, data/, site_src/ and templates/ (default: .)",
    )
    parser.add_argument("--debug", action="store_true", help="show the traceback of an unexpected error")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND", parser_class=_Parser)

    b = sub.add_parser("build", help="validate the inputs and write the static site")
    b.add_argument("--out", type=Path, default=None,
                   help="output folder (default: PROJECT/build); replaced only if it is absent, empty "
                        "or a previous build")
    b.add_argument("-q", "--quiet", action="store_true", help="print only warnings and the summary line")
    b.add_argument("--strict", action="store_true", help="treat warnings as problems (exit 1)")
    b.add_argument("--figures", action="store_true",
                   help="also write an SVG of every chart (figures/<page>/<chart>.svg), for readers without "
                        "JavaScript and for papers; unchanged charts come from the cache")
    b.add_argument("--base-path", default="", metavar="PATH",
                   help="URL path the site is published under, e.g. /repo/ for a GitHub Pages project site "
                        "(only 404.html needs it; every other link is relative)")

    v = sub.add_parser("validate", help="check site.yml, data/ and site_src/ and report all problems")
    v.add_argument("--strict", action="store_true", help="treat warnings as problems (exit 1)")

    i = sub.add_parser(
        "import-qutibench",
        help="convert files in the QuTiBench layout into this project's data schema",
    )
    i.add_argument("src", type=Path, help="folder with QuTiBench CSV files, or one measurement CSV")
    i.add_argument("--out", type=Path, default=None, help="data folder to write (default: PROJECT/data)")
    i.add_argument("--hints", type=Path, default=None,
                   help="YAML with name aliases, vendors, kinds, tasks (default: generator/qutibench/hints.yaml)")
    i.add_argument("--dry-run", action="store_true",
                   help="check the result and show which files would be created or changed (and how); write nothing")
    i.add_argument("--force", action="store_true",
                   help="overwrite files that differ from what the import writes (hand edits are lost)")

    d = sub.add_parser("diff", help="report what the working tree changes in the generated data tables against a git ref")
    d.add_argument("base_ref", metavar="BASE_REF", help="git branch, tag or commit to compare against, e.g. origin/main")
    d.add_argument("--out", type=Path, default=None, help="write the Markdown report here (default: standard output)")
    d.add_argument("--full", type=Path, default=None, help="write the full unified diff of the tables here")

    s = sub.add_parser("serve", help="build, serve on 127.0.0.1, rebuild on changes and reload open pages")
    s.add_argument("--port", type=int, default=8000, help="port on 127.0.0.1 (default: 8000; 0: any free port)")
    s.add_argument("--out", type=Path, default=None, help="output folder (default: PROJECT/.serve-build)")
    return parser


def _warn(line: str) -> None:
    print(line, file=sys.stderr)


def _build(args: argparse.Namespace) -> int:
    log = (lambda _msg: None) if args.quiet else print
    project, out = Project(args.project), args.out or args.project / "build"
    project.check()
    options = build_options(args.strict, args.base_path, args.figures)
    summary, fingerprint = up_to_date(project, out, options, log, _warn)  # cheap: no pandas, no Altair
    if summary is None:
        from generator.build import build

        summary = build(project, out, log=log, strict=args.strict, warn=_warn, base_path=args.base_path,
                        figures=args.figures, fingerprint=fingerprint)
    print(summary.line())
    gc.freeze()  # the build's objects are not collected one by one at exit: that took longer than a rebuild's model
    return 0


def _validate(args: argparse.Namespace) -> int:
    from generator.build import gather

    inputs = gather(Project(args.project), lambda _msg: None, strict=args.strict)
    for warning in inputs.warnings:
        _warn(f"warning: {warning}")
    ds = inputs.dataset
    print(f"OK: {len(ds.measurements)} measurements on {len(ds.platforms)} platforms, "
          f"{sum(len(n.variants) for n in ds.networks)} network variants, {len(ds.tasks)} tasks")
    return 0


def _import(args: argparse.Namespace) -> int:
    from generator.qutibench import import_qutibench

    if not args.src.exists():
        raise UsageError(f"{args.src}: no such file or folder")
    out = args.out or args.project / "data"
    print(f"Importing {args.src} into {out}{' (dry run)' if args.dry_run else ''} ...")
    report = import_qutibench(args.src, out, args.hints, force=args.force, dry_run=args.dry_run)
    for note in report.notes:
        print(f"  {note}")
    for warning in report.warnings:
        _warn(f"warning: {warning}")
    print(report.summary())
    return 0


def _diff(args: argparse.Namespace) -> int:
    from generator.publish.diff import run

    return run(args.project, args.base_ref, args.out, args.full)


def _serve(args: argparse.Namespace) -> int:
    from generator.serve import run

    return run(args.project, args.port, args.out)


COMMANDS = {
    "build": _build,
    "validate": _validate,
    "import-qutibench": _import,
    "diff": _diff,
    "serve": _serve,
}


class Terminated(BaseException):
    """SIGTERM, raised in the main thread like Ctrl-C, so an interrupted build cleans up."""


def _terminate(_signum: int, _frame: FrameType | None) -> None:
    raise Terminated()


def main(argv: list[str] | None = None) -> int:
    debug = "--debug" in (sys.argv[1:] if argv is None else argv)
    previous = signal.signal(signal.SIGTERM, _terminate)
    try:
        return _run(argv, debug)
    finally:
        signal.signal(signal.SIGTERM, previous)


def _run(argv: list[str] | None, debug: bool) -> int:
    try:
        args = _parser().parse_args(argv)
        return COMMANDS[args.command](args)
    except DataError as exc:
        for problem in exc.problems:
            print(f"error: {problem}", file=sys.stderr)
        total, shown = exc.total, len(exc.problems)
        folded = f" (in {shown} line{'s' if shown != 1 else ''})" if shown != total else ""
        print(f"{total:,} problem{'s' if total != 1 else ''} found{folded}; nothing was written.", file=sys.stderr)
        return EXIT_DATA_ERROR
    except UsageError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        print("interrupted; the previous output is unchanged.", file=sys.stderr)
        return 130
    except Terminated:
        print("terminated; the previous output is unchanged.", file=sys.stderr)
        return 143
    except Exception as exc:  # a bug in the generator: one line, the traceback on request
        if debug:
            traceback.print_exc()
        detail = str(exc).splitlines()[0][:300] if str(exc) else ""
        print(f"internal error: {type(exc).__name__}{': ' + detail if detail else ''}", file=sys.stderr)
        if not debug:
            print("This is a bug in the generator, not in your data; rerun with --debug to see the traceback "
                  "and report it.", file=sys.stderr)
        return EXIT_INTERNAL
