"""Early warning of likely fraud victims, for prevention officers.

Given the watch-lists of a case (numbers known to be used by fraudsters,
:func:`load_watch_list`) and the case's call and message records, the warning
(:func:`run_warning`) lists the residents those numbers were in contact with
in a window of days, ranked by risk and grouped by the community officer
responsible for each resident's address, so that every officer can call or
visit their residents first (the dispatch list,
:mod:`workstation.services.dispatch_export`).

What counts as a contact: a ``call`` or ``message`` link, started in the
window, with a watched number at one end and a number that is not watched at
the other; a watched number calling the resident, and the resident calling or
texting back (a *callback*). Links between two watched numbers are the
fraudsters' own and are left out. A call of no recorded duration (missed,
unanswered) is still a contact. The resident is whoever the residents list
(``residents`` spec: person ``uses`` phone) gives as the phone's user; a
phone on no list is listed by its number under "no officer", as are residents
whose officer is not recorded, so nobody contacted is dropped.

The risk score adds (weights in ``resources/warning/risk_weights.toml``, see
:func:`workstation.services.warning_weights.load_weights`)::

    contact      * contacts                             1.0 a contact
    call_minute  * min(call minutes, minutes_cap)       0.5 a minute, up to 60
    extra_day    * (days with contact - 1)              2.0 a further day
    extra_number * (distinct watched numbers - 1)       3.0 a further number
    callback     * contacts the resident started        2.0 each
    recent       * max(0, 1 - age / recent_days)        up to 5.0

where ``age`` is the days from the first contact to the end of the window.
Each figure is something a prevention officer reads as a sign the fraud is
being worked: many contacts, long conversations, contact coming back day
after day, several fraud numbers on one person (a target list), a resident
who answers back, and a first contact recent enough that money may not have
moved yet. Ties go to more contacts, then longer calls, then the latest
contact.

Every run is audited: it is a bulk read of residents' personal data.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from workstation.domain.errors import NotFoundError, WorkstationError
from workstation.domain.progress import CancelToken, ProgressCallback, check_cancel
from workstation.domain.warning_records import RiskWeights, WarningResult, WatchList
from workstation.ingest.normalise import DEFAULT_COUNTRY_CODE
from workstation.ingest.watch_list_file import read_watch_list
from workstation.security.hashing import sha256_file
from workstation.security.roles import Permission
from workstation.services.warning_weights import load_weights
from workstation.services.workspace import Workspace
from workstation.store import warning_rows

log = logging.getLogger(__name__)


def load_watch_list(
    ws: Workspace,
    case_number: str,
    file_path: str | Path,
    *,
    name: str | None = None,
    country_code: str = DEFAULT_COUNTRY_CODE,
) -> WatchList:
    """Load a watch-list file into a case, recording who loaded it (audited).

    Args:
        ws: the open workspace.
        case_number: the case.
        file_path: a CSV, TXT or XLSX file, the number in the first column
            and an optional source or note in the second.
        name: what the list is called; the file's name when None.
        country_code: for numbers written without one, as in the importer.

    Returns:
        The stored list.

    Raises:
        NotFoundError: no such case.
        InputFileError: the file is unreadable or has lines that are not
            phone numbers (each named; nothing is loaded then).
    """
    ws.require(Permission.EDIT_CASE)
    case = ws.case(case_number)
    path = Path(file_path)
    with ws.staging_dir("watch-list-") as workdir:
        numbers = read_watch_list(path, Path(workdir), country_code=country_code)
    sha256 = sha256_file(path)
    list_name = (name or path.stem).strip() or path.stem
    with ws.store.transaction():
        list_id = warning_rows.insert_watch_list(
            ws.store,
            case.id,
            name=list_name,
            file_name=path.name,
            file_sha256=sha256,
            loaded_by=ws.user,
            numbers=numbers,
        )
        ws.audit(
            "watchlist.load",
            case.number,
            {
                "list_id": list_id,
                "name": list_name,
                "file": path.name,
                "sha256": sha256,
                "numbers": len(numbers),
                "country_code": country_code,
            },
        )
    log.info(
        "loaded watch-list %s into %s: %d numbers", path.name, case.number, len(numbers)
    )
    return warning_rows.watch_lists(ws.store, case.id, [list_id])[0]


def list_watch_lists(ws: Workspace, case_number: str) -> list[WatchList]:
    """The case's watch-lists, oldest first."""
    case = ws.case(case_number)
    return warning_rows.watch_lists(ws.store, case.id)


def window_bounds(start: date, end: date) -> tuple[datetime, datetime]:
    """The first moment of ``start`` and the moment after ``end`` (both days in).

    >>> window_bounds(date(2026, 10, 1), date(2026, 10, 7))[1]
    datetime.datetime(2026, 10, 8, 0, 0)
    """
    if end < start:
        raise WorkstationError(
            f"The window ends ({end}) before it starts ({start}); give the first "
            "day first."
        )
    first = datetime.combine(start, datetime.min.time())
    return first, datetime.combine(end + timedelta(days=1), datetime.min.time())


def run_warning(
    ws: Workspace,
    case_number: str,
    start: date,
    end: date,
    *,
    list_ids: Sequence[int] | None = None,
    weights: RiskWeights | str | Path | None = None,
    progress: ProgressCallback | None = None,
    cancel: CancelToken | None = None,
) -> WarningResult:
    """The residents contacted by watched numbers from ``start`` to ``end``.

    Args:
        ws: the open workspace.
        case_number: the case holding the call and message records.
        start: the window's first day.
        end: the window's last day (included).
        list_ids: the watch-lists to use; all of the case's when None.
        weights: the risk weights, or a TOML file of them; the shipped
            ones when None.
        progress: told when the query starts and ends.
        cancel: checked before the query.

    Returns:
        The ranked residents, with the lists, window and weights used.

    Raises:
        NotFoundError: no such case, no watch-list in it, or a list id that
            is not the case's.
        WorkstationError: the window ends before it starts.
    """
    case = ws.case(case_number)
    first, after = window_bounds(start, end)
    if not isinstance(weights, RiskWeights):
        weights = load_weights(weights)
    lists = warning_rows.watch_lists(ws.store, case.id, list_ids)
    if not lists:
        raise NotFoundError(
            f"Case {case.number} has no watch-list"
            + (f" with id {', '.join(map(str, list_ids))}" if list_ids else "")
            + "; load one with `workstation watchlist load` first."
        )
    missing = sorted(set(list_ids or ()) - {w.id for w in lists})
    if missing:
        raise NotFoundError(
            f"Case {case.number} has no watch-list with id "
            f"{', '.join(map(str, missing))}; `workstation watchlist list` shows them."
        )
    ids = [w.id for w in lists]
    check_cancel(cancel)
    if progress:
        progress(0, 1, "finding contacts of watched numbers")
    residents = warning_rows.contacted_residents(
        ws.store, case, list_ids=ids, start=first, end=after, weights=weights
    )
    watched = warning_rows.watched_count(ws.store, case.id, ids)
    result = WarningResult(
        case_number=case.number,
        case_title=case.title,
        start=start,
        end=end,
        watch_lists=tuple(lists),
        watched=watched,
        residents=tuple(residents),
        weights=weights,
        run_by=ws.user,
        run_at=datetime.now(UTC).replace(tzinfo=None, microsecond=0),
    )
    # a list of residents contacted by fraudsters is a bulk read of personal data
    ws.audit(
        "warning.run",
        case.number,
        {
            "from": start.isoformat(),
            "to": end.isoformat(),
            "lists": ids,
            "watched_numbers": watched,
            "residents": sum(1 for r in residents if r.listed),
            "unlisted_phones": sum(1 for r in residents if not r.listed),
            "officers": len(result.groups),
            "weights": Path(weights.source).name if weights.source else "given",
        },
    )
    if progress:
        progress(1, 1, "done")
    log.info(
        "warning for %s %s..%s: %d contacted of %d watched numbers",
        case.number,
        start,
        end,
        len(residents),
        watched,
    )
    return result
