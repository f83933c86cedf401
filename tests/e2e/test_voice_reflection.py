"""A trainee records a voice reflection on her phone and plays it back; nobody
else can fetch the recording."""

import pytest
from playwright.sync_api import expect

from lms.models import Reflection
from tests.e2e import test_reflection_journey as journey
from tests.e2e.conftest import CHROMIUM_FLAGS
from tests.factories.lms import EnrollmentFactory, UserFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

# The same course, cohort and trainee as the written-reflection journey.
course_world = journey.course_world
sign_in = journey.sign_in

# A fake microphone (a beeping tone) that needs no permission prompt.
MEDIA_FLAGS = ["--use-fake-device-for-media-stream", "--use-fake-ui-for-media-stream"]


@pytest.fixture(scope="module")
def browser(browser_type, browser_type_launch_args):
    """This module's own Chromium, launched with a fake microphone."""
    browser = browser_type.launch(
        **{**browser_type_launch_args, "args": CHROMIUM_FLAGS + MEDIA_FLAGS}
    )
    yield browser
    browser.close()


def test_record_play_back_and_keep_it_private(live_server, phone, course_world):
    sign_in(phone, live_server, course_world.amina)
    phone.goto(f"{live_server.url}{course_world.module.url}")
    recorder = phone.locator(".reflection__recorder")
    expect(recorder).to_be_visible()
    expect(phone.locator(".reflection__upload")).to_be_hidden()

    recorder.locator("[data-record]").click()
    expect(recorder.locator("[data-stop]")).to_be_visible()
    phone.wait_for_timeout(2000)
    recorder.locator("[data-stop]").click()
    # It uploads by itself once she stops.
    expect(recorder.locator(".reflection__voice-status")).to_have_attribute(
        "data-state", "saved", timeout=10_000
    )
    reflection = Reflection.objects.get()
    assert reflection.audio_content_type == "audio/webm"

    phone.reload()
    player = phone.locator("audio.reflection__player")
    expect(player).to_be_visible()
    src = player.get_attribute("src")
    assert "/media/" not in src
    # The browser can decode and play it.
    duration = phone.evaluate(
        """async (el) => {
            el.muted = true;
            await el.play();
            await new Promise((resolve) => setTimeout(resolve, 300));
            el.pause();
            return el.currentTime;
        }""",
        player.element_handle(),
    )
    assert duration > 0

    response = phone.request.get(f"{live_server.url}{src}")
    assert response.status == 200
    assert response.headers["content-type"] == "audio/webm"
    assert response.headers["content-disposition"].startswith("inline")
    assert len(response.body()) > 1000

    hodan = EnrollmentFactory(
        cohort=reflection.enrollment.cohort, user=UserFactory(username="hodan")
    ).user
    other = phone.context.browser.new_context()
    try:
        other_page = other.new_page()
        sign_in(other_page, live_server, hodan)
        denied = other.request.get(f"{live_server.url}{src}")
        assert denied.status in (403, 404)
    finally:
        other.close()


def test_homework_takes_a_voice_recording_made_in_the_browser(
    live_server, phone, course_world
):
    """The same recorder (trainee.js) attaches a recording to homework."""
    from lms.models import SubmissionFile
    from tests.factories.homework import AssignmentFactory

    assignment = AssignmentFactory(title="Fortell om samtalen")
    module = course_world.module
    module.body = [
        *module.body.raw_data,
        {"type": "assignment", "value": assignment.pk},
    ]
    module.save_revision().publish()
    sign_in(phone, live_server, course_world.amina)
    phone.goto(f"{live_server.url}{module.url}")
    recorder = phone.locator(".hw__recorder")
    expect(recorder).to_be_visible()
    expect(phone.locator(".hw__audio-input")).to_be_hidden()
    recorder.locator("[data-record]").click()
    expect(recorder.locator("[data-stop]")).to_be_focused()
    phone.wait_for_timeout(1500)
    recorder.locator("[data-stop]").click()
    expect(phone.locator("[data-files] a")).to_have_count(1, timeout=10_000)
    (attached,) = SubmissionFile.objects.all()
    assert attached.kind == "audio" and attached.content_type == "audio/webm"
    assert attached.submission.enrollment.user == course_world.amina
