import datetime

import pytest

from lms.diplomas.data import DiplomaData

# The Oslo base training's 16 modules (DOMAIN.md), in Norwegian, as a course
# would give them: long titles, the longest over a hundred characters.
MODULES_NB = [
    "Introduksjon: visjonen, målene og arbeidet til Bydelsmødre; bydelsmorens "
    "rolle, plikter og rettigheter; retningslinjer for deltakelse",
    "Barns utvikling og oppdragelse, med vekt på språkstimulering",
    "Barns hverdag: foreldres samarbeid med barnehage og skole",
    "Ungdom: fysisk og psykisk utvikling; skolehelsetjenesten; hvordan snakke "
    "med unge om vanskelige temaer",
    "Kvinnen: svangerskapsomsorg, prevensjon, overgangsalder",
    "Bydelsmødres metoder I: rollene som samtalepartner og brobygger; god "
    "samtale, dialog og brobygging",
    "Bydelsmødres metoder II: hva som fremmer god helse; hva selvhjelp er",
    "Fysisk helse: forebygge livsstilssykdommer som skyldes inaktivitet og "
    "dårlig kosthold",
    "Psykisk helse: hvordan psykisk sykdom påvirker hverdagen; symptomer på "
    "depresjon; hvordan søke hjelp; ta vare på egen psykisk helse",
    "NAV: kjerneoppgaver, selvbetjeningssidene, hvordan et vedtak bygges og "
    "hvordan klage",
    "Det norske samfunnet: maktfordeling mellom storting, bystyre og "
    "bydelsutvalg; hvordan innbyggere kan delta og påvirke",
    "Bydelsmødres metoder III: repetisjon; ta vare på seg selv, egen helse, "
    "balansere familieliv med arbeid og utdanning",
    "Familieliv I: mor- eller farsrollen; foreldreveiledning og ICDP-kurset; "
    "bygge en god relasjon til barnet; dialog",
    "Familieliv II: vold i nære relasjoner, virkningen på barn som utsettes for "
    "eller er vitne til den, hvor man får hjelp",
    "Bydelsmødres metoder IV: gjennomgang av hjemmeoppgaven; alle metodene repetert",
    "Avslutning: hva deltakerne fikk ut av opplæringen og hva den betydde for "
    "deres egen utvikling, deretter diplomutdelingen",
]

ARABIC_MODULES = [
    "مقدمة: رؤية أمهات الحي وأهدافهن وعملهن",
    "نمو الأطفال وتربيتهم مع التركيز على تحفيز اللغة",
    "الحياة اليومية للأطفال: تعاون الوالدين مع الروضة والمدرسة",
    "الشباب: النمو الجسدي والنفسي والخدمات الصحية المدرسية",
    "المرأة: رعاية الحمل ومنع الحمل وسن اليأس",
    "أساليب أمهات الحي ١: دور محاورة وبانية جسور",
    "أساليب أمهات الحي ٢: ما يعزز الصحة الجيدة",
    "الصحة الجسدية: الوقاية من أمراض نمط الحياة",
    "الصحة النفسية: أعراض الاكتئاب وكيفية طلب المساعدة",
    "مكتب العمل والرعاية: مهامه الأساسية وكيفية الاعتراض",
    "المجتمع النرويجي: توزيع السلطة وكيفية المشاركة",
    "أساليب أمهات الحي ٣: العناية بالنفس والتوازن",
    "الحياة الأسرية ١: دور الأم أو الأب وإرشاد الوالدين",
    "الحياة الأسرية ٢: العنف في العلاقات القريبة",
    "أساليب أمهات الحي ٤: مراجعة الواجب المنزلي",
    "الختام: ما اكتسبته المشاركات ثم حفل التخرج",
]

ARABIC_NAME = "أمينة حسن"
TIGRINYA_NAME = "ለተብርሃን ገብረሚካኤል"
URDU_NAME = "عائشہ خان"
URL = "https://brobygger.example/nb/diplomas/7KQ2-M9XH-0F3B-AAAA-BBBB-CCCC-DDD9/"


@pytest.fixture
def make_diploma():
    """Build a DiplomaData for the Oslo base training; override any field."""

    def make(**fields):
        values = {
            "holder_name": "Kari Nordmann",
            "programme": "Grunnopplæring for bydelsmødre",
            "chapter": "Alna",
            "period_start": datetime.date(2016, 5, 3),
            "period_end": datetime.date(2016, 12, 13),
            "total_hours": 56,
            "modules": MODULES_NB,
            "issued_on": datetime.date(2016, 12, 15),
            "verification_code": "7KQ2-M9XH-0F3B-AAAA-BBBB-CCCC-DDD9",
            "verification_url": URL,
            "programme_language": "nb",
            "holder_language": "nb",
            "signatories": [
                ("Marianne Borgen", "Ordfører i Oslo"),
                ("Fatima Ali", "Prosjektleder"),
            ],
            "wording": "Hun har gjennomført grunnopplæringen og kan virke som "
            "bydelsmor i sitt nærmiljø.",
            "organisation": "Bydelsmødre Oslo",
        }
        values.update(fields)
        return DiplomaData(**values)

    return make
