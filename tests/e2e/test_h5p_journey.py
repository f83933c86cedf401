"""Interactive exercises in the browser.

A trainee opens a module: its two exercises (true/false and multiple
choice) are not loaded until she scrolls to them; she answers both in the
sandboxed players (clicking answers by their text: MultiChoice shuffles);
the site stores the statements with her as the actor and the right scores;
after a reload her results show the exercises done, and the true/false
exercise remembers her answer. The player cannot reach the site's cookies,
and the malicious SVG of a package runs no script when opened directly.
"""

import datetime
import re
import time

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from lms.h5p import player
from lms.models import H5PAttempt, H5PUserState, XAPIStatement
from tests.e2e.test_reflection_journey import sign_in
from tests.factories.lms import CohortFactory, EnrollmentFactory, UserFactory
from tests.lms.h5p.conftest import make_activity

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

# "1 of 1 points" in whatever words her language's catalogue has.
ONE_OF_ONE = re.compile(r"\b1\D{1,12}1\b")
LONG_TEXT = "".join(
    f"<p>Avsnitt {n}: barn lærer språk gjennom lek, samtale og sang.</p>"
    for n in range(40)
)


def wait_for(check, timeout=20.0):
    """Poll the database until `check()` is true (the page posts in the
    background)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = check()
        if value:
            return value
        time.sleep(0.25)
    raise AssertionError("the site never recorded it")


@pytest.fixture
def world(build_course, home):
    course, modules = build_course(modules=1, title="Grunnopplæring")
    module = modules[0]
    truefalse = make_activity("truefalse.h5p", title="Sant eller usant")
    multichoice = make_activity("multichoice.h5p", title="Solbær")
    module.body = [
        {"type": "text", "value": LONG_TEXT},
        {"type": "h5p", "value": truefalse.pk},
        {"type": "h5p", "value": multichoice.pk},
    ]
    module.save_revision().publish()
    cohort = CohortFactory(
        course=course,
        starts_on=timezone.localdate() - datetime.timedelta(weeks=1),
        open_all_material=True,
    )
    amina = EnrollmentFactory(
        cohort=cohort, user=UserFactory(username="amina", first_name="Amina")
    ).user
    return module, truefalse, multichoice, amina


def player_frame(page, activity):
    selector = f"#h5p-{activity.translation_key} iframe.h5p-player__frame"
    return page.frame_locator(selector)


def test_she_answers_both_exercises_and_her_attempts_are_recorded(
    world, live_server, phone
):
    module, truefalse, multichoice, amina = world
    page = phone
    sign_in(page, live_server, amina)
    page.goto(live_server.url + module.url)

    # Below the fold nothing of the player is loaded.
    blocks = page.locator(".block-h5p")
    expect(blocks).to_have_count(2)
    assert page.locator("iframe").count() == 0

    # Scrolled to, the true/false player appears; she answers False.
    page.locator(f"#h5p-{truefalse.translation_key}").scroll_into_view_if_needed()
    frame = player_frame(page, truefalse)
    frame.get_by_role("radio", name="False").click()
    frame.get_by_role("button", name="Check").click()
    expect(frame.get_by_text("You got 1 of 1 points", exact=True)).to_be_visible()
    status = page.locator(f"#h5p-{truefalse.translation_key} .h5p-status")
    expect(status).to_contain_text(ONE_OF_ONE)

    # The multiple choice one, by its answer's text (the order is shuffled).
    page.locator(f"#h5p-{multichoice.translation_key}").scroll_into_view_if_needed()
    frame = player_frame(page, multichoice)
    answer = frame.get_by_role("radio", name="Very dark purple")
    answer.click()
    # The player marks her choice before she checks (on a slow machine a
    # click can land before its handlers are attached; then she clicks again,
    # as a person would).
    try:
        expect(answer).to_have_attribute("aria-checked", "true", timeout=2000)
    except AssertionError:
        answer.click()
        expect(answer).to_have_attribute("aria-checked", "true")
    check = frame.get_by_role("button", name="Check")
    check.click()
    status = page.locator(f"#h5p-{multichoice.translation_key} .h5p-status")
    # Her result is shown once the server has stored the statement; on a
    # busy machine a Check can land before the player listens, and she
    # presses it again, as a person would.
    try:
        expect(status).to_contain_text(ONE_OF_ONE, timeout=10000)
    except AssertionError:
        if check.is_visible():
            check.click()
        expect(status).to_contain_text(ONE_OF_ONE, timeout=15000)

    for activity in (truefalse, multichoice):
        attempt = wait_for(
            lambda a=activity: H5PAttempt.objects.filter(
                user=amina,
                activity_key=a.translation_key,
                completed_at__isnull=False,
            ).first()
        )
        assert (attempt.score_raw, attempt.score_max, attempt.success) == (1, 1, True)
        answered = XAPIStatement.objects.get(
            attempt=attempt, verb="http://adlnet.gov/expapi/verbs/answered"
        )
        assert answered.user == amina
        assert answered.top_level
        assert answered.statement["actor"]["account"]["name"] == str(amina.pk)
    mc_answer = XAPIStatement.objects.get(
        activity_key=multichoice.translation_key,
        verb="http://adlnet.gov/expapi/verbs/answered",
    )
    assert mc_answer.statement["result"]["response"] == "0"  # "Very dark purple"

    # Her answer is kept for the next time (the player saves its state).
    wait_for(
        lambda: H5PUserState.objects.filter(
            user=amina, activity_key=truefalse.translation_key
        ).exists()
    )

    page.reload()
    for activity in (truefalse, multichoice):
        block = page.locator(f"#h5p-{activity.translation_key}")
        expect(block.locator(".h5p-result")).to_be_visible()
    page.locator(f"#h5p-{truefalse.translation_key}").scroll_into_view_if_needed()
    remembered = player_frame(page, truefalse).get_by_role("radio", name="False")
    expect(remembered).to_have_attribute("aria-checked", "true")


def test_the_player_cannot_reach_the_site(world, live_server, desk):
    module, truefalse, _multichoice, amina = world
    page = desk
    sign_in(page, live_server, amina)
    page.goto(live_server.url + module.url)
    page.locator(f"#h5p-{truefalse.translation_key}").scroll_into_view_if_needed()
    expect(player_frame(page, truefalse).get_by_text("Is this false?")).to_be_visible()
    frame = next(f for f in page.frames if "/player/" in f.url)
    reach = frame.evaluate(
        """async () => {
            const out = {};
            try { out.cookie = document.cookie; } catch (e) { out.cookie = e.name; }
            try { out.parent = window.parent.document.title; }
            catch (e) { out.parent = e.name; }
            out.origin = window.origin;
            try {
                const r = await fetch("/nb/my/", {credentials: "include"});
                out.fetch = r.status;
            } catch (e) { out.fetch = "blocked"; }
            return out;
        }"""
    )
    assert reach["cookie"] == "SecurityError"
    assert reach["parent"] == "SecurityError"
    assert reach["origin"] == "null"
    assert reach["fetch"] == "blocked"


def test_the_packages_svg_runs_no_script_when_opened(world, live_server, desk):
    _module, _truefalse, _multichoice, amina = world
    xss = make_activity("bad-blanks-xss-svg.h5p", title="Lücken")
    page = desk
    sign_in(page, live_server, amina)
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    token = player.content_token(amina.pk, xss.package_hash)
    url = f"{live_server.url}/nb/h5p/files/{token}/content/images/xss.svg"
    response = page.goto(url)
    assert response.status == 200
    page.wait_for_timeout(1000)
    assert dialogs == []
    cookie = page.evaluate(
        "() => { try { return document.cookie; } catch (e) { return e.name; } }"
    )
    assert cookie == "SecurityError"
