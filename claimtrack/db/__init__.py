"""Storage: one interface, two engines.

`Store` (sql.py) is what the rest of claimtrack calls, with the SQL both engines
share; sqlite.py (the embedded default, a file) and postgresql.py (a desk's
shared server, a postgresql:// URL) say only what differs. No SQL lives
outside this package.
"""

from __future__ import annotations

from pathlib import Path

from claimtrack.db.sql import KNOWN_MIGRATIONS, Features, Filing, Store, busy_timeout, utc_now
from claimtrack.db.sqlite import default_path, describe_sqlite_error, undo_created

__all__ = [
    "KNOWN_MIGRATIONS",
    "Features",
    "Filing",
    "Store",
    "busy_timeout",
    "default_path",
    "describe_sqlite_error",
    "is_url",
    "open_store",
    "undo_created",
    "utc_now",
]

URL_SCHEMES = ("postgresql://", "postgres://")


def is_url(target: str | Path | None) -> bool:
    """Whether the store named is a PostgreSQL server rather than a file."""
    return isinstance(target, str) and target.lower().startswith(URL_SCHEMES)


def open_store(target: str | Path | None = None) -> Store:
    """Open the store TARGET names (a file path, or a postgresql:// URL), creating it
    if needed, with its schema brought up to date."""
    if is_url(target):
        from claimtrack.db.postgresql import open_postgresql

        return open_postgresql(str(target))
    from claimtrack.db.sqlite import open_sqlite

    return open_sqlite(target)
