"""Homework from hand-in to approval, in two browsers side by side.

A trainee on her phone fills in the three-conversations report and attaches
a PDF; her supervisor returns it with feedback, first as a draft the trainee
cannot see, then released; the trainee reads it and hands in again; the
supervisor approves. The thread keeps both versions and both reviews.

Selectors use structure (data attributes, names, classes) so the test holds
whatever language the catalogues give the buttons.
"""

from types import SimpleNamespace

import pytest
from django.urls import reverse
from django.utils import translation
from playwright.sync_api import expect

from lms.choices import SubmissionStatus
from lms.models import Submission
from tests.e2e import test_reflection_journey as journey
from tests.e2e.helpers import cohort_with_amina_and_siri
from tests.factories.homework import AssignmentFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
FEEDBACK = "Conversation 3 is very short: tell a little more about it."


def field(label, kind):
    return {
        "type": "field",
        "value": {
            "label": label,
            "help_text": "",
            "kind": kind,
            "choices": [],
            "required": True,
        },
    }


@pytest.fixture
def world(build_course, home):
    course, modules = build_course(modules=2, title="Grunnopplæring")
    module = modules[0]
    assignment = AssignmentFactory(
        title="Tre samtaler",
        accepts_text=False,
        report_entry_label="Samtale",
        report_min_entries=3,
        report_max_entries=3,
        report_fields=[
            field("Hvem snakket du med?", "short"),
            field("Hva skjedde?", "long"),
        ],
    )
    module.body = [{"type": "assignment", "value": assignment.pk}]
    module.save_revision().publish()
    people = cohort_with_amina_and_siri(course, module)
    return SimpleNamespace(module=module, amina=people.amina, siri=people.siri)


def fill_entry(page, number, who, what):
    entry = page.locator("fieldset[data-entry]").nth(number)
    entry.locator("input[type=text]").fill(who)
    entry.locator("textarea").fill(what)


def review(desk, base, submission, decision, feedback, action):
    with translation.override("en"):
        desk.goto(f"{base}{reverse('lms:review', kwargs={'pk': submission.pk})}")
    form = desk.locator("[data-review-form]")
    form.locator(f"input[name=decision][value={decision}]").check()
    form.locator("textarea[name=feedback]").fill(feedback)
    form.locator(f"button[name=action][value={action}]").click()
    expect(desk.locator("main")).to_contain_text(feedback)


def test_hand_in_review_draft_release_resubmit_approve(live_server, phone, desk, world):
    base = live_server.url
    journey.sign_in(phone, live_server, world.amina)
    journey.sign_in(desk, live_server, world.siri)

    # She fills in three conversations on the module page and attaches a PDF.
    phone.goto(f"{base}{world.module.url}")
    fill_entry(phone, 0, "A neighbour with two small children", "We had coffee.")
    fill_entry(phone, 1, "A woman from the park", "We went to the health centre.")
    fill_entry(phone, 2, "My sister's friend", "We talked.")
    phone.locator("input[name=file]").set_input_files(
        files=[{"name": "samtaler.pdf", "mimeType": "application/pdf", "buffer": PDF}]
    )
    expect(phone.locator("[data-files]")).to_contain_text("samtaler.pdf")
    phone.locator("[data-hand-in]").click()
    expect(phone.locator(".hw-version")).to_have_count(1)
    expect(phone.locator(".hw-thread")).to_contain_text("samtaler.pdf")
    submission = Submission.objects.get(enrollment__user=world.amina)
    assert submission.status == SubmissionStatus.SUBMITTED
    homework_url = phone.url

    # The supervisor finds it in her queue and saves feedback as a draft.
    with translation.override("en"):
        desk.goto(f"{base}{reverse('lms:review_queue')}")
    expect(desk.locator("main")).to_contain_text("Tre samtaler")
    review(desk, base, submission, "needs_revision", FEEDBACK, "draft")
    expect(desk.locator(".review-form")).to_contain_text(FEEDBACK)

    # The trainee sees nothing of a draft.
    phone.reload()
    expect(phone.locator(".hw-review")).to_have_count(0)
    assert FEEDBACK not in phone.content()

    # Released: the draft is still in the form, the trainee now reads it.
    with translation.override("en"):
        desk.goto(f"{base}{reverse('lms:review', kwargs={'pk': submission.pk})}")
    expect(desk.locator("textarea[name=feedback]")).to_have_value(FEEDBACK)
    desk.locator("button[name=action][value=release]").click()
    # Released: the form is empty again, ready for a later, separate review.
    expect(desk.locator("textarea[name=feedback]")).to_have_value("")
    phone.goto(homework_url)
    expect(phone.locator(".hw-review")).to_have_count(1)
    expect(phone.locator(".hw-review")).to_contain_text(FEEDBACK)

    # She revises conversation 3 and hands in again; the file carries over.
    fill_entry(
        phone, 2, "My sister's friend", "We talked about school and interpreters."
    )
    phone.locator("[data-hand-in]").click()
    expect(phone.locator(".hw-version")).to_have_count(2)

    # The supervisor approves version 2.
    review(desk, base, submission, "approved", "Well done.", "release")
    submission.refresh_from_db()
    assert submission.status == SubmissionStatus.APPROVED

    # Her thread: both versions, both reviews, nothing lost.
    phone.goto(homework_url)
    expect(phone.locator(".hw-version")).to_have_count(2)
    expect(phone.locator(".hw-review")).to_have_count(2)
    thread = phone.locator(".hw-thread")
    expect(thread).to_contain_text(FEEDBACK)
    expect(thread).to_contain_text("Well done.")
    expect(thread).to_contain_text("We talked.")
    expect(thread).to_contain_text("We talked about school and interpreters.")
    overflow = phone.evaluate(
        "() => document.documentElement.scrollWidth - window.innerWidth"
    )
    assert overflow <= 0


def tab_to(page, selector, limit=80):
    """Press Tab until `selector` has the focus: proof it is reachable by keyboard."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("(s) => document.activeElement.matches(s)", selector):
            return
    raise AssertionError(f"{selector} never got the keyboard focus")


def test_supervisor_reviews_with_the_keyboard_only(live_server, desk, world):
    from lms import homework

    enrollment = world.amina.enrollments.get()
    assignment = AssignmentFactory._meta.model.objects.get()
    submission = homework.start_submission(
        enrollment=enrollment,
        assignment=assignment,
        module_key=world.module.translation_key,
    )
    report = [
        {key: "Vi snakket." for key, _value in homework.report_fields(assignment)}
    ] * 3
    submission = homework.save_draft(
        submission=submission, assignment=assignment, report=report, revision=0
    )
    homework.submit(
        submission=submission,
        assignment=assignment,
        revision=submission.draft_revision,
        user=world.amina,
    )
    journey.sign_in(desk, live_server, world.siri)
    with translation.override("en"):
        desk.goto(f"{live_server.url}{reverse('lms:review_queue')}")
    review_url = reverse("lms:review", kwargs={"pk": submission.pk})
    tab_to(desk, f"a[href$='{review_url.split('/', 2)[2]}']")
    desk.keyboard.press("Enter")
    desk.wait_for_url(f"**{review_url.split('/', 2)[2]}")
    tab_to(desk, "input[name=decision]")
    # Arrow keys move between the radios of one group; Space picks.
    desk.keyboard.press("Space")
    desk.keyboard.press("ArrowDown")
    tab_to(desk, "textarea[name=feedback]")
    desk.keyboard.type("Godt jobbet.")
    tab_to(desk, "button[name=action][value=release]")
    desk.keyboard.press("Enter")
    expect(desk.locator("main")).to_contain_text("Godt jobbet.")
    submission.refresh_from_db()
    assert submission.reviews.get().feedback == "Godt jobbet."
    assert submission.reviews.get().released_at is not None
    # Focus is visible: the focused control draws an outline.
    tab_to(desk, "a, button, input, textarea, select")
    outline = desk.evaluate(
        "() => getComputedStyle(document.activeElement).outlineStyle"
    )
    assert outline != "none"


def test_draft_saves_itself_and_survives_reload_lost_network_and_expired_login(
    live_server, phone, world
):
    base = live_server.url
    journey.sign_in(phone, live_server, world.amina)
    phone.goto(f"{base}{world.module.url}")
    status = phone.locator(".hw__status")
    who = phone.locator("fieldset[data-entry]").nth(0).locator("input[type=text]")
    who.press_sequentially("A neighbour", delay=10)
    expect(status).to_have_attribute("data-state", "saved", timeout=10_000)
    phone.reload()
    expect(who).to_have_value("A neighbour")

    # The network drops while she types: kept on the phone, saved on return.
    phone.context.set_offline(True)
    who.press("End")
    who.press_sequentially(" with two children", delay=10)
    expect(status).to_have_attribute("data-state", "error", timeout=10_000)
    phone.context.set_offline(False)
    expect(status).to_have_attribute("data-state", "saved", timeout=30_000)
    submission = Submission.objects.get(enrollment__user=world.amina)
    assert "A neighbour with two children" in str(submission.draft_report)

    # Her login expires while she writes: the text waits on the phone and is
    # saved once she has signed in again.
    phone.context.clear_cookies()
    what = phone.locator("fieldset[data-entry]").nth(0).locator("textarea")
    what.press_sequentially("We had coffee.", delay=10)
    expect(status).to_have_attribute("data-state", "error", timeout=10_000)
    journey.sign_in(phone, live_server, world.amina)
    phone.reload()
    expect(what).to_have_value("We had coffee.")
    expect(status).to_have_attribute("data-state", "saved", timeout=10_000)
    submission.refresh_from_db()
    assert "We had coffee." in str(submission.draft_report)
