"""A quiz on a phone, from start to a marked essay.

A trainee starts the quiz on the module page, answers with the keyboard,
sees right or wrong with the explanation after each answer, leaves in the
middle, comes back through the module page and finishes; her result shows
"waiting for marking" with every explanation. Her supervisor marks the
written answer from the review queue at her desk, and the trainee's result
then shows her full score.

Selectors use structure (data attributes, names, classes) so the test holds
whatever language the catalogues give the buttons.
"""

from types import SimpleNamespace

import pytest
from django.urls import reverse
from django.utils import translation
from playwright.sync_api import expect

from lms.choices import QuestionKind
from lms.models import Sitting
from tests.e2e import test_reflection_journey as journey
from tests.e2e.helpers import cohort_with_amina_and_siri
from tests.lms.quizzes.conftest import choice, make_quiz, place

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

EXPLAIN_DEADLINE = "The deadline is six weeks from the day you got the letter."
EXPLAIN_APPEAL = "Everyone may appeal a decision from the welfare office."
FEEDBACK = "Well explained: in writing, on time, with your reasons."


@pytest.fixture
def world(build_course, home):
    course, modules = build_course(modules=2, title="Grunnopplæring")
    module = modules[0]
    quiz = make_quiz(
        title="Appealing a decision",
        pass_message="Well done!",
        questions=[
            {
                "text": "How long do you have to appeal?",
                "explanation": EXPLAIN_DEADLINE,
                "choices": [
                    choice("Six weeks", True, "Yes: six weeks."),
                    choice("One week", False, "No, you have longer."),
                ],
            },
            {
                "kind": QuestionKind.TRUE_FALSE,
                "text": "You may appeal a decision from the welfare office.",
                "true_false": True,
                "explanation": EXPLAIN_APPEAL,
            },
            {
                "kind": QuestionKind.ESSAY,
                "text": "Explain in your own words how you appeal.",
                "explanation": "In writing, within the deadline, with reasons.",
            },
        ],
    )
    place(module, quiz)
    people = cohort_with_amina_and_siri(course, module)
    return SimpleNamespace(
        module=module, quiz=quiz, amina=people.amina, siri=people.siri
    )


def test_take_leave_resume_finish_and_marked_essay(live_server, phone, desk, world):
    base = live_server.url
    journey.sign_in(phone, live_server, world.amina)
    journey.sign_in(desk, live_server, world.siri)
    block = phone.locator(f"#quiz-{world.quiz.translation_key}")

    # On the module page she starts the quiz.
    phone.goto(f"{base}{world.module.url}")
    expect(block).to_contain_text("Appealing a decision")
    block.locator("button[type=submit]").click()

    # Question 1, with the keyboard only: choose, then Enter.
    expect(phone.locator("legend")).to_contain_text("How long do you have to appeal?")
    assert EXPLAIN_DEADLINE not in phone.content()
    phone.get_by_label("Six weeks").focus()
    phone.keyboard.press("Space")
    phone.keyboard.press("Enter")
    expect(phone.locator("[data-verdict]")).to_have_attribute("data-verdict", "right")
    expect(phone.locator("main")).to_contain_text(EXPLAIN_DEADLINE)
    expect(phone.locator("main")).to_contain_text("Yes: six weeks.")
    phone.locator("[data-next]").click()

    # Question 2: she submits without choosing, gets told, then answers.
    expect(phone.locator("legend")).to_contain_text("welfare office")
    phone.locator("[data-answer]").click()
    summary = phone.locator(".error-summary")
    expect(summary).to_be_visible()
    summary.locator("a").click()
    expect(phone.locator("#answer-field")).to_be_focused()
    phone.locator("input[name=true_false][value=false]").check()
    phone.locator("[data-answer]").click()
    expect(phone.locator("[data-verdict]")).to_have_attribute("data-verdict", "wrong")
    expect(phone.locator("main")).to_contain_text(EXPLAIN_APPEAL)

    # She leaves in the middle ...
    phone.goto(f"{base}{world.module.url}")
    expect(block.locator("button[type=submit]")).to_have_count(0)
    # ... and later continues from the module page, where she stopped.
    block.locator("a.button").click()
    expect(phone.locator("label[for=answer-field]")).to_contain_text(
        "Explain in your own words"
    )
    phone.locator("textarea[name=text]").fill(
        "I write a letter to the office within six weeks and say why."
    )
    phone.locator("[data-answer]").click()
    expect(phone.locator("[data-verdict]")).to_have_attribute("data-verdict", "waiting")
    phone.locator("[data-next]").click()

    # Her result: waiting for the supervisor, with every explanation.
    summary = phone.locator("[data-summary]")
    expect(summary).to_have_attribute("data-summary", "waiting")
    expect(phone.locator("main")).to_contain_text(EXPLAIN_DEADLINE)
    expect(phone.locator("main")).to_contain_text(EXPLAIN_APPEAL)
    expect(phone.locator(".quiz-result")).to_have_count(3)
    result_url = phone.url
    sitting = Sitting.objects.get(user=world.amina)
    assert sitting.complete and sitting.waiting_for_marking
    # Nothing on the phone page runs off the side.
    width = phone.evaluate("document.documentElement.scrollWidth")
    assert width <= 360

    # The supervisor finds the written answer in her review queue and marks it.
    with translation.override("en"):
        desk.goto(f"{base}{reverse('lms:review_queue')}")
    queue = desk.locator("[data-quiz-essays]")
    expect(queue).to_contain_text("Appealing a decision")
    queue.locator("tbody a").first.click()
    form = desk.locator("[data-mark-form]")
    expect(desk.locator("main")).to_contain_text("I write a letter to the office")
    form.locator("input[name=correct][value='1']").check()
    form.locator("textarea[name=feedback]").fill(FEEDBACK)
    form.locator("button[name=then][value=stay]").click()
    expect(desk.locator("[data-summary]")).to_have_attribute("data-summary", "passed")

    # Her result now has the full score and the feedback.
    phone.goto(result_url)
    expect(summary).to_have_attribute("data-summary", "passed")
    expect(phone.locator("[data-percent]")).to_have_attribute("data-percent", "67")
    expect(phone.locator("main")).to_contain_text(FEEDBACK)
    expect(phone.locator("main")).to_contain_text("Well done!")
