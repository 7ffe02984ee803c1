"""The "image enhancement processing report" section of a case report.

One part per recorded enhancement: the exhibit, the original's path and hash
and a statement that it is unchanged, the source (photo, frame numbers and
time stamps, fusion), every step in order with its parameters, algorithm and
reference, before and after images, the measured face scores, the output hash,
the examiner and the date. Built from plain :class:`ProcessingEntry` data;
nothing here reads the store or the vault.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    KeepTogether,
    Paragraph,
    Spacer,
    Table,
)

from workstation.reports.composer import Composer
from workstation.reports.pdf_parts import when
from workstation.reports.processing_labels import processing_labels

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class ProcessingStep:
    """One step as printed: number, operation, parameters, algorithm, reference."""

    number: int
    op: str
    params: Mapping[str, object]
    summary: str
    reference: str


@dataclass(frozen=True)
class StageName:
    """A stage of the chain: "original", "fusion" (``count`` frames, ``op``
    "frames", or shots of a face, ``op`` "face"), "step" (number ``count``,
    operation ``op``) or "chain" (the chain as a whole)."""

    kind: str
    count: int = 0
    op: str = ""


@dataclass(frozen=True)
class ScoreRow:
    """Face scores at one stage (None: no face found there)."""

    stage: StageName
    det_score: float | None
    match: float | None


@dataclass(frozen=True)
class ScoreWarning:
    """A stage that lowered a score: ``kind`` is detector, match, changed, lost
    or no_face; ``before`` and ``after`` are the scores."""

    stage: StageName
    kind: str
    before: float = 0.0
    after: float = 0.0


@dataclass(frozen=True)
class ProcessingEntry:
    """Everything the report prints about one enhancement.

    ``original_unchanged`` is the result of re-hashing the vault original when
    the report was made. ``source_kind`` is what the chain started from:
    "image" (a photo), "frame" (one video frame), "frames" (registered frames
    averaged) or "face" (one face aligned across frames and averaged), with the
    chosen ``frame``, its time ``time_s`` and the ``frames`` used; ``fusion``
    is the fusion step, if any.
    """

    derivation_id: int
    evidence_id: int
    exhibit: str
    original_path: str
    original_sha256: str
    original_unchanged: bool
    source_kind: str
    output_name: str
    output_sha256: str
    examiner: str
    created_at: datetime | None
    chain_name: str
    frame: int | None = None
    time_s: float | None = None
    frames: tuple[int, ...] = ()
    steps: tuple[ProcessingStep, ...] = ()
    fusion: ProcessingStep | None = None
    purpose: str = ""
    before_png: bytes | None = None
    after_png: bytes | None = None
    score_reference: str = ""
    scores: tuple[ScoreRow, ...] = ()
    warnings: tuple[ScoreWarning, ...] = ()
    software: Mapping[str, str] = field(default_factory=dict)


def _timestamp(seconds: float | None) -> str:
    """``h:mm:ss.mmm`` from the start of the video."""
    if seconds is None:
        return "-"
    millis = round(seconds * 1000)
    hours, millis = divmod(millis, 3_600_000)
    minutes, millis = divmod(millis, 60_000)
    return f"{hours}:{minutes:02d}:{millis / 1000:06.3f}"


def _value(value: object) -> str:
    if isinstance(value, float):
        return f"{value:g}"
    if isinstance(value, list | tuple):
        return "[" + ", ".join(_value(v) for v in value) + "]"
    return str(value)


class ProcessingSection:
    """Lays out the processing report section.

    Args:
        entries: The enhancements, in the order they are printed.
        composer: Builds the flowables, in the report's font and styles.
        lang: "zh" or "en".
    """

    def __init__(
        self, entries: tuple[ProcessingEntry, ...], composer: Composer, lang: str
    ) -> None:
        self.entries = entries
        self.compose = composer
        self.styles = composer.styles
        self.labels = processing_labels(lang)
        self.width = composer.width

    def para(self, text: object, style: ParagraphStyle | None = None) -> Paragraph:
        """A paragraph of data, escaped so stored text prints as it is."""
        return self.compose.para(text, style)

    def _table(self, rows, widths, *, header: bool, extra=()) -> Table:
        return self.compose.table(
            rows, widths, header=header, valign="TOP", extra=extra
        )

    def _image(self, png: bytes | None, box: float) -> Flowable:
        return self.compose.image(png, box, box, missing="-")

    def flowables(self) -> list[Flowable]:
        """The section: heading, standing note and one part per enhancement."""
        flow = self.compose.section(
            self.labels["heading"], 60 * mm if self.entries else 40 * mm
        )
        if not self.entries:
            return [*flow, self.para(self.labels["none"])]
        flow.append(self.para(self.labels["intro"], self.styles.note))
        for index, entry in enumerate(self.entries, start=1):
            flow += self.entry(index, entry)
        return flow

    def _source(self, entry: ProcessingEntry) -> str:
        template = self.labels.get(f"source_{entry.source_kind}", "{frame}")
        return template.format(
            frame=entry.frame,
            time=_timestamp(entry.time_s),
            frames=", ".join(str(f) for f in entry.frames),
        )

    def _facts(self, entry: ProcessingEntry) -> Flowable:
        labels = self.labels
        integrity = (
            self.para(labels["unchanged"], self.styles.cell)
            if entry.original_unchanged
            else self.para(labels["changed"], self.styles.alert)
        )
        software = ", ".join(f"{k} {v}" for k, v in entry.software.items())
        facts = [
            ("exhibit", self.para(entry.exhibit, self.styles.cell)),
            ("original_path", self.para(entry.original_path, self.styles.cell)),
            ("original_hash", self.compose.digest(entry.original_sha256)),
            ("integrity", integrity),
            ("source", self.para(self._source(entry), self.styles.cell)),
            ("purpose", self.para(entry.purpose or "-", self.styles.cell)),
            ("chain", self.para(entry.chain_name, self.styles.cell)),
            ("examiner", self.para(entry.examiner, self.styles.cell)),
            ("date", self.para(when(entry.created_at), self.styles.cell)),
            ("output_hash", self.compose.digest(entry.output_sha256)),
            ("software", self.para(software, self.styles.small)),
        ]
        return self.compose.facts(((labels[k], v) for k, v in facts), 30 * mm)

    def _steps(self, entry: ProcessingEntry) -> Table | None:
        steps = ([entry.fusion] if entry.fusion else []) + list(entry.steps)
        if not steps:
            return None
        rows = [[self.para(n, self.styles.cell) for n in self.labels["step_columns"]]]
        for step in steps:
            number = self.labels["fusion_step"] if step is entry.fusion else step.number
            params = "\n".join(f"{k} = {_value(v)}" for k, v in step.params.items())
            rows.append(
                [
                    self.para(number, self.styles.cell_centre),
                    self.para(step.op, self.styles.cell),
                    self.para(params or "-", self.styles.small),
                    [
                        self.para(step.summary, self.styles.cell),
                        self.para(step.reference, self.styles.small),
                    ],
                ]
            )
        widths = [12 * mm, 26 * mm, 42 * mm]
        return self._table(rows, [*widths, self.width - sum(widths)], header=True)

    def _images(self, entry: ProcessingEntry) -> Table:
        box = (self.width - 12 * mm) / 2
        box = min(box, 78 * mm)
        rows = [
            [
                self.para(self.labels["before"], self.styles.cell_centre),
                self.para(self.labels["after"], self.styles.cell_centre),
            ],
            [self._image(entry.before_png, box), self._image(entry.after_png, box)],
        ]
        return self._table(
            rows,
            [self.width / 2, self.width / 2],
            header=True,
            extra=[("ALIGN", (0, 1), (-1, -1), "CENTER")],
        )

    def _stage(self, stage: StageName) -> str:
        template = self.labels["stages"].get(
            f"{stage.kind}_{stage.op}", self.labels["stages"].get(stage.kind, "")
        )
        return template.format(count=stage.count, op=stage.op)

    def _warning(self, warning: ScoreWarning) -> str:
        return self.labels["warning_texts"][warning.kind].format(
            stage=self._stage(warning.stage),
            before=warning.before,
            after=warning.after,
        )

    def _scores(self, entry: ProcessingEntry) -> list[Flowable]:
        labels = self.labels
        if not entry.scores:
            return [self.para(labels["not_measured"], self.styles.small)]
        if entry.score_reference:
            caption = labels["scores_reference"].format(reference=entry.score_reference)
        else:
            caption = labels["scores_original"]
        rows = [[self.para(n, self.styles.cell) for n in labels["score_columns"]]]
        for score in entry.scores:
            if score.det_score is None:
                cells = [self.para(labels["no_face"], self.styles.small), self.para("")]
            else:
                match = "-" if score.match is None else f"{score.match:.3f}"
                cells = [
                    self.para(f"{score.det_score:.3f}", self.styles.cell_right),
                    self.para(match, self.styles.cell_right),
                ]
            rows.append([self.para(self._stage(score.stage), self.styles.cell), *cells])
        flow: list[Flowable] = [
            Spacer(1, 2 * mm),
            self.para(caption, self.styles.cell),
            self._table(rows, [70 * mm, 30 * mm, 30 * mm], header=True),
        ]
        for warning in entry.warnings:
            text = labels["warning_line"].format(text=self._warning(warning))
            flow.append(self.para(text, self.styles.note))
        return flow

    def entry(self, index: int, entry: ProcessingEntry) -> list[Flowable]:
        """One enhancement: facts, steps, before/after images and scores."""
        title = self.para(
            self.labels["item"].format(index=index, name=entry.output_name),
            self.styles.subheading,
        )
        flow: list[Flowable] = [
            CondPageBreak(70 * mm),
            KeepTogether([title, Spacer(1, 1 * mm), self._facts(entry)]),
            Spacer(1, 2 * mm),
        ]
        steps = self._steps(entry)
        if steps is not None:
            flow += [steps, Spacer(1, 2 * mm)]
        flow.append(KeepTogether([self._images(entry)]))
        flow += self._scores(entry)
        flow.append(Spacer(1, 4 * mm))
        return flow
