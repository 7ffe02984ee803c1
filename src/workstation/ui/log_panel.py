"""The Log tab: the workstation's log records, as they happen."""

from __future__ import annotations

import contextlib
import html
import logging

from PySide6.QtCore import Q_ARG, QMetaObject, QObject, Qt, Slot
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QPlainTextEdit, QVBoxLayout, QWidget

log = logging.getLogger(__name__)

_COLOURS = {
    logging.DEBUG: "#777777",
    logging.INFO: "#202020",
    logging.WARNING: "#a05a00",
    logging.ERROR: "#b00020",
    logging.CRITICAL: "#b00020",
}


class QtLogHandler(logging.Handler):
    """A logging handler that hands formatted records to a panel on the UI thread.

    Records may come from any thread: each is delivered by
    ``QMetaObject.invokeMethod`` (queued across threads), which calls the
    panel's ``append(int, str)`` slot.

    Args:
        target: The object whose ``append`` slot receives level and line.
        level: The lowest level passed on.
    """

    def __init__(self, target: QObject, level: int = logging.INFO) -> None:
        super().__init__(level)
        self.target = target
        self.setFormatter(
            logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s")
        )

    def emit(self, record: logging.LogRecord) -> None:
        # RuntimeError: the panel was deleted while another thread still logged.
        with contextlib.suppress(RuntimeError):
            QMetaObject.invokeMethod(
                self.target,
                "append",
                Qt.ConnectionType.AutoConnection,
                Q_ARG(int, record.levelno),
                Q_ARG(str, self.format(record)),
            )


class LogPanel(QWidget):
    """A read-only view of the ``workstation`` logger's records.

    Args:
        logger_name: Logger whose records (and its children's) are shown.
        max_lines: Oldest lines are dropped beyond this many.
        parent: Owning widget.
    """

    def __init__(
        self,
        logger_name: str = "workstation",
        *,
        max_lines: int = 5000,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.text = QPlainTextEdit(self)
        self.text.setReadOnly(True)
        self.text.setMaximumBlockCount(max_lines)
        self.text.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)

        self._logger = logging.getLogger(logger_name)
        self.handler = QtLogHandler(self)
        self._logger.addHandler(self.handler)
        # The panel shows INFO and up even when the logger would drop them;
        # the level the logger had is restored on detach.
        self._previous_level = self._logger.level
        if self._logger.getEffectiveLevel() > self.handler.level:
            self._logger.setLevel(self.handler.level)

    @Slot(int, str)
    def append(self, level: int, line: str) -> None:
        """Add one formatted record, coloured by level."""
        colour = _COLOURS.get(level, _COLOURS[logging.ERROR])
        body = html.escape(line).replace("\n", "<br>")
        self.text.appendHtml(
            f'<span style="color:{colour}; white-space:pre-wrap">{body}</span>'
        )

    def detach(self) -> None:
        """Stop receiving records (call before the panel goes away)."""
        self._logger.removeHandler(self.handler)
        self._logger.setLevel(self._previous_level)
