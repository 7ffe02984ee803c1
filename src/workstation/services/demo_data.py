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
    people = []
    names = [name for name, _ in RING]
    roles = ["suspect"] * len(RING)
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
    rng: random.Random, people: list[DemoPerson], start: datetime
) -> list[tuple[str, str, str, int, str]]:
    """Call records: dense night-time calls inside the ring, sparse noise outside."""
    ring = people[: len(RING)]
    others = people[len(RING) :]
    calls = []
    for day in range(30):
        date = start + timedelta(days=day)
        # The ring talks before each night's theft: thief -> lookout/driver,
        # driver -> fence contact -> buyer.
        if day % 3 == 0:
            for a, b in ((0, 1), (0, 2), (2, 3), (3, 4), (1, 0)):
                at = date + timedelta(
                    hours=rng.choice((22, 23, 1, 2)), minutes=rng.randrange(60)
                )
                calls.append((ring[a], ring[b], at, rng.randrange(20, 240)))
        for _ in range(12):
            a, b = rng.sample(others, 2)
            at = date + timedelta(hours=rng.randrange(8, 21), minutes=rng.randrange(60))
            calls.append((a, b, at, rng.randrange(5, 900)))
        # Family and daily-life calls that touch the ring members too.
        if day % 5 == 1:
            a = rng.choice(ring[:4])
            b = rng.choice(others)
            at = date + timedelta(hours=rng.randrange(9, 20))
            calls.append((a, b, at, rng.randrange(30, 400)))
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
