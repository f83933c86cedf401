"""GIFT import, checked against Moodle's GIFT documentation and examples."""

import pytest

from lms.quiz_formats import gift
from lms.quiz_formats.data import ESSAY, MULTIPLE_CHOICE, TRUE_FALSE

HEALTH_MODULE = """\
// Bydelsmødre, modul 3: Helse i hverdagen
// Laget av Alna-gruppen, våren 2026

$CATEGORY: $course$/top/Helse

::Fastlege::Hvem bestiller du time hos når barnet har hatt feber i tre dager? {
    =Fastlegen#Riktig! Fastlegen er første kontakt.
    ~Sykehuset#Nei, sykehuset tar bare akutte tilfeller.
    ~Apoteket#Apoteket gir råd, men bestiller ikke time.
    ####Om natten ringer du legevakten på 116 117.
}

::Helsestasjon::Helsestasjonen er gratis for familier med små barn.
{TRUE#Jo, den er gratis.#Riktig!}

$CATEGORY: Helse/Psykisk helse

::Sliten mor::[html]<p>Hva kan hjelpe en mor som er <b>sliten</b>?</p>{
    ~%50%Å snakke med noen hun stoler på#Ja.
    ~%50%Å få hjelp fra helsestasjonen#Ja.
    ~%-100%Å holde det for seg selv#Nei, det gjør det ofte verre.
}

::Refleksjon::Skriv om en gang du hjalp en annen mor.{}
"""


def test_a_module_quiz_with_every_supported_type_and_categories():
    result = gift.parse(HEALTH_MODULE)

    assert result.ok, result.messages
    assert result.skipped == []
    assert [c.path for c in result.categories] == [
        ("Helse",),
        ("Helse", "Psykisk helse"),
    ]
    doctor, nurse, tired, essay = result.questions

    assert doctor.kind == MULTIPLE_CHOICE
    assert doctor.name == "Fastlege"
    assert doctor.text == (
        "Hvem bestiller du time hos når barnet har hatt feber i tre dager?"
    )
    assert doctor.text_format == "moodle"
    assert doctor.category == ("Helse",)
    assert doctor.multiple_answers is False
    assert [(c.text, c.fraction, c.correct) for c in doctor.choices] == [
        ("Fastlegen", 100, True),
        ("Sykehuset", 0, False),
        ("Apoteket", 0, False),
    ]
    assert doctor.choices[1].feedback == "Nei, sykehuset tar bare akutte tilfeller."
    assert doctor.explanation == "Om natten ringer du legevakten på 116 117."
    assert doctor.source_line == 6

    assert nurse.kind == TRUE_FALSE
    assert nurse.true_false_answer is True
    assert nurse.category == ("Helse",)

    assert tired.category == ("Helse", "Psykisk helse")
    assert tired.text == "<p>Hva kan hjelpe en mor som er <b>sliten</b>?</p>"
    assert tired.text_format == "html"
    assert tired.multiple_answers is True
    assert [(c.fraction, c.correct) for c in tired.choices] == [
        (50, True),
        (50, True),
        (-100, False),
    ]
    assert tired.choices[2].feedback == "Nei, det gjør det ofte verre."
    assert tired.choices[0].text_format == "html"  # follows the question text

    assert essay.kind == ESSAY
    assert essay.choices == []
    assert essay.text == "Skriv om en gang du hjalp en annen mor."


def test_arabic_questions_keep_their_text():
    result = gift.parse(
        "::عاصمة النرويج::ما هي عاصمة النرويج؟ {=أوسلو#صحيح ~بيرغن ~تروندهايم}\n"
        "\n"
        "الطبيب العام هو أول من تتصل به.{T}\n"
    )

    assert result.ok, result.messages
    capital, doctor = result.questions
    assert capital.name == "عاصمة النرويج"
    assert capital.text == "ما هي عاصمة النرويج؟"
    assert [c.text for c in capital.choices] == ["أوسلو", "بيرغن", "تروندهايم"]
    assert capital.choices[0].feedback == "صحيح"
    assert doctor.true_false_answer is True


# Moodle's own examples (question/format/gift/examples.txt and the docs).
MOODLE_EXAMPLES = """\
//  EXAMPLE QUESTIONS for the GIFT import filter

Who's buried in Grant's tomb?{~Grant ~Jefferson =no one}

Grant is {~buried =entombed ~living} in Grant's tomb.

Grant is buried in Grant's tomb.{FALSE}

Who's buried in Grant's tomb?{=no one =nobody}

When was Ulysses S. Grant born?{#1822:1}

::Capitals::Match the following countries with their corresponding capitals. {
    =Canada -> Ottawa
    =Italy  -> Rome
    =Japan  -> Tokyo
    }

The American holiday of Thanksgiving is celebrated on the {
    ~second
    ~third
    =fourth
} Thursday of November.

Difficult question.{~wrong answer ~%50%half credit answer =full credit answer}

What two people are entombed in Grant's tomb? {
    ~%-50%No one
    ~%50%Grant
    ~%50%Grant's wife
    ~%-50%Grant's father }

// ===Special Characters===
Which answer equals 5? {
     ~ \\= 2 + 2
     = \\= 2 + 3
     ~ \\= 2 + 4  }

::Q1:: 42 is the Absolute Answer to everything.{
FALSE#42 is the Ultimate Answer.#You gave the right answer.
####This is, of course, a Hitchiker's Guide to the Galaxy reference.}

This text has no answers: Moodle calls it a description.
"""


def test_moodles_examples_import_what_we_support_and_name_the_rest():
    result = gift.parse(MOODLE_EXAMPLES)

    assert [q.kind for q in result.questions] == [
        MULTIPLE_CHOICE,
        MULTIPLE_CHOICE,
        TRUE_FALSE,
        MULTIPLE_CHOICE,
        MULTIPLE_CHOICE,
        MULTIPLE_CHOICE,
        MULTIPLE_CHOICE,
        TRUE_FALSE,
    ]
    assert [str(s) for s in result.skipped] == [
        "Question 4 (line 9), 'Who's buried in Grant's tomb?': short-answer "
        "questions (the answer is typed in) are not supported; give wrong "
        "choices with ~ to make it multiple choice",
        "Question 5 (line 11), 'When was Ulysses S. Grant born?': numerical "
        "questions are not supported",
        "Question 6 (line 13), 'Capitals': matching questions are not supported",
        "Question 12 (line 43), 'This text has no answers: Moodle calls…': "
        "descriptions (text without answers) are not supported",
    ]
    assert [s.kind for s in result.skipped] == [
        "short_answer",
        "numerical",
        "matching",
        "description",
    ]
    # Skipped questions alone do not stop the import.
    assert result.ok


def test_answers_inside_the_sentence_make_a_gap_missing_word():
    result = gift.parse(MOODLE_EXAMPLES)

    entombed = result.questions[1]
    assert entombed.text == "Grant is _____ in Grant's tomb."
    assert entombed.kind == MULTIPLE_CHOICE
    assert [c.text for c in entombed.choices if c.correct] == ["entombed"]
    thanksgiving = result.questions[3]
    assert thanksgiving.text == (
        "The American holiday of Thanksgiving is celebrated on the _____ "
        "Thursday of November."
    )


def test_partial_credit_and_multiple_answer_weights():
    result = gift.parse(MOODLE_EXAMPLES)

    difficult = result.questions[4]
    assert difficult.multiple_answers is False
    assert [(c.text, c.fraction) for c in difficult.choices] == [
        ("wrong answer", 0),
        ("half credit answer", 50),
        ("full credit answer", 100),
    ]
    entombed = result.questions[5]
    assert entombed.multiple_answers is True
    assert [c.fraction for c in entombed.choices] == [-50, 50, 50, -50]
    assert [c.correct for c in entombed.choices] == [False, True, True, False]


def test_true_false_feedback_goes_to_the_answer_it_belongs_to():
    result = gift.parse(MOODLE_EXAMPLES)

    answer = result.questions[7]
    assert answer.name == "Q1"
    assert answer.true_false_answer is False
    true, false = answer.choices
    # {FALSE#shown when wrong#shown when right}
    assert (true.text, true.fraction, true.feedback) == (
        "true",
        0,
        "42 is the Ultimate Answer.",
    )
    assert (false.text, false.fraction, false.feedback) == (
        "false",
        100,
        "You gave the right answer.",
    )
    assert answer.explanation == (
        "This is, of course, a Hitchiker's Guide to the Galaxy reference."
    )


@pytest.mark.parametrize(
    ("answers", "expected"),
    [("T", True), ("TRUE", True), ("F", False), ("FALSE", False), ("true", True)],
)
def test_every_spelling_of_true_and_false(answers, expected):
    result = gift.parse(f"Oslo er hovedstaden i Norge.{{{answers}}}")

    assert result.ok, result.messages
    assert result.questions[0].true_false_answer is expected


def test_escaped_characters_are_the_characters_themselves():
    result = gift.parse(
        "::Tegn\\: likhet::Hva er 2 + 3 \\= ? Svar i \\{klammer\\} \\#1\\nNy linje {\n"
        "  ~ \\= 4 # Nei\\: 2 + 3 \\= 5\n"
        "  = \\= 5 # Ja\\~\n"
        "  ~ \\\\ # en skråstrek\n"
        "}"
    )

    assert result.ok, result.messages
    question = result.questions[0]
    assert question.name == "Tegn: likhet"
    assert question.text == "Hva er 2 + 3 = ? Svar i {klammer} #1\nNy linje"
    assert [(c.text, c.feedback) for c in question.choices] == [
        ("= 4", "Nei: 2 + 3 = 5"),
        ("= 5", "Ja~"),
        ("\\", "en skråstrek"),
    ]


def test_questions_span_lines_and_comment_lines_inside_are_left_out():
    result = gift.parse(
        "::Barnehage::Fra hvilken alder har barn rett\n"
        "// (sjekk tallet før kurset)\n"
        "på barnehageplass?\n"
        "{\n"
        "  =Ett år\n"
        "  ~Tre år\n"
        "}\n"
        "\n"
        "\n"
        "// Neste spørsmål: http://example.org står i teksten\n"
        "Se http://example.org for mer.{T}\n"
    )

    assert result.ok, result.messages
    first, second = result.questions
    assert first.text == "Fra hvilken alder har barn rett\npå barnehageplass?"
    assert second.text == "Se http://example.org for mer."
    assert second.source_line == 11


def test_text_formats_are_kept_with_the_text():
    result = gift.parse(
        "[markdown]Hva betyr **NAV**?{=[plain]Arbeids- og velferdsetaten ~Nei}\n"
        "\n"
        "[plain]Skriv <ikke> HTML her.{}\n"
        "\n"
        "[moodle]Standard.{F####[html]<p>Forklaring</p>}\n"
    )

    assert result.ok, result.messages
    nav, plain, moodle = result.questions
    assert (nav.text, nav.text_format) == ("Hva betyr **NAV**?", "markdown")
    assert nav.choices[0].text_format == "plain"
    assert nav.choices[1].text_format == "markdown"
    assert (plain.text, plain.text_format) == ("Skriv <ikke> HTML her.", "plain")
    assert moodle.text_format == "moodle"
    assert (moodle.explanation, moodle.explanation_format) == (
        "<p>Forklaring</p>",
        "html",
    )


def test_an_essay_can_have_general_feedback():
    result = gift.parse("::Q8:: Hvordan har du det? {####Takk for at du deler.}")

    question = result.questions[0]
    assert question.kind == ESSAY
    assert question.explanation == "Takk for at du deler."


def test_images_in_html_are_kept_as_references():
    result = gift.parse(
        '[html]<p><img src="bilder/kart.png" alt="Kart"></p>Hvor ligger Alna?'
        "{=I Oslo ~I Bergen}"
    )

    (media,) = result.questions[0].media
    assert (media.name, media.kind, media.reference, media.content) == (
        "kart.png",
        "image",
        "bilder/kart.png",
        None,
    )


def test_categories_with_no_questions_and_top_are_understood():
    result = gift.parse(
        "$CATEGORY: $course$/top\n"
        "\n"
        "Uten kategori.{T}\n"
        "\n"
        "$CATEGORY: Familie//Barn/Skole\n"
        "Med kategori rett under.{F}\n"
    )

    assert result.ok, result.messages
    first, second = result.questions
    assert first.category == ()
    # "//" is a slash inside a name; the question may follow on the next line.
    assert second.category == ("Familie/Barn", "Skole")
    assert [c.path for c in result.categories] == [("Familie/Barn", "Skole")]


# Malformed files: a problem with the right line, and nothing to import.


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        (
            "Første spørsmål.{T}\n\n::Ukjent::Hva er\nriktig? {=Ja ~Nei\n",
            4,
            "the { that opens the answers is never closed with }",
        ),
        (
            "Hva er riktig? =Ja ~Nei}",
            1,
            "a } without a { before it (write \\} for a brace in the text)",
        ),
        (
            "Hva er {riktig}? {=Ja ~Nei}",
            1,
            "a second {…} after the answers: a question has one answer block "
            "(write \\{ and \\} for braces in the text)",
        ),
        (
            "::Uten slutt: Hva er riktig? {=Ja ~Nei}",
            1,
            "the title starts with :: but is never closed with :: (write \\: for a "
            "colon in a title)",
        ),
        (
            "Hva er riktig? {Kanskje ~Nei =Ja}",
            1,
            "there is text before the first answer; every answer starts with = "
            "(right) or ~ (wrong)",
        ),
        (
            "Velg to.\n{\n~%50%Ja\n~%40%Også ja\n~Nei\n}",
            2,
            "the positive weights add up to 90%; they must add up to 100%",
        ),
        (
            "Hva er riktig? {~Ja ~Nei ~Kanskje}",
            1,
            "no choice is marked right: mark the right one with = or give the "
            "right ones weights that add up to 100%",
        ),
        (
            "Hva er riktig? {\n=Ja\n=%50%Delvis\n~Nei\n}",
            3,
            "a weight after = (%50%): in a multiple-choice question weights "
            "follow ~, as in ~%50%",
        ),
        (
            "Hva er riktig? {\n=Ja\n~%150%Nei\n}",
            3,
            "the weight 150% is outside -100% to 100%",
        ),
        (
            "Hva er riktig? {\n=Ja\n~% %Nei\n}",
            3,
            "% % is not a weight; write it as a number, e.g. ~%50%",
        ),
        (
            "Hva er riktig? {=Ja ~ }",
            1,
            "a multiple-choice question needs at least two choices (found 1)",
        ),
        ("{T}", 1, "the question has no text"),
    ],
)
def test_malformed_questions_give_a_problem_at_their_line(text, line, message):
    result = gift.parse(text)

    assert not result.ok
    problem = result.problems[0]
    assert (problem.line, problem.message) == (line, message)


def test_a_problem_names_the_question_and_the_rest_is_still_checked():
    result = gift.parse(
        "Første.{T}\n"
        "\n"
        "::Vekter::Velg.{~%50%A ~%20%B ~C}\n"
        "\n"
        "Tredje.{=Ja ~Nei}\n"
        "\n"
        "::Matching::Par. {=a -> b =c -> d}\n"
    )

    assert not result.ok
    assert [str(p) for p in result.problems] == [
        "Line 3 (question 2, 'Vekter'): the positive weights add up to 70%; "
        "they must add up to 100%"
    ]
    assert len(result.questions) == 2
    assert [s.name for s in result.skipped] == ["Matching"]


def test_a_control_character_is_refused_with_its_line():
    result = gift.parse("Første.{T}\n\nAndre\x00 spørsmål.{F}\n")

    assert not result.ok
    assert result.problems[0].line == 3
    assert "control character (U+0000)" in result.problems[0].message
    assert result.questions == []


def test_a_file_with_nothing_to_import_says_so():
    result = gift.parse("// bare kommentarer\n\nHva er 1+1?{#2}\n")

    assert not result.ok
    assert [p.message for p in result.problems] == [
        "the file contains no question that can be imported"
    ]
    assert [s.kind for s in result.skipped] == ["numerical"]


def test_windows_line_endings_and_byte_order_mark():
    result = gift.parse("\ufeff::A::Første.{T}\r\n\r\n::B::Andre.{\r\n=Ja\r\n~Nei}\r\n")

    assert result.ok, result.messages
    assert [q.name for q in result.questions] == ["A", "B"]
    assert result.questions[1].source_line == 3
