"""The Typer app, its global options, and the one exit point of every command."""

from __future__ import annotations

import gc
import sqlite3
import sys
from typing import Any

import typer
from typer.core import TyperGroup

from claimtrack import __version__
from claimtrack.errors import ClaimtrackError, ExitCode, Interrupted


class ClaimtrackGroup(TyperGroup):
    """The one exit point: every error becomes one 'Error:' line and an exit code."""

    def invoke(self, ctx: typer.Context) -> Any:
        # Typer turns Ctrl-C into a silent exit 130; it is said here instead.
        try:
            return super().invoke(ctx)
        except KeyboardInterrupt:
            raise Interrupted() from None

    def main(self, args: Any = None, *a: Any, standalone_mode: bool = True, **kw: Any) -> Any:
        argv = list(sys.argv[1:] if args is None else args)
        debug = "--debug" in argv
        # A command is a short process whose claims hold no reference cycles; the
        # cyclic collector would only re-scan them (a third of `conflicts` at a
        # million claims). Reference counting still frees everything.
        collecting = gc.isenabled()
        gc.disable()
        _made_databases().clear()
        try:
            result = super().main(argv, *a, standalone_mode=False, **kw)
        except ClaimtrackError as error:
            code, message, caught = error.exit_code, error.message, error
        except sqlite3.Error as error:
            from claimtrack.db import describe_sqlite_error

            translated = describe_sqlite_error(error)
            code, message, caught = translated.exit_code, translated.message, error
        except typer.Abort as error:
            if isinstance(error.__context__, KeyboardInterrupt):  # Ctrl-C at a prompt
                code, message, caught = ExitCode.INTERRUPTED, Interrupted().message, error
            else:
                code, message, caught = ExitCode.INPUT, "aborted", error
        except UnicodeDecodeError as error:  # an answer typed at a prompt
            code, message, caught = ExitCode.INPUT, "the input is not UTF-8 text", error
        except OSError as error:  # a file that failed in a way no command foresaw
            words = error.strerror or str(error)
            where = f"{error.filename}: " if error.filename else ""
            code, message, caught = ExitCode.INPUT, f"{where}{words}", error
        except Exception as error:
            from typer._click.exceptions import ClickException, NoArgsIsHelpError

            if isinstance(error, NoArgsIsHelpError):
                # A bare `claimtrack` asks what there is: the help, as git prints it.
                typer.echo(error.format_message())
                if standalone_mode:
                    sys.exit(ExitCode.OK)
                return ExitCode.OK
            if not isinstance(error, ClickException):
                raise
            code, message, caught = ExitCode(error.exit_code), error.format_message(), error
        else:
            code = result if isinstance(result, int) else ExitCode.OK
            if code == ExitCode.INTERRUPTED:  # Ctrl-C before or after the command ran
                code, message, caught = ExitCode.INTERRUPTED, Interrupted().message, None
            elif standalone_mode:
                sys.exit(code)
            else:
                return code
        finally:
            if collecting:
                gc.enable()
        if _made_databases():  # the command failed: a database it made goes too
            from claimtrack.db import undo_created

            undo_created()
        if debug and caught is not None:
            raise caught
        from claimtrack.escape import inert

        typer.echo(f"Error: {inert(' '.join(message.split()))}", err=True)
        if standalone_mode:
            sys.exit(int(code))
        return int(code)


def _made_databases() -> list[Any]:
    """The databases this command made, if it opened any (the SQLite engine loads
    only then)."""
    sqlite = sys.modules.get("claimtrack.db.sqlite")
    return sqlite.CREATED if sqlite is not None else []


app = typer.Typer(
    cls=ClaimtrackGroup,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
    add_completion=False,
    no_args_is_help=True,
    context_settings={"help_option_names": ["-h", "--help"]},
    help="Track competing figures in news claims: who said what number, when, and where.",
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"claimtrack {__version__}")
        raise typer.Exit()


@app.callback()
def main_options(
    ctx: typer.Context,
    db: str | None = typer.Option(
        None,
        "--db",
        envvar="CLAIMTRACK_DB",
        help="Database file, or a postgresql://user@host/dbname URL [default: claims.db in "
        "the user's app folder; env CLAIMTRACK_DB].",
        show_default=False,
    ),
    user: str | None = typer.Option(
        None,
        "--user",
        envvar="CLAIMTRACK_USER",
        help="Who is working, recorded with each claim, change, verdict and review "
        "[default: env CLAIMTRACK_USER, else the PostgreSQL role or the login name].",
        show_default=False,
    ),
    debug: bool = typer.Option(False, "--debug", help="Show a traceback on errors."),
    version: bool = typer.Option(
        False, "--version", callback=_version, is_eager=True, help="Show the version and exit."
    ),
) -> None:
    """Track competing figures in news claims: who said what number, when, and where.

    \b
    Example:
      claimtrack add "The U.S. confirms 3,000 North Korean troops are in Russia" \\
        --source US --date 2024-10-23
    """
    ctx.obj = {"db": db, "user": user}


def main() -> None:
    app()
