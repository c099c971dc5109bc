"""Where the bundled data set is: packaged with the program, or in a checkout."""

from __future__ import annotations

from pathlib import Path

DEMO_FILE = "grenfell-tower-fire-2017.json"


def demo_data_path() -> Path:
    from importlib import resources

    from claimtrack.errors import ClaimtrackError

    try:
        packaged = resources.files("claimtrack.data") / DEMO_FILE
        if packaged.is_file():
            return Path(str(packaged))
    except (ModuleNotFoundError, TypeError):
        pass
    checkout = Path(__file__).resolve().parent.parent / "data" / DEMO_FILE
    if checkout.is_file():
        return checkout
    raise ClaimtrackError(f"the bundled data set {DEMO_FILE} is missing from this installation")
