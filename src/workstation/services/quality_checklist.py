"""Reading the case-quality checklist: scoring settings and problem points per kind.

The workstation ships ``resources/quality/checklist.toml``. A workspace may
hold its own edited copy at ``quality/checklist.toml`` in its folder, which
is used instead; a file named explicitly (``--checklist FILE``) wins over
both. Every mistake in the file is one :class:`InputFileError` naming the file
and the key that is wrong.
"""

from __future__ import annotations

import logging
import tomllib
from dataclasses import fields
from pathlib import Path

from workstation.domain.errors import InputFileError
from workstation.domain.quality import (
    CASE_KINDS,
    Checklist,
    KindChecklist,
    ProblemCategory,
    ProblemPoint,
    QualitySettings,
)
from workstation.resources import resource_path

log = logging.getLogger(__name__)

#: Where a workspace keeps its own checklist, relative to its folder.
WORKSPACE_CHECKLIST = Path("quality") / "checklist.toml"


def shipped_checklist_path() -> Path:
    """The default checklist that ships with the workstation."""
    return resource_path("quality", "checklist.toml")


def checklist_path(workspace_dir: Path | None, explicit: str | Path | None) -> Path:
    """The checklist in force: ``explicit``, else the workspace's, else the default."""
    if explicit is not None:
        return Path(explicit)
    if workspace_dir is not None and (workspace_dir / WORKSPACE_CHECKLIST).is_file():
        return workspace_dir / WORKSPACE_CHECKLIST
    return shipped_checklist_path()


class _Reader:
    """Reads one TOML table, naming the file and the full key in every complaint."""

    def __init__(self, source: str, data: object, where: str) -> None:
        self.source = source
        self.where = where
        if not isinstance(data, dict):
            self.fail("", "must be a table")
        self.data = dict(data)

    def fail(self, key: str, problem: str) -> None:
        name = ".".join(p for p in (self.where, key) if p) or "the file"
        raise InputFileError(
            f"Checklist {self.source}: {name} {problem}. Fix the file, or remove "
            "it to use the shipped checklist."
        )

    def text(self, key: str, default: str | None = None) -> str:
        value = self.data.pop(key, default)
        if not isinstance(value, str) or not value.strip():
            self.fail(
                key, "must be non-empty text" if value is not None else "is missing"
            )
        return value.strip()

    def number(
        self, key: str, default: float | None, *, positive: bool = False
    ) -> float:
        value = self.data.pop(key, default)
        if value is None:
            self.fail(key, "is missing")
        if isinstance(value, bool) or not isinstance(value, int | float):
            self.fail(key, f"must be a number, not {value!r}")
        if value < 0 or (positive and value == 0):
            self.fail(key, f"must be {'above' if positive else 'at least'} 0")
        return float(value)

    def texts(self, key: str) -> tuple[str, ...]:
        value = self.data.pop(key, [])
        if not isinstance(value, list) or not all(
            isinstance(v, str) and v.strip() for v in value
        ):
            self.fail(key, "must be a list of texts")
        return tuple(v.strip() for v in value)

    def tables(self, key: str) -> list:
        value = self.data.pop(key, None)
        if not isinstance(value, list) or not value:
            self.fail(key, "must list at least one entry ([[...]] or [{...}])")
        return value

    def done(self) -> None:
        if self.data:
            unknown = ", ".join(sorted(self.data))
            self.fail("", f"has keys this checklist format does not know: {unknown}")


def load_checklist(path: str | Path | None = None) -> Checklist:
    """Read and check a checklist file (the shipped one when ``path`` is None).

    Raises:
        InputFileError: The file is missing, not TOML, or a key is wrong.

    >>> checklist = load_checklist()
    >>> checklist.settings.assist_weight, checklist.kind_of("行政")
    (0.5, 'administrative')
    """
    path = Path(path) if path is not None else shipped_checklist_path()
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise InputFileError(
            f"Checklist {path}: no such file; check the path."
        ) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise InputFileError(
            f"Checklist {path}: cannot be read ({exc}); save it as UTF-8 text."
        ) from exc
    except tomllib.TOMLDecodeError as exc:
        raise InputFileError(
            f"Checklist {path}: not valid TOML ({exc}); fix the file."
        ) from exc
    checklist = parse_checklist(data, source=str(path))
    log.debug("checklist %s: %d kinds", path, len(checklist.kinds))
    return checklist


def parse_checklist(data: dict, *, source: str) -> Checklist:
    """Check a parsed checklist and turn it into a :class:`Checklist`."""
    top = _Reader(source, data, "")
    settings = _settings(_Reader(source, top.data.pop("settings", {}), "settings"))
    kinds_table = _Reader(source, top.data.pop("kinds", None) or {}, "kinds")
    kinds = []
    for kind in CASE_KINDS:
        if kind not in kinds_table.data:
            kinds_table.fail(kind, "is missing; the checklist needs both case kinds")
        kinds.append(_kind(source, kind, kinds_table.data.pop(kind)))
    kinds_table.done()
    top.done()
    written = [(k.kind, w.casefold()) for k in kinds for w in (k.label, *k.aliases)]
    for kind, word in written:
        if any(w == word and other != kind for other, w in written):
            top.fail(f"kinds.{kind}.aliases", f"gives {word!r} to both kinds")
    return Checklist(source=source, settings=settings, kinds=tuple(kinds))


def _settings(table: _Reader) -> QualitySettings:
    defaults = QualitySettings()
    positive = {"lead_weight", "late_registration_days", "closure_days"}
    values = {
        f.name: table.number(
            f.name, getattr(defaults, f.name), positive=f.name in positive
        )
        for f in fields(QualitySettings)
    }
    table.done()
    return QualitySettings(**values)


def _kind(source: str, kind: str, data: object) -> KindChecklist:
    table = _Reader(source, data, f"kinds.{kind}")
    label, label_en = table.text("label"), table.text("label_en", kind)
    aliases = table.texts("aliases")
    categories = []
    for i, item in enumerate(table.tables("categories")):
        categories.append(
            _category(_Reader(source, item, f"kinds.{kind}.categories[{i}]"))
        )
    table.done()
    keys = [c.key for c in categories]
    if len(set(keys)) != len(keys):
        table.fail("categories", "has two categories with the same key")
    return KindChecklist(kind, label, label_en, aliases, tuple(categories))


def _category(table: _Reader) -> ProblemCategory:
    key, label = table.text("key"), table.text("label")
    label_en = table.text("label_en", key)
    points = []
    for i, item in enumerate(table.tables("points")):
        point = _Reader(table.source, item, f"{table.where}.points[{i}]")
        point_key = point.text("key")
        points.append(
            ProblemPoint(
                key=point_key,
                label=point.text("label"),
                label_en=point.text("label_en", point_key),
                points=point.number("points", None),
            )
        )
        point.done()
    table.done()
    if len({p.key for p in points}) != len(points):
        table.fail("points", "has two points with the same key")
    return ProblemCategory(key, label, label_en, tuple(points))
