"""The Evidence tab's photo viewer (zoom, pan, face boxes) and dropping files on it."""

from __future__ import annotations

import dataclasses

import pytest
from PySide6.QtCore import QEvent, QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QMouseEvent
from PySide6.QtWidgets import QApplication
from screenshots import save_screenshot

from faces_fixtures import vectron_photo
from workstation.services import browse
from workstation.ui.fonts import install_cjk_fallback
from workstation.ui.image_viewer import CAPTION_MIN_WIDTH
from workstation.ui.main_window import MainWindow
from workstation.ui.workers import TaskRunner

TITLE = "测试案件：照片"


@pytest.fixture
def scanned(qapp, model_settings, tmp_path):
    """A case with a real photo of three players whose faces were found."""
    from workstation.services.cases import create_case
    from workstation.services.evidence import add_evidence
    from workstation.services.faces import scan_faces
    from workstation.services.workspace import Workspace

    settings = dataclasses.replace(model_settings, workspace_dir=tmp_path / "ws")
    ws = Workspace(settings)
    create_case(ws, "T-001", TITLE)
    add_evidence(ws, "T-001", [vectron_photo("gdp.jpg")])
    summary = scan_faces(ws, "T-001")
    assert summary.faces_found >= 3
    yield ws
    ws.close()


def open_window(qtbot, qapp, ws) -> MainWindow:
    install_cjk_fallback(qapp)
    win = MainWindow(ws, "T-001", runner=TaskRunner(ws.settings))
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    win.tabs.setCurrentWidget(win.evidence)
    return win


def row_of(model, name: str) -> int:
    return next(
        r for r in range(model.rowCount()) if model.row_object(r).original_name == name
    )


@pytest.mark.slow
def test_the_viewer_draws_the_stored_face_boxes(qtbot, qapp, scanned):
    win = open_window(qtbot, qapp, scanned)
    evidence = win.evidence
    row = row_of(evidence.model, "gdp.jpg")
    item = evidence.model.row_object(row)
    stored = scanned.store.execute(
        "SELECT box FROM faces WHERE evidence_id = ? ORDER BY id", [item.id]
    ).fetchall()

    evidence.select_row(row)
    viewer = evidence.media.viewer
    assert viewer.image_size.width() > 0
    boxes = sorted(
        (round(i.rect().x()), round(i.rect().y())) for i in viewer.face_items
    )
    assert boxes == sorted((round(b[0][0]), round(b[0][1])) for b in stored)
    assert len(viewer.face_items) == len(stored)
    first = viewer.face_items[0].face
    assert first == browse.evidence_faces(scanned, "T-001", item.id)[0]
    assert f"{len(stored)} face(s) found" in evidence.media.caption.text()
    assert all(i.isVisible() for i in viewer.face_items)
    # Boxes too small on screen lose their caption (a crowd stays legible).
    assert all(i.caption.isVisible() for i in viewer.face_items)
    widest = max(i.rect().width() for i in viewer.face_items)
    viewer.zoom(0.99 * CAPTION_MIN_WIDTH / (widest * viewer.scale_factor))
    assert not any(i.caption.isVisible() for i in viewer.face_items)
    evidence.media.fit_button.click()
    qtbot.wait(50)
    save_screenshot(win, "evidence-faces")

    fitted = viewer.scale_factor
    evidence.media.zoom_in_button.click()
    assert viewer.scale_factor == pytest.approx(fitted * 1.25)
    viewer.zoom(1000)
    assert viewer.scale_factor == pytest.approx(viewer.MAX_SCALE)
    evidence.media.actual_button.click()
    assert viewer.scale_factor == pytest.approx(1.0)
    assert evidence.media.zoom_label.text() == "100%"
    viewer.zoom(4.0)  # larger than the view, so it scrolls
    biggest = viewer.face_items[0]
    viewer.centerOn(biggest)
    centre = viewer.mapToScene(viewer.viewport().rect().center())
    assert (centre - biggest.rect().center()).manhattanLength() <= 2
    bars = viewer.horizontalScrollBar(), viewer.verticalScrollBar()
    before = [bar.value() for bar in bars]
    drag(viewer.viewport(), QPoint(300, 300), QPoint(200, 250))
    expected = [
        min(max(value + delta, bar.minimum()), bar.maximum())
        for value, delta, bar in zip(before, (100, 50), bars, strict=True)
    ]
    assert [bar.value() for bar in bars] == expected
    assert expected[0] == before[0] + 100
    evidence.media.fit_button.click()
    assert viewer.scale_factor == pytest.approx(fitted)
    evidence.media.show_faces.setChecked(False)
    assert not any(i.isVisible() for i in viewer.face_items)
    win.close()


def drag(widget, start: QPoint, end: QPoint) -> None:
    """Press the left button at ``start``, move to ``end`` and release."""
    steps = [start + (end - start) * (i / 4) for i in range(5)]
    events = [(QEvent.Type.MouseButtonPress, start, Qt.MouseButton.LeftButton)]
    events += [(QEvent.Type.MouseMove, p, Qt.MouseButton.LeftButton) for p in steps]
    events.append((QEvent.Type.MouseButtonRelease, end, Qt.MouseButton.NoButton))
    for kind, point, buttons in events:
        local = QPointF(point)
        event = QMouseEvent(
            kind,
            local,
            QPointF(widget.mapToGlobal(point)),
            Qt.MouseButton.LeftButton,
            buttons,
            Qt.KeyboardModifier.NoModifier,
        )
        QApplication.sendEvent(widget, event)


def drag_point(point: QPointF):
    """The point type QDragEnterEvent takes (QPointF from PySide6 6.12 on)."""
    try:
        QDragEnterEvent(
            point,
            Qt.DropAction.CopyAction,
            QMimeData(),
            Qt.MouseButton.LeftButton,
            Qt.KeyboardModifier.NoModifier,
        )
    except TypeError:
        return point.toPoint()
    return point


def _drop(widget, urls: list[QUrl]) -> tuple[bool, bool]:
    mime = QMimeData()
    mime.setUrls(urls)
    point = QPointF(widget.width() / 2, widget.height() / 2)
    enter = QDragEnterEvent(
        drag_point(point),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(widget, enter)
    if not enter.isAccepted():
        return False, False
    drop = QDropEvent(
        point,
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(widget, drop)
    return True, drop.isAccepted()


def test_dropping_files_adds_them_to_the_case(
    qtbot, qapp, workspace, case, shared_data
):
    win = open_window(qtbot, qapp, workspace)
    evidence = win.evidence
    photos = [
        shared_data / "faces" / "face_recognition" / "examples" / "biden.jpg",
        shared_data / "faces" / "face_recognition" / "examples" / "obama.jpg",
    ]

    assert _drop(evidence, [QUrl("https://example.org/a.jpg")]) == (False, False)
    with qtbot.waitSignal(evidence.evidence_added, timeout=30_000) as added:
        accepted = _drop(evidence, [QUrl.fromLocalFile(str(p)) for p in photos])
    assert accepted == (True, True)
    assert added.args == [2]
    assert sorted(
        evidence.model.row_object(r).original_name
        for r in range(evidence.model.rowCount())
    ) == ["biden.jpg", "obama.jpg"]
    assert win.summary.fields["evidence"].text() == "2"

    evidence.select_row(0)
    assert evidence.media.viewer.pixmap_item is not None
    assert "not scanned yet" in evidence.media.caption.text()
    win.close()


def test_a_changed_photo_is_named_instead_of_shown(qtbot, qapp, tmp_path):
    """A vault file that no longer matches its hash is not opened."""
    import os
    import stat

    from workstation.services.cases import create_case
    from workstation.services.evidence import add_evidence
    from workstation.services.workspace import Workspace
    from workstation.settings import Settings

    settings = Settings.from_environment(workspace_dir=tmp_path / "ws", user_name="t")
    with Workspace(settings) as ws:
        create_case(ws, "T-001", TITLE)
        ((item, _),) = add_evidence(ws, "T-001", [vectron_photo("gdp.jpg")])
        stored = ws.root / item.vault_path
        os.chmod(stored, stat.S_IRUSR | stat.S_IWUSR)
        data = bytearray(stored.read_bytes())
        data[5000] ^= 0x01
        stored.write_bytes(bytes(data))
        win = open_window(qtbot, qapp, ws)
        evidence = win.evidence
        evidence.select_row(row_of(evidence.model, "gdp.jpg"))
        caption = evidence.media.caption.text()
        assert "gdp.jpg of case T-001" in caption
        assert "no longer matches its recorded SHA-256" in caption
        assert evidence.media.viewer.face_items == []
        win.close()
