"""Ctrl-C sent to the test process while a call runs, for the tests of interrupt latency."""

from __future__ import annotations

import os
import signal
import threading
import time
from collections.abc import Callable

import pytest


def seconds_to_interrupt(call: Callable[[], object]) -> float:
    """The seconds from a SIGINT, sent 0.3 s in, to the ``KeyboardInterrupt`` out of ``call``.

    How long one call takes depends on the machine (a few hundredths of a second on a quiet
    one, most of a second on a busy one), so calls run back to back until the Ctrl-C lands;
    nearly all of the time is spent inside a call, where the check must catch it."""
    interrupted_at: list[float] = []

    def interrupt() -> None:
        interrupted_at.append(time.monotonic())
        os.kill(os.getpid(), signal.SIGINT)

    # A process started in the background by a shell inherits SIGINT ignored, and Python then
    # leaves it so: Ctrl-C is made to raise here whatever the runner was started by.
    handler = signal.signal(signal.SIGINT, signal.default_int_handler)
    deadline = time.monotonic() + 30
    timer = threading.Timer(0.3, interrupt)
    timer.start()
    calls = 0
    try:
        with pytest.raises(KeyboardInterrupt):
            while time.monotonic() < deadline:
                call()
                calls += 1
        stopped = time.monotonic()
    finally:
        timer.cancel()
        signal.signal(signal.SIGINT, handler)
    assert interrupted_at, f"{calls} calls ran for 30 s without the interrupt arriving"
    return stopped - interrupted_at[0]
