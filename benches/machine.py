"""What the Python benchmarks note about the machine they run on: figures taken while other
processes keep the cores busy are not the library's."""

from __future__ import annotations

import os


def busy_seconds() -> float | None:
    """CPU seconds every process of the machine has used since boot (Linux), or ``None``."""
    try:
        with open("/proc/stat", encoding="ascii") as stat:
            fields = stat.readline().split()[1:]
    except OSError:
        return None
    user, nice, system, _idle, _iowait, irq, softirq = (int(f) for f in fields[:7])
    return (user + nice + system + irq + softirq) / os.sysconf("SC_CLK_TCK")
