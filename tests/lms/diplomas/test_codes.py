"""The verification code, as a person reads it off paper and types it."""

import math

import pytest

from lms.diplomas import codes


def test_a_code_carries_at_least_128_random_bits():
    bits_per_symbol = math.log2(len(codes.ALPHABET))

    assert len(set(codes.ALPHABET)) == 32
    assert bits_per_symbol == codes.BITS_PER_SYMBOL
    assert codes.RANDOM_SYMBOLS * bits_per_symbol >= 128
    code = codes.new_code()
    assert len(code.replace("-", "")) == codes.CODE_SYMBOLS


def test_codes_are_seven_groups_of_four_without_confusable_letters():
    for _ in range(200):
        code = codes.new_code()
        groups = code.split("-")
        assert [len(group) for group in groups] == [4] * 7
        assert not set(code) & set("ILOU")
        assert codes.normalise_code(code) == code


def test_codes_do_not_repeat():
    assert len({codes.new_code() for _ in range(2000)}) == 2000


def test_a_code_is_found_however_she_types_it():
    for _ in range(200):
        code = codes.new_code()
        typed = (
            code.lower()
            .replace("-", " ")
            .replace("0", "O")
            .replace("1", "l")
            .replace("b", " B")
        )
        assert codes.normalise_code(typed) == code
        assert codes.normalise_code(code.replace("1", "I").replace("0", "o")) == code
        assert codes.normalise_code(code.replace("-", "")) == code
        assert codes.normalise_code("  " + code.replace("-", "\u2013") + "\n") == code


def test_arabic_indic_and_full_width_digits_count_as_digits():
    code = "7KQ2-M9XH-0F3B-AAAA-BBBB-CCCC-DDD9"
    arabic = code.translate(str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩"))
    full_width = code.translate(str.maketrans("0123456789", "０１２３４５６７８９"))

    assert codes.normalise_code(arabic) == code
    assert codes.normalise_code(full_width) == code


def test_every_single_mistyped_symbol_is_caught():
    code = codes.new_code()
    symbols = code.replace("-", "")

    for position, original in enumerate(symbols):
        for wrong in codes.ALPHABET:
            if wrong != original:
                typo = symbols[:position] + wrong + symbols[position + 1 :]
                with pytest.raises(codes.InvalidCode):
                    codes.normalise_code(typo)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "7KQ2-M9XH",
        "7KQ2-M9XH-0F3B-AAAA-BBBB-CCCC-DDD9-0",
        "UUUU" * 7,
        None,
        "x" * 500,
    ],
)
def test_what_is_not_a_code_is_refused(text):
    with pytest.raises(codes.InvalidCode):
        codes.normalise_code(text)
