"""manage.py import_quiz and export_quiz: what they print, what they make,
and their exit status."""

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from lms.models import Question, Quiz, QuizCategory
from tests.lms.quiz_import.conftest import GIFT, MOODLE_XML, quiz_json

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[3]


def run(*args):
    out, err = io.StringIO(), io.StringIO()
    call_command(*args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_import_prints_the_quiz_and_one_line_per_question(locales, tmp_path):
    path = tmp_path / "nav-klage.gift"
    path.write_text(GIFT, encoding="utf-8")

    out, _err = run("import_quiz", str(path), "--format", "gift", "--title", "Klage")

    quiz = Quiz.objects.get()
    lines = out.splitlines()
    assert lines[0] == (
        f"Created quiz {quiz.pk}: “Klage” (nb), 5 questions created, 2 skipped."
    )
    assert lines[1].startswith("Question 1 (line 4), 'Klagefrist': created")
    assert lines[4] == (
        "Question 4 (line 23), 'Matching': matching questions are not supported"
    )
    assert lines[7] == (
        "Question 7 (line 33), 'Tall': numerical questions are not supported"
    )
    assert quiz.questions.count() == 5


def test_the_title_defaults_to_the_file_name_and_the_format_to_its_extension(
    locales, tmp_path
):
    path = tmp_path / "psykisk_helse.xml"
    path.write_text(MOODLE_XML, encoding="utf-8")

    run("import_quiz", str(path), "--locale", "nb")

    assert Quiz.objects.get().title == "psykisk helse"


def test_json_with_translations_says_which_languages(locales, tmp_path):
    path = tmp_path / "barn.json"
    path.write_text(json.dumps(quiz_json(), ensure_ascii=False), encoding="utf-8")

    out, _err = run("import_quiz", str(path), "--format", "json")

    assert "“Barns språk” (nb), 3 questions created, 0 skipped." in out
    assert "Translated into: ar" in out
    assert Quiz.objects.filter(locale__language_code="ar").count() == 1


def test_a_malformed_file_names_the_line_creates_nothing_and_fails(locales, tmp_path):
    path = tmp_path / "broken.gift"
    path.write_text("::A::Hva? {=Ja ~Nei}\n\n::B::Og så? {=Ja ~Nei\n", encoding="utf-8")

    out, err = io.StringIO(), io.StringIO()
    with pytest.raises(CommandError, match="nothing was created"):
        call_command("import_quiz", str(path), "--title", "X", stdout=out, stderr=err)

    assert "Line 3" in err.getvalue()
    assert not Quiz.objects.exists() and not Question.objects.exists()
    assert not QuizCategory.objects.exists()


def test_the_command_exits_with_status_1_on_a_malformed_file(tmp_path):
    """Run as a person would: the shell sees the failure."""
    path = tmp_path / "broken.xml"
    path.write_text("<quiz><question type='multichoice'>", encoding="utf-8")

    done = subprocess.run(  # noqa: S603
        [sys.executable, "manage.py", "import_quiz", str(path), "--title", "X"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        env={
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "cms.settings.test",
        },
    )

    assert done.returncode == 1
    # In the site's language (Norwegian): the line at fault is named.
    assert "Linje 1" in done.stderr
    assert "nothing was created" in done.stderr


def test_a_missing_file_is_an_error(locales):
    with pytest.raises(CommandError, match="No such file"):
        run("import_quiz", "/nowhere/quiz.json")


def test_export_to_stdout_and_to_a_file(locales, tmp_path):
    source = tmp_path / "barn.json"
    source.write_text(json.dumps(quiz_json(), ensure_ascii=False), encoding="utf-8")
    run("import_quiz", str(source))
    quiz = Quiz.objects.get(locale__language_code="nb")

    out, _err = run("export_quiz", "--quiz", str(quiz.pk))
    target = tmp_path / "out.json"
    run("export_quiz", "--quiz", str(quiz.pk), "--output", str(target))

    data = json.loads(out)
    assert data["title"] == {"nb": "Barns språk", "ar": "لغة الأطفال"}
    assert json.loads(target.read_text(encoding="utf-8")) == data


def test_export_of_an_unknown_quiz_is_an_error(locales):
    with pytest.raises(CommandError, match="No quiz with id 999"):
        run("export_quiz", "--quiz", "999")
