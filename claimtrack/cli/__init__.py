"""The command line: parse arguments, call the core, pick a renderer, set the exit code.

The commands live in one module a job; `app` holds the one exit point. Heavy
modules (rich, sqlite-utils, dateutil) are imported inside the commands that
need them, so that `claimtrack --help` and `claimtrack add` start fast.
"""

from claimtrack.cli import claims, conflicts, ingest, pictures, story, upkeep  # noqa: F401  (registers)
from claimtrack.cli.app import app, main

__all__ = ["app", "main"]
