"""The demo's quizzes, placed in three modules, and the Alna trainees'
sittings of the one on children's language, with one written answer
waiting for ``supervisor``.

The quizzes are files in our JSON format (content/quizzes/<slug>.json,
Norwegian with Arabic translations), imported through the same code as the
admin's "Import a quiz" (lms.quiz_formats.store), so their Arabic copies are
wagtail-localize translations. Each is placed in its module's lesson with a
``quiz`` block just before the reflection prompt; the module's other
language copies follow (aliases when the module is published, translations
through wagtail-localize). Sittings go through the quiz engine (lms.quizzes)
as a trainee's answers and a supervisor's marks would.

Idempotent: a quiz is found again by its fixed translation key, a module
that places it already is left alone, and a trainee who has sat the quiz
keeps her sitting.
"""

import random
import uuid

from cms.demo import curriculum
from cms.demo.localize import DemoError
from courses.models import CoursePage, ModulePage
from lms import quizzes
from lms.choices import QuestionKind
from lms.models import Quiz, Sitting
from lms.quiz_formats.store import import_file

ID_NAMESPACE = uuid.UUID("0c7d9a52-3f5e-4b8a-a1d2-6e4f8b9c0d13")
QUIZ_DIR = curriculum.CONTENT_DIR / "quizzes"
COURSE_SLUG = "grunnopplaering"

# quiz file -> the module of the base training whose lesson places it
PLACES = {
    "barns-sprak": "barns-utvikling",  # module 2, held: the trainees sat it
    "psykisk-helse": "psykisk-helse",  # module 9, tomorrow
    "nav-klage": "nav",  # module 10
}
SAT = "barns-sprak"

# username -> (answers right, in the order asked; the written answer; its
# mark: True/False, or None to leave it for the supervisor). A trainee with
# fewer answers than questions left in the middle of the quiz.
SITTINGS = {
    "trainee": (
        [True, True, True, True, False],
        "Jeg skal lese en bildebok på somali med sønnen min hver kveld før han "
        "legger seg, og snakke om bildene.",
        None,
    ),
    "trainee2": (
        [True, True, True, True, True],
        "Vi skal synge sanger på somali og norsk når vi går til barnehagen.",
        (True, "Fint! Sang er en god måte å lære nye ord på."),
    ),
    "trainee4": (
        [True, True, False, True, True],
        "سأتحدث مع ابنتي بالعربية عن كل ما نفعله في المطبخ.",
        (True, "Flott – hverdagsprat gir mange nye ord."),
    ),
    "trainee7": (
        [False, True, False, False, False],
        "Jeg vet ikke.",
        (
            False,
            "Velg én konkret ting, for eksempel å lese sammen. Vi snakker om det "
            "på neste samling.",
        ),
    ),
    "trainee10": ([True, True], None, None),
}


def translation_key(slug: str) -> uuid.UUID:
    return uuid.uuid5(ID_NAMESPACE, f"quiz/{slug}")


def block_id(slug: str) -> str:
    return str(uuid.uuid5(ID_NAMESPACE, f"block/{slug}"))


def ensure_quizzes(*, log) -> dict:
    """Every demo quiz, Norwegian with its Arabic translation: {slug: Quiz}."""
    made = {}
    for slug in PLACES:
        key = translation_key(slug)
        quiz = Quiz.objects.filter(
            translation_key=key, locale__language_code=curriculum.SOURCE_LANGUAGE
        ).first()
        if quiz is None:
            path = QUIZ_DIR / f"{slug}.json"
            report = import_file(path.read_bytes(), "json", translation_key=key)
            if not report.ok:
                raise DemoError(f"{path.name}: {'; '.join(report.problems)}")
            quiz = report.quiz
            log(
                f"  imported quiz {quiz.title!r} ({report.created} questions, "
                f"translated into {', '.join(report.translations) or 'nothing'})"
            )
        made[slug] = quiz
    return made


def _places_quiz(page, quiz) -> bool:
    return any(
        block.block_type == "quiz"
        and block.value is not None
        and block.value.translation_key == quiz.translation_key
        for block in page.body
    )


def _with_quiz_block(page, quiz, slug) -> list:
    """The page's body as raw blocks, with the quiz before the reflection
    prompt (or at the end)."""
    raw = list(page.body.raw_data)
    block = {"type": "quiz", "value": quiz.pk, "id": block_id(slug)}
    where = next(
        (n for n, item in enumerate(raw) if item["type"] == "reflection_prompt"),
        len(raw),
    )
    raw.insert(where, block)
    return raw


def place_quizzes(quizzes_by_slug: dict, *, log) -> dict:
    """Put each quiz in its module's lesson. Returns {slug: ModulePage}."""
    from wagtail_localize.models import Translation, TranslationSource

    course = CoursePage.objects.get(
        slug=COURSE_SLUG, locale__language_code=curriculum.SOURCE_LANGUAGE
    )
    modules = {}
    for slug, module_slug in PLACES.items():
        module = ModulePage.objects.child_of(course).get(slug=module_slug)
        modules[slug] = module
        quiz = quizzes_by_slug[slug]
        if _places_quiz(module, quiz):
            continue
        module.body = _with_quiz_block(module, quiz, slug)
        module.save_revision().publish()  # aliases in other languages follow
        log(f"  placed quiz {quiz.title!r} in module {module.title!r}")
        # Copies translated through wagtail-localize get it from their source.
        source = TranslationSource.objects.filter(
            object_id=module.translation_key,
            specific_content_type__model="modulepage",
        ).first()
        if source is not None:
            source.update_from_db()
            for translation in Translation.objects.filter(source=source):
                translation.save_target(publish=True)
    return modules


def _answer(question, right: bool):
    """The keyword arguments of her answer to `question`, right or not."""
    if question.kind == QuestionKind.TRUE_FALSE:
        truth = question.source.true_false_answer
        return {"true_false": truth if right else not truth}
    correct = sorted(question.correct_choice_keys())
    wrong = sorted(question.choice_keys() - set(correct))
    if right:
        return {"choice_keys": correct}
    return {"choice_keys": wrong[:1] if wrong else correct[:-1]}


def build_sittings(*, cohort, quizzes_by_slug: dict, modules: dict, supervisor, log):
    """The Alna trainees' sittings of the language quiz (see SITTINGS)."""
    quiz = quizzes_by_slug[SAT]
    module = modules[SAT]
    enrollments = {
        e.user.username: e
        for e in cohort.enrollments.select_related("user").filter(
            user__username__in=SITTINGS
        )
    }
    for number, (username, (rights, essay, mark)) in enumerate(SITTINGS.items()):
        enrollment = enrollments.get(username)
        if enrollment is None:
            continue
        user = enrollment.user
        if Sitting.objects.filter(user=user, quiz_key=quiz.translation_key).exists():
            continue
        sitting, _new = quizzes.start_or_resume(
            user=user,
            enrollment=enrollment,
            quiz=quiz,
            module_key=module.translation_key,
            rng=random.Random(number),  # noqa: S311 (demo data, not a secret)
        )
        copies = quizzes.read_quiz(quiz.translation_key, "nb")
        questions = quizzes.questions_of(copies, sitting.question_keys, images=False)
        rights = iter(rights)
        for key in sitting.question_keys:
            question = questions[key]
            if question.kind == QuestionKind.ESSAY:
                if essay is None:
                    break
                answered = quizzes.answer_question(
                    sitting=sitting,
                    user=user,
                    question=question,
                    question_key=key,
                    text=essay,
                )
                if mark is not None:
                    correct, feedback = mark
                    quizzes.mark_answer(
                        answer=answered.answer,
                        marker=supervisor,
                        correct=correct,
                        feedback=feedback,
                    )
                continue
            right = next(rights, None)
            if right is None:
                break  # she left in the middle
            quizzes.answer_question(
                sitting=sitting,
                user=user,
                question=question,
                question_key=key,
                **_answer(question, right),
            )
        log(f"  {username} sat the quiz {quiz.title!r}")


def build_demo_quizzes(*, cohort, supervisor, log):
    """Quizzes, their places in the lessons, and the Alna sittings."""
    made = ensure_quizzes(log=log)
    modules = place_quizzes(made, log=log)
    if cohort is not None:
        build_sittings(
            cohort=cohort,
            quizzes_by_slug=made,
            modules=modules,
            supervisor=supervisor,
            log=log,
        )
    return made
