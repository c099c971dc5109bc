"""A throwaway PostgreSQL cluster for the tests and the benchmarks.

`initdb` into a temporary folder and `pg_ctl start` with no TCP listener at all:
clients reach it through a Unix socket in that same folder. initdb refuses to run
as root, so as root the cluster belongs to the unprivileged `postgres` user that
Debian's package creates. The superuser connects without a password over the
socket; every other role needs its password (scram-sha-256), so that a wrong one
can be tested.
"""

from __future__ import annotations

import glob
import os
import shutil
import subprocess
import tempfile
import time
from pathlib import Path
from urllib.parse import quote

OWNER = "postgres"


def server_programs() -> Path | None:
    """The folder of initdb and pg_ctl: $CLAIMTRACK_PG_BIN, PATH, or Debian's newest."""
    named = os.environ.get("CLAIMTRACK_PG_BIN")
    candidates = [named] if named else []
    on_path = shutil.which("initdb")
    if on_path:
        candidates.append(str(Path(on_path).parent))
    candidates += sorted(glob.glob("/usr/lib/postgresql/*/bin"), reverse=True)
    for folder in candidates:
        if (Path(folder) / "initdb").exists() and (Path(folder) / "pg_ctl").exists():
            return Path(folder)
    return None


class Cluster:
    """A running server; `url(database)` names a database on it."""

    def __init__(self, bin_dir: Path) -> None:
        self.bin = bin_dir
        self.root = Path(tempfile.mkdtemp(prefix="claimtrack-pg-"))
        self.data = self.root / "data"
        self.as_root = os.geteuid() == 0
        self.user = OWNER if self.as_root else _login_name()
        self._databases = 0

    def _run(self, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
        command = [*args]
        if self.as_root:
            command = ["runuser", "-u", OWNER, "--", *command]
        return subprocess.run(command, capture_output=True, text=True, check=check, cwd=self.root)

    def start(self) -> None:
        if self.as_root:
            shutil.chown(self.root, OWNER)
        self._run(
            str(self.bin / "initdb"), "-D", str(self.data), "-U", self.user,
            "--auth-local=trust", "--encoding=UTF8", "--locale=C.UTF-8", "--no-sync",
        )  # fmt: skip
        # The superuser over the socket without a password; anyone else with theirs.
        (self.data / "pg_hba.conf").write_text(
            f"local all {self.user} trust\nlocal all all scram-sha-256\n", encoding="utf-8"
        )
        options = (
            f"-c listen_addresses='' -k {self.root} -c fsync=off -c synchronous_commit=off "
            "-c full_page_writes=off -c max_connections=60"
        )
        result = self._run(
            str(self.bin / "pg_ctl"), "start", "-w", "-t", "60", "-D", str(self.data),
            "-l", str(self.root / "server.log"), "-o", options, check=False,
        )  # fmt: skip
        if result.returncode:
            log = (self.root / "server.log").read_text(errors="replace")[-2000:]
            raise RuntimeError(f"pg_ctl start failed: {result.stderr.strip()} {log}")

    def stop(self) -> None:
        if (self.data / "postmaster.pid").exists():
            self._run(str(self.bin / "pg_ctl"), "stop", "-D", str(self.data), "-m", "immediate",
                      check=False)  # fmt: skip
        shutil.rmtree(self.root, ignore_errors=True)

    def url(self, database: str = "postgres", user: str | None = None, password: str = "") -> str:
        who = quote(user or self.user, safe="")
        if password:
            who += ":" + quote(password, safe="")
        return f"postgresql://{who}@/{database}?host={quote(str(self.root), safe='')}"

    def sql(self, statement: str, database: str = "postgres") -> list[tuple]:
        """Run one statement as the superuser (autocommit); its rows, if any."""
        import psycopg

        with psycopg.connect(self.url(database), autocommit=True) as conn:
            cursor = conn.execute(statement)
            return cursor.fetchall() if cursor.description else []

    def new_database(self) -> str:
        """A fresh empty database; its URL."""
        self._databases += 1
        name = f"claims_{os.getpid()}_{self._databases}"
        self.sql(f"CREATE DATABASE {name} TEMPLATE template0")
        return name

    def drop_database(self, name: str) -> None:
        self.sql(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


def _login_name() -> str:
    import getpass

    return getpass.getuser()


def start_cluster() -> tuple[Cluster | None, str]:
    """A started cluster, or None and why not."""
    bin_dir = server_programs()
    if bin_dir is None:
        return None, "no PostgreSQL server programs (Debian: apt-get install postgresql)"
    try:
        import psycopg  # noqa: F401
    except ImportError:
        return None, "psycopg is not installed (pip install '.[postgres]')"
    cluster = Cluster(bin_dir)
    try:
        cluster.start()
        deadline = time.monotonic() + 30
        while True:
            try:
                cluster.sql("SELECT 1")
                break
            except Exception:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.1)
    except Exception as error:
        cluster.stop()
        return None, f"the server did not start: {error}"
    return cluster, ""
