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
import re
import signal
import sys
import traceback
from collections.abc import Callable
from pathlib import Path
from types import FrameType
from typing import NoReturn

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


class _Version(argparse.Action):
    """``--version``: the generator, Altair, Vega-Lite and Python versions (and the libraries')."""

    def __init__(self, option_strings: list[str], dest: str = argparse.SUPPRESS, **kwargs: object):
        super().__init__(option_strings, dest, nargs=0, help="show the generator's, Altair's, Vega-Lite's and "
                                                              "Python's versions and exit")

    def __call__(self, parser: argparse.ArgumentParser, namespace: argparse.Namespace, values: object,
                 option_string: str | None = None) -> None:
        from generator.output.assets import vegalite_version
        from generator.versions import version_line

        print(version_line(vegalite_version()))
        parser.exit()


def _global_options(parser: argparse.ArgumentParser, defaults: bool) -> None:
    """``--project``, ``--debug``, ``-v``, ``-q``: on the main parser with their defaults, and
    on every command without (``SUPPRESS``), so they work before or after the command."""
    def default(value: object) -> object:
        return value if defaults else argparse.SUPPRESS

    parser.add_argument("--project", type=Path, default=default(Path(".")), metavar="DIR",
                        help="project folder holding site.yml, data/, site_src/ and templates/ (default: .)")
    parser.add_argument("--debug", action="store_true", default=default(False),
                        help="show the traceback of an unexpected error")
    loud = parser.add_mutually_exclusive_group()
    loud.add_argument("-v", "--verbose", action="store_true", default=default(False),
                      help="say more: every step, every file, every request")
    loud.add_argument("-q", "--quiet", action="store_true", default=default(False),
                      help="say less: only warnings, problems and the result")


# name: (one-line description, examples)
COMMAND_HELP = {
    "build": ("check every input, compute, and write the static site", [
        ("python -m generator build", "build into build/"),
        ("python -m generator build --strict --figures --base-path /my-repo/", "as GitHub Pages publishes it"),
    ]),
    "validate": ("check site.yml, data/ and site_src/ and report every problem and warning", [
        ("python -m generator validate --strict", "warnings count as problems"),
    ]),
    "serve": ("build, serve the site, rebuild on every change and reload open pages", [
        ("python -m generator serve --open", "at http://127.0.0.1:8000/, opened in the browser"),
        ("python -m generator serve --host 0.0.0.0 --port 8080", "seen by other machines of the network"),
    ]),
    "diff": ("report what the working tree changes in the generated data tables against a git ref", [
        ("python -m generator diff main", "the review report, as Markdown"),
        ("python -m generator diff origin/main --exit-code --out report.md --full full.diff", "as CI runs it"),
    ]),
    "new": ("write a small working project to start a benchmark site of your own", [
        ("python -m generator new my-site --title 'Lab 42 benchmarks'", "then: cd my-site"),
    ]),
    "import-qutibench": ("convert files in the QuTiBench layout into this project's data schema", [
        ("python -m generator import-qutibench path/to/qutibench --out data --dry-run", "what an import would change"),
        ("python -m generator import-qutibench my_runs.csv", "add a contributor's runs"),
    ]),
}


def _command(sub: argparse._SubParsersAction, name: str, common: argparse.ArgumentParser) -> argparse.ArgumentParser:
    summary, examples = COMMAND_HELP[name]
    width = max(len(command) for command, _ in examples)
    prog = _prog()
    examples = [(command.replace("python -m generator", prog, 1), what) for command, what in examples]
    width = max(len(command) for command, _ in examples)
    epilog = "examples:\n" + "\n".join(f"  {command:<{width}}  # {what}" for command, what in examples)
    return sub.add_parser(name, help=summary, description=summary[0].upper() + summary[1:] + ".", epilog=epilog,
                          parents=[common], formatter_class=argparse.RawDescriptionHelpFormatter)


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog=_prog(),
        description="Build the CNN-inference benchmark site from the data in data/.",
        epilog="Options --project, --debug, -v and -q go before or after the command. "
               "'COMMAND --help' shows a command's options and examples.",
    )
    parser.add_argument("--version", action=_Version)
    _global_options(parser, defaults=True)
    common = argparse.ArgumentParser(add_help=False)
    _global_options(common, defaults=False)
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND", parser_class=_Parser)

    b = _command(sub, "build", common)
    b.add_argument("--out", type=Path, default=None, metavar="DIR",
                   help="output folder (default: PROJECT/build); replaced only if it is absent, empty "
                        "or a previous build")
    b.add_argument("--strict", action="store_true", help="treat warnings as problems (exit 1)")
    b.add_argument("--figures", action="store_true",
                   help="also write an SVG of every chart (figures/<page>/<chart>.svg), for readers without "
                        "JavaScript and for papers")
    b.add_argument("--base-path", type=base_path, default=None, metavar="PATH",
                   help="URL path the site is published under, e.g. /repo/ for a GitHub Pages project site, "
                        "'' or / for a site at the domain's root; only 404.html needs it (every other link is "
                        "relative). Default: relative links, right at the root of a site or opened from disk")

    v = _command(sub, "validate", common)
    v.add_argument("--strict", action="store_true", help="treat warnings as problems (exit 1)")

    s = _command(sub, "serve", common)
    s.add_argument("--host", default="127.0.0.1",
                   help="address to listen on (default: 127.0.0.1, this machine only; 0.0.0.0: every interface)")
    s.add_argument("--port", type=int, default=8000, help="port (default: 8000; 0: any free port)")
    s.add_argument("--open", action="store_true", help="open the site in the web browser once it is built")
    s.add_argument("--out", type=Path, default=None, metavar="DIR",
                   help="output folder (default: PROJECT/.serve-build)")

    d = _command(sub, "diff", common)
    d.add_argument("base_ref", metavar="BASE_REF", help="git branch, tag or commit to compare against, e.g. origin/main")
    d.add_argument("--out", type=Path, default=None, metavar="FILE",
                   help="write the Markdown report here (default: standard output)")
    d.add_argument("--full", type=Path, default=None, metavar="FILE",
                   help="write the full unified diff of the tables here, every digit")
    d.add_argument("--exit-code", action="store_true",
                   help="exit with 1 when a table changed and 0 when none did, like git diff --exit-code "
                        "(a data problem in either tree is then 4)")

    n = _command(sub, "new", common)
    n.add_argument("dir", type=Path, metavar="DIR", help="folder to create (absent or empty)")
    n.add_argument("--title", default="My CNN Inference Benchmarks", help="the site's title (site.yml)")

    i = _command(sub, "import-qutibench", common)
    i.add_argument("src", type=Path, help="folder with QuTiBench CSV files, or one measurement CSV")
    i.add_argument("--out", type=Path, default=None, help="data folder to write (default: PROJECT/data)")
    i.add_argument("--hints", type=Path, default=None,
                   help="YAML with name aliases, vendors, kinds, tasks (default: generator/qutibench/hints.yaml)")
    i.add_argument("--dry-run", action="store_true",
                   help="check the result and show which files would be created or changed (and how); write nothing")
    i.add_argument("--force", action="store_true",
                   help="overwrite files that differ from what the import writes (hand edits are lost)")
    return parser


def base_path(text: str) -> str:
    """``--base-path``: a URL path (``/repo/``, ``repo``, ``''`` or ``/`` for the root), not a
    URL; normalized to start and end with ``/``."""
    value = text.strip()
    if re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*:", value) or value.startswith("//"):
        raise argparse.ArgumentTypeError(
            f"expected a path such as /repo/ (the part of the address after the host), found the address "
            f"'{value[:80]}'; for https://owner.github.io/repo/ use --base-path /repo/")
    if re.search(r"[\s?#\\<>\"'`]|(^|/)\.\.?(/|$)", value):
        raise argparse.ArgumentTypeError(
            f"expected a path of plain segments such as /repo/ (no spaces, ?, #, backslashes, . or ..), "
            f"found '{value[:80]}'")
    path = "/".join(part for part in value.split("/") if part)
    return f"/{path}/" if path else "/"


def _warn(line: str) -> None:
    print(line, file=sys.stderr)


def _say(args: argparse.Namespace) -> Callable[[str], None]:
    """Progress messages: printed unless ``-q``."""
    return (lambda _msg: None) if args.quiet else print


def _detail(args: argparse.Namespace) -> Callable[[str], None]:
    """Details: printed with ``-v`` only."""
    return print if args.verbose else (lambda _msg: None)


def _build(args: argparse.Namespace) -> int:
    log = _say(args)
    project, out = Project(args.project), args.out or args.project / "build"
    project.check()
    base = args.base_path or ""
    _detail(args)(f"Project {project.root.resolve()}, output {out.resolve()}, strict {args.strict}, figures "
                  f"{args.figures}, base path {base or '(relative links)'}")
    options = build_options(args.strict, base, args.figures)
    summary, fingerprint = up_to_date(project, out, options, log, _warn)  # cheap: no pandas, no Altair
    if summary is None:
        from generator.build import build

        summary = build(project, out, log=log, strict=args.strict, warn=_warn, base_path=base,
                        figures=args.figures, fingerprint=fingerprint)
    print(summary.line())
    gc.freeze()  # the build's objects are not collected one by one at exit: that took longer than a rebuild's model
    return 0


def _validate(args: argparse.Namespace) -> int:
    from generator.build import gather

    inputs = gather(Project(args.project), _detail(args), strict=args.strict)
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
    log = _say(args)
    log(f"Importing {args.src} into {out}{' (dry run)' if args.dry_run else ''} ...")
    report = import_qutibench(args.src, out, args.hints, force=args.force, dry_run=args.dry_run)
    for note in report.notes:
        log(f"  {note}")
    for warning in report.warnings:
        _warn(f"warning: {warning}")
    print(report.summary())
    return 0


def _diff(args: argparse.Namespace) -> int:
    from generator.publish.diff import run

    progress = (lambda _msg: None) if args.quiet else (lambda msg: print(msg, file=sys.stderr))
    return run(args.project, args.base_ref, args.out, args.full, exit_code=args.exit_code,
               log=progress if args.out is None else _say(args))


def _serve(args: argparse.Namespace) -> int:
    from generator.serve import run

    return run(args.project, args.port, args.out, host=args.host, open_browser=args.open, quiet=args.quiet,
               verbose=args.verbose)


def _new(args: argparse.Namespace) -> int:
    from generator.new import new_project

    written, placeholder = new_project(args.dir, args.title)
    for path in written:
        _detail(args)(f"  {args.dir / path}")
    log = _say(args)
    log(f"Wrote a new project into {args.dir} ({len(written)} files): an example platform, network and "
        f"{sum(1 for p in written if p.startswith('data/measurements/'))} measurement file, the prose pages, the "
        "templates and a GitHub workflow.")
    if placeholder:
        log(f"Edit {args.dir / 'requirements.txt'}: it names a placeholder for where the generator is published "
            "(the workflow installs it from there).")
    log(f"Next: python -m generator --project {args.dir} build   (or: cd {args.dir} && python -m generator serve --open)")
    return 0


COMMANDS = {
    "build": _build,
    "validate": _validate,
    "import-qutibench": _import,
    "diff": _diff,
    "serve": _serve,
    "new": _new,
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
