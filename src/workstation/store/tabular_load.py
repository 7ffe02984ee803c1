"""Bulk loading of a prepared CSV file into a case, all in SQL.

The file is read once by DuckDB's CSV reader into a staging table (every value
as text, bad lines kept aside in DuckDB's rejects table). Keys are normalised,
values checked and line numbers attached with set-based SQL over that table;
then entities are upserted and links, events and rejected rows inserted, each
with one statement. Nothing is inserted row by row.

The caller holds the transaction (:meth:`CaseStore.transaction`), so a failure
at any step leaves no trace of the import.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Protocol

from workstation.domain.progress import CancelToken, ProgressCallback, check_cancel
from workstation.domain.records import ImportSummary, RejectedRow
from workstation.store.case_store import CaseStore

log = logging.getLogger(__name__)

#: Whitespace trimmed from both ends of non-key values (labels, cells, ...).
_SPACES = " \t\r\n\f\v\u00a0\u3000"
_TRIM = f"^[{_SPACES}]+|[{_SPACES}]+$"
_VALUE_CHARS = 1000
_STAGE = "import_stage"
_CSV_REJECTS = "import_csv_rejects"
_CSV_SCANS = "import_csv_scans"
_LINES = "import_lines"
_NORM = "import_norm"
_PROBLEMS = "import_problems"
_BAD = "import_bad_rows"
_NUMBERED = "import_stage_numbered"
_KEYS = "import_keys_"
_SEEN = "import_seen_keys"
_IDS = "import_ids_"
_STEPS = 6
_NOUNS = {"phone": "phone number", "plate": "plate", "id": "ID number"}
_RECORD_NOTE = (
    " (the file has quoted values that span lines, so 'line' counts records, "
    "header = 1)"
)


class KeyRules(Protocol):
    """How a raw value becomes a key (see ``workstation.ingest.normalise``)."""

    kind: str
    trim: str
    prefix: str
    strip: str
    upper: bool
    rewrites: tuple[tuple[str, str], ...]
    invalid_reason: str
    refuse: tuple[tuple[str, str], ...]
    min_digits: int
    max_digits: int


@dataclass(frozen=True)
class ColumnRef:
    """A column of the staged file: its position and its name in the file."""

    index: int
    name: str

    @property
    def sql(self) -> str:
        """The column's name in the staging table."""
        return f'"c{self.index}"'


@dataclass(frozen=True)
class EntityLoad:
    """One entity per row: its key column and rules, label and attributes."""

    name: str
    type: str
    key: ColumnRef
    rules: KeyRules
    required: bool = True
    label: ColumnRef | None = None
    attributes: tuple[tuple[str, ColumnRef], ...] = ()


@dataclass(frozen=True)
class LinkLoad:
    """One link per row between two of its entities (named as in the spec)."""

    type: str
    source: str
    target: str
    time_formats: tuple[str, ...]
    start_time: ColumnRef | None = None
    duration: ColumnRef | None = None
    weight: ColumnRef | None = None
    cell: ColumnRef | None = None
    attributes: tuple[tuple[str, ColumnRef], ...] = ()


@dataclass(frozen=True)
class EventLoad:
    """One timed event per row about one of its entities."""

    kind: str
    entity: str
    time_formats: tuple[str, ...]
    time: ColumnRef | None = None
    description: ColumnRef | None = None


@dataclass(frozen=True)
class TableLoad:
    """A prepared UTF-8 CSV file and what to make of each of its rows.

    ``physical_lines`` and ``blank_lines`` describe the user's original file,
    which has one line in the CSV copy for each of its own lines.
    """

    csv_path: Path
    columns: tuple[str, ...]
    header: bool
    delimiter: str
    physical_lines: int
    blank_lines: tuple[int, ...]
    entities: tuple[EntityLoad, ...]
    links: tuple[LinkLoad, ...] = ()
    events: tuple[EventLoad, ...] = ()
    new_line: str = "\n"


@dataclass(frozen=True)
class LoadResult:
    """The import's summary, and what the summary record has no field for."""

    summary: ImportSummary
    events_added: int
    record_numbers: bool


@dataclass(frozen=True)
class ImportRecord:
    """What the ``imports`` row says about where the data came from."""

    file_name: str
    file_sha256: str
    spec_name: str
    spec_json: str
    encoding: str
    imported_by: str


# -- SQL text -------------------------------------------------------------------


def sql_text(value: str) -> str:
    """A SQL string literal."""
    return "'" + value.replace("'", "''") + "'"


def _text_list(values) -> str:
    return "[" + ", ".join(sql_text(v) for v in values) + "]"


def _trimmed(column: ColumnRef) -> str:
    """SQL giving a value without surrounding whitespace, NULL when empty.

    Most values have none, and two cheap tests of the first and last character
    spare them the regular expression (a fifth of the import's time otherwise).
    """
    value = column.sql
    first = ", ".join(str(ord(c)) for c in _SPACES)
    last = " OR ".join(f"suffix({value}, {sql_text(c)})" for c in _SPACES)
    trimmed = f"regexp_replace({value}, {sql_text(_TRIM)}, '', 'g')"
    return (
        f"nullif(CASE WHEN ord({value}) NOT IN ({first}) AND NOT ({last}) "
        f"THEN {value} ELSE {trimmed} END, '')"
    )


def _digits(expr: str) -> str:
    return f"length(regexp_replace({expr}, '[^0-9]', '', 'g'))"


def cleaned_sql(rules: KeyRules, expr: str) -> str:
    """SQL giving a value trimmed, unprefixed, stripped and cased (NULL if empty)."""
    text = f"regexp_replace({expr}, {sql_text(rules.trim)}, '', 'g')"
    if rules.prefix:
        prefix = sql_text(rules.prefix)
        text = (
            f"(CASE WHEN starts_with({text}, {prefix}) "
            f"THEN substr({text}, {len(rules.prefix) + 1}) ELSE {text} END)"
        )
    if rules.strip:
        text = f"regexp_replace({text}, {sql_text(rules.strip)}, '', 'g')"
    if rules.upper:
        text = f"upper({text})"
    return f"nullif({text}, '')"


def key_sql(rules: KeyRules, cleaned: str) -> str:
    """SQL giving the key of a cleaned value (NULL when no rewrite matches)."""
    if not rules.rewrites:
        return cleaned
    cases = " ".join(
        f"WHEN regexp_full_match({cleaned}, {sql_text(pattern)}) "
        f"THEN regexp_replace({cleaned}, {sql_text(pattern)}, {sql_text(repl)})"
        for pattern, repl in rules.rewrites
    )
    return f"(CASE {cases} END)"


def key_problem_sql(rules: KeyRules, cleaned: str, key: str) -> str:
    """SQL giving why a cleaned value has no valid key, NULL when it has one."""
    cases = [
        f"WHEN regexp_full_match({cleaned}, {sql_text(pattern)}) "
        f"THEN {sql_text(reason)}"
        for pattern, reason in rules.refuse
    ]
    if rules.rewrites:
        cases.append(f"WHEN {key} IS NULL THEN {sql_text(rules.invalid_reason)}")
    if rules.min_digits:
        count = _digits(cleaned)
        cases.append(
            f"WHEN {count} < {rules.min_digits} THEN 'has too few digits (' "
            f"|| {count} || '; at least {rules.min_digits})'"
        )
    if rules.max_digits:
        count, written = _digits(key), _digits(cleaned)
        code = (
            f"CASE WHEN {count} > {written} "
            f"THEN ', ' || {count} || ' with the country code' ELSE '' END"
        )
        cases.append(
            f"WHEN {count} > {rules.max_digits} THEN 'has too many digits (' "
            f"|| {written} || {code} || '; at most {rules.max_digits})'"
        )
    if not cases:
        return "CAST(NULL AS VARCHAR)"
    return f"(CASE WHEN {cleaned} IS NULL THEN NULL {' '.join(cases)} END)"


def normalise_with_sql(
    store: CaseStore, rules: KeyRules, values: list[str | None]
) -> list[tuple[str | None, str | None]]:
    """``(key, problem)`` of each value, computed by the loader's SQL.

    The key is None when the value is empty or has a problem, as with the
    Python rules in ``workstation.ingest.normalise``.
    """
    cleaned = cleaned_sql(rules, "v")
    key = key_sql(rules, "s")
    sql = (
        f"SELECT CASE WHEN p IS NULL THEN k END, p FROM ("
        f"SELECT i, s, k, {key_problem_sql(rules, 's', 'k')} AS p FROM ("
        f"SELECT i, s, {key} AS k FROM ("
        f"SELECT i, {cleaned} AS s FROM ("
        f"SELECT unnest(range(len($1))) AS i, unnest($1) AS v)))) ORDER BY i"
    )
    return [tuple(r) for r in store.execute(sql, [values]).fetchall()]


def _new_line(characters: str) -> str:
    """The CSV reader's ``new_line`` option for LF or CRLF line ends."""
    return sql_text(characters.replace("\r", "\\r").replace("\n", "\\n"))


def _json_object(pairs: tuple[tuple[str, ColumnRef], ...]) -> str:
    if not pairs:
        return "CAST(NULL AS VARCHAR)"
    body = ", ".join(f"{sql_text(name)}, {_trimmed(col)}" for name, col in pairs)
    merged = f"CAST(json_merge_patch('{{}}', json_object({body})) AS VARCHAR)"
    return f"nullif({merged}, '{{}}')"


# -- the load ---------------------------------------------------------------------


class _Loader:
    def __init__(
        self,
        store: CaseStore,
        case_id: int,
        table: TableLoad,
        progress: ProgressCallback | None,
        cancel: CancelToken | None,
    ) -> None:
        self.store = store
        self.case_id = int(case_id)
        self.table = table
        self.progress = progress
        self.cancel = cancel
        self.step = 0
        self.entity_index = {e.name: i for i, e in enumerate(table.entities)}
        self.record_mode = False
        # entities with the same rules share one table of their distinct values
        # (_KEYS + group), and those of one type too one value -> id map (_IDS)
        self.groups: list[KeyRules] = []
        self.entity_group: list[int] = []
        self.maps: list[tuple[str, int]] = []
        self.entity_map: list[int] = []
        for entity in table.entities:
            if entity.rules not in self.groups:
                self.groups.append(entity.rules)
            group = self.groups.index(entity.rules)
            if (entity.type, group) not in self.maps:
                self.maps.append((entity.type, group))
            self.entity_group.append(group)
            self.entity_map.append(self.maps.index((entity.type, group)))

    def report(self, message: str) -> None:
        check_cancel(self.cancel)
        self.step += 1
        if self.progress:
            self.progress(self.step, _STEPS, message)

    def run(self, sql: str, params: list | None = None):
        return self.store.execute(sql, params)

    def count(self, sql: str, params: list | None = None) -> int:
        return int(self.run(sql, params).fetchone()[0])

    # steps ------------------------------------------------------------------

    def stage(self) -> None:
        t = self.table
        columns = ", ".join(f"'c{i}': 'VARCHAR'" for i in range(len(t.columns)))
        self.run(
            f"CREATE TEMP TABLE {_STAGE} AS SELECT * FROM read_csv(?, "
            "all_varchar = true, auto_detect = false, store_rejects = true, "
            f"rejects_table = '{_CSV_REJECTS}', rejects_scan = '{_CSV_SCANS}', "
            f"header = {str(t.header).lower()}, delim = {sql_text(t.delimiter)}, "
            f"quote = '\"', escape = '\"', new_line = {_new_line(t.new_line)}, "
            f"columns = {{{columns}}})",
            [str(t.csv_path)],
        )
        first, last_row, staged = self.run(
            f"SELECT min(rowid), max(rowid), count(*) FROM {_STAGE}"
        ).fetchone()
        if staged and last_row - first + 1 != staged:
            # row ids with gaps: number the records in file order instead
            self.run(
                f"CREATE TEMP TABLE {_NUMBERED} AS SELECT * FROM {_STAGE} "
                "ORDER BY rowid"
            )
            self.run(f"DROP TABLE {_STAGE}")
            self.run(f"ALTER TABLE {_NUMBERED} RENAME TO {_STAGE}")
            first = self.count(f"SELECT min(rowid) FROM {_STAGE}")
        #: record numbers (from 1) of the staged rows
        self.rec_sql = f"(st.rowid - {int(first or 0) - 1})"
        rejected = self.count(f"SELECT count(DISTINCT line) FROM {_CSV_REJECTS}")
        header = int(t.header)
        expected = header + staged + rejected + len(t.blank_lines)
        self.record_mode = expected != t.physical_lines
        if self.record_mode:
            log.info(
                "%s: %d lines hold %d records; reporting record numbers",
                t.csv_path.name,
                t.physical_lines,
                staged + rejected,
            )
            last, blanks = header + staged + rejected, []
        else:
            last, blanks = t.physical_lines, list(t.blank_lines)
        self.staged, self.csv_rejected = staged, rejected
        # record n is on line n + header unless lines were skipped before it
        self.line_table = bool(rejected or blanks)
        if not self.line_table:
            return
        self.run(
            f"CREATE TEMP TABLE {_LINES} AS SELECT row_number() OVER (ORDER BY line) "
            "AS rec, line FROM (SELECT range AS line FROM range(?, ?) "
            f"WHERE range NOT IN (SELECT line FROM {_CSV_REJECTS} "
            "WHERE line IS NOT NULL) "
            "AND range NOT IN (SELECT unnest(CAST(? AS BIGINT[]))))",
            [header + 1, last + 1, blanks],
        )

    def distinct_keys(self) -> None:
        """Normalise each distinct key value once, for all the rows holding it.

        A group's table holds every value of its key columns with its key, its
        problem, whether it is empty once cleaned, and where in the file it is
        first seen (:meth:`_place`); its ``rowid`` numbers the value for the
        joins that follow.
        """
        for g, rules in enumerate(self.groups):
            values = " UNION ALL ".join(
                f"SELECT {e.key.sql} AS raw, {self._place(self.rec_sql, i)} AS place "
                f"FROM {_STAGE} st"
                for i, (e, group) in enumerate(
                    zip(self.table.entities, self.entity_group, strict=True)
                )
                if group == g
            )
            self.run(
                f"CREATE TEMP TABLE {_KEYS}{g} AS SELECT raw, k AS key, "
                f"{key_problem_sql(rules, 's', 'k')} AS problem, s IS NULL AS empty, "
                "first "
                f"FROM (SELECT *, {key_sql(rules, 's')} AS k "
                f"FROM (SELECT *, {cleaned_sql(rules, 'raw')} AS s "
                "FROM (SELECT raw, min(place) AS first "
                f"FROM ({values}) WHERE raw IS NOT NULL GROUP BY raw)))"
            )

    def _rows_sql(self, where: str = "") -> str:
        """Every staged row with its derived values and one reason per check.

        Level 1 numbers the records, joins each key value to its normalised
        form and trims values; level 2 derives times, numbers and texts; level
        3 states each value's problem (NULL when there is none).
        """
        header = int(self.table.header)
        joins = [f"{_STAGE} st"]
        level1 = [f"{self.rec_sql} AS rec", "st.*"]
        if self.line_table:
            joins.append(f"LEFT JOIN {_LINES} ln ON ln.rec = {self.rec_sql}")
            level1.append("ln.line")
        else:
            level1.append(f"{self.rec_sql} + {header} AS line")
        for i, entity in enumerate(self.table.entities):
            g = self.entity_group[i]
            joins.append(f"LEFT JOIN {_KEYS}{g} k{i} ON k{i}.raw = st.{entity.key.sql}")
            level1.append(f"k{i}.rowid AS e{i}_rid")
            level1.append(f"k{i}.problem AS e{i}_problem")
            level1.append(f"coalesce(k{i}.empty, true) AS e{i}_empty")
        self.level1, self.level2 = level1, ["*"]
        self.checks: list[tuple[str, str, str]] = []  # column, value, reason sql
        for i, entity in enumerate(self.table.entities):
            self._entity_fields(i, entity)
        for i, link in enumerate(self.table.links):
            self._link_fields(i, link)
        for i, event in enumerate(self.table.events):
            self._time_field(f"v{i}", event.time, event.time_formats)
            text = _trimmed(event.description) if event.description else "''"
            self.level2.append(f"coalesce({text}, '') AS v{i}_description")
        reasons = "".join(
            f", {reason} AS r{n}" for n, (_, _, reason) in enumerate(self.checks)
        )
        return (
            f"SELECT *{reasons} FROM (SELECT {', '.join(self.level2)} "
            f"FROM (SELECT {', '.join(self.level1)} FROM {' '.join(joins)} {where}))"
        )

    def normalise(self) -> None:
        """Build the table of normalised rows in one pass over the staged rows."""
        self.distinct_keys()
        rows = self._rows_sql()
        rejected = " OR ".join(f"r{n} IS NOT NULL" for n in range(len(self.checks)))
        keep = ["rec", "line"]
        for i, entity in enumerate(self.table.entities):
            keep.append(f"e{i}_rid")
            if entity.label:
                keep.append(f"e{i}_label")
            if entity.attributes:
                keep.append(f"e{i}_attrs")
        for i, link in enumerate(self.table.links):
            keep += [f"l{i}_time", f"l{i}_duration", f"l{i}_weight", f"l{i}_cell"]
            if link.attributes:
                keep.append(f"l{i}_attrs")
        for i in range(len(self.table.events)):
            keep += [f"v{i}_time", f"v{i}_description"]
        self.run(
            f"CREATE TEMP TABLE {_NORM} AS SELECT {', '.join(keep)}, "
            f"{rejected or 'false'} AS rejected FROM ({rows})"
        )
        self.loaded = self.count(f"SELECT count(*) FROM {_NORM} WHERE NOT rejected")
        self.run(
            f"CREATE TEMP TABLE {_PROBLEMS} (rec BIGINT, line BIGINT, "
            "column_name VARCHAR, value VARCHAR, reason VARCHAR)"
        )
        if not self.checks or self.loaded == self.staged:
            return
        # the reasons are spelt out again for the rejected rows only
        bad = self._rows_sql(
            f"WHERE {self.rec_sql} IN (SELECT rec FROM {_NORM} WHERE rejected)"
        )
        values = "".join(
            f", left({value}, {_VALUE_CHARS}) AS value{n}, r{n}"
            for n, (_, value, _) in enumerate(self.checks)
        )
        self.run(f"CREATE TEMP TABLE {_BAD} AS SELECT rec, line{values} FROM ({bad})")
        parts = [
            f"SELECT rec, line, {sql_text(column)}, value{n}, r{n} FROM {_BAD} "
            f"WHERE r{n} IS NOT NULL"
            for n, (column, _, _) in enumerate(self.checks)
        ]
        self.run(f"INSERT INTO {_PROBLEMS} {' UNION ALL '.join(parts)}")

    def _entity_fields(self, i: int, entity: EntityLoad) -> None:
        label = _trimmed(entity.label) if entity.label else "CAST(NULL AS VARCHAR)"
        self.level2.append(f"{label} AS e{i}_label")
        self.level2.append(f"{_json_object(entity.attributes)} AS e{i}_attrs")
        raw = entity.key.sql
        noun = _NOUNS.get(entity.rules.kind, entity.type)
        # the text is built only for the rows that have a problem
        reason = (
            f"WHEN e{i}_problem IS NOT NULL "
            f"THEN '{noun} ''' || {raw} || ''' ' || e{i}_problem"
        )
        if entity.required:
            empty = sql_text(
                f"{entity.key.name} is empty; every row needs a {entity.type} key"
            )
            reason = f"WHEN e{i}_empty THEN {empty} {reason}"
        reason = f"CASE {reason} END"
        self.checks.append((entity.key.name, raw, reason))

    def _time_field(self, prefix: str, column: ColumnRef | None, formats) -> None:
        if column is None:
            self.level2.append(f"CAST(NULL AS TIMESTAMP) AS {prefix}_time")
            return
        text = f"{prefix}_time_text"
        self.level1.append(f"{_trimmed(column)} AS {text}")
        self.level2.append(
            f"try_strptime({text}, {_text_list(formats)}) AS {prefix}_time"
        )
        example = ", ".join(formats[:2])
        reason = (
            f"CASE WHEN {text} IS NOT NULL AND {prefix}_time IS NULL THEN "
            f"'''' || {text} || ''' is not a date and time this spec reads "
            f"(formats {example}...; set time_formats in the spec)' END"
        )
        self.checks.append((column.name, column.sql, reason))

    def _number_field(
        self, name: str, column: ColumnRef | None, what: str, *, negative: bool
    ) -> None:
        if column is None:
            self.level2.append(f"CAST(NULL AS DOUBLE) AS {name}")
            return
        text = f"{name}_text"
        self.level1.append(f"{_trimmed(column)} AS {text}")
        self.level2.append(f"TRY_CAST({text} AS DOUBLE) AS {name}")
        sign = ""
        if not negative:
            sign = f"WHEN {name} < 0 THEN '''' || {text} || ''' is negative' "
        reason = (
            f"CASE WHEN {text} IS NULL THEN NULL "
            f"WHEN {name} IS NULL OR NOT isfinite({name}) THEN "
            f"'''' || {text} || ''' is not a {what}' {sign}END"
        )
        self.checks.append((column.name, column.sql, reason))

    def _link_fields(self, i: int, link: LinkLoad) -> None:
        p = f"l{i}"
        self._time_field(p, link.start_time, link.time_formats)
        self._number_field(
            f"{p}_duration", link.duration, "number of seconds", negative=False
        )
        self._number_field(f"{p}_weight", link.weight, "number", negative=True)
        cell = _trimmed(link.cell) if link.cell else "CAST(NULL AS VARCHAR)"
        self.level2.append(f"{cell} AS {p}_cell")
        self.level2.append(f"{_json_object(link.attributes)} AS {p}_attrs")

    def _place(self, rec: str, i: int) -> str:
        """SQL numbering entity ``i`` of record ``rec`` in file order."""
        return f"({rec} * {len(self.table.entities)} + {i})"

    def _keys_are_seen(self, m: int) -> bool:
        """Whether the keys of value-to-id map ``m`` are all its entities.

        They are when every row was loaded (so every valid key is on a loaded
        row), the map's entities carry no labels or attributes, and no entity
        of another type shares the map's table of values: the table then says
        all there is to know, without a pass over every row.
        """
        if self.loaded != self.staged:
            return False
        group = self.maps[m][1]
        for i, entity in enumerate(self.table.entities):
            if self.entity_group[i] != group:
                continue
            if self.entity_map[i] != m or entity.label or entity.attributes:
                return False
        return True

    def upsert_entities(self, import_id: int) -> int:
        """Add the entities new to the case and update the others' labels.

        Every distinct key of the loaded rows is found once, with the first
        row it is on; keys the case lacks are inserted (in order of first
        appearance), and for keys it has, a label replaces an empty one or one
        that only repeats the key, and attributes are merged.
        """
        per_value = []
        for m, (type_, g) in enumerate(self.maps):
            if self._keys_are_seen(m):
                per_value.append(
                    f"SELECT {sql_text(type_)} AS type, key, first, "
                    "CAST(NULL AS VARCHAR) AS label, NULL AS label_rec, "
                    "CAST(NULL AS VARCHAR) AS attrs, NULL AS attrs_rec "
                    f"FROM {_KEYS}{g} WHERE key IS NOT NULL"
                )
                continue
            rows = " UNION ALL ".join(
                f"SELECT {self._place('rec', i)} AS place, e{i}_rid AS rid, rec, "
                + (f"e{i}_label" if entity.label else "CAST(NULL AS VARCHAR)")
                + " AS label, "
                + (f"e{i}_attrs" if entity.attributes else "CAST(NULL AS VARCHAR)")
                + f" AS attrs FROM {_NORM} WHERE NOT rejected AND e{i}_rid IS NOT NULL"
                for i, entity in enumerate(self.table.entities)
                if self.entity_map[i] == m
            )
            per_value.append(
                f"SELECT {sql_text(type_)} AS type, k.key, v.* EXCLUDE (rid) FROM ("
                "SELECT rid, min(place) AS first, "
                "arg_min(label, rec) FILTER (WHERE label IS NOT NULL) AS label, "
                "min(rec) FILTER (WHERE label IS NOT NULL) AS label_rec, "
                "arg_min(attrs, rec) FILTER (WHERE attrs IS NOT NULL) AS attrs, "
                "min(rec) FILTER (WHERE attrs IS NOT NULL) AS attrs_rec "
                f"FROM ({rows}) GROUP BY rid) v "
                f"JOIN {_KEYS}{g} k ON k.rowid = v.rid WHERE k.key IS NOT NULL"
            )
        self.run(
            f"CREATE TEMP TABLE {_SEEN} AS SELECT type, key, min(first) AS first, "
            "coalesce(arg_min(label, label_rec) FILTER "
            "(WHERE label IS NOT NULL), key) AS label, "
            "arg_min(attrs, attrs_rec) FILTER (WHERE attrs IS NOT NULL) AS attrs "
            f"FROM ({' UNION ALL '.join(per_value)}) GROUP BY type, key"
        )
        case = self.case_id
        added = self.count(
            "INSERT INTO entities (case_id, type, key, label, attributes, import_id) "
            f"SELECT {case}, type, key, label, attrs, {int(import_id)} "
            f"FROM {_SEEN} s WHERE NOT EXISTS (SELECT 1 FROM entities e "
            f"WHERE e.case_id = {case} AND e.type = s.type AND e.key = s.key) "
            "ORDER BY first"
        )
        relabel = "(e.label = '' OR (e.label = e.key AND s.label <> s.key))"
        self.run(
            f"UPDATE entities e SET label = CASE WHEN {relabel} THEN s.label "
            "ELSE e.label END, attributes = CASE WHEN s.attrs IS NULL "
            "THEN e.attributes "
            "ELSE json_merge_patch(coalesce(e.attributes, '{}'), s.attrs) END "
            f"FROM {_SEEN} s WHERE e.case_id = {case} AND e.type = s.type "
            f"AND e.key = s.key AND e.import_id IS DISTINCT FROM {int(import_id)} "
            f"AND ({relabel} OR s.attrs IS NOT NULL)"
        )
        for m, (type_, g) in enumerate(self.maps):
            self.run(
                f"CREATE TEMP TABLE {_IDS}{m} AS SELECT k.rowid AS rid, e.id "
                f"FROM {_KEYS}{g} k JOIN entities e ON e.case_id = {case} "
                f"AND e.type = {sql_text(type_)} AND e.key = k.key"
            )
        return added

    def _entity_join(self, alias: str, name: str) -> str:
        i = self.entity_index[name]
        return f"JOIN {_IDS}{self.entity_map[i]} {alias} ON {alias}.rid = g.e{i}_rid"

    def insert_links(self, import_id: int) -> int:
        added = 0
        for i, link in enumerate(self.table.links):
            p = f"l{i}"
            attrs = f"g.{p}_attrs" if link.attributes else "NULL"
            added += self.count(
                "INSERT INTO links (case_id, type, source_id, target_id, start_time, "
                "duration_s, weight, cell, attributes, import_id, source_line) "
                f"SELECT {self.case_id}, {sql_text(link.type)}, s.id, t.id, "
                f"g.{p}_time, CAST(round(g.{p}_duration) AS BIGINT), "
                f"coalesce(g.{p}_weight, 1.0), g.{p}_cell, {attrs}, "
                f"{int(import_id)}, g.line FROM {_NORM} g "
                f"{self._entity_join('s', link.source)} "
                f"{self._entity_join('t', link.target)} "
                "WHERE NOT g.rejected ORDER BY g.rec"
            )
        return added

    def insert_events(self, import_id: int) -> int:
        added = 0
        for i, event in enumerate(self.table.events):
            p = f"v{i}"
            added += self.count(
                "INSERT INTO events (case_id, kind, occurred_at, entity_id, "
                f"description, import_id) SELECT {self.case_id}, "
                f"{sql_text(event.kind)}, g.{p}_time, s.id, g.{p}_description, "
                f"{int(import_id)} FROM {_NORM} g "
                f"{self._entity_join('s', event.entity)} WHERE NOT g.rejected "
                "ORDER BY g.rec"
            )
        return added

    def insert_rejects(self, import_id: int) -> int:
        names = " ".join(
            f"WHEN 'c{i}' THEN {sql_text(name)}"
            for i, name in enumerate(self.table.columns)
        )
        note = sql_text(_RECORD_NOTE if self.record_mode else "")
        line_text = "csv_line"
        if self.table.new_line == "\r\n":
            # the reader's copy of a CRLF line starts after the CR before it
            line_text = "ltrim(rtrim(csv_line, chr(13)), chr(10))"
        header = int(self.table.header)
        self.run(
            "INSERT INTO import_rejects (import_id, line, column_name, value, reason) "
            f"SELECT {int(import_id)}, line, column_name, value, "
            f"reason || {note} FROM ("
            "SELECT line, CASE WHEN kind IN ('MISSING COLUMNS', 'TOO MANY COLUMNS') "
            f"THEN NULL ELSE CASE column_name {names} END END AS column_name, "
            f"left({line_text}, {_VALUE_CHARS}) AS value, "
            "CASE WHEN kind IN ('MISSING COLUMNS', 'TOO MANY COLUMNS') THEN "
            "'wrong number of columns: ' || regexp_replace(message, "
            "'^Expected Number of Columns: ([0-9]+) Found: ([0-9]+).*$', "
            "'expected \\1, found \\2') "
            "WHEN kind = 'UNQUOTED VALUE' THEN 'a quoted value is not closed or is "
            "followed by text (' || message || ')' "
            "WHEN kind = 'LINE SIZE OVER MAXIMUM' THEN 'the line is longer than the "
            "reader allows (2 MiB); split the field or fix the line' "
            "ELSE kind || ': ' || coalesce(message, 'the line could not be read') "
            "END AS reason FROM ("
            # errors of a whole line (e.g. too long) have no column index
            "SELECT line, "
            "arg_min(column_name, coalesce(column_idx, -1)) AS column_name, "
            "arg_min(csv_line, coalesce(column_idx, -1)) AS csv_line, "
            "CAST(arg_min(error_type, coalesce(column_idx, -1)) AS VARCHAR) AS kind, "
            "arg_min(error_message, coalesce(column_idx, -1)) AS message "
            f"FROM {_CSV_REJECTS} GROUP BY line) "
            "UNION ALL "
            f"SELECT coalesce(line, rec + {header}), column_name, value, reason "
            f"FROM {_PROBLEMS}) ORDER BY line, column_name"
        )
        return self.count(
            "SELECT count(DISTINCT line) FROM import_rejects WHERE import_id = ?",
            [import_id],
        )

    def drop_temp_tables(self) -> None:
        names = self.run(
            "SELECT table_name FROM duckdb_tables() WHERE temporary "
            "AND starts_with(table_name, 'import_')"
        ).fetchall()
        for (name,) in names:
            self.run(f"DROP TABLE IF EXISTS temp.{name}")


def load_table(
    store: CaseStore,
    case_id: int,
    table: TableLoad,
    record: ImportRecord,
    *,
    progress: ProgressCallback | None = None,
    cancel: CancelToken | None = None,
) -> LoadResult:
    """Load a prepared table into a case and record the import.

    Args:
        store: the workspace database.
        case_id: the case receiving the data.
        table: the prepared file and its mapping.
        record: the file's provenance for the ``imports`` row.
        progress: called after each of the load's steps.
        cancel: checked between steps.

    Returns:
        What was read, loaded and rejected; ``record_numbers`` tells that line
        numbers count records because values span lines.
    """
    loader = _Loader(store, case_id, table, progress, cancel)
    with store.transaction():
        loader.drop_temp_tables()
        loader.report("reading the file into a staging table")
        loader.stage()
        loader.report("normalising keys and checking values")
        loader.normalise()
        import_id = loader.count("SELECT nextval('seq_imports')")
        loader.report("adding entities")
        entities_added = loader.upsert_entities(import_id)
        loader.report("adding links and events")
        links_added = loader.insert_links(import_id)
        events_added = loader.insert_events(import_id)
        loaded = loader.loaded
        rows_read = loader.staged + loader.csv_rejected
        loader.report("recording rejected rows")
        store.execute(
            "INSERT INTO imports (id, case_id, file_name, file_sha256, spec_name, "
            "spec, encoding, rows_read, rows_loaded, rows_rejected, imported_by) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                import_id,
                loader.case_id,
                record.file_name,
                record.file_sha256,
                record.spec_name,
                record.spec_json,
                record.encoding,
                rows_read,
                loaded,
                rows_read - loaded,
                record.imported_by,
            ],
        )
        loader.insert_rejects(import_id)
        loader.drop_temp_tables()
        loader.report("done")
    log.info(
        "import %d: %d rows read, %d loaded, %d entities, %d links, %d events",
        import_id,
        rows_read,
        loaded,
        entities_added,
        links_added,
        events_added,
    )
    summary = ImportSummary(
        import_id=import_id,
        file_name=record.file_name,
        encoding=record.encoding,
        rows_read=rows_read,
        rows_loaded=loaded,
        entities_added=entities_added,
        links_added=links_added,
        rejected=tuple(list_import_rejects(store, import_id)),
    )
    return LoadResult(summary, events_added, loader.record_mode)


def import_exists(store: CaseStore, import_id: int) -> bool:
    """Whether an import with this id was recorded."""
    return bool(
        store.execute(
            "SELECT count(*) FROM imports WHERE id = ?", [import_id]
        ).fetchone()[0]
    )


def earlier_import(
    store: CaseStore, case_id: int, file_sha256: str, spec_name: str
) -> tuple[int, str, str, datetime] | None:
    """The first import of this file's content into the case with this spec.

    Returns:
        Its id, file name, who imported it and when, or None.
    """
    return store.execute(
        "SELECT id, file_name, imported_by, imported_at FROM imports "
        "WHERE case_id = ? AND file_sha256 = ? AND spec_name = ? ORDER BY id LIMIT 1",
        [case_id, file_sha256, spec_name],
    ).fetchone()


def list_import_rejects(store: CaseStore, import_id: int) -> list[RejectedRow]:
    """The rejected rows of one import, by line."""
    rows = store.execute(
        "SELECT line, column_name, value, reason FROM import_rejects "
        "WHERE import_id = ? ORDER BY line NULLS LAST, column_name",
        [import_id],
    ).fetchall()
    return [RejectedRow(*row) for row in rows]
