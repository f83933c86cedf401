"""What a diploma says: kept exactly as given, refused when it cannot print."""

import dataclasses
import unicodedata

import pytest

from lms.diplomas.data import ModuleLine, Signatory, Status, text_direction

from .conftest import ARABIC_NAME, TIGRINYA_NAME


def test_her_name_is_kept_exactly_as_she_writes_it(make_diploma):
    decomposed = unicodedata.normalize("NFD", "Zeynep Çelik  Öztürk")

    assert make_diploma(holder_name=decomposed).holder_name == decomposed


def test_modules_and_signatories_are_read_from_plain_values(make_diploma):
    data = make_diploma(
        modules=["Introduksjon", ("Barns utvikling", "نمو الأطفال")],
        signatories=[("Kari Nordmann", "Ordfører")],
    )

    assert data.modules == (
        ModuleLine("Introduksjon"),
        ModuleLine("Barns utvikling", "نمو الأطفال"),
    )
    assert data.signatories == (Signatory("Kari Nordmann", "Ordfører"),)
    with pytest.raises(dataclasses.FrozenInstanceError):
        data.holder_name = "Someone else"


@pytest.mark.parametrize(
    "fields",
    [
        {"holder_name": "  "},
        {"programme": ""},
        {"verification_url": "javascript:alert(1)"},
        {"verification_url": "file:///etc/passwd"},
        {"status": "lost"},
    ],
)
def test_a_diploma_that_cannot_be_printed_is_refused(make_diploma, fields):
    with pytest.raises(ValueError):
        make_diploma(**fields)


def test_the_second_block_is_printed_only_for_another_language(make_diploma):
    assert make_diploma(holder_language="ar").bilingual
    assert not make_diploma(holder_language="nb").bilingual
    assert make_diploma(status="revoked").status is Status.REVOKED


def test_the_direction_of_a_name_follows_its_first_letter():
    assert text_direction(ARABIC_NAME) == "rtl"
    assert text_direction(TIGRINYA_NAME) == "ltr"
    assert text_direction("(١٢) " + ARABIC_NAME) == "rtl"
    assert text_direction("Amina أمينة") == "ltr"
