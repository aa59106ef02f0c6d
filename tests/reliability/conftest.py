"""`tally`: each loop's one-line summary, printed, recorded as a property and shown in the terminal report."""

from __future__ import annotations

from collections.abc import Callable

import pytest

SUMMARIES: list[str] = []


@pytest.fixture
def tally(record_property: Callable[[str, object], None]) -> Callable[[str, dict[str, int]], str]:
    def report(loop: str, counts: dict[str, int]) -> str:
        line = f"{loop}: " + ", ".join(f"{key}={value}" for key, value in counts.items())
        print(line)
        record_property("counts", line)
        SUMMARIES.append(line)
        return line

    return report


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    if SUMMARIES:
        terminalreporter.section("reliability counts")
        for line in SUMMARIES:
            terminalreporter.write_line(line)
