"""The import wizard's mapping page: which columns become entities and links."""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from workstation.domain.errors import ImportSpecError, WorkstationError
from workstation.domain.types import EntityType, LinkType
from workstation.ingest.import_spec import load_spec
from workstation.services.import_mapping import (
    KEY_RULES,
    EntityMapping,
    LinkMapping,
    TableMapping,
    available_specs,
    build_spec,
    mapping_from_spec,
)
from workstation.services.ingest_preview import TablePreview
from workstation.ui.labels import entity_type_text, link_type_text

log = logging.getLogger(__name__)

E_NAME, E_TYPE, E_KEY, E_LABEL, E_RULE, E_PREFIX, E_REQUIRED, E_ATTRIBUTES = range(8)
L_TYPE, L_SOURCE, L_TARGET, L_TIME, L_DURATION, L_WEIGHT, L_CELL = range(7)
AUTOMATIC = ""


def _combo(
    parent: QWidget, items: list[tuple[str, str]], value: str | None
) -> QComboBox:
    box = QComboBox(parent)
    for text, data in items:
        box.addItem(text, data)
    index = box.findData(value if value is not None else "")
    box.setCurrentIndex(max(index, 0))
    return box


class MappingPage(QWizardPage):
    """Entities (name, type, key column...) and links between them.

    The page starts from a saved or shipped spec whose columns the file has,
    when there is one; the analyst edits the rows or starts afresh.

    Args:
        wizard_ws: The workspace, for the list of saved specs.
        parent: Owning widget.
    """

    def __init__(self, wizard_ws, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ws = wizard_ws
        self.preview: TablePreview | None = None
        self.loaded_from: str | None = None
        self.setTitle(self.tr("Map the columns"))
        self.setSubTitle(
            self.tr(
                "Each entity is found on every row by its key column; each link "
                "joins two of a row's entities. Start from a spec or add rows."
            )
        )

        self.spec_box = QComboBox(self)
        self.apply_button = QPushButton(self.tr("Use this spec"), self)
        self.apply_button.clicked.connect(self._apply_chosen_spec)

        self.entities = QTableWidget(0, 8, self)
        self.entities.setHorizontalHeaderLabels(
            [
                self.tr("Name"),
                self.tr("Type"),
                self.tr("Key column"),
                self.tr("Label column"),
                self.tr("Normalise"),
                self.tr("Strip prefix"),
                self.tr("Required"),
                self.tr("Attribute columns"),
            ]
        )
        self.links = QTableWidget(0, 7, self)
        self.links.setHorizontalHeaderLabels(
            [
                self.tr("Link type"),
                self.tr("From"),
                self.tr("To"),
                self.tr("Start time"),
                self.tr("Duration (s)"),
                self.tr("Weight"),
                self.tr("Cell"),
            ]
        )
        for table in (self.entities, self.links):
            table.verticalHeader().setVisible(False)
            table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
            header = table.horizontalHeader()
            header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
            header.setDefaultSectionSize(124)
            header.setStretchLastSection(True)
        self.entities.setColumnWidth(E_PREFIX, 90)
        self.entities.setColumnWidth(E_REQUIRED, 70)
        self.entities.itemChanged.connect(self._entity_names_changed)

        add_entity = QPushButton(self.tr("Add entity"), self)
        remove_entity = QPushButton(self.tr("Remove entity"), self)
        add_link = QPushButton(self.tr("Add link"), self)
        remove_link = QPushButton(self.tr("Remove link"), self)
        add_entity.clicked.connect(lambda: self.add_entity())
        remove_entity.clicked.connect(lambda: self._remove_selected(self.entities))
        add_link.clicked.connect(lambda: self.add_link())
        remove_link.clicked.connect(lambda: self._remove_selected(self.links))

        self.time_format = QLineEdit(self)
        self.time_format.setPlaceholderText(
            self.tr("automatic (2024-03-01 08:30:00 and similar)")
        )
        self.country_code = QLineEdit("86", self)
        self.country_code.setMaximumWidth(60)
        self.problem = QLabel(self)
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #b00020")

        start = QHBoxLayout()
        start.addWidget(QLabel(self.tr("Start from:"), self))
        start.addWidget(self.spec_box, 1)
        start.addWidget(self.apply_button)
        entity_buttons = QHBoxLayout()
        entity_buttons.addWidget(QLabel(self.tr("Entities"), self))
        entity_buttons.addStretch(1)
        entity_buttons.addWidget(add_entity)
        entity_buttons.addWidget(remove_entity)
        link_buttons = QHBoxLayout()
        link_buttons.addWidget(QLabel(self.tr("Links"), self))
        link_buttons.addStretch(1)
        link_buttons.addWidget(add_link)
        link_buttons.addWidget(remove_link)
        options = QFormLayout()
        options.addRow(self.tr("Time format"), self.time_format)
        options.addRow(self.tr("Country code of phones"), self.country_code)
        layout = QVBoxLayout(self)
        layout.addLayout(start)
        layout.addLayout(entity_buttons)
        layout.addWidget(self.entities, 1)
        layout.addLayout(link_buttons)
        layout.addWidget(self.links, 1)
        layout.addLayout(options)
        layout.addWidget(self.problem)

    # -- the page's life -----------------------------------------------------------

    def initializePage(self) -> None:
        preview = self.wizard().preview
        changed = self.preview is None or preview.columns != self.preview.columns
        self.preview = preview
        if not changed:
            return
        self.spec_box.clear()
        self.spec_box.addItem(self.tr("(a new mapping)"), "")
        for label, spec in available_specs(self._ws):
            self.spec_box.addItem(label, spec)
        self.clear()
        fitting = self._fitting_spec()
        if fitting is not None:
            self.spec_box.setCurrentIndex(self.spec_box.findData(fitting))
            self._apply_chosen_spec()

    def _fitting_spec(self) -> str | None:
        """The first spec whose columns (and layout) the file has."""
        preview = self.preview
        folded = {c.casefold() for c in preview.columns}
        for index in range(1, self.spec_box.count()):
            name = self.spec_box.itemData(index)
            try:
                spec = load_spec(name)
            except WorkstationError:
                continue
            if spec.header != preview.header:
                continue
            if not spec.header and len(spec.columns) != len(preview.columns):
                continue
            if all(c.casefold() in folded for c, _ in spec.column_uses()) or (
                not spec.header and spec.delimiter == preview.delimiter
            ):
                return name
        return None

    def validatePage(self) -> bool:
        try:
            spec = build_spec(self.mapping())
        except ImportSpecError as exc:
            self.problem.setText(str(exc))
            return False
        folded = {c.casefold() for c in self.preview.columns}
        missing = [
            f"{column} ({key})"
            for column, key in spec.column_uses()
            if column.casefold() not in folded
        ]
        if missing:
            self.problem.setText(
                self.tr(
                    "The file has no column {missing}; choose one of its columns."
                ).format(missing=", ".join(missing))
            )
            return False
        self.problem.clear()
        return True

    # -- rows ------------------------------------------------------------------------

    def _columns(self, *, optional: bool) -> list[tuple[str, str]]:
        items = [(self.tr("(none)"), "")] if optional else []
        columns = self.preview.columns if self.preview else ()
        return items + [(c, c) for c in columns]

    def clear(self) -> None:
        """Remove every entity and link row."""
        self.entities.setRowCount(0)
        self.links.setRowCount(0)
        self.loaded_from = None

    def add_entity(self, entity: EntityMapping | None = None) -> int:
        """Add an entity row (filled from ``entity`` when given); return its row."""
        row = self.entities.rowCount()
        entity = entity or EntityMapping(
            name=f"entity{row + 1}",
            type=EntityType.PERSON,
            key=self.preview.columns[0]
            if self.preview and self.preview.columns
            else "",
        )
        self.entities.blockSignals(True)
        self.entities.insertRow(row)
        self.entities.setItem(row, E_NAME, QTableWidgetItem(entity.name))
        types = [(entity_type_text(t), str(t)) for t in EntityType]
        self.entities.setCellWidget(row, E_TYPE, _combo(self, types, entity.type))
        columns = self._columns(optional=False)
        if entity.key and entity.key not in self.preview.columns:
            columns.append((entity.key, entity.key))
        self.entities.setCellWidget(row, E_KEY, _combo(self, columns, entity.key))
        self.entities.setCellWidget(
            row, E_LABEL, _combo(self, self._columns(optional=True), entity.label)
        )
        rules = [(self.tr("by type"), AUTOMATIC), *((r, r) for r in KEY_RULES)]
        self.entities.setCellWidget(row, E_RULE, _combo(self, rules, entity.normalise))
        self.entities.setItem(row, E_PREFIX, QTableWidgetItem(entity.strip_prefix))
        required = QTableWidgetItem()
        required.setFlags(
            Qt.ItemFlag.ItemIsUserCheckable
            | Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
        )
        required.setCheckState(
            Qt.CheckState.Checked if entity.required else Qt.CheckState.Unchecked
        )
        self.entities.setItem(row, E_REQUIRED, required)
        attributes = QTableWidgetItem(", ".join(entity.attributes))
        attributes.setToolTip(
            self.tr("Columns kept as attributes, separated by commas")
        )
        self.entities.setItem(row, E_ATTRIBUTES, attributes)
        self.entities.blockSignals(False)
        self._entity_names_changed()
        return row

    def add_link(self, link: LinkMapping | None = None) -> int:
        """Add a link row (filled from ``link`` when given); return its row."""
        names = self.entity_names()
        link = link or LinkMapping(
            type=LinkType.CALL,
            source=names[0] if names else "",
            target=names[1] if len(names) > 1 else (names[0] if names else ""),
        )
        row = self.links.rowCount()
        self.links.insertRow(row)
        types = [(link_type_text(t), str(t)) for t in LinkType]
        self.links.setCellWidget(row, L_TYPE, _combo(self, types, link.type))
        ends = [(n, n) for n in names]
        self.links.setCellWidget(row, L_SOURCE, _combo(self, ends, link.source))
        self.links.setCellWidget(row, L_TARGET, _combo(self, ends, link.target))
        optional = self._columns(optional=True)
        for column, value in (
            (L_TIME, link.start_time),
            (L_DURATION, link.duration),
            (L_WEIGHT, link.weight),
            (L_CELL, link.cell),
        ):
            self.links.setCellWidget(row, column, _combo(self, optional, value))
        return row

    @Slot()
    def _remove_selected(self, table: QTableWidget) -> None:
        for row in sorted({i.row() for i in table.selectedIndexes()}, reverse=True):
            table.removeRow(row)
        if table is self.entities:
            self._entity_names_changed()

    def entity_names(self) -> list[str]:
        """The names of the entity rows, in order."""
        names = []
        for row in range(self.entities.rowCount()):
            item = self.entities.item(row, E_NAME)
            names.append(item.text().strip() if item else "")
        return names

    @Slot()
    def _entity_names_changed(self, *_args) -> None:
        """Offer the current entity names as link ends."""
        names = self.entity_names()
        for row in range(self.links.rowCount()):
            for column in (L_SOURCE, L_TARGET):
                box: QComboBox = self.links.cellWidget(row, column)
                current = box.currentText()
                box.blockSignals(True)
                box.clear()
                for name in names:
                    box.addItem(name, name)
                box.setCurrentIndex(max(box.findText(current), 0))
                box.blockSignals(False)

    # -- spec <-> rows -----------------------------------------------------------------

    @Slot()
    def _apply_chosen_spec(self) -> None:
        spec_name = self.spec_box.currentData()
        if not spec_name:
            self.clear()
            return
        try:
            self.set_mapping(mapping_from_spec(load_spec(spec_name)))
        except WorkstationError as exc:
            self.problem.setText(str(exc))
            return
        self.loaded_from = spec_name
        log.info("mapping started from spec %s", spec_name)

    def set_mapping(self, mapping: TableMapping) -> None:
        """Show ``mapping``'s entities, links and options."""
        self.clear()
        for entity in mapping.entities:
            self.add_entity(entity)
        for link in mapping.links:
            self.add_link(link)
        self.time_format.setText("; ".join(mapping.time_formats))
        self.country_code.setText(mapping.country_code)
        self.wizard().events = mapping.events
        self.wizard().spec_name = mapping.name
        self.problem.clear()

    def mapping(self) -> TableMapping:
        """The mapping as shown (named by the wizard), for checking and saving."""
        wizard = self.wizard()
        preview = self.preview

        def text(table: QTableWidget, row: int, column: int) -> str:
            item = table.item(row, column)
            return item.text().strip() if item else ""

        def data(table: QTableWidget, row: int, column: int) -> str | None:
            return table.cellWidget(row, column).currentData() or None

        entities = tuple(
            EntityMapping(
                name=text(self.entities, row, E_NAME),
                type=data(self.entities, row, E_TYPE),
                key=data(self.entities, row, E_KEY) or "",
                label=data(self.entities, row, E_LABEL),
                normalise=data(self.entities, row, E_RULE),
                strip_prefix=text(self.entities, row, E_PREFIX),
                required=self.entities.item(row, E_REQUIRED).checkState()
                == Qt.CheckState.Checked,
                attributes=tuple(
                    c.strip()
                    for c in text(self.entities, row, E_ATTRIBUTES).split(",")
                    if c.strip()
                ),
            )
            for row in range(self.entities.rowCount())
        )
        links = tuple(
            LinkMapping(
                type=data(self.links, row, L_TYPE),
                source=data(self.links, row, L_SOURCE) or "",
                target=data(self.links, row, L_TARGET) or "",
                start_time=data(self.links, row, L_TIME),
                duration=data(self.links, row, L_DURATION),
                weight=data(self.links, row, L_WEIGHT),
                cell=data(self.links, row, L_CELL),
            )
            for row in range(self.links.rowCount())
        )
        formats = tuple(
            f.strip() for f in self.time_format.text().split(";") if f.strip()
        )
        return TableMapping(
            name=wizard.spec_name or preview.path.stem,
            description=wizard.spec_description,
            entities=entities,
            links=links,
            encoding=wizard.chosen_encoding,
            delimiter=preview.delimiter,
            header=preview.header,
            columns=() if preview.header else preview.columns,
            sheet=preview.sheet if preview.file_format == "xlsx" else None,
            country_code=self.country_code.text().strip() or "86",
            time_formats=formats,
            events=wizard.events,
        )
