"""The key rules give the same answer in Python (one value) and in SQL (a table)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from workstation.ingest.normalise import (
    ID_RULES,
    PLATE_RULES,
    key_problem,
    normalise_key,
    phone_key,
    phone_rules,
    plate_key,
    rules_for,
)
from workstation.store.case_store import CaseStore
from workstation.store.tabular_load import normalise_with_sql

PHONES = [
    ("+86 138-0013-8000", "+8613800138000"),
    ("0086 13800138000", "+8613800138000"),
    ("8613800138000", "+8613800138000"),
    ("13800138000", "+8613800138000"),
    ("(+86) 138.0013.8000", "+8613800138000"),
    ("\u3000138 0013 8000\u00a0", "+8613800138000"),
    ("+1 (415) 555-2671", "+14155552671"),
    ("0044 20 7946 0958", "+442079460958"),
    ("013800000000", "013800000000"),
    ("010-6552 9988", "01065529988"),
    ("10086", "+8610086"),
    ("861380013800", "+861380013800"),
    ("12", None),
    ("1234", None),
    ("", None),
    ("   ", None),
    (None, None),
    ("138-ABCD-0000", None),
    ("+86+13800138000", None),
    ("+1234567890123456", None),
]
PLATES = [
    (" 粤b·12345 ", "粤B12345"),
    ("京A-8888 8", "京A88888"),
    ("abc 123", "ABC123"),
    ("", None),
]
IDS = [
    ("110101199003074512", "110101199003074512"),
    (" 11010119900307451x ", "11010119900307451X"),
    ("4403 0519 8001 0100 1X", "44030519800101001X"),
]


@pytest.fixture(scope="module")
def store():
    with CaseStore(":memory:") as opened:
        yield opened


@pytest.mark.parametrize(("written", "key"), PHONES)
def test_phone_numbers_in_python(written, key):
    assert phone_key(written) == key


def test_four_ways_of_writing_one_number_are_one_key():
    written = ["+86 138-0013-8000", "0086 13800138000", "8613800138000", "13800138000"]
    assert {phone_key(w) for w in written} == {"+8613800138000"}


def test_other_country_code_is_configurable():
    assert phone_key("3331234567", country_code="39") == "+393331234567"
    assert phone_key("393331234567", country_code="39") == "+393331234567"
    assert phone_key("+86 138 0013 8000", country_code="39") == "+8613800138000"


def test_problems_name_the_reason():
    assert key_problem("12", phone_rules()) == "has too few digits (2; at least 5)"
    assert "characters a phone number cannot have" in key_problem(
        "138-ABCD", phone_rules()
    )
    assert key_problem("+1234567890123456", phone_rules()).startswith("has too many")
    assert key_problem("", phone_rules()) is None


@pytest.mark.parametrize(
    ("rules", "cases"),
    [
        (phone_rules(), PHONES),
        (phone_rules("39"), [(w, phone_key(w, "39")) for w, _ in PHONES]),
        (PLATE_RULES, PLATES),
        (ID_RULES, IDS),
        (rules_for("text", prefix="N"), [(" N18 ", "18"), ("N", None), ("18", "18")]),
    ],
    ids=["phone-86", "phone-39", "plate", "id", "text-prefix"],
)
def test_sql_and_python_agree(store, rules, cases):
    values = [written for written, _ in cases]
    sql = normalise_with_sql(store, rules, values)
    python = [(normalise_key(v, rules), key_problem(v, rules)) for v in values]
    assert sql == python
    assert [key for key, _ in sql] == [key for _, key in cases]


def test_too_many_digits_counts_them_as_written(store):
    rules = phone_rules()
    values = ["110101198001011234", "+8611010119800101123", "1.10101E+17"]
    problems = [problem for _, problem in normalise_with_sql(store, rules, values)]
    assert problems == [key_problem(v, rules) for v in values]
    assert problems[0] == (
        "has too many digits (18, 20 with the country code; at most 15)"
    )
    assert problems[1] == "has too many digits (19; at most 15)"
    assert "scientific notation" in problems[2]


def test_plates_in_python():
    for written, key in PLATES:
        assert plate_key(written) == key


@settings(max_examples=100, deadline=None)
@given(
    st.lists(
        st.text(alphabet="0123456789 +-.()aXE\u3000\u00a0", max_size=20),
        min_size=1,
        max_size=30,
    )
)
def test_sql_and_python_agree_on_any_text(store, values):
    for rules in (phone_rules(), PLATE_RULES, ID_RULES):
        sql = normalise_with_sql(store, rules, values)
        assert sql == [(normalise_key(v, rules), key_problem(v, rules)) for v in values]
