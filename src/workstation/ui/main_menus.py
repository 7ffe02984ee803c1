"""The main window's menus: Case, Data and Tools."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu

translate = QCoreApplication.translate


@dataclass
class MenuActions:
    """The actions the window enables, disables and triggers."""

    new_case: QAction
    open_case: QAction
    recent: QMenu
    close_case: QAction
    export_brief: QAction
    settings: QAction
    create_admin: QAction
    quit: QAction
    import_table: QAction
    add_evidence: QAction
    find_faces: QAction

    def case_actions(self) -> list[QAction]:
        """The actions that need an open case."""
        return [
            self.close_case,
            self.export_brief,
            self.import_table,
            self.add_evidence,
            self.find_faces,
        ]


def build_menus(window: QMainWindow) -> MenuActions:
    """Add the menu bar to ``window``; the window connects the actions."""
    bar = window.menuBar()
    case_menu = bar.addMenu(translate("MainWindow", "&Case"))
    new_case = case_menu.addAction(translate("MainWindow", "&New case…"))
    new_case.setShortcut(QKeySequence.StandardKey.New)
    open_case = case_menu.addAction(translate("MainWindow", "&Open case…"))
    open_case.setShortcut(QKeySequence.StandardKey.Open)
    recent = case_menu.addMenu(translate("MainWindow", "&Recent cases"))
    case_menu.addSeparator()
    close_case = case_menu.addAction(translate("MainWindow", "&Mark case as closed…"))
    export_brief = case_menu.addAction(translate("MainWindow", "&Export brief…"))
    export_brief.setShortcut(QKeySequence(translate("MainWindow", "Ctrl+E")))
    case_menu.addSeparator()
    settings = case_menu.addAction(translate("MainWindow", "&Settings…"))
    settings.setShortcut(QKeySequence.StandardKey.Preferences)
    create_admin = case_menu.addAction(
        translate("MainWindow", "Create &administrator…")
    )
    quit_action = case_menu.addAction(translate("MainWindow", "&Quit"))
    quit_action.setShortcut(QKeySequence.StandardKey.Quit)

    data_menu = bar.addMenu(translate("MainWindow", "&Data"))
    import_table = data_menu.addAction(translate("MainWindow", "&Import a table…"))
    import_table.setShortcut(QKeySequence(translate("MainWindow", "Ctrl+I")))
    add_evidence = data_menu.addAction(translate("MainWindow", "&Add evidence files…"))
    find_faces = data_menu.addAction(
        translate("MainWindow", "&Find faces in the photos")
    )
    return MenuActions(
        new_case=new_case,
        open_case=open_case,
        recent=recent,
        close_case=close_case,
        export_brief=export_brief,
        settings=settings,
        create_admin=create_admin,
        quit=quit_action,
        import_table=import_table,
        add_evidence=add_evidence,
        find_faces=find_faces,
    )
