"""A chart view saved from the command line reopens exactly as saved."""

from __future__ import annotations

from workstation.cli.main import main
from workstation.services.graph_views import load_chart_view
from workstation.services.ingest import import_table


def test_save_view_with_a_note_then_draw_it(
    workspace, case, shared_data, tmp_path, capsys
):
    calls = shared_data / "networks" / "montagna" / "Montagna_phonecalls_edgelist.csv"
    import_table(workspace, case.number, calls, "montagna_phonecalls")
    args = ["--workspace", str(workspace.root), "--user", "analyst.test", "graph"]

    assert main([*args, case.number, "--save-view", "核心", "--note", "18:头目"]) == 0
    assert "Saved chart view 核心 v1" in capsys.readouterr().out

    view = load_chart_view(workspace, case.number, "核心")
    assert len(view.positions) == 100
    assert view.annotations[0]["text"] == "头目"

    png = tmp_path / "view.png"
    assert main([*args, case.number, "--view", "核心", "--png", str(png)]) == 0
    assert png.stat().st_size > 20_000

    assert main([*args, case.number, "--save-view", "核心", "--note", "nobody:x"]) == 1
    assert "--note" in capsys.readouterr().err
