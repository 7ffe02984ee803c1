"""Listing a case's evidence gives the ids and hashes other commands ask for."""

from __future__ import annotations

import hashlib

from workstation.cli.main import main as cli


def test_evidence_is_listed_with_id_and_hash(workspace, case, tmp_path, capsys):
    photo = tmp_path / "门口.jpg"
    photo.write_bytes(b"\xff\xd8 not really a photo")
    workspace.close()
    common = ["--workspace", str(workspace.root), "--user", "analyst.test"]

    assert cli([*common, "evidence", "list", case.number]) == 0
    assert "No evidence in case T-001 yet" in capsys.readouterr().out
    assert cli([*common, "evidence", "add", case.number, str(photo)]) == 0
    capsys.readouterr()
    assert cli([*common, "evidence", "list", case.number]) == 0
    (line,) = capsys.readouterr().out.splitlines()
    fields = line.split("\t")
    assert fields[1] == hashlib.sha256(photo.read_bytes()).hexdigest()
    assert fields[0].isdigit() and fields[4] == "门口.jpg"
    assert fields[5].startswith("added by analyst.test")


def test_a_folder_is_not_taken_for_a_missing_file(workspace, case, tmp_path, capsys):
    workspace.close()
    common = ["--workspace", str(workspace.root), "--user", "analyst.test"]
    assert cli([*common, "evidence", "add", case.number, str(tmp_path)]) == 1
    error = capsys.readouterr().err
    assert "is a folder; nothing was added" in error and "no such file" not in error
