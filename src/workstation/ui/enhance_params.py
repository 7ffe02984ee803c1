"""Editing one enhancement step: a form made from the operation's parameters.

Each parameter's widget follows its declaration (:class:`ParameterSpec`):
a spin box with the allowed range and unit for a number (odd numbers step by
two), a check box for a flag, a menu for a choice, and a text field for pixel
points or a region. A parameter that matters only while another one has a
certain value (the blur width of a Gaussian kernel) is greyed out otherwise.
The chain built from the values is checked by the service, which names any
value still out of range.
"""

from __future__ import annotations

import json
import logging
import math
from typing import Any

from PySide6.QtCore import QCoreApplication, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QWidget,
)

from workstation.services.enhance_editor import OperationSpec, ParameterSpec

log = logging.getLogger(__name__)

translate = QCoreApplication.translate


def operation_text(name: str) -> str:
    """An operation's name in the interface language."""
    names = {
        "crop": translate("EnhanceLabels", "Crop"),
        "rotate": translate("EnhanceLabels", "Rotate"),
        "flip": translate("EnhanceLabels", "Flip"),
        "perspective": translate("EnhanceLabels", "Perspective"),
        "deinterlace": translate("EnhanceLabels", "Deinterlace"),
        "levels": translate("EnhanceLabels", "Levels and gamma"),
        "auto_exposure": translate("EnhanceLabels", "Automatic exposure"),
        "clahe": translate("EnhanceLabels", "Local contrast (CLAHE)"),
        "nl_means": translate("EnhanceLabels", "Non-local means denoise"),
        "bilateral": translate("EnhanceLabels", "Bilateral smoothing"),
        "deblock": translate("EnhanceLabels", "Remove block artefacts"),
        "deblur": translate("EnhanceLabels", "Deblur"),
        "unsharp_mask": translate("EnhanceLabels", "Unsharp mask"),
        "upscale": translate("EnhanceLabels", "Upscale"),
    }
    return names.get(name, name)


def parameter_text(name: str) -> str:
    """A parameter's name in the interface language."""
    names = {
        "x": translate("EnhanceLabels", "Left (x)"),
        "y": translate("EnhanceLabels", "Top (y)"),
        "width": translate("EnhanceLabels", "Width"),
        "height": translate("EnhanceLabels", "Height"),
        "angle": translate("EnhanceLabels", "Angle"),
        "expand": translate("EnhanceLabels", "Enlarge canvas"),
        "interpolation": translate("EnhanceLabels", "Interpolation"),
        "direction": translate("EnhanceLabels", "Direction"),
        "points": translate("EnhanceLabels", "Corner points"),
        "field": translate("EnhanceLabels", "Field kept"),
        "method": translate("EnhanceLabels", "Method"),
        "black": translate("EnhanceLabels", "Black point"),
        "white": translate("EnhanceLabels", "White point"),
        "gamma": translate("EnhanceLabels", "Gamma"),
        "target_mean": translate("EnhanceLabels", "Target brightness"),
        "low_percentile": translate("EnhanceLabels", "Black percentile"),
        "high_percentile": translate("EnhanceLabels", "White percentile"),
        "max_gamma": translate("EnhanceLabels", "Largest gamma"),
        "clip_limit": translate("EnhanceLabels", "Clip limit"),
        "tiles": translate("EnhanceLabels", "Tiles"),
        "strength": translate("EnhanceLabels", "Strength"),
        "colour_strength": translate("EnhanceLabels", "Colour strength"),
        "template": translate("EnhanceLabels", "Patch size"),
        "search": translate("EnhanceLabels", "Search window"),
        "diameter": translate("EnhanceLabels", "Diameter"),
        "sigma_colour": translate("EnhanceLabels", "Colour sigma"),
        "sigma_space": translate("EnhanceLabels", "Space sigma"),
        "quality": translate("EnhanceLabels", "JPEG quality"),
        "kernel": translate("EnhanceLabels", "Blur model"),
        "sigma": translate("EnhanceLabels", "Blur width"),
        "length": translate("EnhanceLabels", "Streak length"),
        "balance": translate("EnhanceLabels", "Noise balance"),
        "iterations": translate("EnhanceLabels", "Iterations"),
        "radius": translate("EnhanceLabels", "Radius"),
        "amount": translate("EnhanceLabels", "Amount"),
        "threshold": translate("EnhanceLabels", "Threshold"),
        "factor": translate("EnhanceLabels", "Factor"),
        "region": translate("EnhanceLabels", "Region"),
    }
    return names.get(name, name)


def _decimals(spec: ParameterSpec) -> int:
    """Enough decimals to show the range's ends and the default exactly."""
    places = 2
    for value in (spec.low, spec.high, spec.default):
        if isinstance(value, float) and value:
            places = max(places, min(6, 1 - math.floor(math.log10(abs(value)))))
    return places


def _text_of(value: Any) -> str:
    return "" if value in (None, [], ()) else json.dumps(value)


class ParameterForm(QWidget):
    """The parameters of one step, each with a widget made from its declaration.

    Args:
        spec: The step's operation.
        values: The step's current values (missing ones take the default).
        parent: Owning widget.
    """

    #: Emitted after the user changed a value.
    changed = Signal()

    def __init__(
        self,
        spec: OperationSpec,
        values: dict[str, Any],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.spec = spec
        self.widgets: dict[str, QWidget] = {}
        self.text_errors: dict[str, str] = {}
        layout = QFormLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        summary = QLabel(spec.summary, self)
        summary.setWordWrap(True)
        summary.setStyleSheet("color: #555555")
        summary.setToolTip(spec.reference)
        layout.addRow(summary)
        for parameter in spec.parameters:
            widget = self._widget(parameter, values.get(parameter.name))
            tip = parameter.doc
            if parameter.allowed:
                tip = f"{tip} ({parameter.allowed})" if tip else parameter.allowed
            widget.setToolTip(tip)
            label = QLabel(parameter_text(parameter.name), self)
            label.setToolTip(parameter.name)
            layout.addRow(label, widget)
            self.widgets[parameter.name] = widget
        self._update_enabled()

    def _widget(self, spec: ParameterSpec, value: Any) -> QWidget:
        value = spec.default if value is None else value
        if spec.kind == "int":
            box = QSpinBox(self)
            box.setRange(int(spec.low), int(spec.high))
            box.setSingleStep(2 if spec.odd else 1)
            box.setValue(int(value))
            box.valueChanged.connect(self._edited)
        elif spec.kind == "float":
            box = QDoubleSpinBox(self)
            box.setDecimals(_decimals(spec))
            box.setRange(float(spec.low), float(spec.high))
            box.setStepType(QAbstractSpinBox.StepType.AdaptiveDecimalStepType)
            box.setValue(float(value))
            box.valueChanged.connect(self._edited)
        elif spec.kind == "bool":
            box = QCheckBox(self)
            box.setChecked(bool(value))
            box.toggled.connect(self._edited)
            return box
        elif spec.kind == "choice":
            box = QComboBox(self)
            box.addItems(list(spec.choices))
            box.setCurrentText(str(value))
            box.currentTextChanged.connect(self._edited)
            return box
        else:
            box = QLineEdit(_text_of(value), self)
            box.setPlaceholderText(
                "[[x, y], [x, y], [x, y], [x, y]]"
                if spec.kind == "points"
                else "[x, y, width, height]"
            )
            box.editingFinished.connect(self._edited)
            return box
        if spec.unit:
            box.setSuffix(f" {spec.unit}")
        box.setKeyboardTracking(False)
        return box

    def values(self) -> dict[str, Any]:
        """Every parameter's value as the widgets hold it.

        A points or region field whose text is not JSON is left out and its
        problem kept in :attr:`text_errors`.
        """
        out: dict[str, Any] = {}
        self.text_errors = {}
        for parameter in self.spec.parameters:
            widget = self.widgets[parameter.name]
            if isinstance(widget, QSpinBox | QDoubleSpinBox):
                out[parameter.name] = widget.value()
            elif isinstance(widget, QCheckBox):
                out[parameter.name] = widget.isChecked()
            elif isinstance(widget, QComboBox):
                out[parameter.name] = widget.currentText()
            else:
                text = widget.text().strip()
                if not text:
                    continue
                try:
                    out[parameter.name] = json.loads(text)
                except json.JSONDecodeError:
                    self.text_errors[parameter.name] = self.tr(
                        "{name}: write the value as in a chain file, e.g. {example}"
                    ).format(
                        name=parameter_text(parameter.name),
                        example=widget.placeholderText(),
                    )
        return out

    @Slot()
    def _edited(self) -> None:
        self._update_enabled()
        self.changed.emit()

    def _update_enabled(self) -> None:
        current = {
            name: widget.currentText()
            for name, widget in self.widgets.items()
            if isinstance(widget, QComboBox)
        }
        for parameter in self.spec.parameters:
            if parameter.when is None:
                continue
            other, wanted = parameter.when
            self.widgets[parameter.name].setEnabled(current.get(other) == wanted)
