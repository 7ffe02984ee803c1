"""Provider choice and the providers the sessions really use."""

from __future__ import annotations

import logging

import pytest

from workstation.vision.face_engine import FaceEngine
from workstation.vision.providers import (
    available_providers,
    choose_providers,
    context_id,
)

CPU = "CPUExecutionProvider"


@pytest.mark.parametrize(
    ("offered", "force_cpu", "chosen"),
    [
        (["CPUExecutionProvider"], False, [CPU]),
        (["AzureExecutionProvider", CPU], False, [CPU]),
        (
            ["TensorrtExecutionProvider", "CUDAExecutionProvider", CPU],
            False,
            ["CUDAExecutionProvider", CPU],
        ),
        (["TensorrtExecutionProvider", CPU], False, ["TensorrtExecutionProvider", CPU]),
        (["DmlExecutionProvider", CPU], False, ["DmlExecutionProvider", CPU]),
        (["CoreMLExecutionProvider", CPU], False, ["CoreMLExecutionProvider", CPU]),
        (["CUDAExecutionProvider", CPU], True, [CPU]),
    ],
)
def test_choose_providers(offered, force_cpu, chosen):
    assert choose_providers(offered, force_cpu=force_cpu) == chosen
    assert context_id(chosen) == (0 if len(chosen) == 2 else -1)


def test_engine_reports_the_providers_its_sessions_use(face_engine):
    expected = choose_providers(available_providers())[0]

    assert face_engine.providers["detection"][0] == expected
    assert face_engine.providers["recognition"][0] == expected
    assert face_engine.gpu_fallback is False
    assert expected in face_engine.describe()


@pytest.mark.filterwarnings("ignore:Specified provider:UserWarning")
def test_a_gpu_that_is_not_there_falls_back_to_cpu_with_a_warning(face_engine, caplog):
    if "CUDAExecutionProvider" in available_providers():
        pytest.skip("this machine really has CUDA; the fallback cannot be provoked")
    caplog.set_level(logging.WARNING, logger="workstation.vision.face_engine")

    engine = FaceEngine(face_engine.pack, available=["CUDAExecutionProvider", CPU])

    assert engine.requested_providers == ("CUDAExecutionProvider", CPU)
    assert engine.providers == {"detection": (CPU,), "recognition": (CPU,)}
    assert engine.gpu_fallback is True
    assert not engine.on_gpu
    assert "CUDAExecutionProvider requested but unavailable" in engine.describe()
    assert any("GPU provider" in r.getMessage() for r in caplog.records)
