"""Quiz files for the import tests, in each format, and messages in English."""

import base64
import io

import pytest
from django.utils import translation
from PIL import Image


@pytest.fixture(autouse=True)
def english():
    """Messages are asserted in English, the language they are written in."""
    with translation.override("en"):
        yield


def png_bytes(width=4, height=3, color=(200, 30, 30)) -> bytes:
    """A real, small PNG."""
    buffer = io.BytesIO()
    Image.new("RGB", (width, height), color).save(buffer, "PNG")
    return buffer.getvalue()


GIFT = """\
// Modul 10: NAV og klage
$CATEGORY: $course$/top/Velferd/Klage

::Klagefrist::Hvor lang er klagefristen på et vedtak fra NAV? {
    =Seks uker#Riktig, seks uker fra du fikk vedtaket.
    ~Én uke#Nei, du har lengre tid.
    ~Ett år
    ####Fristen står i vedtaksbrevet.
}

::Hjelp::Hvem kan hjelpe deg å skrive en klage? {
    ~%50%En veileder i NAV
    ~%50%En rettshjelper
    ~%-100%Ingen
}

::Delvis::Hva bør en klage inneholde? {
    =Hva du klager på og hvorfor
    ~%50%Bare navnet ditt#Halvveis.
    ~Ingenting
}

::Matching::Koble sammen. {
    =NAV -> velferd
    =Skatteetaten -> skatt
    =Politiet -> pass
}

::Sant::Du kan klage på et vedtak fra NAV.{TRUE}

::Skriv::Forklar med egne ord hvordan du klager.{}

::Tall::Hvor mange uker er klagefristen?{#6}
"""

MOODLE_XML = """\
<?xml version="1.0" encoding="UTF-8"?>
<quiz>
  <question type="category">
    <category><text>$course$/top/Helse/Psykisk helse</text></category>
  </question>
  <question type="multichoice">
    <name><text>Tegn</text></name>
    <questiontext format="html">
      <text><![CDATA[<p>Hvilke er <b>tegn</b> på depresjon?</p>
<p><img src="@@PLUGINFILE@@/trist.png" alt="En trist kvinne"></p>
<script>alert("x")</script>]]></text>
      <file name="trist.png" path="/" encoding="base64">{png}</file>
    </questiontext>
    <generalfeedback format="html">
      <text><![CDATA[<p>Se etter <i>varige</i> endringer.</p>]]></text>
    </generalfeedback>
    <single>false</single>
    <answer fraction="50" format="html">
      <text><![CDATA[<p>Lite glede over ting</p>]]></text>
      <feedback format="html"><text>Ja.</text></feedback>
    </answer>
    <answer fraction="50" format="html">
      <text>Søvnproblemer</text>
    </answer>
    <answer fraction="-50" format="html">
      <text>En god latter</text>
      <feedback format="html"><text>Nei.</text></feedback>
    </answer>
  </question>
  <question type="truefalse">
    <name><text>Fastlege</text></name>
    <questiontext format="moodle_auto_format">
      <text>Fastlegen kan hjelpe ved depresjon.</text>
    </questiontext>
    <answer fraction="100"><text>true</text></answer>
    <answer fraction="0"><text>false</text></answer>
  </question>
  <question type="shortanswer">
    <name><text>Telefon</text></name>
    <questiontext format="html">
      <text>Hva er nummeret til Mental Helse?</text>
    </questiontext>
    <answer fraction="100"><text>116 123</text></answer>
  </question>
  <question type="essay">
    <name><text>Samtale</text></name>
    <questiontext format="html">
      <text><![CDATA[<p>Hvordan kan du snakke med en venninne som er trist?</p>]]>
      </text>
    </questiontext>
    <graderinfo format="html"><text>Se etter lytting.</text></graderinfo>
  </question>
</quiz>
""".replace("{png}", base64.b64encode(png_bytes()).decode())


def quiz_json(**overrides) -> dict:
    """A quiz in our JSON format, Norwegian with Arabic translations."""
    data = {
        "format": "brobygger-quiz",
        "version": 1,
        "language": "nb",
        "title": {"nb": "Barns språk", "ar": "لغة الأطفال"},
        "description": {
            "nb": "Om morsmål og norsk.",
            "ar": "عن اللغة الأم والنرويجية.",
        },
        "pass_mark": 60,
        "pass_message": {"nb": "Bra!", "ar": "أحسنت!"},
        "fail_message": {"nb": "Prøv igjen.", "ar": "حاولي مرة أخرى."},
        "random_order": True,
        "answers_at_end": False,
        "single_attempt": False,
        "exam_paper": False,
        "draft": False,
        "categories": [
            {"path": ["Barn"], "name": {"nb": "Barn", "ar": "الأطفال"}},
            {"path": ["Barn", "Språk"], "name": {"nb": "Språk", "ar": "اللغة"}},
        ],
        "questions": [
            {
                "kind": "multiple_choice",
                "text": {
                    "nb": "Hvilket språk bør du snakke med barnet hjemme?",
                    "ar": "بأي لغة يجب أن تتحدثي مع طفلك في البيت؟",
                },
                "explanation": {
                    "nb": "Morsmålet gir et godt grunnlag for norsk.",
                    "ar": "اللغة الأم أساس جيد للنرويجية.",
                },
                "category": ["Barn", "Språk"],
                "choices": [
                    {
                        "text": {"nb": "Morsmålet ditt", "ar": "لغتك الأم"},
                        "correct": True,
                        "feedback": {"nb": "Riktig.", "ar": "صحيح."},
                    },
                    {
                        "text": {"nb": "Bare norsk", "ar": "النرويجية فقط"},
                        "correct": False,
                    },
                ],
            },
            {
                "kind": "true_false",
                "text": {
                    "nb": "Barn kan lære to språk samtidig.",
                    "ar": "يستطيع الأطفال تعلم لغتين في نفس الوقت.",
                },
                "category": ["Barn"],
                "choices": [
                    {"text": "true", "fraction": 100},
                    {"text": "false", "fraction": 0},
                ],
            },
            {
                "kind": "essay",
                "text": {
                    "nb": "Hvordan leser du med barnet ditt?",
                    "ar": "كيف تقرئين مع طفلك؟",
                },
            },
        ],
    }
    data.update(overrides)
    return data
