"""Jobs run off the UI thread, report progress, can be cancelled, and fail readably."""

from __future__ import annotations

import threading
import time

import pytest

from workstation.domain.errors import NotFoundError
from workstation.domain.progress import check_cancel
from workstation.services.cases import list_cases
from workstation.ui.workers import TaskRunner


@pytest.fixture
def runner(qapp, settings, workspace):
    tasks = TaskRunner(settings)
    yield tasks
    tasks.close()


def test_a_job_runs_in_another_thread_on_its_own_connection(qtbot, runner, case):
    results = []

    def job(ws, progress, cancel):
        progress(1, 2, "half way")
        return threading.get_ident(), [c.number for c in list_cases(ws)]

    with qtbot.waitSignal(runner.progressed) as progressed:
        runner.submit("listing cases", job, results.append)
    qtbot.waitUntil(lambda: bool(results), timeout=10_000)

    assert progressed.args == ["listing cases", 1, 2, "half way"]
    thread, numbers = results[0]
    assert thread != threading.get_ident()
    assert numbers == ["T-001"]
    assert runner.session().store is not None
    assert not runner.busy


def test_jobs_write_what_the_ui_connection_then_reads(qtbot, runner, workspace):
    from workstation.services.cases import create_case

    def job(ws, progress, cancel):
        return create_case(ws, "T-002", "第二个案件")

    busy = []
    runner.busy_changed.connect(busy.append)
    runner.submit("creating a case", job)
    qtbot.waitUntil(lambda: not runner.busy, timeout=10_000)

    assert busy == [True, False]
    assert runner.session() is not workspace
    assert workspace.case("T-002").title == "第二个案件"


def test_cancel_stops_a_running_job(qtbot, runner):
    started = threading.Event()

    def job(ws, progress, cancel):
        started.set()
        for _ in range(1000):
            check_cancel(cancel)
            time.sleep(0.01)
        return "finished"

    done = []
    with qtbot.waitSignal(runner.failed, timeout=10_000) as failed:
        runner.submit("waiting", job, done.append)
        assert started.wait(10)
        runner.cancel()

    failure = failed.args[0]
    assert failure.cancelled
    assert failure.title == "waiting"
    assert failure.message.startswith("Cancelled by the user")
    assert done == []


def test_a_user_error_keeps_its_message_and_a_bug_its_traceback(qtbot, runner, caplog):
    def missing_case(ws, progress, cancel):
        return ws.case("NO-SUCH")

    def bug(ws, progress, cancel):
        return 1 / 0

    with qtbot.waitSignal(runner.failed, timeout=10_000) as failed:
        runner.submit("opening a case", missing_case)
    expected = failed.args[0]
    with qtbot.waitSignal(runner.failed, timeout=10_000) as failed:
        runner.submit("dividing", bug)
    unexpected = failed.args[0]

    assert expected.expected and not expected.cancelled
    assert expected.message.startswith("No case numbered 'NO-SUCH'")
    assert NotFoundError.__name__ in expected.details
    assert not unexpected.expected
    assert unexpected.message == "ZeroDivisionError: division by zero"
    assert "Traceback" in unexpected.details
    assert "dividing failed unexpectedly" in caplog.text


def test_synchronous_runner_finishes_before_submit_returns(qapp, settings, case):
    runner = TaskRunner(settings, synchronous=True)
    results = []

    runner.submit("listing", lambda ws, p, c: len(list_cases(ws)), results.append)

    assert results == [1]
    assert not runner.busy
    runner.close()
