"""Every model that holds personal data is declared in the privacy registry
(lms.personal_data), or exempted with a reason: a new feature that stores
something about a person and forgets to say so fails here."""

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.utils import translation

from lms import privacy

# Personal data found by user name or session, not by a key to the account.
KEYLESS_PERSONAL = {
    "sessions.session",
    "axes.accessattempt",
    "axes.accessfailurelog",
    "axes.accesslog",
}


def label(model) -> str:
    return model._meta.label_lower


def links_to(model, targets) -> bool:
    return any(
        field.is_relation
        and field.concrete
        and field.related_model is not None
        and label(field.related_model) in targets
        for field in model._meta.get_fields()
    )


def owned_by_a_person(model, owned) -> bool:
    """A required key to the account or to a record that is hers."""
    return any(
        field.many_to_one
        and field.concrete
        and not field.null
        and label(field.related_model) in owned
        for field in model._meta.get_fields()
    )


def personal_models() -> set[str]:
    user = label(get_user_model())
    models = list(apps.get_models())
    personal = {user} | {label(m) for m in models if links_to(m, {user})}
    owned = {user}
    grown = True
    while grown:
        grown = False
        for model in models:
            if label(model) not in owned and owned_by_a_person(model, owned):
                owned.add(label(model))
                grown = True
    return personal | owned | (KEYLESS_PERSONAL & {label(m) for m in models})


def test_every_model_with_personal_data_has_a_provider_or_a_reason():
    covered = privacy.covered_models()
    exempt = privacy.exemptions()
    missing = sorted(personal_models() - covered - set(exempt))
    assert not missing, f"no privacy provider covers {missing}"


def test_the_walk_finds_records_that_are_hers_through_another_record():
    """Attendance and homework files point at her enrolment, not at her."""
    found = personal_models()
    assert {"lms.attendance", "lms.submissionfile", "lms.answer"} <= found
    assert "lms.cohort" not in found  # a group is nobody's personal data


def test_providers_name_only_real_models_and_exemptions_give_a_reason():
    real = {label(m) for m in apps.get_models()}
    assert privacy.covered_models() <= real
    assert set(privacy.exemptions()) <= real
    assert all(len(reason) > 20 for reason in privacy.exemptions().values())


@pytest.mark.parametrize("language", ["nb", "ar"])
def test_every_part_explains_itself_in_her_language(language):
    with translation.override(language):
        for provider in privacy.providers():
            for sentence in (
                provider.title,
                provider.what,
                provider.seen_by,
                provider.kept,
            ):
                assert str(sentence).strip()
    with translation.override("ar"):
        arabic = str(privacy.providers()[0].what)
    with translation.override("en"):
        english = str(privacy.providers()[0].what)
    assert arabic != english
