"""Records of the fraud early warning: watch-lists, risk weights and the result.

They cross every layer (the store fills them, the reports print them, the UI
shows them) and threads, so they are frozen and hold only plain values.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime


@dataclass(frozen=True)
class WatchNumber:
    """One number of a watch-list file.

    Attributes:
        key: the number normalised as the importer does (``+8613800138000``).
        written: the number as the file wrote it.
        source: the file's source or note column ("" when none).
        line: the line (sheet row) of the file it came from.
    """

    key: str
    written: str
    source: str = ""
    line: int = 0


@dataclass(frozen=True)
class WatchList:
    """A watch-list stored in a case: who loaded which file, when."""

    id: int
    case_number: str
    name: str
    file_name: str
    file_sha256: str
    numbers: int
    loaded_by: str
    loaded_at: datetime


@dataclass(frozen=True)
class RiskWeights:
    """How the risk score adds up; see :mod:`workstation.services.fraud_warning`.

    Attributes:
        contact: points per contact (call or message) with a watched number.
        call_minute: points per minute of call time, counted up to
            ``minutes_cap`` minutes.
        minutes_cap: call minutes beyond this add nothing.
        extra_day: points per day with contact after the first.
        extra_number: points per distinct watched number after the first.
        callback: points per call or message the resident made to a
            watched number.
        recent: points for a first contact on the window's last day, falling
            linearly to 0 for one ``recent_days`` days earlier or more.
        recent_days: how long a first contact counts as recent.
        source: where the weights were read from.
    """

    contact: float = 1.0
    call_minute: float = 0.5
    minutes_cap: float = 60.0
    extra_day: float = 2.0
    extra_number: float = 3.0
    callback: float = 2.0
    recent: float = 5.0
    recent_days: float = 14.0
    source: str = ""


#: The officer group of residents with no community officer on record.
NO_OFFICER = ""


@dataclass(frozen=True)
class ContactedResident:
    """A resident (or an unlisted phone) contacted by watched numbers.

    ``resident_key`` is the person's ID number, or the phone's key when the
    phone is on no resident list (``listed`` is then False and the name,
    address and community are empty). ``officer`` is :data:`NO_OFFICER` when
    nobody is responsible for the address.
    """

    rank: int
    score: float
    officer: str
    resident_key: str
    name: str
    listed: bool
    phones: tuple[str, ...]
    address: str
    community: str
    contacts: int
    calls: int
    messages: int
    call_seconds: int
    watched_numbers: tuple[str, ...]
    days: int
    callbacks: int
    first_contact: datetime
    last_contact: datetime


@dataclass(frozen=True)
class OfficerGroup:
    """The residents one community officer is asked to call or visit."""

    officer: str
    residents: tuple[ContactedResident, ...]

    @property
    def top_score(self) -> float:
        """The highest risk score in the group."""
        return max((r.score for r in self.residents), default=0.0)


@dataclass(frozen=True)
class WarningResult:
    """One run of the early warning over a window of a case's records.

    ``residents`` is ranked by risk (rank 1 first); :attr:`groups` gives them
    per officer, officers by name and the group without one last.
    """

    case_number: str
    case_title: str
    start: date
    end: date
    watch_lists: tuple[WatchList, ...]
    watched: int
    residents: tuple[ContactedResident, ...]
    weights: RiskWeights
    run_by: str
    run_at: datetime

    @property
    def groups(self) -> tuple[OfficerGroup, ...]:
        """The residents per officer, each group ranked by risk."""
        by_officer: dict[str, list[ContactedResident]] = {}
        for resident in self.residents:
            by_officer.setdefault(resident.officer, []).append(resident)
        names = sorted(set(by_officer) - {NO_OFFICER})
        if NO_OFFICER in by_officer:
            names.append(NO_OFFICER)
        return tuple(OfficerGroup(name, tuple(by_officer[name])) for name in names)
