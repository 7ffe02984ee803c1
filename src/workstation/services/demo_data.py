"""Generated people and call records for the demo case, with a planted ring.

The figures are invented; the brief says so. A fixed seed makes every demo the
same. Phones are written in the mixed ways real exports use (``+86 138-...``,
``0086...``, bare digits) so the importer's normalisation is exercised, and the
people list is written in GBK like a Chinese Excel export.
"""

from __future__ import annotations

import csv
import random
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

SEED = 20261203

#: The ring: (name, role in the ring). The first is the man in the photos.
RING = (
    ("嫌疑人甲", "盗窃实施"),
    ("王强", "望风"),
    ("李军", "驾车"),
    ("赵磊", "销赃联络"),
    ("陈志明", "收购赃车"),
)
_SURNAMES = "张刘杨黄周吴徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾萧田董袁潘"
_GIVEN = "伟芳娜敏静丽强磊洋艳勇军杰娟涛明超秀霞平刚桂英华玉兰建国志红"
_CELLS = tuple(f"41_{lac}_{ci}" for lac in (10, 11, 12) for ci in range(1, 6))
_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_ID_CHECK = "10X98765432"


@dataclass(frozen=True)
class DemoPerson:
    id_number: str
    name: str
    phone: str
    plate: str
    role: str


def id_number(rng: random.Random, region: str = "440305") -> str:
    """An 18-digit resident ID number with a valid GB 11643 check digit."""
    birth = datetime(1970, 1, 1) + timedelta(days=rng.randrange(0, 12000))
    body = f"{region}{birth:%Y%m%d}{rng.randrange(0, 1000):03d}"
    total = sum(int(d) * w for d, w in zip(body, _ID_WEIGHTS, strict=True))
    return body + _ID_CHECK[total % 11]


def _written_phone(rng: random.Random, digits: str) -> str:
    style = rng.randrange(4)
    if style == 0:
        return f"+86 {digits[:3]}-{digits[3:7]}-{digits[7:]}"
    if style == 1:
        return f"0086{digits}"
    if style == 2:
        return f"{digits[:3]} {digits[3:7]} {digits[7:]}"
    return digits


def demo_people(rng: random.Random, background: int = 36) -> list[DemoPerson]:
    """The ring first (with its role in the ring), then the background residents."""
    people = []
    names = [name for name, _ in RING]
    roles = [role for _, role in RING]
    used = set(names)
    while len(names) < len(RING) + background:
        name = rng.choice(_SURNAMES) + rng.choice(_GIVEN) + rng.choice(("", *_GIVEN))
        if name not in used:
            used.add(name)
            names.append(name)
            roles.append("")
    for index, (name, role) in enumerate(zip(names, roles, strict=True)):
        digits = f"1{rng.choice('3578')}{rng.randrange(10**9):09d}"
        plate = (
            f"粤B{rng.choice('ACDEF')}{rng.randrange(10000):04d}" if index % 3 else ""
        )
        people.append(DemoPerson(id_number(rng), name, digits, plate, role))
    return people


def demo_calls(
    rng: random.Random, people: list[DemoPerson], start: datetime, groups: int = 5
) -> list[tuple[str, str, str, int, str]]:
    """A month of call records.

    The background residents form ``groups`` circles of family and workmates who
    mostly call each other in the daytime. Each ring member lives in a different
    circle, and the ring's own calls cluster at night before every third day's theft,
    so the ring is what connects the circles: it tops the betweenness ranking.
    """
    ring = people[: len(RING)]
    others = people[len(RING) :]
    circles = [others[i::groups] for i in range(groups)]
    home = {member.id_number: circles[i % groups] for i, member in enumerate(ring)}
    calls = []
    for day in range(30):
        date = start + timedelta(days=day)
        if day % 3 == 0:
            # thief -> lookout and driver, driver -> fence contact -> buyer
            for a, b in ((0, 1), (0, 2), (2, 3), (3, 4), (1, 0)):
                hour = rng.choice((22, 23, 0, 1))
                at = date + timedelta(hours=hour, minutes=rng.randrange(60))
                calls.append((ring[a], ring[b], at, rng.randrange(20, 240)))
        for circle in circles:
            for _ in range(2):
                a, b = rng.sample(circle, 2)
                hour = rng.randrange(8, 21)
                at = date + timedelta(hours=hour, minutes=rng.randrange(60))
                calls.append((a, b, at, rng.randrange(5, 900)))
        if day % 2 == 1:
            member = ring[rng.randrange(len(ring))]
            relative = rng.choice(home[member.id_number])
            at = date + timedelta(hours=rng.randrange(9, 20), minutes=rng.randrange(60))
            calls.append((member, relative, at, rng.randrange(30, 400)))
    calls.sort(key=lambda c: c[2])
    return [
        (
            _written_phone(rng, a.phone),
            _written_phone(rng, b.phone),
            at.strftime("%Y-%m-%d %H:%M:%S"),
            duration,
            rng.choice(_CELLS),
        )
        for a, b, at, duration in calls
    ]


def write_demo_inputs(folder: Path) -> tuple[Path, Path, list[DemoPerson]]:
    """Write ``people.csv`` (GBK, as Chinese Excel saves it) and ``calls.csv``."""
    rng = random.Random(SEED)
    folder.mkdir(parents=True, exist_ok=True)
    people = demo_people(rng)
    people_file = folder / "people.csv"
    with open(people_file, "w", encoding="gbk", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\r\n")
        writer.writerow(["id_number", "name", "phone", "plate", "role"])
        for person in people:
            writer.writerow(
                [
                    person.id_number,
                    person.name,
                    _written_phone(rng, person.phone),
                    person.plate,
                    person.role,
                ]
            )
    calls_file = folder / "calls.csv"
    with open(calls_file, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\r\n")
        writer.writerow(["caller", "callee", "start_time", "duration_s", "cell_id"])
        writer.writerows(demo_calls(rng, people, datetime(2026, 10, 1)))
    return people_file, calls_file, people
