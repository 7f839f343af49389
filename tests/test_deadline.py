"""``deadline``: the per-document wall-clock bound that replaced per-pattern timeouts."""

from __future__ import annotations

import signal
import threading

import pytest
import regex

from referat_parser.deadline import DeadlineError, deadline

# pytest-timeout's own SIGALRM timer would make ``deadline`` stand aside (as it should).
pytestmark = pytest.mark.timeout(60, method="thread")

# Exponential backtracking: without a bound this runs for hours.
_RUNAWAY = regex.compile(r"(?:a|aa)+$")


def test_a_runaway_pattern_is_interrupted() -> None:
    with (
        pytest.raises(DeadlineError, match=r"^doc\.txt: gave up after 0\.2 s"),
        deadline(0.2, "doc.txt"),
    ):
        _RUNAWAY.match("a" * 60 + "b")


def test_the_timer_and_handler_are_restored() -> None:
    before = signal.getsignal(signal.SIGALRM)
    with deadline(5, "x"):
        assert signal.getitimer(signal.ITIMER_REAL)[0] > 0
    assert signal.getitimer(signal.ITIMER_REAL)[0] == 0
    assert signal.getsignal(signal.SIGALRM) is before


def test_a_fast_block_is_untouched() -> None:
    with deadline(5, "x"):
        value = sum(range(1000))
    assert value == 499500


def test_outside_the_main_thread_it_bounds_nothing() -> None:
    seen: list[object] = []

    def work() -> None:
        with deadline(0.01, "x"):
            seen.append(signal.getitimer(signal.ITIMER_REAL)[0])

    thread = threading.Thread(target=work)
    thread.start()
    thread.join()
    assert seen == [0.0]


def test_a_timer_already_running_is_left_alone() -> None:
    signal.signal(signal.SIGALRM, lambda *_: None)
    signal.setitimer(signal.ITIMER_REAL, 30)
    try:
        with deadline(0.01, "x"):
            remaining = signal.getitimer(signal.ITIMER_REAL)[0]
        assert remaining > 1  # our 0.01 s was not set over it
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, signal.SIG_DFL)
