"""Importing a quiz file makes the right rows, in one go or not at all."""

import base64
import json

import pytest
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Locale

from lms.choices import QuestionKind
from lms.models import Choice, Question, Quiz, QuizCategory
from lms.quiz_formats import store
from tests.lms.quiz_import.conftest import GIFT, MOODLE_XML, png_bytes, quiz_json

pytestmark = pytest.mark.django_db


def rows(quiz):
    """[(kind, text, multiple, true/false, category path, [(choice, right)])]."""
    return [
        (
            q.kind,
            q.text,
            q.multiple_answers,
            q.true_false_answer,
            q.category.path() if q.category else [],
            [(c.text, c.correct) for c in q.choices.order_by("sort_order")],
        )
        for q in quiz.questions.order_by("sort_order")
    ]


def test_gift_makes_the_questions_with_right_answers_from_the_weights(locales):
    report = store.import_file(GIFT.encode(), "gift", title="Klage på NAV")

    assert report.ok, report.problems
    quiz = report.quiz
    assert quiz.title == "Klage på NAV"
    assert quiz.locale.language_code == "nb"
    assert rows(quiz) == [
        (
            QuestionKind.CHOICE,
            "Hvor lang er klagefristen på et vedtak fra NAV?",
            False,
            None,
            ["Velferd", "Klage"],
            [("Seks uker", True), ("Én uke", False), ("Ett år", False)],
        ),
        (
            QuestionKind.CHOICE,
            "Hvem kan hjelpe deg å skrive en klage?",
            True,
            None,
            ["Velferd", "Klage"],
            [("En veileder i NAV", True), ("En rettshjelper", True), ("Ingen", False)],
        ),
        (
            # One answer: only the one worth 100% is right here.
            QuestionKind.CHOICE,
            "Hva bør en klage inneholde?",
            False,
            None,
            ["Velferd", "Klage"],
            [
                ("Hva du klager på og hvorfor", True),
                ("Bare navnet ditt", False),
                ("Ingenting", False),
            ],
        ),
        (
            QuestionKind.TRUE_FALSE,
            "Du kan klage på et vedtak fra NAV.",
            False,
            True,
            ["Velferd", "Klage"],
            [],
        ),
        (
            QuestionKind.ESSAY,
            "Forklar med egne ord hvordan du klager.",
            False,
            None,
            ["Velferd", "Klage"],
            [],
        ),
    ]
    first = quiz.questions.order_by("sort_order").first()
    assert first.explanation == "Fristen står i vedtaksbrevet."
    assert first.choices.get(text="Seks uker").feedback == (
        "Riktig, seks uker fra du fikk vedtaket."
    )
    # The category and its parent, once each.
    klage = QuizCategory.objects.get(name="Klage")
    assert klage.parent.name == "Velferd" and klage.locale.language_code == "nb"
    assert QuizCategory.objects.count() == 2


def test_the_report_has_one_line_per_question_of_the_file_in_order(locales):
    report = store.import_file(GIFT.encode(), "gift", title="Klage på NAV")

    assert report.created == 5 and report.skipped == 2
    assert len(report.questions) == 7
    assert report.questions[0].startswith("Question 1 (line 4), 'Klagefrist': created")
    assert report.questions[3] == (
        "Question 4 (line 23), 'Matching': matching questions are not supported"
    )
    assert report.questions[6] == (
        "Question 7 (line 33), 'Tall': numerical questions are not supported"
    )
    # What was not kept as it was is said on the question's line.
    assert "'Bare navnet ditt' was worth 50%" in report.questions[2]
    assert any("partial credit is not given" in note for note in report.notes)


def test_a_second_import_reuses_the_categories(locales):
    store.import_file(GIFT.encode(), "gift", title="En")
    store.import_file(GIFT.encode(), "gift", title="To")

    assert QuizCategory.objects.count() == 2
    assert Quiz.objects.count() == 2


def test_moodle_xml_html_is_reduced_to_plain_text_and_the_picture_kept(locales):
    report = store.import_file(
        MOODLE_XML.encode(), "moodle-xml", title="Psykisk helse", language="nb"
    )

    assert report.ok, report.problems
    signs, doctor, essay = report.quiz.questions.order_by("sort_order")
    assert signs.text == "Hvilke er tegn på depresjon?"  # no tags, no script
    assert "alert" not in signs.text
    assert signs.explanation == "Se etter varige endringer."
    assert signs.multiple_answers is True
    assert [(c.text, c.correct) for c in signs.choices.order_by("sort_order")] == [
        ("Lite glede over ting", True),
        ("Søvnproblemer", True),
        ("En god latter", False),
    ]
    assert signs.image is not None
    assert signs.image.width == 4 and signs.image.height == 3
    assert signs.image.description == "En trist kvinne"
    assert doctor.kind == QuestionKind.TRUE_FALSE and doctor.true_false_answer is True
    assert essay.kind == QuestionKind.ESSAY
    assert report.skipped == 1
    assert report.questions[2] == (
        "Question 3 (line 38), 'Telefon': short-answer questions are not supported"
    )
    assert "information for markers was not kept" in report.questions[3]


def test_plain_text_keeps_paragraphs_and_list_items_apart():
    assert (
        store.plain_text(
            "<p>Første &amp; andre</p><ul><li>en</li><li>to</li></ul><style>a</style>",
            "html",
        )
        == "Første & andre\n\n• en\n\n• to"
    )
    assert store.plain_text("a <b> c", "plain") == "a <b> c"
    assert store.plain_text("Linje 1<br>Linje 2", "moodle") == "Linje 1\nLinje 2"


def test_an_arabic_gift_file_becomes_an_arabic_quiz(locales):
    report = store.import_file(
        "::س::هل يمكنك الاعتراض على قرار؟{T}".encode(),
        "gift",
        title="الاعتراض",
        language="ar",
    )

    assert report.ok, report.problems
    assert report.quiz.locale.language_code == "ar"
    assert report.quiz.questions.get().locale.language_code == "ar"


@pytest.mark.parametrize(
    ("data", "fmt", "expected"),
    [
        (b"::Q::Hva? {=Ja ~Nei", "gift", "Line 1"),
        (b"<quiz><question type='multichoice'><name>", "moodle-xml", "Line 1"),
        (b'{"format": "brobygger-quiz", "version": 1}', "json", "title"),
        (b"\xff\xfe\x00garbage\xff", "gift", "UTF-8"),
    ],
)
def test_a_malformed_file_creates_nothing_and_says_where(locales, data, fmt, expected):
    report = store.import_file(data, fmt, title="Noe")

    assert not report.ok
    assert report.quiz is None
    assert any(expected in problem for problem in report.problems), report.problems
    assert not Quiz.objects.exists() and not Question.objects.exists()
    assert not QuizCategory.objects.exists()


def test_a_file_with_only_unsupported_questions_creates_nothing(locales):
    matching = b"::M::Koble {=a -> b =c -> d =e -> f}"
    report = store.import_file(matching, "gift", title="X")

    assert not report.ok
    assert "no question that can be imported" in " ".join(report.problems)
    assert not Quiz.objects.exists()


def test_a_gift_file_needs_a_title(locales):
    report = store.import_file(GIFT.encode(), "gift", title="  ")

    assert report.problems == ["Give the quiz a title."]
    assert not Quiz.objects.exists() and not QuizCategory.objects.exists()


def test_an_unknown_language_is_refused(locales):
    report = store.import_file(GIFT.encode(), "gift", title="X", language="xx")

    assert "no content in the language 'xx'" in report.problems[0]
    assert not Quiz.objects.exists()


def stored_images():
    from django.core.files.storage import default_storage

    if not default_storage.exists("original_images"):
        return set()
    return set(default_storage.listdir("original_images")[1])


def test_a_failure_while_saving_leaves_no_rows_and_no_files(locales, monkeypatch):
    images_before = get_image_model().objects.count()
    files_before = stored_images()

    def broken(*args, **kwargs):
        raise RuntimeError("the translation step broke")

    monkeypatch.setattr(store, "_translate_quiz", broken)
    data = quiz_json()
    data["questions"][0]["media"] = [
        {
            "name": "bok.png",
            "kind": "image",
            "used_in": "text",
            "content": base64.b64encode(png_bytes()).decode(),
        }
    ]
    with pytest.raises(RuntimeError):
        store.import_file(json.dumps(data).encode(), "json")

    assert not Quiz.objects.exists() and not Question.objects.exists()
    assert not Choice.objects.exists() and not QuizCategory.objects.exists()
    assert get_image_model().objects.count() == images_before
    assert stored_images() == files_before


def test_a_picture_is_stored_as_a_file(locales):
    data = quiz_json()
    data["questions"][0]["media"] = [
        {
            "name": "bok.png",
            "kind": "image",
            "used_in": "text",
            "content": base64.b64encode(png_bytes()).decode(),
        }
    ]
    before = stored_images()

    report = store.import_file(json.dumps(data).encode(), "json")

    assert report.ok
    assert len(stored_images() - before) == 1


def test_a_picture_that_is_not_one_is_named_and_not_kept(locales):
    data = quiz_json()
    data["questions"][0]["media"] = [
        {
            "name": "bok.png",
            "kind": "image",
            "used_in": "text",
            "content": base64.b64encode(b"<svg onload=x>").decode(),
        }
    ]

    report = store.import_file(json.dumps(data).encode(), "json")

    assert report.ok
    assert report.quiz.questions.order_by("sort_order").first().image is None
    assert (
        "the file 'bok.png' was not kept: it is not a picture we can read"
        in (report.questions[0])
    )


def test_a_sound_becomes_the_questions_document(locales):
    mp3 = b"ID3\x03\x00\x00\x00\x00\x00\x00" + b"\x00" * 200
    data = quiz_json()
    data["questions"][2]["media"] = [
        {
            "name": "les høyt.mp3",
            "kind": "audio",
            "used_in": "text",
            "content": base64.b64encode(mp3).decode(),
        }
    ]

    report = store.import_file(json.dumps(data).encode(), "json")

    essay = report.quiz.questions.get(kind=QuestionKind.ESSAY)
    assert essay.audio is not None
    assert essay.audio.file.name.endswith(".mp3")
    assert get_document_model().objects.count() == 1


def test_json_translations_become_wagtail_localize_translations(
    locales, django_capture_on_commit_callbacks
):
    from wagtail_localize.models import Translation

    with django_capture_on_commit_callbacks(execute=True):
        report = store.import_file(json.dumps(quiz_json()).encode(), "json")

    assert report.ok, report.problems
    assert report.translations == ["ar"]
    source = report.quiz
    arabic = Quiz.objects.get(
        translation_key=source.translation_key,
        locale=Locale.objects.get(language_code="ar"),
    )
    assert arabic.title == "لغة الأطفال"
    assert arabic.pass_message == "أحسنت!"
    assert arabic.pass_mark == 60 and arabic.random_order is True
    assert Translation.objects.filter(
        source__object_id=source.translation_key, target_locale__language_code="ar"
    ).exists()
    nb = {q.translation_key: q for q in source.questions.all()}
    ar = {q.translation_key: q for q in arabic.questions.all()}
    assert nb.keys() == ar.keys()
    first_key = next(k for k, q in nb.items() if q.kind == QuestionKind.CHOICE)
    assert ar[first_key].text == "بأي لغة يجب أن تتحدثي مع طفلك في البيت؟"
    assert ar[first_key].explanation == "اللغة الأم أساس جيد للنرويجية."
    assert {
        (c.translation_key, c.text, c.correct, c.feedback)
        for c in ar[first_key].choices.all()
    } == {
        (c.translation_key, t, c.correct, f)
        for c, t, f in zip(
            nb[first_key].choices.order_by("sort_order"),
            ["لغتك الأم", "النرويجية فقط"],
            ["صحيح.", ""],
            strict=True,
        )
    }
    # Categories have Arabic copies, and the Arabic questions use them.
    assert ar[first_key].category.name == "اللغة"
    assert ar[first_key].category.parent.name == "الأطفال"
    assert (
        ar[first_key].category.translation_key == nb[first_key].category.translation_key
    )


def test_a_json_file_keeps_its_own_language(locales):
    report = store.import_file(json.dumps(quiz_json()).encode(), "json", language="ar")

    assert "The file is written in nb" in report.problems[0]
    assert not Quiz.objects.exists()


def test_translations_into_a_language_the_site_lacks_are_named_not_imported(locales):
    data = quiz_json(title={"nb": "Barns språk", "fr": "Langage des enfants"})

    report = store.import_file(json.dumps(data).encode(), "json")

    assert report.ok
    assert report.translations == ["ar"]
    assert any("'fr' were not imported" in note for note in report.notes)
