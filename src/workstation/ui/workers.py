"""Running long work off the UI thread.

A :class:`TaskRunner` queues jobs on a one-thread ``QThreadPool``. Each job is a
plain function ``job(ws, progress, cancel)`` that calls services; it gets the
runner's own :class:`Workspace` session (a second database connection, so the
UI thread can keep reading pages while a job writes), a progress callback and a
cancel token. Jobs run one after another, so that session is never used by two
threads at once and whatever a service caches on it (the face engine) is reused.
Results and errors come back to the UI thread through queued signals.
"""

from __future__ import annotations

import gc
import itertools
import logging
import threading
import traceback
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

from workstation.domain.errors import WorkstationError
from workstation.domain.progress import Cancelled, CancelToken, ProgressCallback
from workstation.services.workspace import Workspace
from workstation.settings import Settings

log = logging.getLogger(__name__)

Job = Callable[[Workspace, ProgressCallback, CancelToken], Any]


@dataclass(frozen=True)
class JobFailure:
    """What went wrong in a job, ready to show: ``message`` is for a person."""

    title: str
    message: str
    details: str
    cancelled: bool = False
    expected: bool = True


class _JobSignals(QObject):
    progressed = Signal(int, int, int, str)
    succeeded = Signal(int, object)
    failed = Signal(int, object)


_collection_lock = threading.Lock()
_jobs_running = 0


@contextmanager
def collection_on_the_ui_thread() -> Iterator[None]:
    """Keep Python's cyclic garbage collector off a worker thread while it works.

    A collection runs in whichever thread happens to allocate. Run in a worker,
    it can free Qt objects of the UI thread (a closed dialog, a view's old
    pixmaps) there, and a Qt object deleted off its own thread can block on a
    lock the UI thread holds while that thread waits for the interpreter: both
    stop. So collection is switched off while any worker job runs and back on
    when the last one ends; reference counting still frees everything that is
    not in a cycle, and the cycles are collected later on the UI thread.
    """
    global _jobs_running
    with _collection_lock:
        if _jobs_running == 0:
            gc.disable()
        _jobs_running += 1
    try:
        yield
    finally:
        with _collection_lock:
            _jobs_running -= 1
            if _jobs_running == 0:
                gc.enable()


class _JobRunnable(QRunnable):
    def __init__(self, runner: TaskRunner, job_id: int, title: str, job: Job) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self._runner = runner
        self._job_id = job_id
        self._title = title
        self._job = job

    def run(self) -> None:
        signals = self._runner.signals
        job_id = self._job_id

        def progress(done: int, total: int, message: str) -> None:
            signals.progressed.emit(job_id, int(done), int(total), str(message))

        try:
            with collection_on_the_ui_thread():
                result = self._job(
                    self._runner.session(), progress, self._runner.cancel_event
                )
        except Cancelled as exc:
            failure = JobFailure(self._title, str(exc), "", cancelled=True)
            signals.failed.emit(job_id, failure)
        except WorkstationError as exc:
            details = "".join(traceback.format_exception(exc))
            signals.failed.emit(job_id, JobFailure(self._title, str(exc), details))
        except Exception as exc:
            details = "".join(traceback.format_exception(exc))
            message = f"{type(exc).__name__}: {exc}"
            failure = JobFailure(self._title, message, details, expected=False)
            signals.failed.emit(job_id, failure)
        else:
            signals.succeeded.emit(job_id, result)


class TaskRunner(QObject):
    """Queues jobs, one at a time, and reports their progress and outcome.

    Args:
        settings: Settings used to open the runner's workspace session.
        source: The UI's open session: jobs then run on a second connection
            to its database (so an encrypted workspace is not opened again)
            and act as whoever it acts as, also after a later login. Without
            it the runner opens the workspace named by ``settings``.
        synchronous: Run each job at once in the calling thread (for tests and
            scripts); the signals are the same.
        parent: Owning QObject.
    """

    #: ``(title, done, total, message)`` while a job runs; ``total`` 0 = unknown.
    progressed = Signal(str, int, int, str)
    #: Emitted with the :class:`JobFailure` of a job that raised.
    failed = Signal(object)
    #: True when the first job is queued, False when the last one ends.
    busy_changed = Signal(bool)

    def __init__(
        self,
        settings: Settings,
        *,
        source: Workspace | None = None,
        synchronous: bool = False,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.settings = settings
        self._source = source
        self.synchronous = synchronous
        self.cancel_event = threading.Event()
        self.signals = _JobSignals(self)
        self.signals.progressed.connect(self._on_progressed)
        self.signals.succeeded.connect(self._on_succeeded)
        self.signals.failed.connect(self._on_failed)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._ids = itertools.count(1)
        self._pending: dict[int, tuple[str, Callable[[Any], None] | None]] = {}
        self._session: Workspace | None = None
        self._session_lock = threading.Lock()

    @property
    def busy(self) -> bool:
        """Whether a job is queued or running."""
        return bool(self._pending)

    def session(self) -> Workspace:
        """The workspace jobs run against, opened on first use."""
        with self._session_lock:
            if self._session is None and self._source is not None:
                self._session = self._source.worker_session()
            elif self._session is None:
                self._session = Workspace(self.settings)
            if self._source is not None:
                self._session.follow(self._source)
            return self._session

    def update_settings(self, settings: Settings) -> None:
        """Run the next jobs with ``settings`` (model pack, threshold, CPU only)."""
        with self._session_lock:
            self.settings = settings
            if self._session is not None:
                self._session.settings = settings

    def submit(
        self, title: str, job: Job, on_done: Callable[[Any], None] | None = None
    ) -> int:
        """Queue ``job``; call ``on_done(result)`` on the UI thread when it ends.

        Args:
            title: Short name of the work, shown with its progress and errors.
            job: ``job(ws, progress, cancel)`` returning a result.
            on_done: Called with the result when the job succeeded.

        Returns:
            The job's number.
        """
        job_id = next(self._ids)
        was_busy = self.busy
        self._pending[job_id] = (title, on_done)
        if not was_busy:
            self.cancel_event.clear()
            self.busy_changed.emit(True)
        log.info("started: %s", title)
        runnable = _JobRunnable(self, job_id, title, job)
        if self.synchronous:
            runnable.run()
        else:
            self._pool.start(runnable)
        return job_id

    def cancel(self) -> None:
        """Ask the running job, and those queued after it, to stop."""
        if self.busy:
            log.info("cancel requested")
            self.cancel_event.set()

    def wait(self, msecs: int = -1) -> bool:
        """Block until queued jobs have run (``-1``: no limit); True if done."""
        return self._pool.waitForDone(msecs)

    def close(self) -> None:
        """Cancel, wait for the running job, and close the session."""
        self.cancel_event.set()
        self._pool.clear()
        self._pool.waitForDone()
        with self._session_lock:
            if self._session is not None:
                self._session.close()
                self._session = None

    # -- slots: these run on the runner's (UI) thread -------------------------

    @Slot(int, int, int, str)
    def _on_progressed(self, job_id: int, done: int, total: int, message: str) -> None:
        title = self._pending.get(job_id, ("", None))[0]
        self.progressed.emit(title, done, total, message)

    @Slot(int, object)
    def _on_succeeded(self, job_id: int, result: Any) -> None:
        title, on_done = self._pending.pop(job_id, ("", None))
        log.info("finished: %s", title)
        owner = getattr(on_done, "__self__", None)
        if isinstance(owner, QObject) and not shiboken6.isValid(owner):
            # The view that asked (a case's tab) was closed meanwhile.
            log.debug("dropped the result of %s: its view is gone", title)
            on_done = None
        try:
            if on_done is not None:
                on_done(result)
        except WorkstationError as exc:
            details = "".join(traceback.format_exception(exc))
            self._report(JobFailure(title, str(exc), details))
        finally:
            self._finish_if_idle()

    @Slot(int, object)
    def _on_failed(self, job_id: int, failure: JobFailure) -> None:
        self._pending.pop(job_id, None)
        self._report(failure)
        self._finish_if_idle()

    def _report(self, failure: JobFailure) -> None:
        if failure.cancelled:
            log.info("%s: %s", failure.title, failure.message)
        elif failure.expected:
            log.warning("%s failed: %s", failure.title, failure.message)
            log.debug("%s", failure.details)
        else:
            log.error("%s failed unexpectedly:\n%s", failure.title, failure.details)
        self.failed.emit(failure)

    def _finish_if_idle(self) -> None:
        if not self._pending:
            self.busy_changed.emit(False)


class _LatestSignals(QObject):
    succeeded = Signal(int, object)
    failed = Signal(int, object)


class _LatestRunnable(QRunnable):
    def __init__(self, runner: LatestRequestRunner) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self._runner = runner

    def run(self) -> None:
        with collection_on_the_ui_thread():
            self._runner._drain()


class LatestRequestRunner(QObject):
    """Runs quick requests (decoding a video frame) on a thread of their own.

    Only the newest request matters: one submitted while another runs
    replaces any still waiting, and a result that is no longer the newest is
    dropped, so a slider dragged fast costs one decode per frame shown rather
    than one per position passed. Requests are plain functions without
    arguments; they must not use the UI thread's database connection.

    Args:
        parent: Owning QObject.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.signals = _LatestSignals(self)
        self.signals.succeeded.connect(self._on_succeeded)
        self.signals.failed.connect(self._on_failed)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._ids = itertools.count(1)
        self._lock = threading.Lock()
        self._waiting: tuple[int, Callable[[], Any]] | None = None
        self._draining = False
        self._latest = 0
        self._callbacks: tuple[Callable[[Any], None], Callable[[JobFailure], None]]
        self._callbacks = (lambda _result: None, lambda _failure: None)
        self.dropped = 0

    @property
    def idle(self) -> bool:
        """Whether the newest request's outcome has been delivered."""
        return self._latest == 0

    def submit(
        self,
        request: Callable[[], Any],
        on_done: Callable[[Any], None],
        on_error: Callable[[JobFailure], None],
    ) -> int:
        """Run ``request`` after the running one; it replaces any still waiting.

        Args:
            request: Called on the runner's thread; returns the result.
            on_done: Called with the result on the UI thread, if still newest.
            on_error: Called with a :class:`JobFailure` instead when it raised.

        Returns:
            The request's number.
        """
        request_id = next(self._ids)
        self._latest = request_id
        self._callbacks = (on_done, on_error)
        with self._lock:
            if self._waiting is not None:
                self.dropped += 1
            self._waiting = (request_id, request)
            start = not self._draining
            self._draining = True
        if start:
            self._pool.start(_LatestRunnable(self))
        return request_id

    def _drain(self) -> None:
        while True:
            with self._lock:
                item, self._waiting = self._waiting, None
                if item is None:
                    self._draining = False
                    return
            request_id, request = item
            try:
                result = request()
            except WorkstationError as exc:
                details = "".join(traceback.format_exception(exc))
                self.signals.failed.emit(request_id, JobFailure("", str(exc), details))
            except Exception as exc:
                details = "".join(traceback.format_exception(exc))
                failure = JobFailure(
                    "", f"{type(exc).__name__}: {exc}", details, expected=False
                )
                log.error("request failed unexpectedly:\n%s", details)
                self.signals.failed.emit(request_id, failure)
            else:
                self.signals.succeeded.emit(request_id, result)

    def wait(self, msecs: int = -1) -> bool:
        """Block until the requests have run (``-1``: no limit); True if done."""
        return self._pool.waitForDone(msecs)

    def close(self) -> None:
        """Forget waiting requests and wait for the running one."""
        with self._lock:
            self._waiting = None
        self._latest = 0
        self._pool.waitForDone()

    @Slot(int, object)
    def _on_succeeded(self, request_id: int, result: Any) -> None:
        if request_id != self._latest:
            self.dropped += 1
            return
        self._latest = 0
        self._callbacks[0](result)

    @Slot(int, object)
    def _on_failed(self, request_id: int, failure: JobFailure) -> None:
        if request_id != self._latest:
            return
        self._latest = 0
        self._callbacks[1](failure)
