"""Her copy holds everything the registry declares about her and nothing of
another trainee's; her erasure leaves none of her words, files or
recordings anywhere, in the database or in storage, and keeps what the
group's numbers and her diploma's verification need."""

import io
import json
import os
import zipfile

import pytest
from django.apps import apps
from django.conf import settings
from django.core.files.base import ContentFile
from django.db import connection
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation

from lms import privacy
from lms.accounts import set_language
from lms.diplomas import codes
from lms.models import (
    Attendance,
    Diploma,
    Enrollment,
    ErasureRecord,
    Reflection,
    Review,
    Submission,
)

pytestmark = pytest.mark.django_db


def export(user, **kwargs):
    buffer = io.BytesIO()
    counts = privacy.write_export(user, buffer, **kwargs)
    archive = zipfile.ZipFile(buffer)
    return counts, archive


def everything(archive) -> str:
    """Every member's text, files included, as one string."""
    return "\n".join(
        archive.read(name).decode("utf-8", "replace") for name in archive.namelist()
    )


def database_holds(needle: str) -> list[str]:
    """ "table.column" of every text-like column holding `needle`."""
    found = []
    with connection.cursor() as cursor:
        for model in apps.get_models(include_auto_created=True):
            if model._meta.proxy or not model._meta.managed:
                continue
            table = model._meta.db_table
            # Each table's own columns (a page's parent columns are in its
            # parent's table, searched there).
            for field in model._meta.local_concrete_fields:
                if field.get_internal_type() not in (
                    "CharField",
                    "TextField",
                    "JSONField",
                    "FileField",
                    "EmailField",
                    "SlugField",
                    "URLField",
                ):
                    continue
                column = connection.ops.quote_name(field.column)
                # Names from the models' own metadata, quoted; the needle is
                # a parameter.
                quoted = connection.ops.quote_name(table)
                sql = f"SELECT COUNT(*) FROM {quoted} WHERE CAST({column} AS TEXT) LIKE %s"  # noqa: S608, E501
                cursor.execute(sql, [f"%{needle}%"])
                if cursor.fetchone()[0]:
                    found.append(f"{table}.{field.column}")
    return found


def storage_holds(needle: str) -> list[str]:
    found = []
    for folder, _dirs, files in os.walk(settings.MEDIA_ROOT):
        for name in files:
            path = os.path.join(folder, name)
            with open(path, "rb") as handle:
                if needle.encode() in handle.read() or needle in name:
                    found.append(path)
    return found


def test_her_copy_holds_all_of_hers_and_none_of_hers_fellow_trainees(traced):
    counts, archive = export(traced.amina)
    text = everything(archive)
    for where, planted in traced.mine.items():
        assert planted in text, f"her {where} is missing from her copy"
    for where, planted in traced.theirs.items():
        assert planted not in text, f"Hodan's {where} is in Amina's copy"
    assert counts["reflections"] == 1 and counts["homework"] == 1
    names = archive.namelist()
    assert {"index.html", "data.json"} <= set(names)
    files = [n for n in names if n.startswith("files/")]
    # Her recording, her homework file (under the name she gave it) and the
    # recorded feedback she was given.
    assert len(files) == 3
    assert any(traced.mine["file_name"] in n for n in files)
    data = json.loads(archive.read("data.json"))
    assert data["person"]["username"] == "amina"
    assert (
        data["parts"]["reflections"]["records"][0]["text"] == traced.mine["reflection"]
    )


def test_a_draft_review_is_not_hers_yet(traced):
    review = Review.objects.get(submission__enrollment__user=traced.amina)
    review.released_at = None
    review.save()
    _counts, archive = export(traced.amina)
    text = everything(archive)
    assert traced.mine["feedback"] not in text
    assert traced.mine["feedback_audio"] not in text


def test_the_summary_is_in_her_language_and_reads_right_to_left(traced):
    set_language(user=traced.amina, language="ar")
    _counts, archive = export(traced.amina)
    summary = archive.read("index.html").decode()
    assert '<html lang="ar" dir="rtl">' in summary
    with translation.override("ar"):
        title = str(privacy.providers()[0].title)
    assert title in summary
    assert traced.mine["reflection"] in summary


def test_erasure_leaves_none_of_her_words_or_files_anywhere(
    traced, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        result = privacy.erase(traced.amina, by=traced.coordinator)
    assert result["files"] == 3
    for where, planted in traced.mine.items():
        assert not database_holds(planted), f"her {where} is still in the database"
        assert not storage_holds(planted), f"her {where} is still in storage"
    for needle in ("Amina", "Farah", "amina.farah@example.org"):
        assert not database_holds(needle), f"{needle} still names her"
    # Hodan's are untouched.
    for where, planted in traced.theirs.items():
        assert database_holds(planted) or storage_holds(planted), where


def test_erasure_keeps_the_groups_numbers_and_the_reviewers_history(
    traced, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        privacy.erase(traced.amina)
    traced.amina.refresh_from_db()
    assert traced.amina.username.startswith("erased-")
    assert not traced.amina.is_active and not traced.amina.has_usable_password()
    enrollment = Enrollment.objects.get(user=traced.amina)
    assert enrollment.screening_notes == ""
    assert Attendance.objects.filter(enrollment=enrollment).count() == 1
    assert Review.objects.filter(reviewer=traced.supervisor).count() == 2
    assert Submission.objects.get(enrollment=enrollment).status == "submitted"
    assert not Reflection.objects.filter(author=traced.amina).exists()


def test_erasing_twice_is_harmless(traced, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        privacy.erase(traced.amina)
    name = type(traced.amina).objects.get(pk=traced.amina.pk).username
    with django_capture_on_commit_callbacks(execute=True):
        again = privacy.erase(traced.amina)
    assert again["files"] == 0
    assert sum(again["records"].values()) == 0
    assert type(traced.amina).objects.get(pk=traced.amina.pk).username == name


def test_erasure_signs_her_out_everywhere(traced, django_capture_on_commit_callbacks):
    phone = Client()
    phone.force_login(traced.amina)
    dashboard = reverse("lms:dashboard")
    assert phone.get(dashboard).status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        privacy.erase(traced.amina)
    assert phone.get(dashboard).status_code == 302


def diploma_for(traced):
    enrollment = Enrollment.objects.get(user=traced.amina)
    code = codes.new_code()
    diploma = Diploma.objects.create(
        enrollment=enrollment,
        user=traced.amina,
        code=code,
        holder_name="Amina Farah",
        course_title="Grunnopplæring",
        course_key=enrollment.cohort.course.translation_key,
        chapter_name=enrollment.cohort.chapter.name,
        claims={
            "holder_name": "Amina Farah",
            "programme": "Grunnopplæring",
            "issued_on": "2026-11-01",
            "verification_code": code,
            "holder_language": "so",
        },
        status_index=800_001,
        issued_at=timezone.now(),
    )
    diploma.pdf.save("diploma.pdf", ContentFile(PDF_PLANT.encode()))
    return diploma


PDF_PLANT = "PLANT-amina-diploma-pdf"


def test_her_diploma_stays_verifiable_as_a_short_record(
    traced, django_capture_on_commit_callbacks
):
    diploma = diploma_for(traced)
    with django_capture_on_commit_callbacks(execute=True):
        privacy.erase(traced.amina)
    diploma.refresh_from_db()
    assert diploma.revoked_at is None
    assert diploma.claims["holder_name"] == "Amina Farah"
    assert "holder_language" not in diploma.claims
    assert not diploma.pdf and not storage_holds(PDF_PLANT)
    page = Client().get(reverse("lms:verify_diploma", args=[diploma.code]))
    assert page.status_code == 200
    assert "Amina Farah" in page.content.decode()


def test_asking_for_the_diploma_too_revokes_it_and_removes_her_name(
    traced, django_capture_on_commit_callbacks
):
    diploma = diploma_for(traced)
    with django_capture_on_commit_callbacks(execute=True):
        privacy.erase(traced.amina, include_diplomas=True, by=traced.coordinator)
    diploma.refresh_from_db()
    assert diploma.revoked_at is not None
    assert diploma.holder_name == "" and diploma.claims["holder_name"] == ""
    assert not database_holds("Amina Farah")
    page = Client().get(reverse("lms:verify_diploma", args=[diploma.code]))
    assert page.status_code == 200


def test_no_record_of_an_erasure_names_her(traced, django_capture_on_commit_callbacks):
    request = privacy.ask_erasure(user=traced.amina)
    with django_capture_on_commit_callbacks(execute=True):
        privacy.confirm_erasure(erasure_request=request, by=traced.coordinator)
    record = ErasureRecord.objects.get()
    assert record.erased_by == traced.coordinator
    assert record.counts["reflections"] == 1
    assert "amina" not in json.dumps(record.counts).lower()


def test_a_requested_copy_is_made_in_the_background_and_expires(
    traced, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        made = privacy.request_export(user=traced.amina, by=traced.amina)
    made.refresh_from_db()
    assert made.ready_at and not made.failed
    assert (made.expires_at - made.ready_at).days == 7
    with made.file.open("rb") as stored:
        archive = zipfile.ZipFile(io.BytesIO(stored.read()))
    assert traced.mine["reflection"] in everything(archive)
    assert made.size == made.file.size


def test_a_copy_that_cannot_be_made_is_marked_failed_not_lost(
    traced, django_capture_on_commit_callbacks, monkeypatch
):
    def broken(*args, **kwargs):
        raise OSError("No space left on device")

    monkeypatch.setattr(privacy, "write_export", broken)
    with django_capture_on_commit_callbacks(execute=True):
        made = privacy.request_export(user=traced.amina, by=traced.amina)
    made.refresh_from_db()
    assert made.failed and not made.ready_at and not made.file


def test_each_parts_count_matches_her_records_without_reading_them(traced):
    """The "My data" page shows counts from one COUNT per kind; they agree with her copy
    (signing in counts her attempts, not her open sessions)."""
    for provider in privacy.providers():
        assert provider.count is not None, provider.key
        records = provider.export(traced.amina)
        if provider.key == "signing_in":
            records = [r for r in records if "signed_in_sessions" not in r]
        assert provider.record_count(traced.amina) == len(records), provider.key
