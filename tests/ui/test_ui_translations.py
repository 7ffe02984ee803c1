"""Interface translations: complete catalogues, compiled, and loaded by language."""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ElementTree
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator
from screenshots import save_screenshot

from workstation.domain.errors import WorkstationError
from workstation.resources import resource_path
from workstation.ui.fonts import install_cjk_fallback
from workstation.ui.main_window import MainWindow
from workstation.ui.preferences import save_preferences, with_preferences
from workstation.ui.translations import install_translations
from workstation.ui.workers import TaskRunner

UI_SOURCES = Path(__file__).resolve().parents[2] / "src" / "workstation" / "ui"
CATALOGUES = ("workstation_zh_CN", "workstation_en")


def messages(name: str) -> list[tuple[str, str, list[str], bool, str | None]]:
    """``(context, source, translations, finished, comment)`` of a .ts file.

    The comment tells apart one source text meant two ways (a link type and
    a role, say).
    """
    tree = ElementTree.parse(resource_path("translations", f"{name}.ts"))
    found = []
    for context in tree.getroot().iter("context"):
        context_name = context.findtext("name")
        for message in context.iter("message"):
            translation = message.find("translation")
            forms = [f.text or "" for f in translation.iter("numerusform")]
            texts = forms or [translation.text or ""]
            finished = translation.get("type") not in ("unfinished", "vanished")
            found.append(
                (
                    context_name,
                    message.findtext("source"),
                    texts,
                    finished,
                    message.findtext("comment"),
                )
            )
    return found


@pytest.mark.parametrize("name", CATALOGUES)
def test_every_text_is_translated_and_keeps_its_placeholders(name):
    import re

    found = messages(name)
    assert len(found) > 300
    for context, source, texts, finished, _ in found:
        assert finished and all(texts), f"{context}: {source!r} is not translated"
        wanted = sorted(re.findall(r"\{[^}]*\}|%n", source))
        for text in texts:
            assert sorted(re.findall(r"\{[^}]*\}|%n", text)) == wanted, (
                f"{context}: {text!r} changes the placeholders of {source!r}"
            )


def test_the_catalogues_hold_every_text_of_the_code(tmp_path):
    lupdate = shutil.which("pyside6-lupdate") or str(
        Path(sys.executable).with_name("pyside6-lupdate")
    )
    if not Path(lupdate).exists():
        pytest.skip("pyside6-lupdate is not installed")
    fresh = tmp_path / "fresh.ts"
    subprocess.run(
        [lupdate, *map(str, sorted(UI_SOURCES.glob("*.py"))), "-ts", str(fresh)],
        check=True,
        capture_output=True,
    )
    tree = ElementTree.parse(fresh)
    in_code = {
        (c.findtext("name"), m.findtext("source"))
        for c in tree.getroot().iter("context")
        for m in c.iter("message")
    }
    shipped = {(context, source) for context, source, *_ in messages(CATALOGUES[0])}
    assert in_code - shipped == set(), "run pyside6-lupdate (resources/translations)"
    assert shipped - in_code == set(), "run pyside6-lupdate -no-obsolete"


@pytest.mark.parametrize("name", CATALOGUES)
def test_the_compiled_catalogues_match_their_sources(qapp, name):
    translator = QTranslator()
    assert translator.load(str(resource_path("translations", f"{name}.qm")))
    for context, source, texts, _, comment in messages(name):
        if "%n" in source:
            assert translator.translate(context, source, comment, 1) == texts[0]
        else:
            assert translator.translate(context, source, comment) == texts[0], (
                f"{name}.qm is older than {name}.ts; run pyside6-lrelease"
            )


def test_plural_forms_in_english(qapp):
    install_translations(qapp, "en")
    one = QCoreApplication.translate("PagedTableView", "%n row(s)", "", 1)
    many = QCoreApplication.translate("PagedTableView", "%n row(s)", "", 150)
    assert (one, many) == ("1 row", "150 rows")


@pytest.fixture
def window(qtbot, qapp, workspace, case):
    win = MainWindow(workspace, "T-001", runner=TaskRunner(workspace.settings))
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    yield win
    win.close()


def test_with_zh_cn_the_tabs_and_menus_are_chinese(qtbot, qapp, workspace, case):
    save_preferences({"language": "zh"})
    settings = with_preferences(workspace.settings)
    assert settings.language == "zh"
    assert install_translations(qapp, settings.language) == "zh_CN"
    install_cjk_fallback(qapp)
    win = MainWindow(workspace, "T-001", runner=TaskRunner(workspace.settings))
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)

    titles = [win.tabs.tabText(i) for i in range(win.tabs.count())]
    assert titles == [
        "案件",
        "概况",
        "实体",
        "关系",
        "数据",
        "证据",
        "人脸",
        "增强",
        "关系图",
        "时间线",
        "审核",
        "案件质量",
        "诈骗预警",
        "日志",
    ]
    menus = [a.text() for a in win.menuBar().actions()]
    assert menus == ["案件(&C)", "数据(&D)"]
    assert win.windowTitle() == "案件工作站 — T-001 测试案件：电话网络"
    assert win.summary.fields["kind"].text() == "刑事"
    assert win.summary.fields["status"].text() == "办理中"
    assert win.cases.table.horizontalHeaderItem(0).text() == "编号"
    assert win.entities.count_label.text() == "0 行"
    save_screenshot(win, "summary-zh")
    win.close()


def test_with_english_the_tabs_are_english(qtbot, qapp, workspace, case):
    install_translations(qapp, "en")
    win = MainWindow(workspace, "T-001", runner=TaskRunner(workspace.settings))
    qtbot.addWidget(win)

    assert win.tabs.tabText(1) == "Summary"
    assert win.tabs.tabText(9) == "Timeline"
    win.close()


def test_an_unknown_language_is_refused(qapp):
    with pytest.raises(WorkstationError, match="Unknown interface language 'fr'"):
        install_translations(qapp, "fr")
