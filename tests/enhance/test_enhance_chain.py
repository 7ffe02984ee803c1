"""Chain files: every preset loads, TOML round-trips, bad chains are refused clearly."""

from __future__ import annotations

import pytest

from workstation.services.enhance import load_chain, preset_names
from workstation.vision.enhance import (
    OPERATIONS,
    ChainError,
    apply_chain,
    chain_from_records,
    chain_from_toml,
    chain_to_toml,
    step_records,
)
from workstation.vision.image_loading import load_bgr

PHOTO = ("faces", "face_recognition", "examples", "obama.jpg")

#: One step of every operation, most with non-default parameters.
EVERY_OPERATION = """
format = 1
name = "everything"
description = "one step of each operation"

[fusion]
kind = "frames"
radius = 3
motion = "affine"
region = [10, 20, 64, 48]

[[step]]
op = "crop"
x = 10
y = 12
width = 300
height = 280

[[step]]
op = "rotate"
angle = 12.5
expand = false
interpolation = "lanczos"

[[step]]
op = "flip"
direction = "both"

[[step]]
op = "perspective"
points = [[5, 5], [250, 8], [255, 240], [3, 236.5]]
width = 200

[[step]]
op = "deinterlace"
field = "bottom"
method = "duplicate"

[[step]]
op = "levels"
black = 8
white = 240
gamma = 1.3

[[step]]
op = "auto_exposure"
target_mean = 0.4

[[step]]
op = "clahe"
clip_limit = 1.5
tiles = 4

[[step]]
op = "nl_means"
strength = 4
search = 15

[[step]]
op = "bilateral"
diameter = 7

[[step]]
op = "deblock"
quality = 20

[[step]]
op = "deblur"
method = "richardson_lucy"
kernel = "motion"
length = 7
angle = 30
iterations = 10

[[step]]
op = "unsharp_mask"
radius = 1.5
amount = 0.8
threshold = 2

[[step]]
op = "upscale"
factor = 1.5
method = "bicubic"
"""


def test_every_preset_loads_and_names_real_operations():
    names = preset_names()
    assert {"night_cctv", "motion_blur", "compressed_video"} <= set(names)
    for name in names:
        chain = load_chain(name)
        assert chain.name == name
        assert chain.description
        assert chain.steps and all(step.op in OPERATIONS for step in chain.steps)


def test_every_operation_has_a_description_and_a_reference():
    for operation in OPERATIONS.values():
        assert operation.summary.endswith(".")
        assert any(char.isdigit() for char in operation.reference), operation.name


def test_toml_round_trip_keeps_every_parameter():
    chain = chain_from_toml(EVERY_OPERATION, source="everything.toml")
    assert [s.op for s in chain.steps] == [
        "crop", "rotate", "flip", "perspective", "deinterlace", "levels",
        "auto_exposure", "clahe", "nl_means", "bilateral", "deblock", "deblur",
        "unsharp_mask", "upscale",
    ]  # fmt: skip
    assert {s.op for s in chain.steps} == set(OPERATIONS)
    text = chain_to_toml(chain)
    again = chain_from_toml(text)
    assert again == chain
    assert chain_to_toml(again) == text
    assert again.fusion.params.region == (10, 20, 64, 48)
    assert again.steps[3].params.points[3] == (3.0, 236.5)
    assert again.steps[1].params.angle == 12.5


def test_stored_records_rebuild_the_same_chain():
    chain = load_chain("night_cctv")
    records = step_records(chain)
    assert records[0]["params"]["target_mean"] == 0.45
    assert "Gonzalez" in records[0]["reference"]
    rebuilt = chain_from_records(chain.name, records, description=chain.description)
    assert rebuilt == chain


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            '[[step]]\nop = "sharpen_more"',
            "chain.toml: step 1 (sharpen_more): unknown operation 'sharpen_more'; use "
            "one of crop, rotate, flip, perspective, deinterlace, levels,",
        ),
        (
            '[[step]]\nop = "crop"\n[[step]]\nop = "unsharp_mask"\namount = 9',
            "chain.toml: step 2 (unsharp_mask), parameter 'amount': 9 is out of "
            "range; use a value from 0.0 to 5.0",
        ),
        (
            '[[step]]\nop = "nl_means"\ntemplate = 8',
            "step 1 (nl_means), parameter 'template': 8 must be odd",
        ),
        (
            '[[step]]\nop = "deblur"\nkernel = "disc"',
            "step 1 (deblur), parameter 'kernel': 'disc' is not one of gaussian, "
            "motion",
        ),
        (
            '[[step]]\nop = "levels"\nblack = 200\nwhite = 100',
            "step 1 (levels), parameter 'white': 100 must be above black (200)",
        ),
        (
            '[[step]]\nop = "upscale"\nfactor = "2"',
            "step 1 (upscale), parameter 'factor': '2' is not a number",
        ),
        (
            '[[step]]\nop = "bilateral"\nradius = 3',
            "step 1 (bilateral): unknown parameter 'radius'; this operation takes "
            "diameter, sigma_colour, sigma_space",
        ),
        (
            '[[step]]\nop = "perspective"',
            "step 1 (perspective), parameter 'points': is required",
        ),
        ("[[step]]\namount = 1", "step 1 has no op"),
        ('[[steps]]\nop = "crop"', "unknown key 'steps'"),
        ("[fusion]\nkind = 'mosaic'", "parameter 'kind' is 'mosaic'"),
        ("[fusion]\nkind = 'frames'\nradius = 40", "[fusion], parameter 'radius'"),
        ("format = 2\n[[step]]\nop = 'flip'", "chain format 2 is not supported"),
        ('name = "x"', "the chain has no [[step]]"),
        ("[[step]\nop = 1", "not valid TOML"),
    ],
)
def test_bad_chains_name_the_step_and_parameter(text, expected):
    if not text.startswith(("name", "format")):
        text = 'name = "bad"\n' + text
    with pytest.raises(ChainError) as raised:
        chain_from_toml(text, source="chain.toml")
    assert expected in str(raised.value)
    assert "\n" not in str(raised.value)


def test_unknown_preset_lists_the_presets(tmp_path):
    with pytest.raises(
        ChainError, match=r"neither a chain file .* presets: .*night_cctv"
    ):
        load_chain("night_vision")
    with pytest.raises(ChainError, match="no such chain file"):
        load_chain(tmp_path / "missing.toml")


def test_a_step_that_does_not_fit_the_image_names_step_and_parameter(shared_data):
    image = load_bgr(shared_data.joinpath(*PHOTO))
    width = image.shape[1]
    chain = chain_from_toml(
        f'name = "crop"\n[[step]]\nop = "flip"\n[[step]]\nop = "crop"\n'
        f"x = 10\nwidth = {width}\n",
        source="crop.toml",
    )
    with pytest.raises(ChainError) as raised:
        apply_chain(image, chain)
    message = str(raised.value)
    assert message.startswith("crop.toml: step 2 (crop), parameter 'width':")
    assert f"but the image is {width} px wide" in message
