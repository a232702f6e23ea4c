"""The command line (see ../shared/CONTRACT.md): thin glue over the pipeline modules.

Exit codes: 0 success/identical, 1 differences, 2 bad usage or input,
3 missing environment (no throwaway server, unreachable source).
"""
from __future__ import annotations

import functools
import io
import os
import signal
import sys

import click

from . import __version__
from .errors import BaselineError, UsageError
from .connect.url import redact

SCRATCH_HELP = ("throwaway server: auto (docker if an engine answers, else local), docker, "
                "local, or a server URL where a scratch database is created and dropped")
REPORT_CHOICES = click.Choice(["text", "json", "junit", "github"])


class Terminated(SystemExit):
    """SIGTERM, as an exception so cleanup code runs on the way out."""


def _on_sigterm(signum, _frame):
    raise Terminated(128 + signum)


def command(fn):
    """Run a command body with the contract's error handling."""

    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        signal.signal(signal.SIGTERM, _on_sigterm)
        try:
            return fn(*args, **kwargs)
        except BaselineError as e:
            click.echo(f"baseline: error: {redact(str(e))}", err=True)
            sys.exit(e.exit_code)
        except KeyboardInterrupt:
            click.echo("baseline: interrupted", err=True)
            sys.exit(130)
        except Terminated as e:  # cleanup has run on the way here
            click.echo("baseline: terminated", err=True)
            sys.exit(e.code)
        except click.exceptions.Exit:
            raise
        except click.ClickException:
            raise
        except SystemExit:
            raise
        except BrokenPipeError:
            # the reader went away (`baseline inspect ... | head`): not an error of
            # ours; stop quietly, as a tool killed by SIGPIPE would (128 + 13)
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
            sys.exit(141)
        except Exception as e:  # a bug in baseline: say so plainly
            if os.environ.get("BASELINE_DEBUG"):
                raise
            click.echo(f"baseline: internal error: {type(e).__name__}: {redact(str(e))}\n"
                       "  (set BASELINE_DEBUG=1 for a traceback, and please report it)", err=True)
            sys.exit(2)

    return wrapper


def secret_options(fn):
    """``--password-file`` and ``--defaults-file``: where a server URL written
    without a password gets one (``MYSQL_PWD`` too; see connect/secrets.py)."""
    @click.option("--password-file", type=click.Path(), default=None,
                  help="a file whose first line is the password of server URLs that carry none "
                       "(else MYSQL_PWD, else the [client] password of --defaults-file or ~/.my.cnf)")
    @click.option("--defaults-file", type=click.Path(), default=None,
                  help="option file to read the [client] password from, as the mysql client does "
                       "(default ~/.my.cnf)")
    @functools.wraps(fn)
    def wrapper(*args, password_file=None, defaults_file=None, **kwargs):
        from .connect.secrets import configure

        configure(password_file, defaults_file)
        return fn(*args, **kwargs)

    return wrapper


class _Group(click.Group):
    """Unknown options and usage errors exit with 2 (click's default) and a clear message."""


#: Shown under ``baseline --help``; tests/cli/test_environment_problems.py runs each line as pasted
#: (in a folder holding production.sql and db/migrations).
EXAMPLES = """Examples (options: `baseline COMMAND --help`):

\b
  baseline inspect production.sql
  baseline generate production.sql --migrations db/migrations
  baseline verify --migrations db/migrations --against production.sql
  baseline verify --migrations db/migrations --against production.sql --report github
  baseline diff db/migrations mysql://user:pass@localhost:3306/app
  baseline doctor
"""


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]}, epilog=EXAMPLES)
@click.version_option(__version__, prog_name="baseline")
def cli():
    """Turn a legacy MySQL/MariaDB database into a reproducible migration history."""


# ---------------------------------------------------------------------------- generate


@cli.command()
@click.argument("source")
@click.option("-o", "--output", "outdir", type=click.Path(file_okay=False),
              help="folder to write into (default: --migrations folder, else current folder)")
@click.option("--migrations", "migrations", type=click.Path(file_okay=False),
              help="existing migration chain: the baseline is the schema as it was before it")
@click.option("--format", "fmt", default=None,
              help="output format: sql (the default; with --migrations: the chain's own), golang-migrate, "
                   "dbmate, goose, sequelize, flyway, liquibase, prisma")
@click.option("--name", default="000_initial_schema", show_default=True, help="migration name")
@click.option("--schema", "schema_name", help="database to read from a multi-database dump")
@click.option("--scratch", default=None, help=SCRATCH_HELP)
@click.option("--image", help="container image for --scratch docker")
@click.option("--keep-definers", is_flag=True, help="keep DEFINER clauses")
@click.option("--keep-auto-increment", is_flag=True, help="keep AUTO_INCREMENT counters")
@click.option("--no-verify", is_flag=True, help="with --migrations: do not replay to check the result")
@click.option("--force", is_flag=True,
              help="write the baseline even when verification fails (the exit status stays 1), from a damaged "
                   "dump (cut off, unknown statements: the problems go into its header), or over a file "
                   "baseline did not write")
@click.option("--chain-format", help="chain format of --migrations (default: detected)")
@click.option("--repeat", type=click.IntRange(1, 20), default=None, metavar="N",
              help="replay the chain N times on fresh databases and compare the replays (default: twice when a "
                   "JavaScript migration sends concurrent statements on one table, else once)")
@click.option("--strategy", type=click.Choice(["auto", "down", "invert"]), default="auto", show_default=True,
              help="with --migrations: walk the chain back by its down scripts where it has them (auto), "
                   "by down scripts only, or by inverting the up scripts")
@command
@secret_options
def generate(source, outdir, migrations, fmt, name, schema_name, scratch, image, keep_definers,
             keep_auto_increment, no_verify, force, chain_format, repeat, strategy):
    """Write the baseline migration for SOURCE.

    With --migrations DIR, the baseline is the schema as it was before the chain
    in DIR (so that it, then DIR's migrations, rebuild SOURCE exactly), written
    into DIR in the chain's own format and verified by replaying both.

    \b
    Exit codes:
      0  written (with --migrations: and verified, unless --no-verify)
      1  verification found differences: nothing written (--force writes it, still 1)
      2  bad usage or input (a file and line named), or a chain statement the
         server rejects; a file baseline did not write is never replaced
      3  no throwaway server can be started, or SOURCE cannot be reached"""
    if not name or name in (".", "..") or "/" in name or "\\" in name:
        raise UsageError(f"--name must be a plain file name, not {name!r}")
    from .util.atomic import ensure_writable

    ensure_writable(outdir or migrations or ".")
    if migrations:
        from .workflows.chain_baseline import ChainBaselineOptions, generate_for_chain
        from .report.baseline_summary import print_chain_baseline

        options = ChainBaselineOptions(schema_name=schema_name, scratch=scratch, image=image,
                                       chain_format=chain_format, fmt=fmt, name=name, keep_definers=keep_definers,
                                       keep_auto_increment=keep_auto_increment, verify=not no_verify, force=force,
                                       strategy=strategy, outdir=outdir, progress=sys.stderr.isatty(),
                                       repeat=repeat)
        result = generate_for_chain(source, migrations, options, say=lambda text: click.echo(text, err=True))
        print_chain_baseline(result, click.echo, color=sys.stdout.isatty())
        sys.exit(result.exit_code)
    from .render.ddl import RenderOptions
    from .render.sqlfile import summary
    from .sources import SourceOptions
    from .workflows.generate import generate_baseline

    made = generate_baseline(source, outdir or ".", fmt=fmt or "sql", name=name,
                             source_options=SourceOptions(schema_name=schema_name, scratch=scratch, image=image,
                                                          chain_format=chain_format, accept_damaged=force),
                             render_options=RenderOptions(keep_definers=keep_definers,
                                                          keep_auto_increment=keep_auto_increment),
                             force=force)
    for line in made.replaced:
        click.echo(f"baseline: warning: {line}", err=True)
    click.echo(f"wrote {', '.join(str(p) for p in made.written)}: {summary(made.schema)}")


# ---------------------------------------------------------------------------- verify


@cli.command(short_help="Replay the chain and compare it with SOURCE.")
@click.option("--migrations", required=True, type=click.Path(file_okay=False),
              help="the chain to replay (baseline first)")
@click.option("--against", required=True, help="the source to compare with")
@click.option("--scratch", default="auto", show_default=True, help=SCRATCH_HELP)
@click.option("--image", help="container image for --scratch docker")
@click.option("--report", "report_format", type=REPORT_CHOICES, default="text", show_default=True)
@click.option("--schema", "schema_name", help="database to read from a multi-database dump")
@click.option("--chain-format", help="chain format (default: detected)")
@click.option("--ignore-column-order", is_flag=True, help="column order is not a difference")
@click.option("--include-definers", is_flag=True, help="DEFINER clauses are differences too")
@click.option("--include-auto-increment", is_flag=True,
              help="AUTO_INCREMENT counters and sequence positions are differences too")
@click.option("--include-bookkeeping", is_flag=True,
              help="compare migration tools' own tables too (SequelizeMeta, schema_migrations, ...)")
@click.option("--repeat", type=click.IntRange(1, 20), default=None, metavar="N",
              help="replay the chain N times on fresh databases and compare the replays (default: twice when a "
                   "JavaScript migration sends concurrent statements on one table, else once)")
@command
@secret_options
def verify(migrations, against, scratch, image, report_format, schema_name, chain_format,
           ignore_column_order, include_definers, include_auto_increment, include_bookkeeping, repeat):
    """Replay the chain in a throwaway server and compare the result with SOURCE.

    Exit 0 when the replayed chain is identical to SOURCE, 1 when they differ
    (each difference names the migration that last touched its object), 2 for
    bad input, including a migration that fails to replay (the report says
    which, where, and the server's error), 3 when no throwaway server can be
    started or SOURCE cannot be reached, or when a migration fails on a server of
    another flavor than SOURCE's for a reason that flavor explains (a MySQL-only
    collation on MariaDB: the report says how to provide the right server)."""
    from .report import render_report
    from .workflows.verify import failure_message

    try:
        result = _run_verify(migrations, against, scratch, image, report_format, schema_name, chain_format,
                             ignore_column_order, include_definers, include_auto_increment, include_bookkeeping,
                             repeat)
    except BaselineError as e:  # exit 2/3 before any comparison: a CI step reading the report sees why
        _error_report(report_format, "verify", ("SOURCE", against), ("chain", f"chain {migrations}"), e)
        raise
    click.echo(render_report(result.comparison, report_format, stream_is_tty=sys.stdout.isatty()), nl=False)
    if result.failure is not None and not _same_destination():
        # the report may go to a file or a machine: say it where people look too
        # (once: not when stderr is the same terminal, file or pipe as stdout)
        click.echo(f"baseline: error: {redact(failure_message(result.comparison.failure))}", err=True)
    sys.exit(result.exit_code)


def _run_verify(migrations, against, scratch, image, report_format, schema_name, chain_format,
                ignore_column_order, include_definers, include_auto_increment, include_bookkeeping, repeat=None):
    from .compare import CompareOptions
    from .sources import SourceOptions
    from .workflows.verify import run_verify

    return run_verify(
        migrations, against, scratch=scratch, image=image, chain_format=chain_format,
        compare_options=CompareOptions(ignore_column_order=ignore_column_order,
                                       compare_definers=include_definers,
                                       compare_counters=include_auto_increment),
        source_options=SourceOptions(schema_name=schema_name), progress=sys.stderr.isatty(),
        include_bookkeeping=include_bookkeeping, repeat=repeat,
        # the text report shows the notes itself; machine formats carry them, and people read stderr
        note=(lambda text: None) if report_format == "text" else None)


def _error_report(report_format: str, command_name: str, a: tuple[str, str], b: tuple[str, str],
                  error: BaselineError) -> None:
    """A machine report for a command stopped before comparing (the message goes
    to stderr as for every error); the text report is the stderr message itself."""
    if report_format == "text":
        return
    from .report import error_result, render_report

    click.echo(render_report(error_result(command_name, a, b, error), report_format), nl=False)


def _same_destination() -> bool:
    """Whether stdout and stderr write to the same terminal, file or pipe."""
    try:
        out, err = os.fstat(sys.stdout.fileno()), os.fstat(sys.stderr.fileno())
    except (OSError, ValueError, AttributeError, io.UnsupportedOperation):
        return False
    return (out.st_dev, out.st_ino) == (err.st_dev, err.st_ino)


# ---------------------------------------------------------------------------- diff


@cli.command()
@click.argument("source_a")
@click.argument("source_b")
@click.option("--report", "report_format", type=REPORT_CHOICES, default="text", show_default=True)
@click.option("--scratch", default=None,
              help=SCRATCH_HELP + " (default: auto for a migrations folder; dumps are read offline)")
@click.option("--image", help="container image for --scratch docker")
@click.option("--schema", "schema_name", help="database to read from a multi-database dump")
@click.option("--chain-format", help="chain format of a migrations folder (default: detected)")
@click.option("--ignore-column-order", is_flag=True, help="column order is not a difference")
@click.option("--include-definers", is_flag=True, help="DEFINER clauses are differences too")
@click.option("--include-auto-increment", is_flag=True,
              help="AUTO_INCREMENT counters and sequence positions are differences too")
@click.option("--include-bookkeeping", is_flag=True,
              help="compare migration tools' own tables too (SequelizeMeta, schema_migrations, ...)")
@click.option("--write", "write_dir", type=click.Path(file_okay=False),
              help="write the migration turning A into B into this chain folder, in its format, after proving "
                   "it on a throwaway server (chain + it = B, its down gives A back)")
@click.option("--name", "migration_name", help="name of the written migration (default: changes)")
@command
@secret_options
def diff(source_a, source_b, report_format, scratch, image, schema_name, chain_format, ignore_column_order,
         include_definers, include_auto_increment, include_bookkeeping, write_dir, migration_name):
    """Compare two sources (server URL, dump file, migrations folder).

    Migration tools' history tables (SequelizeMeta, schema_migrations,
    flyway_schema_history, ...) are left out unless --include-bookkeeping: one
    side has them because a tool ran there, not because the schemas differ.

    Exit 0 when identical, 1 when they differ (the report lists how), 2 for bad
    input, 3 when a server cannot be reached or started.

    With --write DIR: the migration from A to B is written into DIR (named to
    run after its last migration, in its format, with a down where the format
    has one) once a replay of DIR plus it gives B and its down gives A back;
    steps that can lose data and possible renames are flagged in the file and
    on stderr. Exit 0 when written (or nothing to write), 1 when the proof
    failed (nothing written)."""
    from .compare import CompareOptions
    from .report import render_report
    from .sources import SourceOptions
    from .workflows.diff import compare_read, read_side

    if migration_name is not None and write_dir is None:
        raise UsageError("--name goes with --write DIR")
    options = SourceOptions(schema_name=schema_name, scratch=scratch, image=image, chain_format=chain_format,
                            progress=sys.stderr.isatty())
    try:
        a = read_side(source_a, options)
        b = read_side(source_b, options)
    except BaselineError as e:  # exit 2/3 before any comparison: a CI step reading the report sees why
        _error_report(report_format, "diff", ("A", source_a), ("B", source_b), e)
        raise
    diffed = compare_read(source_a, a, source_b, b,
                          CompareOptions(ignore_column_order=ignore_column_order, compare_definers=include_definers,
                                         compare_counters=include_auto_increment),
                          include_bookkeeping=include_bookkeeping)
    click.echo(render_report(diffed.result, report_format, stream_is_tty=sys.stdout.isatty()), nl=False)
    if write_dir is not None:
        _write_next(a, b, source_a, source_b, write_dir, migration_name, scratch, image, chain_format)
    sys.exit(1 if diffed.result.differences else 0)


def _write_next(a, b, source_a, source_b, write_dir, name, scratch, image, chain_format):
    from pathlib import Path

    from .workflows.next_migration import write_next_migration
    from .report.sides import describe_source

    made = write_next_migration(a, b, Path(write_dir), name=name, describe_a=describe_source(source_a, a),
                                describe_b=describe_source(source_b, b), scratch=scratch, image=image,
                                chain_format=chain_format, progress=sys.stderr.isatty())
    err = sys.stderr
    if made.nothing:
        err.write("A and B agree: no migration to write\n")
        sys.exit(0)
    for line in made.up.unsafe:
        err.write(f"warning: unsafe: {line}\n")
    for line in made.up.renames:
        err.write(f"warning: {line}\n")
    for line in made.up.unsupported:
        err.write(f"warning: not written: {line}\n")
    if made.problems:
        err.write(f"not written: the migration from A to B did not prove out on {made.server or 'the scratch server'}:\n")
        for line in made.problems[:20]:
            err.write(f"  {line}\n")
        if len(made.problems) > 20:
            err.write(f"  ... and {len(made.problems) - 20} more\n")
        sys.exit(1)
    n_up, n_down = len(made.up.statements), len(made.down.statements)
    down = f", {n_down} down" if made.has_down else " (the format has no down)"
    proof = "the chain with it gives B" + (", its down gives the chain back" if made.has_down else "")
    err.write(f"wrote {', '.join(str(p) for p in made.written)}: {n_up} statement(s) up{down}; "
              f"proven on {made.server}: {proof}\n")
    sys.exit(0)


# ---------------------------------------------------------------------------- inspect


@cli.command()
@click.argument("source")
@click.option("--json", "as_json", is_flag=True, help="machine-readable snapshot")
@click.option("--schema", "schema_name", help="database to read from a multi-database dump")
@click.option("--scratch", default=None, help=SCRATCH_HELP)
@click.option("--image", help="container image for --scratch docker")
@command
@secret_options
def inspect(source, as_json, schema_name, scratch, image):
    """Print the normalized schema of SOURCE.

    \b
    Exit codes:
      0  printed
      2  bad usage or input (a file and line named)
      3  SOURCE cannot be reached (or a throwaway server started for --scratch)"""
    import json

    from .render.ddl import create_statements
    from .render.sqlfile import comment_safe, render_statements, summary
    from .snapshot import to_json
    from .sources import SourceOptions, load_schema
    from .workflows.generate import describe

    schema = load_schema(source, SourceOptions(schema_name=schema_name, scratch=scratch, image=image))
    if as_json:
        click.echo(json.dumps(to_json(schema), indent=2, ensure_ascii=False))
        return
    where = f"{schema.flavor}; " if schema.flavor else ""
    click.echo(comment_safe(f"-- {describe(schema)}: {summary(schema)} ({where}CHARACTER SET "
                            f"{schema.charset} COLLATE {schema.collation})"))
    statements = create_statements(schema)
    if statements:
        click.echo()
        click.echo(render_statements(statements), nl=False)


# ---------------------------------------------------------------------------- adopt

TOOL_CHOICES = click.Choice(["sequelize", "golang-migrate", "goose", "dbmate", "flyway", "liquibase", "prisma"])


@cli.command(short_help="Record the chain as applied in a tool's history table.")
@click.option("--migrations", required=True, type=click.Path(file_okay=False),
              help="the chain, baseline first, that built the target's schema")
@click.option("--target", required=True, help="server URL of the database that already has the schema")
@click.option("--tool", required=True, type=TOOL_CHOICES, help="the migration tool whose history to write")
@click.option("--yes", is_flag=True, help="write the history rows (default: print the SQL only)")
@click.option("--scratch", default="auto", show_default=True, help=SCRATCH_HELP)
@click.option("--image", help="container image for --scratch docker")
@click.option("--chain-format", help="chain format (default: detected)")
@command
@secret_options
def adopt(migrations, target, tool, yes, scratch, image, chain_format):
    """Record the baseline and the chain as applied in TOOL's history table.

    First checks that the target's schema is what the chain builds (replayed on
    a throwaway server; the tools' own history tables left out) and refuses with
    the differences (exit 1) otherwise. Dry run by default: prints the SQL.
    With --yes it writes it: only the history table, never anything else.

    \b
    Exit codes:
      0  the target matches: SQL printed (or, with --yes, written)
      1  the target differs from what the chain builds: nothing written
      2  bad usage or input, or a migration that fails to replay
      3  no throwaway server, or the target cannot be reached"""
    from .workflows.adopt.run import adopt as run_adopt
    from .report import render_report
    from .connect.url import ServerURL

    result = run_adopt(migrations, target, tool, yes=yes, scratch=scratch, image=image,
                       chain_format=chain_format, progress=sys.stderr.isatty())
    url = ServerURL.parse(target)
    if result.differences:
        click.echo(render_report(result.check.comparison, "text", stream_is_tty=sys.stdout.isatty()), nl=False)
        click.echo(f"baseline: refusing to adopt: {url} is not what {migrations} builds "
                   f"({len(result.differences)} difference(s) above); nothing was written", err=True)
        sys.exit(1)
    p = result.plan
    click.echo(f"-- {url} matches {migrations} (baseline + {len(p.entries) - 1} migration(s)).", err=True)
    if not p.create and not p.rows:
        click.echo(f"-- {p.tool} already records every migration; nothing to write.", err=True)
        return
    click.echo(p.sql, nl=False)
    if result.applied:
        click.echo(f"-- written to {url}: only the {p.tool} history table "
                   f"({', '.join(history_tables(p.tool))}).", err=True)
    else:
        click.echo("-- dry run: nothing was written. Run again with --yes to write these rows "
                   "(only the history table is touched).", err=True)


def history_tables(tool):
    from .workflows.adopt.history import TABLES

    return TABLES[tool]


# ---------------------------------------------------------------------------- bootstrap


@cli.command(short_help="Build a fresh database from the chain.")
@click.option("--migrations", required=True, type=click.Path(file_okay=False), help="the chain, baseline first")
@click.option("--to", "to", required=True, help="server URL of the database to build (created if missing)")
@click.option("--tool", type=TOOL_CHOICES, help="history to record (default: the chain's own tool)")
@click.option("--force", is_flag=True, help="replay even when the database already holds objects")
@click.option("--chain-format", help="chain format (default: detected)")
@command
@secret_options
def bootstrap(migrations, to, tool, force, chain_format):
    """Build a fresh database from the chain for a new developer, and record its history.

    \b
    Exit codes:
      0  built
      2  bad usage or input, or a migration that fails (a database this run
         created is dropped again; one it did not create is left, and said so)
      3  the server cannot be reached, or the user may not create the database"""
    from .workflows.adopt.run import bootstrap as run_bootstrap
    from .connect.url import ServerURL

    result = run_bootstrap(migrations, to, tool=tool, force=force, chain_format=chain_format,
                           progress=sys.stderr.isatty())
    url = ServerURL.parse(to)
    what = "created and built" if result.created else "built"
    click.echo(f"{what} {url}: {len(result.applied)} migration(s) applied"
               + (f"; {result.plan.tool} history recorded" if result.plan else ""))


# ---------------------------------------------------------------------------- doctor


@cli.command(short_help="Show which throwaway servers this machine can start.")
@click.option("--check", is_flag=True,
              help="really start each usable backend: create a database, run DDL, reflect it, "
                   "clean up, and print timings")
@click.option("--scratch", "scratch", multiple=True, metavar="SPEC",
              help="examine only these backends (docker, local, auto, or a server URL); repeatable")
@click.option("--image", help="container image for the docker backend")
@click.option("--hold", type=float, default=0.0, hidden=True,
              help="test aid: with --check, keep each server and database alive this many "
                   "seconds after the DDL (announced on stderr), so a test can interrupt a run "
                   "that is mid-work")
@command
@secret_options
def doctor(check, scratch, image, hold):
    """Report which throwaway servers can be had here and how to get the others.

    Exit 0 when at least one backend works (with --check: passed its check), 3 otherwise.
    """
    from .workflows.doctor import run

    code = run(click.echo, check=check, scratch=scratch, image=image, hold=hold,
               err=lambda text: click.echo(text, err=True))
    sys.exit(code)


def main(argv=None):
    cli.main(args=argv, prog_name="baseline")


if __name__ == "__main__":  # pragma: no cover
    main()
