"""Dates and times read in the page's language (issue 9, point 13).

Somali and Tigrinya have no formats or day and month names in Django: they
fell back to Norwegian names and the English clock ("mandag 7 desember, 6
p.m."). Arabic lacked a date-with-time format (Latin commas). The site's
format modules (cms/formats/, FORMAT_MODULE_PATH) and catalogues (locale/)
carry them; lms puts a weekday and a time to a date with translated patterns.
"""

import datetime
import re

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import formats, timezone, translation
from django.utils.timesince import timesince

from lms.choices import SubmissionStatus
from lms.ui import dates
from tests.factories.homework import SubmissionFactory, SubmissionVersionFactory
from tests.lms.test_homework_trainee import build_world

NORWEGIAN = (
    "mandag tirsdag onsdag torsdag fredag lørdag søndag "
    "januar februar mars april mai juni juli august september oktober november "
    "desember"
).split()
ENGLISH = (
    "Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February "
    "March April May June July August September October November December"
).split()
OWN_WORDS = {"so": {"May"}}  # the Somali May is spelt as in English
CLOCK = ["p.m.", "a.m.", "kl.", "noon", "midnight"]


def foreign_words(text, language):
    """Norwegian or English day and month names and clock words in `text`."""
    found = [
        word
        for word in NORWEGIAN + ENGLISH
        if word not in OWN_WORDS.get(language, set())
        and re.search(rf"(?<!\w){re.escape(word)}(?!\w)", text, re.IGNORECASE)
    ]
    return found + [word for word in CLOCK if word in text]


@pytest.fixture
def site_formats(settings):
    """The host site's format modules (cms/formats), as settings name them."""
    settings.FORMAT_MODULE_PATH = ["cms.formats"]
    formats.reset_format_cache()  # not reset by Django for this setting
    yield
    formats.reset_format_cache()


# --- the words and formats -------------------------------------------------------

EVERY_DAY = [
    datetime.datetime(2026, 12, 7, 18, 0) + datetime.timedelta(days=n) for n in range(7)
]
EVERY_MONTH = [datetime.datetime(2026, month, 7, 13, 30) for month in range(1, 13)]
FORMAT_NAMES = [
    "DATE_FORMAT",
    "DATETIME_FORMAT",
    "SHORT_DATE_FORMAT",
    "SHORT_DATETIME_FORMAT",
    "MONTH_DAY_FORMAT",
    "YEAR_MONTH_FORMAT",
]


@pytest.mark.parametrize("language", ["so", "ti"])
def test_day_and_month_names_are_her_own(site_formats, language):
    with translation.override(language):
        for value in EVERY_DAY + EVERY_MONTH:
            for spec in [
                "l",
                "D",
                "F",
                "M",
                "N",
                "E",
                "b",
                "A",
                "a",
                "P",
                *FORMAT_NAMES,
            ]:
                text = formats.date_format(value, spec)
                assert not foreign_words(text, language), (spec, text)


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("so", "Isniin, 7 Desembar, 18:00–20:30"),
        ("ti", "ሰኑይ፣ 7 ታሕሳስ፣ 18:00–20:30"),
        ("ar", "الاثنين، 7 ديسمبر، 6:00 م–8:30 م"),
        ("nb", "mandag 7. desember kl. 18:00–20:30"),
    ],
)
def test_a_session_reads_in_the_language(site_formats, language, expected):
    starts = datetime.datetime(2026, 12, 7, 18, 0)
    with translation.override(language):
        assert (
            dates.date_and_time(starts, starts.replace(hour=20, minute=30)) == expected
        )


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("so", "7 Desembar 2026, 18:00"),
        ("ti", "7 ታሕሳስ 2026፣ 18:00"),
        ("ar", "7 ديسمبر، 2026، 6:00 م"),
        ("ur", "7 دسمبر، 2026، 18:00"),
    ],
)
def test_date_with_time_formats(site_formats, language, expected):
    with translation.override(language):
        value = datetime.datetime(2026, 12, 7, 18, 0)
        assert formats.date_format(value, "DATETIME_FORMAT") == expected


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("so", "3 maalmood, 2 saacadood"),
        ("ti", "3 መዓልታት፣ 2 ሰዓታት"),
        ("ur", "3 دن، 2 گھنٹے"),
        ("ar", "3 أيام، 2 ساعتين"),
    ],
)
def test_time_spans_are_in_the_language(language, expected):
    now = datetime.datetime(2026, 12, 7, 18, 0)
    with translation.override(language):
        text = timesince(now - datetime.timedelta(days=3, hours=2), now)
        assert text.replace("\xa0", " ") == expected


@pytest.mark.parametrize(
    ("count", "expected"),
    [
        (1, "دقيقة واحدة"),
        (2, "دقيقتان"),
        (5, "5 دقائق"),
        (45, "45 دقيقة"),
        (90, "90 دقيقة"),
    ],
)
def test_arabic_minutes_follow_the_arabic_plural_rules(count, expected):
    from django.utils.translation import ngettext

    with translation.override("ar"):
        text = ngettext("%(minutes)s minute", "%(minutes)s minutes", count)
        assert text % {"minutes": count} == expected


# --- real pages --------------------------------------------------------------------


def next_monday_evening():
    today = timezone.localdate()
    day = today + datetime.timedelta(days=(7 - today.weekday()) % 7 or 7)
    tz = timezone.get_current_timezone()
    return datetime.datetime.combine(day, datetime.time(18, 0), tzinfo=tz)


@pytest.fixture
def world(cohort_with_sessions):
    w = build_world(cohort_with_sessions)
    # The next evening is a Monday at 18:00-20:30; the last one later still.
    starts = next_monday_evening()
    w.sessions[2].starts_at = starts
    w.sessions[2].ends_at = starts + datetime.timedelta(hours=2, minutes=30)
    w.sessions[2].save()
    w.sessions[3].starts_at = starts + datetime.timedelta(weeks=3)
    w.sessions[3].save()
    w.submission = SubmissionFactory(
        enrollment=w.enrollments[0],
        assignment_key=w.key,
        module_key=w.module.translation_key,
        status=SubmissionStatus.SUBMITTED,
        submitted_at=timezone.now(),
    )
    SubmissionVersionFactory(
        submission=w.submission,
        submitted_at=timezone.make_aware(
            datetime.datetime(2026, 12, 7, 21, 15), timezone.get_current_timezone()
        ),
    )
    return w


def page(user, name, language, **kwargs):
    client = Client()
    client.force_login(user)
    with translation.override(language):
        url = reverse(name, kwargs=kwargs or None)
    response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    return response.content.decode()


def time_texts(body):
    return [
        re.sub(r"<[^>]+>", "", t) for t in re.findall(r"<time[^>]*>(.*?)</time>", body)
    ]


NEXT_EVENING = {
    "so": "Isniin, ",
    "ti": "ሰኑይ፣ ",
    "ar": "الاثنين، ",
}


@pytest.mark.parametrize("language", ["so", "ti", "ar"])
def test_dashboard_dates_are_all_in_the_language(site_formats, world, language):
    body = page(world.enrollments[0].user, "lms:dashboard", language)
    assert not foreign_words(body, language)
    panel = body.split('id="next-session-heading"', 1)[1].split("</section>", 1)[0]
    (when,) = time_texts(panel)
    assert when.startswith(NEXT_EVENING[language]), when
    if language == "ar":
        assert when.endswith("6:00 م–8:30 م"), when
        assert "," not in when, when  # the Arabic comma only
    else:
        assert when.endswith("18:00–20:30"), when  # a 24-hour clock


@pytest.mark.parametrize("language", ["so", "ti", "ar"])
def test_homework_page_dates_are_all_in_the_language(site_formats, world, language):
    body = page(world.amina, "lms:homework", language, pk=world.submission.pk)
    assert not foreign_words(body, language)
    handed_in = {"so": "7 Desembar 2026, 21:15", "ti": "7 ታሕሳስ 2026፣ 21:15"}
    handed_in["ar"] = "7 ديسمبر، 2026، الساعة 9:15 م"
    assert handed_in[language] in body
    due = time_texts(body)[0]
    assert (
        due.split()[0].rstrip(",،፣")
        in {
            "so": ["Isniin", "Talaado", "Arbaco", "Khamiis", "Jimco", "Sabti", "Axad"],
            "ti": ["ሰኑይ", "ሰሉስ", "ረቡዕ", "ሓሙስ", "ዓርቢ", "ቀዳም", "ሰንበት"],
            "ar": [
                "الاثنين",
                "الثلاثاء",
                "الأربعاء",
                "الخميس",
                "الجمعة",
                "السبت",
                "الأحد",
            ],
        }[language]
    ), due


@pytest.mark.parametrize("language", ["so", "ti", "ar"])
def test_closed_module_names_its_evening_in_the_language(
    site_formats, world, language, translate
):
    module = world.modules[2]  # its session is next Monday
    client = Client()
    client.force_login(world.amina)
    body = client.get(module.url.replace("/nb/", f"/{language}/")).content.decode()
    assert "module-closed" in body
    assert not foreign_words(body.split("module-closed", 1)[1][:600], language)
    assert NEXT_EVENING[language].strip(" ،፣,") in body
