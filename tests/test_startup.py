"""Start-up stays light: heavy modules load inside the commands that use them."""

import json
import subprocess
import sys

HEAVY = ("rich", "sqlite_utils", "dateutil", "pydantic", "markdown_it", "trafilatura")
PLOTTING = ("plotext", "matplotlib", "numpy", "datasette", "uvicorn", "playwright")


def _loaded_after(code: str) -> set[str]:
    script = f"import sys, json\n{code}\nprint(json.dumps(sorted(sys.modules)))"
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    return {name.split(".")[0] for name in json.loads(out.stdout.splitlines()[-1])}


def test_importing_the_cli_loads_nothing_heavy():
    loaded = _loaded_after("import claimtrack.cli")
    assert not loaded & set(HEAVY), loaded & set(HEAVY)


def test_help_loads_nothing_heavy():
    code = "from claimtrack.cli import app\ntry:\n    app(['--help'])\nexcept SystemExit:\n    pass"
    loaded = _loaded_after(code)
    assert not loaded & set(HEAVY), loaded & set(HEAVY)


def test_help_and_add_load_no_plotting_library(tmp_path):
    # Nothing that draws or serves may load. The database is made first: building a
    # schema loads sqlite-utils, which loads numpy whenever numpy is installed.
    subprocess.run([sys.executable, "-m", "claimtrack", "--db", str(tmp_path / "x.db"), "list"],
                   check=True, capture_output=True)  # fmt: skip
    for args in (
        ["--help"],
        ["--db", str(tmp_path / "x.db"), "add", "3,000 troops", "--source", "US"],
    ):
        code = (
            f"from claimtrack.cli import app\ntry:\n    app({args!r})\nexcept SystemExit:\n    pass"
        )
        loaded = _loaded_after(code)
        assert not loaded & set(PLOTTING), (args, loaded & set(PLOTTING))


def test_python_dash_m_runs(tmp_path):
    out = subprocess.run(
        [sys.executable, "-m", "claimtrack", "--db", str(tmp_path / "x.db"), "list", "--json"],
        capture_output=True,
        text=True,
    )
    assert out.returncode == 0, out.stderr
    assert json.loads(out.stdout) == []


def test_the_cyclic_collector_is_back_after_a_command():
    # Commands run without the cyclic garbage collector; callers get it back.
    import gc

    from typer.testing import CliRunner

    from claimtrack.cli import app

    assert gc.isenabled()
    CliRunner().invoke(app, ["--version"])
    assert gc.isenabled()
