"""Reflections as a trainee and a supervisor meet them: the form on the module
page, autosave, voice recordings, the journal, sharing, and every denial."""

import html

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from lms import reflections as service
from lms.choices import EnrollmentStatus, StaffRole
from lms.models import Reflection
from lms.models.reflections import REFLECTION_MAX_CHARS
from lms.reflections import EmptyReflection, ReflectionError, check_text_length
from tests.factories.courses import ModulePageFactory
from tests.factories.lms import (
    ChapterFactory,
    CohortFactory,
    CohortStaffFactory,
    EnrollmentFactory,
    ReflectionFactory,
    UserFactory,
)
from tests.helpers import as_user
from tests.lms.test_reflections import HTML, MP3, WEBM, prompt_key

pytestmark = pytest.mark.django_db

JSON = {"HTTP_ACCEPT": "application/json"}


@pytest.fixture
def world(cohort_with_sessions):
    w = cohort_with_sessions
    w.module = w.modules[0]
    w.prompt = prompt_key(w.module)
    w.amina = w.enrollments[0].user
    w.hodan = w.enrollments[1].user
    other_cohort = CohortFactory(course=w.course, chapter=ChapterFactory())
    w.other_supervisor = CohortStaffFactory(
        cohort=other_cohort, role=StaffRole.SUPERVISOR
    ).user
    w.other_trainee = EnrollmentFactory(cohort=other_cohort).user
    w.withdrawn = EnrollmentFactory(
        cohort=w.cohort, status=EnrollmentStatus.WITHDRAWN
    ).user
    w.admin = UserFactory(username="root", is_superuser=True, is_staff=True)
    w.outsider = UserFactory(username="outsider")
    return w


def save(client, w, text, revision=0, page=None, prompt=None, **extra):
    data = {
        "page": (page or w.module).pk,
        "prompt": prompt or w.prompt,
        "text": text,
        "revision": revision,
        "next": (page or w.module).url,
    }
    return client.post(reverse("lms:save_reflection"), data, **extra)


def upload(client, w, content, name="recording.webm", **extra):
    data = {
        "page": w.module.pk,
        "prompt": w.prompt,
        "next": w.module.url,
        "audio": SimpleUploadedFile(name, content, content_type="audio/webm"),
    }
    return client.post(reverse("lms:upload_reflection_audio"), data, **extra)


# --- the prompt on the module page ---------------------------------------------------


def test_visitor_sees_the_prompt_and_a_sign_in_link_only(client, world):
    body = client.get(world.module.url).content.decode()
    assert "Hva tar du med deg?" in body
    assert f"/nb/login/?next={world.module.url}%23reflection-{world.prompt}" in body
    assert "<textarea" not in body
    assert "reflection.js" not in body


def test_enrolled_trainee_gets_the_form(world):
    body = as_user(world.amina).get(world.module.url).content.decode()
    assert 'name="text"' in body
    assert f'name="prompt" value="{world.prompt}"' in body
    assert "lms/reflection.js" in body
    # The file input, for phones without a recorder.
    assert 'accept="audio/*" capture' in body


def test_staff_not_enrolled_see_no_form(world):
    for user in (world.supervisor, world.coordinator, world.lecturer, world.outsider):
        body = as_user(user).get(world.module.url).content.decode()
        assert "<textarea" not in body, user


def test_plain_post_saves_and_returns_to_the_module(world):
    client = as_user(world.amina)
    response = save(client, world, "Jeg tenkte på barna mine.")
    assert response.status_code == 302
    assert response["Location"] == world.module.url
    body = client.get(world.module.url).content.decode()
    assert "Jeg tenkte på barna mine.</textarea>" in body
    assert 'name="revision" value="1"' in body
    reflection = Reflection.objects.get()
    assert reflection.enrollment == world.enrollments[0]
    assert reflection.module_key == world.module.translation_key


def test_autosave_answers_with_json_and_the_new_revision(world):
    client = as_user(world.amina)
    first = save(client, world, "Utkast", **JSON)
    assert first.status_code == 200
    assert first.json()["revision"] == 1
    second = save(client, world, "Utkast to", revision=1, **JSON)
    assert second.json()["revision"] == 2
    assert Reflection.objects.get().text == "Utkast to"


def test_stale_tab_gets_409_with_the_newer_text(world):
    client = as_user(world.amina)
    save(client, world, "Fra mobilen", **JSON)
    response = save(client, world, "Fra den gamle fanen", revision=0, **JSON)
    assert response.status_code == 409
    assert response.json()["text"] == "Fra mobilen"
    assert response.json()["revision"] == 1
    assert Reflection.objects.get().text == "Fra mobilen"


def test_stale_plain_post_shows_both_texts_and_keeps_hers(world):
    client = as_user(world.amina)
    save(client, world, "Nyere tekst")
    response = save(client, world, "Min tekst", revision=0)
    assert response.status_code == 409
    body = response.content.decode()
    assert "Min tekst</textarea>" in body
    assert "Nyere tekst" in body
    # Saving again from this form keeps hers, knowingly.
    assert 'name="revision" value="1"' in body
    assert save(client, world, "Min tekst", revision=1).status_code == 302
    assert Reflection.objects.get().text == "Min tekst"


def test_double_click_on_save_makes_one_reflection(world):
    client = as_user(world.amina)
    assert save(client, world, "En gang").status_code == 302
    assert save(client, world, "En gang").status_code == 302
    assert Reflection.objects.count() == 1


def test_empty_reflection_gets_a_message_and_nothing_is_saved(world):
    # Messages and address in one language, whatever earlier tests left on.
    with translation.override("nb"):
        client = as_user(world.amina)
        response = save(client, world, "  ")
        assert response.status_code == 400
        assert str(EmptyReflection().message) in response.content.decode()
        assert not Reflection.objects.exists()
        response = save(client, world, "", **JSON)
        assert response.status_code == 400
        assert response.json()["error"] == str(EmptyReflection().message)


def test_oversized_text_gets_a_message_and_stays_in_the_form(world):
    # Messages and address in one language, whatever earlier tests left on.
    with translation.override("nb"):
        client = as_user(world.amina)
        long_text = "Lang tekst. " * (REFLECTION_MAX_CHARS // 10)
        response = save(client, world, long_text)
        assert response.status_code == 400
        body = response.content.decode()
        with pytest.raises(ReflectionError) as error:
            check_text_length(long_text)
        assert html.escape(str(error.value.message)) in body
        assert f"{long_text}</textarea>" in body
        assert not Reflection.objects.exists()


def test_garbled_form_gets_a_message_not_a_500(world):
    client = as_user(world.amina)
    response = client.post(
        reverse("lms:save_reflection"), {"page": "x", "text": "hei"}, **JSON
    )
    assert response.status_code == 400
    assert response.json()["error"]


def test_unknown_prompt_or_page_is_404(world):
    client = as_user(world.amina)
    data = {"page": world.module.pk, "prompt": "nope", "text": "hei", "revision": 0}
    assert client.post(reverse("lms:save_reflection"), data).status_code == 404
    data = {"page": 999999, "prompt": world.prompt, "text": "hei", "revision": 0}
    assert client.post(reverse("lms:save_reflection"), data).status_code == 404


@pytest.mark.parametrize(
    "who", ["withdrawn", "outsider", "supervisor", "coordinator", "lecturer", "admin"]
)
def test_only_enrolled_trainees_write_reflections(world, who):
    response = save(as_user(getattr(world, who)), world, "Ikke min", **JSON)
    assert response.status_code == 403
    assert not Reflection.objects.exists()


def test_no_reflection_before_the_module_opens(world):
    later = world.modules[3]  # its session is two weeks ahead
    client = as_user(world.amina)
    body = client.get(later.url).content.decode()
    assert "<textarea" not in body
    response = save(client, world, "For tidlig", page=later, prompt=prompt_key(later))
    assert response.status_code == 403
    assert not Reflection.objects.exists()


def test_csrf_is_enforced(world):
    client = Client(enforce_csrf_checks=True)
    client.force_login(world.amina)
    assert save(client, world, "Uten token").status_code == 403
    assert save(client, world, "Uten token", **JSON).status_code == 403
    assert not Reflection.objects.exists()


def test_get_is_not_allowed_on_save(world):
    response = as_user(world.amina).get(reverse("lms:save_reflection"))
    assert response.status_code == 405


def test_signed_out_autosave_gets_401_not_the_login_page(client, world):
    response = save(client, world, "Utløpt innlogging", **JSON)
    assert response.status_code == 401
    assert response.json()["status"] == "signed_out"
    response = save(client, world, "Utløpt innlogging")
    assert response.status_code == 302
    assert response["Location"].startswith("/nb/login/?next=")
    assert world.module.url in response["Location"]
    assert not Reflection.objects.exists()


def test_same_reflection_in_norwegian_and_arabic(world, translate):
    arabic = translate(world.module, "ar", title="الطفل واللغة")
    client = as_user(world.amina)
    save(client, world, "Skrevet på norsk")
    body = client.get(arabic.url).content.decode()
    assert arabic.url.startswith("/ar/")
    assert "Skrevet på norsk</textarea>" in body
    # Saving from the Arabic page updates the same reflection.
    response = save(client, world, "Endret på arabisk side", revision=1, page=arabic)
    assert response.status_code == 302
    assert Reflection.objects.get().text == "Endret på arabisk side"
    assert Reflection.objects.count() == 1


def count_queries(client, url):
    client.get(url)
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200
    return len(ctx.captured_queries), response.content.decode()


def test_module_page_queries_do_not_grow_with_prompts(world):
    prompts = [
        {
            "type": "reflection_prompt",
            "value": {"prompt": f"Spørsmål {n}", "guidance": ""},
        }
        for n in range(6)
    ]
    world.cohort.open_all_material = True  # no sessions for these two modules
    world.cohort.save()
    many = ModulePageFactory(parent=world.course, number=20, slug="mange", body=prompts)
    one = ModulePageFactory(parent=world.course, number=21, slug="en", body=prompts[:1])
    client = as_user(world.amina)
    for n, block in enumerate(many.body):
        ReflectionFactory(
            enrollment=world.enrollments[0],
            module_key=many.translation_key,
            prompt_key=block.id,
            text=f"Svar {n}",
        )
    few, _ = count_queries(client, one.url)
    lots, body = count_queries(client, many.url)
    assert few == lots, (few, lots)
    assert body.count("<textarea") == 6
    assert "Svar 5</textarea>" in body
    assert body.count("lms/reflection.js") == 1


# --- voice recordings ----------------------------------------------------------------


def test_recording_uploads_and_plays_back_for_her(world):
    client = as_user(world.amina)
    response = upload(client, world, WEBM, **JSON)
    assert response.status_code == 200
    audio_url = response.json()["audio_url"]
    assert audio_url.startswith(
        reverse("lms:reflection_audio", args=[Reflection.objects.get().pk])
    )
    played = client.get(audio_url)
    assert played.status_code == 200
    assert played["Content-Type"] == "audio/webm"
    assert played["Content-Disposition"].startswith("inline")
    assert "no-store" in played["Cache-Control"]
    assert b"".join(played.streaming_content) == WEBM
    body = client.get(world.module.url).content.decode()
    assert f'src="{audio_url}"' in body
    assert "/media/" not in body  # never a public media address


def test_plain_file_upload_works_without_script(world):
    client = as_user(world.amina)
    response = upload(client, world, MP3, name="opptak.mp3")
    assert response.status_code == 302
    assert Reflection.objects.get().audio_content_type == "audio/mpeg"


@pytest.mark.parametrize(
    ("content", "name"),
    [(HTML, "evil.webm"), (b"", "empty.webm")],
    ids=["html", "empty"],
)
def test_disallowed_audio_gets_a_message(world, content, name):
    client = as_user(world.amina)
    response = upload(client, world, content, name=name, **JSON)
    assert response.status_code == 400
    assert response.json()["error"]
    response = upload(client, world, content, name=name, follow=True)
    assert response.status_code == 200
    assert "message--error" in response.content.decode()
    assert not Reflection.objects.exists()


def test_audio_over_the_limit_gets_a_message(world, settings):
    settings.LMS_REFLECTION_AUDIO_MAX_BYTES = 100
    response = upload(as_user(world.amina), world, WEBM, **JSON)
    assert response.status_code == 400
    assert "MB" in response.json()["error"]
    assert not Reflection.objects.exists()


def test_delete_recording(world):
    client = as_user(world.amina)
    save(client, world, "Tekst og lyd")
    upload(client, world, WEBM)
    reflection = Reflection.objects.get()
    url = reverse("lms:delete_reflection_audio", args=[reflection.pk])
    assert as_user(world.hodan).post(url).status_code == 404
    assert client.post(url, {"next": world.module.url}).status_code == 302
    reflection.refresh_from_db()
    assert not reflection.audio
    assert reflection.text == "Tekst og lyd"


@pytest.fixture
def recorded(world):
    upload(as_user(world.amina), world, WEBM)
    world.reflection = Reflection.objects.get()
    world.audio_url = reverse("lms:reflection_audio", args=[world.reflection.pk])
    return world


@pytest.mark.parametrize(
    "who",
    [
        "hodan",
        "other_trainee",
        "supervisor",
        "other_supervisor",
        "coordinator",
        "lecturer",
        "admin",
    ],
)
def test_private_recording_is_hers_alone(recorded, who):
    response = as_user(getattr(recorded, who)).get(recorded.audio_url)
    assert response.status_code == 404


def test_anonymous_cannot_fetch_a_recording(client, recorded):
    response = client.get(recorded.audio_url)
    assert response.status_code == 302
    assert "/login/" in response["Location"]


@pytest.mark.parametrize(
    "who", ["hodan", "other_supervisor", "coordinator", "lecturer", "admin"]
)
def test_shared_recording_reaches_her_supervisor_only(recorded, who):
    service.share_reflection(reflection=recorded.reflection)
    assert as_user(recorded.supervisor).get(recorded.audio_url).status_code == 200
    assert as_user(getattr(recorded, who)).get(recorded.audio_url).status_code == 404


# --- sharing -------------------------------------------------------------------------


def test_share_and_withdraw_from_the_module_page(world):
    client = as_user(world.amina)
    save(client, world, "Til veilederen")
    reflection = Reflection.objects.get()
    body = client.get(world.module.url).content.decode()
    assert "Share with my supervisor" in body or "Del med" in body
    share = reverse("lms:share_reflection", args=[reflection.pk])
    assert client.post(share, {"next": world.module.url}).status_code == 302
    supervisor = as_user(world.supervisor)
    listing = supervisor.get(reverse("lms:shared_reflections")).content.decode()
    assert "Til veilederen" in listing
    unshare = reverse("lms:unshare_reflection", args=[reflection.pk])
    assert client.post(unshare, {"next": world.module.url}).status_code == 302
    listing = supervisor.get(reverse("lms:shared_reflections")).content.decode()
    assert "Til veilederen" not in listing


@pytest.mark.parametrize("who", ["hodan", "supervisor", "coordinator", "admin"])
def test_nobody_else_shares_or_deletes_her_reflection(world, who):
    reflection = ReflectionFactory(enrollment=world.enrollments[0], text="Privat")
    client = as_user(getattr(world, who))
    for name in ("share_reflection", "unshare_reflection", "delete_reflection"):
        url = reverse(f"lms:{name}", args=[reflection.pk])
        assert client.post(url).status_code == 404
    url = reverse("lms:edit_reflection", args=[reflection.pk])
    assert client.get(url).status_code == 404
    reflection.refresh_from_db()
    assert reflection.shared_at is None


def test_share_needs_post(world):
    reflection = ReflectionFactory(enrollment=world.enrollments[0])
    client = as_user(world.amina)
    url = reverse("lms:share_reflection", args=[reflection.pk])
    assert client.get(url).status_code == 405


@pytest.mark.parametrize(
    "who", ["amina", "coordinator", "lecturer", "admin", "outsider"]
)
def test_shared_list_is_for_supervisors_only(world, who):
    response = as_user(getattr(world, who)).get(reverse("lms:shared_reflections"))
    assert response.status_code == 403


def test_anonymous_is_sent_to_login_from_the_shared_list(client, world):
    response = client.get(reverse("lms:shared_reflections"))
    assert response.status_code == 302


def test_supervisor_sees_only_shared_reflections_of_her_cohorts(world, translate):
    translate(world.module, "ar", title="الطفل واللغة")
    shared = ReflectionFactory(
        enrollment=world.enrollments[0],
        module_key=world.module.translation_key,
        text="Delt tekst",
    )
    service.share_reflection(reflection=shared)
    ReflectionFactory(enrollment=world.enrollments[1], text="Privat tekst")
    elsewhere = ReflectionFactory(
        enrollment=EnrollmentFactory(
            cohort=world.other_supervisor.cohort_roles.get().cohort
        ),
        text="Annen gruppe",
    )
    service.share_reflection(reflection=elsewhere)
    body = (
        as_user(world.supervisor)
        .get(reverse("lms:shared_reflections"))
        .content.decode()
    )
    assert "Delt tekst" in body
    assert "Privat tekst" not in body
    assert "Annen gruppe" not in body
    assert world.module.title in body
    assert "<textarea" not in body  # read-only
    other = as_user(world.other_supervisor).get(reverse("lms:shared_reflections"))
    assert "Delt tekst" not in other.content.decode()
    assert "Annen gruppe" in other.content.decode()


def test_shared_list_queries_do_not_grow(world):
    client = as_user(world.supervisor)
    url = reverse("lms:shared_reflections")

    def make(n):
        for _ in range(n):
            reflection = ReflectionFactory(
                enrollment=EnrollmentFactory(cohort=world.cohort),
                module_key=world.modules[_ % 4].translation_key,
            )
            service.share_reflection(reflection=reflection)

    make(3)
    few, _body = count_queries(client, url)
    make(27)
    many, body = count_queries(client, url)
    assert body.count("journal__entry") == 30
    assert few == many, (few, many)


# --- the journal ---------------------------------------------------------------------


def test_journal_lists_only_her_reflections_with_module_links(world):
    ReflectionFactory(
        enrollment=world.enrollments[0],
        module_key=world.module.translation_key,
        prompt_key=world.prompt,
        text="Min refleksjon",
    )
    ReflectionFactory(enrollment=world.enrollments[1], text="Hodans refleksjon")
    body = as_user(world.amina).get(reverse("lms:journal")).content.decode()
    assert "Min refleksjon" in body
    assert "Hodans refleksjon" not in body
    assert f'href="{world.module.url}#reflection-{world.prompt}"' in body
    assert world.module.title in body


@pytest.mark.parametrize("who", ["supervisor", "coordinator", "admin"])
def test_journal_of_staff_never_shows_trainees_reflections(world, who):
    reflection = ReflectionFactory(enrollment=world.enrollments[0], text="Hemmelig")
    service.share_reflection(reflection=reflection)
    body = as_user(getattr(world, who)).get(reverse("lms:journal")).content.decode()
    assert "Hemmelig" not in body


def test_anonymous_is_sent_to_login_from_the_journal(client, world):
    assert client.get(reverse("lms:journal")).status_code == 302


def test_journal_shows_module_title_in_her_language(world, translate):
    arabic = translate(world.module, "ar", title="الطفل واللغة")
    ReflectionFactory(
        enrollment=world.enrollments[0],
        module_key=world.module.translation_key,
        prompt_key=world.prompt,
    )
    ReflectionFactory(
        enrollment=world.enrollments[0],
        module_key=world.modules[1].translation_key,
        text="Uoversatt modul",
    )
    client = as_user(world.amina)
    body = client.get(reverse("lms:journal").replace("/nb/", "/ar/")).content.decode()
    assert "الطفل واللغة" in body
    assert f'href="{arabic.url}#reflection-{world.prompt}"' in body
    assert world.modules[1].title in body  # no Arabic copy: the source title


def test_journal_queries_do_not_grow_with_reflections(world):
    client = as_user(world.amina)
    url = reverse("lms:journal")

    def make(n):
        for i in range(n):
            ReflectionFactory(
                enrollment=world.enrollments[0],
                module_key=world.modules[i % 4].translation_key,
            )

    make(3)
    few, _body = count_queries(client, url)
    make(27)
    many, body = count_queries(client, url)
    assert body.count("journal__entry") == 30
    assert few == many, (few, many)


def test_edit_from_the_journal_uses_the_same_form(world):
    client = as_user(world.amina)
    save(client, world, "Først")
    reflection = Reflection.objects.get()
    body = client.get(
        reverse("lms:edit_reflection", args=[reflection.pk])
    ).content.decode()
    assert "Først</textarea>" in body
    assert f'name="page" value="{world.module.pk}"' in body
    assert "lms/reflection.js" in body
    response = client.post(
        reverse("lms:save_reflection"),
        {
            "page": world.module.pk,
            "prompt": world.prompt,
            "text": "Endret i dagboka",
            "revision": 1,
            "next": reverse("lms:journal"),
        },
    )
    assert response["Location"] == reverse("lms:journal")
    assert Reflection.objects.get().text == "Endret i dagboka"


def test_delete_asks_first_then_deletes(world):
    client = as_user(world.amina)
    save(client, world, "Slett meg")
    reflection = Reflection.objects.get()
    url = reverse("lms:delete_reflection", args=[reflection.pk])
    confirm = client.get(url)
    assert confirm.status_code == 200
    assert "Slett meg" in confirm.content.decode()
    assert Reflection.objects.exists()  # nothing happens on GET
    response = client.post(url)
    assert response["Location"] == reverse("lms:journal")
    assert not Reflection.objects.exists()
