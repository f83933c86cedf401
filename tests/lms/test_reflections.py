"""Reflection services: saving text safely, voice recordings, sharing, deleting."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation

from lms import curriculum
from lms import reflections as service
from lms.choices import EnrollmentStatus
from lms.models import Reflection
from lms.models.reflections import REFLECTION_MAX_CHARS
from tests.factories.lms import EnrollmentFactory, ReflectionFactory

pytestmark = pytest.mark.django_db

WEBM = (
    b"\x1a\x45\xdf\xa3\x9f\x42\x86\x81\x01\x42\xf7\x81\x01\x42\xf2\x81\x04"
    b"\x42\xf3\x81\x08\x42\x82\x84webm\x42\x87\x81\x04\x42\x85\x81\x02" + b"\0" * 200
)
OGG = b"OggS\x00\x02" + b"\0" * 200
M4A = b"\x00\x00\x00\x20ftypM4A \x00\x00\x02\x00" + b"\0" * 200
MP3 = b"ID3\x04\x00\x00\x00\x00\x00\x00" + b"\xff\xfb\x90\x00" * 50
HTML = b"<!DOCTYPE html><script>alert(1)</script>" + b" " * 200


def upload(content, name="recording.webm", content_type="audio/webm"):
    return SimpleUploadedFile(name, content, content_type=content_type)


def prompt_key(page):
    return next(b.id for b in page.body if b.block_type == "reflection_prompt")


@pytest.fixture
def amina(cohort_with_sessions):
    w = cohort_with_sessions
    module = w.modules[0]
    enrollment = w.enrollments[0]
    return {
        "author": enrollment.user,
        "enrollment": enrollment,
        "module_key": module.translation_key,
        "prompt_key": prompt_key(module),
        "prompt_text": "Hva tar du med deg?",
    }


def save(target, text, revision=None):
    return service.save_reflection_text(**target, text=text, revision=revision)


# --- text ----------------------------------------------------------------------


def test_first_save_creates_her_reflection_at_revision_one(amina):
    reflection = save(amina, "Jeg lærte mye.", revision=0)
    assert reflection.text == "Jeg lærte mye."
    assert reflection.revision == 1
    assert reflection.enrollment == amina["enrollment"]
    assert reflection.shared_at is None  # private by default


def test_each_change_bumps_the_revision(amina):
    first = save(amina, "En", revision=0)
    second = save(amina, "En to", revision=first.revision)
    assert second.pk == first.pk
    assert second.revision == 2
    assert Reflection.objects.get().text == "En to"


def test_stale_second_tab_does_not_overwrite_newer_text(amina):
    save(amina, "Fra fanen på mobilen", revision=0)
    save(amina, "Nyere tekst fra mobilen", revision=1)
    with pytest.raises(service.ReflectionConflict) as conflict:
        save(amina, "Gammel fane", revision=1)
    assert conflict.value.reflection.text == "Nyere tekst fra mobilen"
    assert conflict.value.reflection.revision == 2
    assert Reflection.objects.get().text == "Nyere tekst fra mobilen"


def test_double_click_saves_once(amina):
    save(amina, "Dobbeltklikk", revision=0)
    again = save(amina, "Dobbeltklikk", revision=0)  # same form, posted twice
    assert again.revision == 1
    assert Reflection.objects.count() == 1


def test_a_racing_create_falls_back_to_the_existing_row(amina):
    # What the second of two simultaneous first saves meets: the unique
    # constraint, then the row the first one made.
    existing = save(amina, "Først", revision=0)
    reflection, created = service._create_or_lock(
        author=amina["author"],
        enrollment=amina["enrollment"],
        module_key=amina["module_key"],
        prompt_key=amina["prompt_key"],
        prompt_text="",
    )
    assert not created
    assert reflection.pk == existing.pk
    assert Reflection.objects.count() == 1


def test_empty_reflection_is_refused_and_nothing_is_created(amina):
    with pytest.raises(service.EmptyReflection):
        save(amina, "   \n ", revision=0)
    assert not Reflection.objects.exists()


def test_emptying_a_written_reflection_keeps_the_old_text(amina):
    save(amina, "Viktige tanker", revision=0)
    with pytest.raises(service.EmptyReflection):
        save(amina, "", revision=1)
    assert Reflection.objects.get().text == "Viktige tanker"


def test_oversized_text_is_refused_and_the_stored_text_stays(amina):
    save(amina, "Kort", revision=0)
    with pytest.raises(service.ReflectionError) as error:
        save(amina, "x" * (REFLECTION_MAX_CHARS + 1), revision=1)
    assert str(REFLECTION_MAX_CHARS) in str(error.value.message)
    assert Reflection.objects.get().text == "Kort"


def test_text_at_the_limit_is_accepted(amina):
    assert len(save(amina, "x" * REFLECTION_MAX_CHARS, revision=0).text) == (
        REFLECTION_MAX_CHARS
    )


def test_browser_line_breaks_are_stored_as_newlines(amina):
    assert save(amina, "En\r\nto", revision=0).text == "En\nto"


# --- where a reflection belongs ------------------------------------------------------


def test_enrollment_is_found_from_any_language_copy_of_the_module(
    cohort_with_sessions, translate
):
    w = cohort_with_sessions
    amina = w.enrollments[0]
    arabic = translate(w.modules[0], "ar")
    assert service.enrollment_for_module(amina.user, w.modules[0]) == amina
    assert service.enrollment_for_module(amina.user, arabic) == amina


def test_no_enrollment_for_withdrawn_or_other_course(
    cohort_with_sessions, build_course
):
    w = cohort_with_sessions
    withdrawn = EnrollmentFactory(cohort=w.cohort, status=EnrollmentStatus.WITHDRAWN)
    assert service.enrollment_for_module(withdrawn.user, w.modules[0]) is None
    _other_course, other_modules = build_course(modules=1)
    amina = w.enrollments[0].user
    assert service.enrollment_for_module(amina, other_modules[0]) is None
    assert service.enrollment_for_module(w.supervisor, w.modules[0]) is None


def test_the_prompt_is_read_from_the_page_not_the_browser(cohort_with_sessions):
    module = cohort_with_sessions.modules[0]
    content = curriculum.content_of(module)
    assert content.reflection_prompt(prompt_key(module)) == "Hva tar du med deg?"
    assert content.reflection_prompt("not-a-block") is None


# --- audio ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("content", "content_type"),
    [(WEBM, "audio/webm"), (OGG, "audio/ogg"), (M4A, "audio/mp4"), (MP3, "audio/mpeg")],
)
def test_audio_type_comes_from_the_bytes(content, content_type):
    # The name and the browser's type say otherwise; the bytes decide.
    assert service.check_audio(upload(content, "x.txt", "text/plain")) == content_type


@pytest.mark.parametrize(
    "content",
    [HTML, b"", b"\x1a\x45\xdf\xa3" + b"\0" * 60 + b"matroska"],
    ids=["html-renamed-webm", "empty", "ebml-not-webm"],
)
def test_disallowed_audio_is_refused_with_a_message(content):
    with pytest.raises(service.ReflectionError) as error:
        service.check_audio(upload(content))
    assert error.value.message


def test_audio_over_the_limit_is_refused(settings):
    settings.LMS_REFLECTION_AUDIO_MAX_BYTES = 100
    with translation.override("en"), pytest.raises(service.ReflectionError) as error:
        service.check_audio(upload(WEBM))
    assert "The recording is too large" in str(error.value.message)


def test_attach_audio_stores_it_privately_under_a_neutral_name(amina):
    reflection = service.attach_audio(
        **amina, upload=upload(WEBM, "Amina sin stemme.webm")
    )
    assert reflection.audio_content_type == "audio/webm"
    assert reflection.audio.name.endswith(".webm")
    assert "Amina" not in reflection.audio.name
    assert reflection.audio.storage.exists(reflection.audio.name)
    assert reflection.text == ""  # a voice-only reflection is fine


def test_new_recording_replaces_and_deletes_the_old_file(
    amina, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        first = service.attach_audio(**amina, upload=upload(WEBM))
    old_name = first.audio.name
    with django_capture_on_commit_callbacks(execute=True):
        second = service.attach_audio(**amina, upload=upload(MP3, "x.mp3"))
    assert second.pk == first.pk
    assert second.audio_content_type == "audio/mpeg"
    assert not second.audio.storage.exists(old_name)
    assert second.audio.storage.exists(second.audio.name)


def test_refused_recording_keeps_the_earlier_one(amina):
    first = service.attach_audio(**amina, upload=upload(WEBM))
    with pytest.raises(service.ReflectionError):
        service.attach_audio(**amina, upload=upload(HTML))
    first.refresh_from_db()
    assert first.audio.storage.exists(first.audio.name)


def test_removing_the_only_content_deletes_the_reflection(
    amina, django_capture_on_commit_callbacks
):
    reflection = service.attach_audio(**amina, upload=upload(WEBM))
    name = reflection.audio.name
    with django_capture_on_commit_callbacks(execute=True):
        assert service.remove_audio(reflection=reflection) is None
    assert not Reflection.objects.exists()
    assert not reflection.audio.storage.exists(name)


def test_removing_audio_keeps_the_text(amina):
    save(amina, "Tekst", revision=0)
    service.attach_audio(**amina, upload=upload(WEBM))
    kept = service.remove_audio(reflection=Reflection.objects.get())
    assert kept.text == "Tekst"
    assert not kept.audio


# --- sharing and deleting ----------------------------------------------------------


def test_share_and_withdraw(amina):
    reflection = save(amina, "Del meg", revision=0)
    service.share_reflection(reflection=reflection)
    assert Reflection.objects.get().is_shared
    service.unshare_reflection(reflection=reflection)
    assert not Reflection.objects.get().is_shared


def test_sharing_does_not_count_as_an_edit(amina):
    reflection = save(amina, "Del meg", revision=0)
    service.share_reflection(reflection=reflection)
    assert Reflection.objects.get().revision == 1


def test_a_reflection_without_a_group_cannot_be_shared(cohort_with_sessions):
    reflection = ReflectionFactory(enrollment=cohort_with_sessions.enrollments[0])
    reflection.enrollment = None
    reflection.save()
    with pytest.raises(service.ReflectionError):
        service.share_reflection(reflection=reflection)


def test_delete_removes_text_and_recording(amina, django_capture_on_commit_callbacks):
    reflection = service.attach_audio(**amina, upload=upload(WEBM))
    name = reflection.audio.name
    with django_capture_on_commit_callbacks(execute=True):
        service.delete_reflection(reflection=reflection)
    assert not Reflection.objects.exists()
    assert not reflection.audio.storage.exists(name)
