"""An editor defining homework gets told what does not add up."""

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from tests.factories.homework import AssignmentFactory

pytestmark = pytest.mark.django_db


def report_field():
    return [
        {
            "type": "field",
            "value": {
                "label": "Hva skjedde?",
                "help_text": "",
                "kind": "long",
                "choices": [],
                "required": True,
            },
        }
    ]


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        (
            {"accepts_text": False, "accepts_files": False, "accepts_audio": False},
            "accepts_text",
        ),
        (
            {
                "report_entry_label": "Samtale",
                "report_fields": report_field(),
                "report_min_entries": 3,
                "report_max_entries": 2,
            },
            "report_max_entries",
        ),
        ({"report_entry_label": "Samtale", "report_min_entries": 1}, "report_fields"),
        (
            {"report_fields": report_field(), "report_min_entries": 1},
            "report_entry_label",
        ),
        (
            {"report_entry_label": "Samtale", "report_fields": report_field()},
            "report_min_entries",
        ),
    ],
)
def test_inconsistent_assignments_are_refused_with_a_reason(changes, field):
    assignment = AssignmentFactory.build(**changes)
    with translation.override("en"), pytest.raises(ValidationError) as refused:
        assignment.full_clean(exclude=["translation_key", "locale"])
    assert field in refused.value.message_dict


def test_a_report_only_assignment_is_fine():
    assignment = AssignmentFactory.build(
        accepts_text=False,
        accepts_files=False,
        accepts_audio=False,
        report_entry_label="Samtale",
        report_fields=report_field(),
        report_min_entries=3,
        report_max_entries=3,
    )
    assignment.full_clean(exclude=["translation_key", "locale"])
    assert assignment.has_report
