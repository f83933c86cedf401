"""Moodle XML import, checked against Moodle's "Moodle XML format" docs."""

import base64

import pytest

from lms.quiz_formats import moodle_xml
from lms.quiz_formats.data import ESSAY, MULTIPLE_CHOICE, TRUE_FALSE

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 24  # enough of a PNG for a test
PNG_BASE64 = base64.b64encode(PNG).decode()

# Modelled on what Moodle 4 writes when a question bank is exported.
EXPORT = f"""\
<?xml version="1.0" encoding="UTF-8"?>
<quiz>
<!-- question: 0  -->
  <question type="category">
    <category>
      <text>$course$/top/Helse</text>
    </category>
    <info format="moodle_auto_format">
      <text>Spørsmål om helse i hverdagen</text>
    </info>
    <idnumber></idnumber>
  </question>

<!-- question: 101  -->
  <question type="multichoice">
    <name>
      <text>Fastlege</text>
    </name>
    <questiontext format="html">
      <text><![CDATA[<p>Hvem bestiller du time hos når barnet har feber?</p>
<p><img src="@@PLUGINFILE@@/lege.png" alt="Lege"></p>]]></text>
      <file name="lege.png" path="/" encoding="base64">{PNG_BASE64}</file>
    </questiontext>
    <generalfeedback format="html">
      <text><![CDATA[<p>Om natten ringer du legevakten.</p>]]></text>
    </generalfeedback>
    <defaultgrade>2.0000000</defaultgrade>
    <penalty>0.3333333</penalty>
    <hidden>0</hidden>
    <idnumber></idnumber>
    <single>true</single>
    <shuffleanswers>true</shuffleanswers>
    <answernumbering>abc</answernumbering>
    <showstandardinstruction>0</showstandardinstruction>
    <correctfeedback format="html">
      <text>Svaret ditt er riktig.</text>
    </correctfeedback>
    <answer fraction="100" format="html">
      <text><![CDATA[<p>Fastlegen</p>]]></text>
      <feedback format="html">
        <text>Riktig!</text>
      </feedback>
    </answer>
    <answer fraction="0" format="html">
      <text>Sykehuset</text>
      <feedback format="html">
        <text>Nei, sykehuset tar akutte tilfeller.</text>
      </feedback>
    </answer>
    <answer fraction="0" format="html">
      <text></text>
      <feedback format="html"><text></text></feedback>
    </answer>
  </question>

<!-- question: 0  -->
  <question type="category">
    <category>
      <text>$course$/top/Helse/Psykisk helse</text>
    </category>
  </question>

<!-- question: 102  -->
  <question type="multichoice">
    <name>
      <text>دعم الأم</text>
    </name>
    <questiontext format="html">
      <text><![CDATA[<p dir="rtl">ما الذي يساعد الأم المتعبة؟</p>]]></text>
    </questiontext>
    <single>false</single>
    <shuffleanswers>0</shuffleanswers>
    <answer fraction="50">
      <text>التحدث مع شخص تثق به</text>
    </answer>
    <answer fraction="50">
      <text>طلب المساعدة من المركز الصحي</text>
    </answer>
    <answer fraction="-100">
      <text>الاحتفاظ بالأمر لنفسها</text>
      <feedback><text>لا، هذا يجعل الأمر أسوأ غالباً.</text></feedback>
    </answer>
  </question>

<!-- question: 103  -->
  <question type="truefalse">
    <name>
      <text>Helsestasjon</text>
    </name>
    <questiontext format="moodle_auto_format">
      <text>Helsestasjonen er gratis.</text>
    </questiontext>
    <generalfeedback format="moodle_auto_format">
      <text></text>
    </generalfeedback>
    <defaultgrade>1.0000000</defaultgrade>
    <answer fraction="100" format="moodle_auto_format">
      <text>true</text>
      <feedback format="moodle_auto_format">
        <text>Riktig, den er gratis.</text>
      </feedback>
    </answer>
    <answer fraction="0" format="moodle_auto_format">
      <text>false</text>
      <feedback format="moodle_auto_format">
        <text>Jo, den er gratis.</text>
      </feedback>
    </answer>
  </question>

<!-- question: 104  -->
  <question type="essay">
    <name>
      <text>Refleksjon</text>
    </name>
    <questiontext format="markdown">
      <text>Skriv om en gang du **hjalp** en annen mor.</text>
    </questiontext>
    <defaultgrade>5</defaultgrade>
    <responseformat>editor</responseformat>
    <graderinfo format="html">
      <text>Se etter et konkret eksempel.</text>
    </graderinfo>
  </question>
</quiz>
"""


def test_an_exported_question_bank_imports_every_supported_type():
    result = moodle_xml.parse(EXPORT)

    assert result.ok, result.messages
    assert result.skipped == []
    assert [(c.path, c.description) for c in result.categories] == [
        (("Helse",), "Spørsmål om helse i hverdagen"),
        (("Helse", "Psykisk helse"), ""),
    ]
    doctor, mother, nurse, essay = result.questions

    assert doctor.kind == MULTIPLE_CHOICE
    assert doctor.name == "Fastlege"
    assert doctor.text.startswith("<p>Hvem bestiller du time hos når barnet")
    assert doctor.text_format == "html"
    assert doctor.explanation == "<p>Om natten ringer du legevakten.</p>"
    assert doctor.points == 2
    assert doctor.category == ("Helse",)
    assert doctor.multiple_answers is False
    assert doctor.shuffle_choices is True
    # The blank third answer is left out, as Moodle does.
    assert [(c.text, c.fraction, c.feedback) for c in doctor.choices] == [
        ("<p>Fastlegen</p>", 100, "Riktig!"),
        ("Sykehuset", 0, "Nei, sykehuset tar akutte tilfeller."),
    ]
    assert doctor.source_line == 15

    assert mother.name == "دعم الأم"
    assert mother.category == ("Helse", "Psykisk helse")
    assert mother.multiple_answers is True
    assert mother.shuffle_choices is False
    assert [(c.fraction, c.correct) for c in mother.choices] == [
        (50, True),
        (50, True),
        (-100, False),
    ]
    assert mother.choices[2].feedback == "لا، هذا يجعل الأمر أسوأ غالباً."
    assert mother.points == 1  # Moodle's default mark

    assert nurse.kind == TRUE_FALSE
    assert nurse.true_false_answer is True
    assert nurse.text_format == "moodle"
    assert [(c.text, c.feedback) for c in nurse.choices] == [
        ("true", "Riktig, den er gratis."),
        ("false", "Jo, den er gratis."),
    ]

    assert essay.kind == ESSAY
    assert (essay.text_format, essay.points) == ("markdown", 5)
    assert essay.grader_info == "Se etter et konkret eksempel."


def test_an_embedded_image_is_kept_with_its_bytes_and_reference():
    result = moodle_xml.parse(EXPORT)

    (image,) = result.questions[0].media
    assert (image.name, image.kind, image.used_in) == ("lege.png", "image", "text")
    assert image.content == PNG
    assert image.reference == "@@PLUGINFILE@@/lege.png"
    assert image.reference in result.questions[0].text


def _quiz(*questions: str) -> str:
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n<quiz>\n'
        + "\n".join(questions)
        + "\n</quiz>\n"
    )


def _question(kind: str, name: str, body: str = "") -> str:
    return (
        f'<question type="{kind}">\n'
        f"  <name><text>{name}</text></name>\n"
        '  <questiontext format="html"><text>Spørsmålet</text></questiontext>\n'
        f"{body}"
        "</question>"
    )


@pytest.mark.parametrize(
    ("kind", "reason"),
    [
        ("matching", "matching questions are not supported"),
        ("shortanswer", "short-answer questions are not supported"),
        ("numerical", "numerical questions are not supported"),
        ("cloze", "cloze (embedded answers) questions are not supported"),
        ("multianswer", "cloze (embedded answers) questions are not supported"),
        ("ddwtos", "drag-and-drop into text questions are not supported"),
        ("gapselect", "select-missing-words questions are not supported"),
        ("calculated", "calculated questions are not supported"),
        ("description", "descriptions (text without answers) are not supported"),
        ("ordering", "questions of the type 'ordering' are not supported"),
    ],
)
def test_every_unsupported_type_is_skipped_by_name_and_type(kind, reason):
    result = moodle_xml.parse(
        _quiz(
            _question("truefalse", "Først", TRUE_ANSWERS),
            _question(kind, "Hovedsteder"),
        )
    )

    (skipped,) = result.skipped
    assert (skipped.number, skipped.name, skipped.kind) == (2, "Hovedsteder", kind)
    assert str(skipped) == f"Question 2 (line 9), 'Hovedsteder': {reason}"
    assert len(result.questions) == 1
    assert result.ok


TRUE_ANSWERS = (
    '  <answer fraction="100"><text>true</text></answer>\n'
    '  <answer fraction="0"><text>false</text></answer>\n'
)


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("$course$/top/Helse/Psykisk helse", ("Helse", "Psykisk helse")),
        ("$system$/top/Felles", ("Felles",)),
        ("$course$/top", ()),
        ("Familie//Barn/Skole", ("Familie/Barn", "Skole")),
        ("  Helse / Kosthold  ", ("Helse", "Kosthold")),
    ],
)
def test_category_paths_drop_the_context_and_top(path, expected):
    result = moodle_xml.parse(
        _quiz(
            '<question type="category"><category>'
            f"<text>{path}</text></category></question>",
            _question("truefalse", "Sant", TRUE_ANSWERS),
        )
    )

    assert result.questions[0].category == expected


def test_old_true_false_with_translated_answers_takes_the_first_as_true():
    result = moodle_xml.parse(
        _quiz(
            _question(
                "truefalse",
                "Gammel",
                '<answer fraction="0"><text>Sant</text>'
                "<feedback><text>Feil</text></feedback></answer>"
                '<answer fraction="100"><text>Usant</text></answer>',
            )
        )
    )

    question = result.questions[0]
    assert question.true_false_answer is False
    assert question.choices[0].feedback == "Feil"


def test_false_listed_first_still_gives_true_then_false():
    result = moodle_xml.parse(
        _quiz(
            _question(
                "truefalse",
                "Omvendt",
                '<answer fraction="100"><text>false</text></answer>'
                '<answer fraction="0"><text>true</text></answer>',
            )
        )
    )

    question = result.questions[0]
    assert [(c.text, c.fraction) for c in question.choices] == [
        ("true", 0),
        ("false", 100),
    ]


@pytest.mark.parametrize(
    ("single", "multiple"),
    [("true", False), ("1", False), ("false", True), ("0", True), (None, False)],
)
def test_single_decides_whether_several_answers_may_be_right(single, multiple):
    tag = "" if single is None else f"<single>{single}</single>"
    weights = (50, 50) if multiple else (100, 0)
    result = moodle_xml.parse(
        _quiz(
            _question(
                "multichoice",
                "Flervalg",
                tag
                + "".join(
                    f'<answer fraction="{w}"><text>Svar {w}{i}</text></answer>'
                    for i, w in enumerate(weights)
                ),
            )
        )
    )

    assert result.ok, result.messages
    assert result.questions[0].multiple_answers is multiple
    assert result.questions[0].shuffle_choices is False  # no tag: Moodle's default


def test_a_file_over_the_size_limit_skips_its_question_by_name():
    big = base64.b64encode(b"x" * 5000).decode()
    result = moodle_xml.parse(
        _quiz(
            _question(
                "truefalse",
                "Stort bilde",
                TRUE_ANSWERS + f'<generalfeedback><text>Se</text><file name="stor.jpg" '
                f'encoding="base64">{big}</file></generalfeedback>',
            ),
            _question("truefalse", "Lite", TRUE_ANSWERS),
        ),
        max_media_bytes=4096,
    )

    assert [q.name for q in result.questions] == ["Lite"]
    assert [str(s) for s in result.skipped] == [
        "Question 1 (line 3), 'Stort bilde': the file 'stor.jpg' is 5 KB, more "
        "than the limit of 4 KB"
    ]


def test_invalid_base64_is_a_problem_at_the_file():
    result = moodle_xml.parse(
        _quiz(
            _question(
                "truefalse",
                "Ødelagt",
                TRUE_ANSWERS + "<generalfeedback><text>x</text>\n"
                '<file name="a.png" encoding="base64">ikke base64!</file>'
                "</generalfeedback>",
            )
        )
    )

    assert not result.ok
    assert [str(p) for p in result.problems] == [
        "Line 9 (question 1, 'Ødelagt'): the file 'a.png' is not valid base64"
    ]


def test_the_old_image_tags_become_an_image():
    result = moodle_xml.parse(
        _quiz(
            _question(
                "truefalse",
                "Bilde",
                TRUE_ANSWERS
                + f"<image>bilder/kart.png</image><image_base64>{PNG_BASE64}"
                "</image_base64>",
            )
        )
    )

    question = result.questions[0]
    (image,) = question.media
    assert (image.name, image.content) == ("bilder_kart.png", PNG)
    assert question.text.endswith('<img src="@@PLUGINFILE@@/bilder_kart.png" />')


@pytest.mark.parametrize(
    ("body", "line", "message"),
    [
        (
            "<single>true</single>\n"
            '<answer fraction="50"><text>A</text></answer>\n'
            '<answer fraction="0"><text>B</text></answer>\n',
            3,
            "no choice is worth 100%: a question with one right answer needs one "
            "choice worth 100% (the best is worth 50%)",
        ),
        (
            "<single>false</single>\n"
            '<answer fraction="50"><text>A</text></answer>\n'
            '<answer fraction="25"><text>B</text></answer>\n',
            3,
            "the positive weights add up to 75%; they must add up to 100%",
        ),
        (
            '<answer fraction="100"><text>A</text></answer>\n'
            '<answer fraction="mye"><text>B</text></answer>\n',
            7,
            "the fraction 'mye' is not a number",
        ),
        (
            '<answer fraction="100"><text>A</text></answer>\n',
            3,
            "a multiple-choice question needs at least two choices (found 1)",
        ),
        (
            "<defaultgrade>en</defaultgrade>\n"
            '<answer fraction="100"><text>A</text></answer>\n'
            '<answer fraction="0"><text>B</text></answer>\n',
            6,
            "<defaultgrade> is not a number: en",
        ),
    ],
)
def test_malformed_multichoice_gives_a_problem_at_its_element(body, line, message):
    result = moodle_xml.parse(_quiz(_question("multichoice", "Vekter", body)))

    assert not result.ok
    (problem,) = result.problems
    assert (problem.line, problem.message) == (line, message)
    assert problem.where == "question 1, 'Vekter'"


def test_a_true_false_question_needs_one_right_answer():
    result = moodle_xml.parse(
        _quiz(
            _question(
                "truefalse",
                "Begge",
                '<answer fraction="100"><text>true</text></answer>'
                '<answer fraction="100"><text>false</text></answer>',
            )
        )
    )

    assert [p.message for p in result.problems] == [
        "in a true/false question one answer is worth 100% and the other 0%"
    ]


@pytest.mark.parametrize(
    ("text", "line", "reason"),
    [
        (
            "<quiz>\n<question type='truefalse'>\n<name><text>A</name>\n</quiz>",
            3,
            "a closing tag does not match the tag it should close",
        ),
        ("<quiz>\n<question>\n", 3, "the file ends before the XML is complete"),
        (
            "<quiz>\n<question type='essay'><questiontext><text>Hei&nbsp;du"
            "</text></questiontext></question>\n</quiz>",
            2,
            "an unknown entity such as &nbsp; (HTML in a text belongs inside "
            "<![CDATA[ ... ]]>)",
        ),
        (
            "<quiz></quiz>\n<quiz></quiz>",
            2,
            "there is more after the closing </quiz>",
        ),
    ],
)
def test_malformed_xml_gives_the_parsers_line(text, line, reason):
    result = moodle_xml.parse(text)

    assert not result.ok
    (problem,) = result.problems
    assert problem.line == line
    assert problem.message == f"the file is not valid Moodle XML: {reason}"
    assert result.questions == []


def test_a_file_that_is_not_a_quiz_is_refused():
    result = moodle_xml.parse('<?xml version="1.0"?>\n<html><body/></html>')

    assert [str(p) for p in result.problems] == [
        "Line 2: a Moodle XML file starts with <quiz>, this one with <html>"
    ]


REFUSED = (
    "the file declares a document type or entities (<!DOCTYPE or <!ENTITY). "
    "Moodle never writes them, and they can be used to attack the server, so "
    "the file was refused"
)


def test_an_external_entity_is_refused_and_never_read(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("hemmelig-passord")
    result = moodle_xml.parse(
        '<?xml version="1.0"?>\n'
        f'<!DOCTYPE quiz [<!ENTITY xxe SYSTEM "file://{secret}">]>\n'
        '<quiz><question type="essay"><name><text>&xxe;</text></name>'
        "<questiontext><text>&xxe;</text></questiontext></question></quiz>"
    )

    assert [(p.line, p.message) for p in result.problems] == [(2, REFUSED)]
    assert result.questions == []
    assert "hemmelig" not in repr(result)


def test_an_entity_bomb_is_refused():
    lol = "".join(f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10}">' for i in range(1, 10))
    result = moodle_xml.parse(
        f'<?xml version="1.0"?>\n<!DOCTYPE quiz [<!ENTITY lol0 "lol">{lol}]>\n'
        "<quiz>&lol9;</quiz>"
    )

    assert [p.message for p in result.problems] == [REFUSED]


def test_a_question_without_text_or_type_is_a_problem():
    result = moodle_xml.parse(
        _quiz(
            '<question type="essay"><name><text>Tom</text></name>'
            "<questiontext><text>  </text></questiontext></question>",
            "<question><name><text>Uten type</text></name></question>",
        )
    )

    assert [str(p) for p in result.problems] == [
        "Line 3 (question 1, 'Tom'): the question has no <questiontext>",
        "Line 4 (question 2, 'Uten type'): a <question> without a type",
    ]
