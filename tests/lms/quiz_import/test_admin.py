"""The quiz admin: coordinators import, edit and export quizzes; trainees
and supervisors cannot; a malformed file makes nothing and says where."""

import base64
import json

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.test.utils.form_data import inline_formset, nested_form_data
from wagtail.users.models import UserProfile

from lms.choices import QuestionKind, RoleGroup
from lms.models import Question, Quiz, QuizCategory
from lms.quiz_formats import store
from tests.factories.lms import UserFactory
from tests.lms.quiz_import.conftest import GIFT, png_bytes, quiz_json

pytestmark = pytest.mark.django_db

IMPORT = "wagtailsnippets_lms_quiz:import"


def in_english(user):
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "en"
    profile.save()
    return user


def client_for(user):
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def coordinator(locales):
    user = UserFactory(username="koordinator")
    user.groups.add(Group.objects.get(name=RoleGroup.COORDINATOR))
    return in_english(user)


@pytest.fixture
def supervisor(locales):
    """A supervisor who may use the admin (for her own work), nothing more."""
    user = UserFactory(username="veileder")
    user.groups.add(Group.objects.get(name=RoleGroup.SUPERVISOR))
    user.user_permissions.add(
        Permission.objects.get(
            codename="access_admin", content_type__app_label="wagtailadmin"
        )
    )
    return in_english(user)


@pytest.fixture
def trainee(locales):
    user = UserFactory(username="deltaker")
    user.groups.add(Group.objects.get(name=RoleGroup.TRAINEE))
    return in_english(user)


def upload(text, name="quiz.gift"):
    return SimpleUploadedFile(name, text.encode("utf-8"), content_type="text/plain")


def test_the_listing_offers_import_and_export_to_a_coordinator(coordinator):
    quiz = store.import_file(GIFT.encode(), "gift", title="Klage").quiz
    client = client_for(coordinator)

    page = client.get(reverse("wagtailsnippets_lms_quiz:list")).content.decode()

    assert reverse(IMPORT) in page
    assert "Import a quiz" in page
    assert reverse("wagtailsnippets_lms_quiz:export", args=[quiz.pk]) in page


def test_a_coordinator_imports_a_gift_file_and_reads_the_report(coordinator):
    client = client_for(coordinator)
    form = client.get(reverse(IMPORT))
    assert form.status_code == 200
    assert "<fieldset" in form.content.decode() and "<legend" in form.content.decode()

    response = client.post(
        reverse(IMPORT),
        {"file": upload(GIFT, "nav_klage.gift"), "format": "gift", "title": ""},
    )

    assert response.status_code == 302
    quiz = Quiz.objects.get()
    assert quiz.title == "nav klage"  # from the file's name
    assert quiz.questions.count() == 5
    report = client.get(response["Location"]).content.decode()
    assert "nav klage" in report
    assert "5 questions were created, 2 skipped." in report
    assert "Question 4 (line 23), &#x27;Matching&#x27;: matching questions" in report
    assert reverse("wagtailsnippets_lms_quiz:edit", args=[quiz.pk]) in report


def test_a_json_file_with_arabic_is_imported_with_its_translation(coordinator):
    client = client_for(coordinator)
    data = json.dumps(quiz_json(), ensure_ascii=False)

    response = client.post(
        reverse(IMPORT), {"file": upload(data, "barn.json"), "format": "json"}
    )

    assert response.status_code == 302
    assert set(Quiz.objects.values_list("locale__language_code", flat=True)) == {
        "nb",
        "ar",
    }
    report = client.get(response["Location"]).content.decode()
    assert "Translated into:" in report


def test_a_malformed_file_makes_nothing_and_lists_the_line(coordinator):
    client = client_for(coordinator)
    broken = "::A::Hva? {=Ja ~Nei}\n\n::B::Og så? {=Ja ~Nei\n"

    response = client.post(
        reverse(IMPORT), {"file": upload(broken), "format": "gift", "title": "X"}
    )

    assert response.status_code == 200
    page = response.content.decode()
    assert "The file was not imported: nothing was created" in page
    assert "Line 3" in page
    assert 'role="alert"' in page
    assert not Quiz.objects.exists() and not Question.objects.exists()
    assert not QuizCategory.objects.exists()
    # What she chose is kept; only the file must be chosen again.
    assert 'value="X"' in page


def test_a_form_without_a_file_says_so(coordinator):
    response = client_for(coordinator).post(reverse(IMPORT), {"format": "gift"})

    assert response.status_code == 200
    assert "Please correct the following" in response.content.decode()
    assert not Quiz.objects.exists()


@pytest.mark.parametrize("who", ["trainee", "supervisor"])
def test_trainees_and_supervisors_cannot_import(request, who):
    client = client_for(request.getfixturevalue(who))

    shown = client.get(reverse(IMPORT))
    sent = client.post(
        reverse(IMPORT), {"file": upload(GIFT), "format": "gift", "title": "X"}
    )

    assert shown.status_code in (302, 403)
    assert sent.status_code in (302, 403)
    assert not Quiz.objects.exists()


def test_anonymous_visitors_are_sent_to_sign_in(locales):
    response = Client().get(reverse(IMPORT))

    assert response.status_code == 302 and "login" in response["Location"]


def test_export_downloads_every_language(coordinator):
    quiz = store.import_file(json.dumps(quiz_json()).encode(), "json").quiz

    response = client_for(coordinator).get(
        reverse("wagtailsnippets_lms_quiz:export", args=[quiz.pk])
    )

    assert response.status_code == 200
    assert response["Content-Type"] == "application/json; charset=utf-8"
    assert "attachment" in response["Content-Disposition"]
    data = json.loads(response.content)
    assert data["title"] == {"nb": "Barns språk", "ar": "لغة الأطفال"}


@pytest.mark.parametrize("who", ["trainee", "supervisor"])
def test_export_is_refused_to_trainees_and_supervisors(request, who):
    quiz = store.import_file(GIFT.encode(), "gift", title="Klage").quiz

    response = client_for(request.getfixturevalue(who)).get(
        reverse("wagtailsnippets_lms_quiz:export", args=[quiz.pk])
    )

    assert response.status_code in (302, 403)
    assert b"Seks uker" not in response.content


# --- editing a quiz with its questions and answers ---------------------------------


def quiz_form(questions, **fields):
    data = {
        "title": "Klage på vedtak",
        "description": "",
        "pass_mark": "50",
        "pass_message": "",
        "fail_message": "",
        "max_questions": "",
        "questions": inline_formset(questions),
    }
    data.update(fields)
    return nested_form_data(data)


def question(text, kind=QuestionKind.CHOICE, choices=(), **fields):
    return {
        "kind": kind,
        "text": text,
        "explanation": "",
        "true_false_answer": fields.pop("true_false_answer", ""),
        "choices": inline_formset(
            [
                {"text": t, "feedback": "", **({"correct": "on"} if right else {})}
                for t, right in choices
            ]
        ),
        **fields,
    }


ADD = "wagtailsnippets_lms_quiz:add"


def test_a_coordinator_writes_a_quiz_with_questions_and_answers(coordinator):
    client = client_for(coordinator)
    assert client.get(reverse(ADD)).status_code == 200

    response = client.post(
        reverse(ADD),
        quiz_form(
            [
                question(
                    "Hvor lang er fristen?",
                    choices=[("Seks uker", True), ("Ett år", False)],
                ),
                question(
                    "Du kan klage.",
                    kind=QuestionKind.TRUE_FALSE,
                    true_false_answer="true",
                ),
                question("Forklar hvorfor.", kind=QuestionKind.ESSAY),
            ]
        ),
    )

    assert response.status_code == 302, response.content.decode()[:3000]
    quiz = Quiz.objects.get()
    first, second, third = quiz.questions.order_by("sort_order")
    assert [(c.text, c.correct) for c in first.choices.order_by("sort_order")] == [
        ("Seks uker", True),
        ("Ett år", False),
    ]
    assert second.true_false_answer is True
    assert third.kind == QuestionKind.ESSAY


@pytest.mark.parametrize(
    ("questions", "message"),
    [
        (
            [question("Hva?", choices=[("A", False), ("B", False)])],
            "Mark at least one answer as right.",
        ),
        (
            [question("Hva?", choices=[("A", True)])],
            "A multiple-choice question needs at least two answers.",
        ),
        (
            [question("Hva?", choices=[("A", True), ("B", True)])],
            "Only one answer can be right, unless you tick",
        ),
        (
            [question("Sant?", kind=QuestionKind.TRUE_FALSE)],
            "Say whether the statement is true or false.",
        ),
        (
            [question("Skriv.", kind=QuestionKind.ESSAY, choices=[("A", True)])],
            "A written question has no answers to choose from",
        ),
    ],
)
def test_a_question_that_cannot_be_answered_right_is_refused(
    coordinator, questions, message
):
    response = client_for(coordinator).post(reverse(ADD), quiz_form(questions))

    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Quiz.objects.exists() and not Question.objects.exists()


def test_several_right_answers_are_fine_when_several_may_be_right(coordinator):
    response = client_for(coordinator).post(
        reverse(ADD),
        quiz_form(
            [
                question(
                    "Hvem hjelper?",
                    choices=[("NAV", True), ("Rettshjelp", True), ("Ingen", False)],
                    multiple_answers="on",
                )
            ]
        ),
    )

    assert response.status_code == 302
    assert Quiz.objects.get().questions.get().multiple_answers is True


@pytest.mark.parametrize("mark", ["150", "-5", "abc"])
def test_a_pass_mark_outside_0_to_100_gets_a_clear_message(coordinator, mark):
    response = client_for(coordinator).post(reverse(ADD), quiz_form([], pass_mark=mark))

    assert response.status_code == 200
    assert "The pass mark is a percentage from 0 to 100." in response.content.decode()
    assert not Quiz.objects.exists()


def test_trainees_cannot_open_the_quiz_editor(trainee):
    response = client_for(trainee).get(reverse(ADD))

    assert response.status_code in (302, 403)


def many_questions(count):
    """A quiz of `count` pictured questions, each in a category."""
    data = quiz_json()
    picture = {
        "name": "bok.png",
        "kind": "image",
        "content": base64.b64encode(png_bytes()).decode(),
    }
    data["questions"] = [{**data["questions"][0], "media": [picture]}] * count
    return store.import_file(json.dumps(data).encode(), "json").quiz


def queries_for(client, url):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def test_the_editor_shows_each_question_with_its_answers(coordinator):
    quiz = store.import_file(GIFT.encode(), "gift", title="Klage").quiz

    page = client_for(coordinator).get(
        reverse("wagtailsnippets_lms_quiz:edit", args=[quiz.pk])
    )

    html = page.content.decode()
    assert "Hvor lang er klagefristen på et vedtak fra NAV?" in html
    assert "Seks uker" in html and "Answers (multiple choice)" in html


def test_the_editor_reads_as_many_queries_for_30_questions_as_for_3(coordinator):
    client = client_for(coordinator)
    small, big = many_questions(3), many_questions(30)
    edit = "wagtailsnippets_lms_quiz:edit"

    # The first visit makes the pictures' thumbnails; count the next.
    queries_for(client, reverse(edit, args=[small.pk]))
    queries_for(client, reverse(edit, args=[big.pk]))
    assert queries_for(client, reverse(edit, args=[big.pk])) == queries_for(
        client, reverse(edit, args=[small.pk])
    )


def test_the_import_page_reads_right_to_left_in_arabic(coordinator):
    profile = UserProfile.get_for_user(coordinator)
    profile.preferred_language = "ar"
    profile.save()

    page = client_for(coordinator).get(reverse(IMPORT)).content.decode()

    assert 'dir="rtl"' in page
    assert 'name="file"' in page and 'name="format"' in page


def test_a_coordinator_chooses_and_uploads_pictures_and_sounds_for_questions(
    coordinator,
):
    """The question form's picture and sound fields open Wagtail's choosers:
    she can upload there and find what is in the library (without the
    collection permissions Wagtail turns her away)."""
    client = client_for(coordinator)

    response = client.post(
        reverse("wagtailimages:add"),
        {"title": "Brev fra NAV", "file": SimpleUploadedFile("brev.png", png_bytes())},
    )
    assert response.status_code == 302
    assert Image.objects.filter(title="Brev fra NAV").exists()
    response = client.post(
        reverse("wagtaildocs:add"),
        {
            "title": "Spørsmålet lest høyt",
            "file": SimpleUploadedFile("lest.mp3", b"ID3" + b"\0" * 64),
        },
    )
    assert Document.objects.filter(title="Spørsmålet lest høyt").exists()

    images = client.get(reverse("wagtailimages_chooser:choose"))
    documents = client.get(reverse("wagtaildocs_chooser:choose"))
    assert "Brev fra NAV" in images.json()["html"]
    assert "Spørsmålet lest høyt" in documents.json()["html"]


def test_trainees_and_supervisors_upload_nothing_to_the_library(trainee, supervisor):
    for user in (trainee, supervisor):
        client_for(user).post(
            reverse("wagtailimages:add"),
            {"title": user.username, "file": SimpleUploadedFile("x.png", png_bytes())},
        )
        assert not Image.objects.filter(title=user.username).exists()
