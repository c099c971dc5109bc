"""The fuzzer, small: a fixed seed and a few hundred examples (tests/fuzz.py runs it large)."""

import fuzz


def test_fuzz_every_command():
    elsewhere = fuzz.fuzz(examples_count=300, seed_value=20_241_023, keep_going=False)
    # Crashes in the parsers other changes fix are reported, not failed on.
    assert all(failure.elsewhere for failure in elsewhere)
