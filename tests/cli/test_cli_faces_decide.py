"""`workstation faces decide`: a confirmation says why, a rejection may not."""

from __future__ import annotations

import pytest

from workstation.cli.main import main


@pytest.mark.parametrize("comment", [None, "", "   "], ids=["none", "empty", "blank"])
def test_a_confirmation_without_a_comment_is_refused(tmp_path, capsys, comment):
    workspace = tmp_path / "ws"
    extra = [] if comment is None else ["--comment", comment]
    args = ["faces", "decide", "C-1", "3", "17", "confirm", *extra]

    code = main(["--workspace", str(workspace), *args])

    captured = capsys.readouterr()
    assert code == 1
    assert captured.out == ""
    assert captured.err.splitlines() == [
        "error: Confirming face 17 of search 3 needs a comment: give --comment "
        "saying why the candidate shows the person searched for (the features "
        "that match, who checked)."
    ]
    assert not workspace.exists()  # refused before the workspace was opened
