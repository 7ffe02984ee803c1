"""Benchmark: small, dark, blurred probes, before and after the low-quality path.

For each recipe (night CCTV; a face 20 px wide; blur 3 with JPEG 10) and each
noise seed, every photo of the probe set (19 mated photos and 5 strangers,
see ``tests/services/unclear_faces.py``) is degraded and searched against the
clean photos of the others, three ways on the same probe files:

* insightface's own ``FaceAnalysis`` (same pack) and cosine scores at the
  set threshold 0.30 (the peer);
* the workstation's plain path (``--plain``);
* the workstation's low-quality path (the default).

It prints rank-1 and "right person first and above the threshold with no
wrong person above it" (success) over the mated probes, false accepts of
mated and unmated probes, then checks the false-match rates shown for fair and
poor probes against impostor pairs of other degradations (not used by the
calibration) and prints the ratio of measured to shown rate.

    python tests/benchmarks/bench_unclear_faces.py [--seeds 10]
"""

from __future__ import annotations

import argparse
import platform
import sys
import tempfile
import time
import warnings
from pathlib import Path

import numpy as np

PROJECT = Path(__file__).resolve().parents[2]
SHARED = PROJECT.parent / "shared" / "data"
sys.path.insert(0, str(PROJECT / "tests" / "services"))

from ratios import report_ratio  # noqa: E402
from unclear_faces import (  # noqa: E402
    build_case,
    held_out_impostors,
    probe_photos,
    search_degraded,
)

THRESHOLD = 0.30


def _settings(root: Path):
    from workstation.services.models import provision_default_pack
    from workstation.settings import Settings

    settings = Settings.from_environment(
        workspace_dir=root / "ws", models_dir=root / "models", user_name="bench"
    )
    provision_default_pack(settings)
    return settings


def _largest(faces):
    return max(faces, key=lambda f: (f.bbox[2] - f.bbox[0]) * (f.bbox[3] - f.bbox[1]))


def _peer_figures(app, photos, probe_files) -> tuple[int, int, int, int]:
    """(rank-1, successes, mated false accepts, unmated false accepts)."""
    import cv2

    gallery = np.stack(
        [_largest(app.get(cv2.imread(str(p.path)))).normed_embedding for p in photos]
    )
    rank1 = ok = mated_fa = unmated_fa = 0
    for k, (photo, probe) in enumerate(zip(photos, probe_files, strict=True)):
        mated = [
            j for j, p in enumerate(photos) if j != k and p.identity == photo.identity
        ]
        faces = app.get(cv2.imread(str(probe)))
        if not faces:
            continue
        scores = gallery @ _largest(faces).normed_embedding
        scores[k] = -2.0
        wrong = max(
            s for j, s in enumerate(scores) if photos[j].identity != photo.identity
        )
        if not mated:
            unmated_fa += wrong >= THRESHOLD
            continue
        right = max(scores[j] for j in mated)
        mated_fa += wrong >= THRESHOLD
        rank1 += right > wrong
        ok += right > wrong and right >= THRESHOLD and wrong < THRESHOLD
    return rank1, ok, mated_fa, unmated_fa


def bench_recipes(settings, seeds: int, folder: Path) -> None:
    from insightface.app import FaceAnalysis

    from workstation.services.workspace import Workspace
    from workstation.vision.degradation import RECIPES

    ws = Workspace(settings)
    photos = build_case(ws, probe_photos(SHARED))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        app = FaceAnalysis(
            name=str(Path(settings.models_dir) / "default"),
            allowed_modules=["detection", "recognition"],
            providers=["CPUExecutionProvider"],
        )
        app.prepare(ctx_id=-1, det_size=(640, 640))
    print(
        "\n| recipe | seeds | path | rank-1 | success | success rate | "
        "false accepts (mated + unmated) |"
    )
    print("|---|---|---|---|---|---|---|")
    for recipe in (*RECIPES, None):
        runs = range(seeds) if recipe is not None else range(1)
        totals = {
            "FaceAnalysis": [0, 0, 0, 0],
            "plain": [0, 0, 0, 0],
            "low-quality": [0, 0, 0, 0],
        }
        mated = 0
        for seed in runs:
            where = folder / (recipe.name if recipe else "clean") / str(seed)
            figures = {}
            for path in (False, True):
                got = search_degraded(
                    ws, photos, recipe, seed=seed, low_quality_path=path, folder=where
                )
                figures[path] = got
                key = "low-quality" if path else "plain"
                for i, v in enumerate(
                    (
                        got.rank1,
                        got.succeeded,
                        got.mated_false_accepts,
                        got.unmated_false_accepts,
                    )
                ):
                    totals[key][i] += v
            mated += figures[True].mated
            files = (
                [p.path for p in photos]
                if recipe is None
                else [
                    where / f"{n:02d}-{p.path.stem}.jpg" for n, p in enumerate(photos)
                ]
            )
            for i, v in enumerate(_peer_figures(app, photos, files)):
                totals["FaceAnalysis"][i] += v
        name = recipe.name if recipe else "clean photos"
        for key, (r1, ok, fa_m, fa_u) in totals.items():
            print(
                f"| {name} | {len(runs)} | {key} | {r1}/{mated} | {ok}/{mated} | "
                f"{ok / mated:.2f} | {fa_m} + {fa_u} |"
            )
        before = totals["FaceAnalysis"][1] / mated
        after = totals["low-quality"][1] / mated
        print(
            f"{name}: success ratio low-quality / FaceAnalysis "
            f"{after / max(before, 1e-9):.2f} x"
        )
        report_ratio(
            f"{name}: share of mated probes first and above threshold",
            after,
            "insightface FaceAnalysis",
            before,
            unit="",
            higher_is_better=True,
        )
    ws.close()


def bench_rates(settings, per_photo: int) -> None:
    """Shown false-match rates of fair and poor probes against held-out pairs."""
    from workstation.domain.types import QualityBand
    from workstation.services.models import score_calibration
    from workstation.vision.face_engine import FaceEngine
    from workstation.vision.model_pack import verify_pack_dir

    calibration = score_calibration(settings)
    engine = FaceEngine(verify_pack_dir(Path(settings.models_dir) / "default"))
    held_out = held_out_impostors(engine, SHARED, per_photo, seed_base=20_000)
    print(
        "\n| band | held-out impostor pairs | score | shown FMR | measured FMR "
        "| ratio |"
    )
    print("|---|---|---|---|---|---|")
    for band in (QualityBand.FAIR, QualityBand.POOR):
        impostor = held_out.get(band, np.empty(0))
        for shown_rate in (1e-2, 3e-3, 1e-3):
            score = calibration.threshold_for(shown_rate, band)
            shown = calibration.false_match_rate(score, band).rate
            measured = float(np.mean(impostor >= score))
            print(
                f"| {band} | {impostor.size} | {score:.3f} | {shown:.1e} | "
                f"{measured:.1e} | {measured / shown:.2f} |"
            )
    good_rate = calibration.false_match_rate(THRESHOLD).rate
    for band in (QualityBand.FAIR, QualityBand.POOR):
        print(
            f"threshold of a {band} probe for the set {THRESHOLD:.2f} (FMR "
            f"{good_rate:.1e}): {calibration.threshold_for(good_rate, band):.3f}"
        )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", type=int, default=10, help="noise seeds per recipe")
    parser.add_argument(
        "--per-photo", type=int, default=30, help="held-out degradations per photo"
    )
    args = parser.parse_args()
    print(f"machine: {platform.processor() or platform.machine()}, {platform.system()}")
    started = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        settings = _settings(Path(tmp))
        bench_recipes(settings, args.seeds, Path(tmp) / "probes")
        bench_rates(settings, args.per_photo)
    print(f"\n({time.perf_counter() - started:.0f} s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
