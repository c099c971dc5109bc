"""Every command has a one-line summary and a real example in its --help."""

import pytest
import typer
from typer.testing import CliRunner

from claimtrack.cli import app


def _commands(group, path=()):
    for name, command in sorted(group.commands.items()):
        yield (*path, name), command
        if hasattr(command, "commands"):
            yield from _commands(command, (*path, name))


COMMANDS = list(_commands(typer.main.get_command(app)))


def test_there_are_commands():
    names = {" ".join(path) for path, _ in COMMANDS}
    assert {"add", "list", "show", "edit", "rm", "restore", "history", "topics", "sources"} <= names


@pytest.mark.parametrize("path", [p for p, _ in COMMANDS], ids=" ".join)
def test_help_has_summary_and_example(path):
    result = CliRunner().invoke(app, [*path, "--help"])
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    usage_end = lines.index("")
    summary = lines[usage_end + 1].strip()
    assert summary and summary.endswith("."), summary
    assert "Example:" in result.stdout
    example = result.stdout.split("Example:", 1)[1].strip().splitlines()[0].strip()
    assert example.startswith(f"claimtrack {' '.join(path)}"), example


def test_no_arguments_prints_the_help():
    result = CliRunner().invoke(app, [])
    assert result.exit_code == 0, result.stderr
    assert result.stderr == ""
    assert result.stdout == CliRunner().invoke(app, ["--help"]).stdout
    assert result.stdout.startswith("Usage: ") and "\nCommands:\n" in result.stdout
