"""Watch-list rows and the early-warning query over a case's calls and messages.

:func:`contacted_residents` is one SQL statement: it finds the links of type
``call`` and ``message`` in the window with a watched number at exactly one
end, takes the other end as the contacted phone, gives each phone to the
persons who use it (``uses`` links), adds up the figures per person (or per
phone when no person uses it), scores and ranks them. Nothing is looped over
in Python, so it stays fast on tens of millions of call records.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from workstation.domain.records import Case
from workstation.domain.warning_records import (
    ContactedResident,
    RiskWeights,
    WatchList,
    WatchNumber,
)
from workstation.store.case_store import CaseStore

_LIST_COLUMNS = (
    "w.id, c.number, w.name, w.file_name, w.file_sha256, w.numbers, w.loaded_by, "
    "w.loaded_at"
)


def insert_watch_list(
    store: CaseStore,
    case_id: int,
    *,
    name: str,
    file_name: str,
    file_sha256: str,
    loaded_by: str,
    numbers: Sequence[WatchNumber],
) -> int:
    """Store a watch-list and its numbers (each key once); return its id."""
    list_id = store.execute("SELECT nextval('seq_watch_lists')").fetchone()[0]
    store.execute(
        "INSERT INTO watch_lists (id, case_id, name, file_name, file_sha256, "
        "numbers, loaded_by) VALUES (?, ?, ?, ?, ?, ?, ?)",
        [list_id, case_id, name, file_name, file_sha256, len(numbers), loaded_by],
    )
    store.execute(
        "INSERT INTO watch_numbers (list_id, case_id, phone_key, written, source, "
        "line) SELECT ?, ?, k, w, s, n FROM (SELECT unnest(?) AS k, unnest(?) AS w, "
        "unnest(?) AS s, unnest(CAST(? AS BIGINT[])) AS n)",
        [
            list_id,
            case_id,
            [n.key for n in numbers],
            [n.written for n in numbers],
            [n.source for n in numbers],
            [n.line for n in numbers],
        ],
    )
    return int(list_id)


def watch_lists(
    store: CaseStore, case_id: int, list_ids: Sequence[int] | None = None
) -> list[WatchList]:
    """The case's watch-lists (only ``list_ids`` when given), oldest first."""
    sql = (
        f"SELECT {_LIST_COLUMNS} FROM watch_lists w JOIN cases c ON c.id = w.case_id "
        "WHERE w.case_id = ?"
    )
    params: list = [case_id]
    if list_ids is not None:
        sql += " AND list_contains(CAST(? AS BIGINT[]), w.id)"
        params.append(list(list_ids))
    rows = store.execute(sql + " ORDER BY w.id", params).fetchall()
    return [WatchList(*row) for row in rows]


def watched_count(store: CaseStore, case_id: int, list_ids: Sequence[int]) -> int:
    """How many distinct numbers the given lists watch."""
    return int(
        store.execute(
            "SELECT count(DISTINCT phone_key) FROM watch_numbers WHERE case_id = ? "
            "AND list_contains(CAST(? AS BIGINT[]), list_id)",
            [case_id, list(list_ids)],
        ).fetchone()[0]
    )


#: The contacts: a call or message in the window at one end watched, the other not.
_CONTACT = """
    SELECT l.id, l.type, l.start_time, l.duration_s, l.{other}_id AS phone_id,
           w.key AS watched_key, {callback} AS callback
    FROM links l JOIN watched w ON w.id = l.{end}_id
    WHERE l.case_id = $case AND l.type IN ('call', 'message')
      AND l.start_time >= $start AND l.start_time < $end
      AND l.{other}_id NOT IN (SELECT id FROM watched)
"""

_QUERY = f"""
WITH watched AS (
    SELECT DISTINCT e.id, e.key
    FROM entities e JOIN watch_numbers n
      ON n.case_id = e.case_id AND n.phone_key = e.key
    WHERE e.case_id = $case AND e.type = 'phone'
      AND list_contains($lists, n.list_id)
),
contacts AS (
    -- a watched number called or texted the resident (or was called back)
    {_CONTACT.format(end="source", other="target", callback="false")}
    UNION ALL
    {_CONTACT.format(end="target", other="source", callback="true")}
),
holders AS (
    SELECT DISTINCT u.source_id AS person_id, u.target_id AS phone_id
    FROM links u JOIN entities p ON p.id = u.source_id AND p.type = 'person'
    WHERE u.case_id = $case AND u.type = 'uses'
      AND u.target_id IN (SELECT phone_id FROM contacts)
),
per_holder AS (
    SELECT coalesce(h.person_id, c.phone_id) AS holder_id,
           h.person_id IS NOT NULL AS listed,
           count(*) AS contacts,
           count_if(c.type = 'call') AS calls,
           count_if(c.type = 'message') AS messages,
           coalesce(sum(c.duration_s) FILTER (WHERE c.type = 'call'), 0)
               AS call_seconds,
           array_to_string(list_sort(list(DISTINCT c.watched_key)), ' ')
               AS watched_numbers,
           array_to_string(list_sort(list(DISTINCT pe.key)), ' ') AS phones,
           count(DISTINCT c.watched_key) AS numbers,
           count(DISTINCT CAST(c.start_time AS DATE)) AS days,
           count_if(c.callback) AS callbacks,
           min(c.start_time) AS first_contact,
           max(c.start_time) AS last_contact
    FROM contacts c JOIN entities pe ON pe.id = c.phone_id
    LEFT JOIN holders h USING (phone_id)
    GROUP BY ALL
),
scored AS (
    SELECT g.*, e.key AS resident_key,
           CASE WHEN g.listed THEN e.label ELSE '' END AS name,
           coalesce(json_extract_string(e.attributes, '$.officer'), '') AS officer,
           coalesce(json_extract_string(e.attributes, '$.address'), '') AS address,
           coalesce(json_extract_string(e.attributes, '$.community'), '')
               AS community,
           round(
               $w_contact * g.contacts
               + $w_minute * least(g.call_seconds / 60.0, $minutes_cap)
               + $w_day * (g.days - 1)
               + $w_number * (g.numbers - 1)
               + $w_callback * g.callbacks
               + $w_recent * greatest(0.0, 1.0 - (epoch($end) - epoch(g.first_contact))
                   / 86400.0 / $recent_days),
               2) AS score
    FROM per_holder g JOIN entities e ON e.id = g.holder_id
)
SELECT score, officer, resident_key, name, listed, phones, address, community,
       contacts, calls, messages, call_seconds, watched_numbers, days, callbacks,
       first_contact, last_contact
FROM scored s
ORDER BY score DESC, contacts DESC, call_seconds DESC, last_contact DESC,
         resident_key
"""


def contacted_residents(
    store: CaseStore,
    case: Case,
    *,
    list_ids: Sequence[int],
    start: datetime,
    end: datetime,
    weights: RiskWeights,
) -> list[ContactedResident]:
    """Residents contacted by the lists' numbers in ``[start, end)``, ranked.

    Args:
        store: the workspace database.
        case: the case whose links are searched.
        list_ids: the watch-lists whose numbers are watched.
        start: the first moment of the window.
        end: the moment after the window (exclusive).
        weights: the risk score's weights.

    Returns:
        One row per person, or per phone no person uses, highest risk first.
    """
    params = {
        "case": case.id,
        "lists": list(list_ids),
        "start": start,
        "end": end,
        "w_contact": weights.contact,
        "w_minute": weights.call_minute,
        "minutes_cap": weights.minutes_cap,
        "w_day": weights.extra_day,
        "w_number": weights.extra_number,
        "w_callback": weights.callback,
        "w_recent": weights.recent,
        "recent_days": weights.recent_days,
    }
    rows = store.execute(_QUERY, params).fetchall()
    # the columns are in the record's order; the keys (never blank) come joined
    # by blanks, which Python splits faster than it converts lists
    return [
        ContactedResident(
            rank,
            *row[:5],
            tuple(row[5].split()),
            *row[6:12],
            tuple(row[12].split()),
            *row[13:],
        )
        for rank, row in enumerate(rows, start=1)
    ]
