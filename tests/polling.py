"""Waiting in tests by what happens, not by the clock: poll a condition until it holds, or
watch that it keeps holding (for "nothing else arrives")."""

import time
from typing import Callable, TypeVar

T = TypeVar("T")


def wait_until(condition: Callable[[], T], seconds: float = 15.0, what: str = "") -> T:
    """The condition's first true value; AssertionError after `seconds`."""
    deadline = time.monotonic() + seconds
    while True:
        value = condition()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"not within {seconds:.0f} s: {what or condition}")
        time.sleep(0.05)


def stays(condition: Callable[[], object], seconds: float = 1.0, what: str = "") -> None:
    """The condition holds all the time for `seconds`: what a late, unwanted reply would break."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        assert condition(), f"stopped holding: {what or condition}"
        time.sleep(0.05)
