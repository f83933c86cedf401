"""A lecturer's way in, from the coordinator's invitation to the trainees'
download.

The coordinator invites her by email; she opens the link on her phone, sets a
password, lands on her sessions, reads the briefing beside the module's
lecturer guide and uploads her slides as a PDF for after the session. Before
the evening the trainee sees nothing; once it is held, the PDF is on her
module page and downloads.

Selectors use names and structure, not wording, so the test holds in any
language.
"""

import datetime
import re
from types import SimpleNamespace

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone, translation
from playwright.sync_api import expect

from lms.choices import StaffRole
from lms.models import Briefing, Material, Session
from tests.e2e import test_reflection_journey as journey
from tests.factories.lms import (
    CohortFactory,
    CohortStaffFactory,
    EnrollmentFactory,
    SessionFactory,
    UserFactory,
)

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
GUIDE = "Snakk om lek og lesing på morsmålet."
NEEDS = "Mange er usikre på hva helsestasjonen gjør."


@pytest.fixture
def world(build_course, home):
    _course, modules = build_course(modules=2, title="Grunnopplæring")
    module = modules[0]
    module.lecturer_guide = f"<p>{GUIDE}</p>"
    module.save_revision().publish()
    cohort = CohortFactory(
        course=_course, starts_on=timezone.localdate() - datetime.timedelta(weeks=1)
    )
    session = SessionFactory(
        cohort=cohort,
        module=module,
        starts_at=timezone.now() + datetime.timedelta(days=2),
    )
    Briefing.objects.create(session=session, group_needs=NEEDS, room="Møterom 2")
    leila = UserFactory(username="leila", first_name="Leila")
    CohortStaffFactory(cohort=cohort, user=leila, role=StaffRole.COORDINATOR)
    amina = EnrollmentFactory(cohort=cohort, user=UserFactory(username="amina")).user
    return SimpleNamespace(
        cohort=cohort, session=session, module=module, leila=leila, amina=amina
    )


def test_invited_lecturer_briefs_uploads_and_the_trainee_downloads_after_the_evening(
    live_server, phone, desk, world
):
    base = live_server.url
    mail.outbox.clear()

    # The coordinator invites her to the session by email.
    journey.sign_in(desk, live_server, world.leila)
    with translation.override("en"):
        desk.goto(f"{base}{reverse('lms:invite_lecturer', args=[world.cohort.pk])}")
    desk.locator("input[name=email]").fill("kari.berg@example.org")
    desk.locator("input[name=first_name]").fill("Kari")
    desk.locator(f"input[name=sessions][value='{world.session.pk}']").check()
    desk.locator("form.stack button[type=submit]").click()
    expect(desk.locator(".message").first).to_be_visible()
    assert "/lecturer/invitation/" not in desk.content()  # the link is hers only
    (message,) = mail.outbox
    assert message.to == ["kari.berg@example.org"]
    path = re.search(r"https?://[^/\s]+(/\S*/lecturer/invitation/\S+/)", message.body)[
        1
    ]

    # She opens it on her phone and sets a password.
    phone.goto(f"{base}{path}")
    phone.locator("input[name=new_password1]").fill("Brobygger-2026!")
    phone.locator("input[name=new_password2]").fill("Brobygger-2026!")
    phone.locator("form.stack button[type=submit]").click()
    expect(phone).to_have_url(re.compile(r"/lecturer/sessions/$"))

    # Her session, then its briefing beside the lecturer guide.
    phone.locator(".lecturer-session__title a").click()
    expect(phone.locator("main")).to_contain_text(NEEDS)
    expect(phone.locator("main")).to_contain_text(GUIDE)
    overflow = phone.evaluate(
        "() => document.documentElement.scrollWidth - window.innerWidth"
    )
    assert overflow <= 0

    # She uploads her slides for after the session.
    phone.locator("a.button[href$='/materials/']").click()
    phone.locator("input[name=file]").set_input_files(
        files=[{"name": "lysark.pdf", "mimeType": "application/pdf", "buffer": PDF}]
    )
    phone.locator("input[name=title]").fill("Lysark: Barn og språk")
    phone.locator("input[name=visibility][value=after_session]").check()
    phone.locator("form.material-form button[type=submit]").click()
    expect(phone.locator(".material-list")).to_contain_text("Lysark: Barn og språk")
    material = Material.objects.get()
    assert material.added_by.email == "kari.berg@example.org"

    # Before the evening the trainee does not see it...
    trainee = phone.context.browser.new_context(viewport={"width": 360, "height": 640})
    page = trainee.new_page()
    journey.sign_in(page, live_server, world.amina)
    page.goto(f"{base}{world.module.url}")
    expect(page.locator("main")).not_to_contain_text("Lysark")

    # ...once it has been held, it is on her module page and downloads.
    Session.objects.filter(pk=world.session.pk).update(
        starts_at=timezone.now() - datetime.timedelta(hours=3)
    )
    page.reload()
    link = page.locator(".material__open", has_text="Lysark")
    expect(link).to_be_visible()
    expect(page.locator(".material__facts")).to_contain_text("PDF")
    with page.expect_download() as download:
        link.click()
    saved = download.value.path()
    with open(saved, "rb") as fh:
        assert fh.read(5) == b"%PDF-"
    assert download.value.suggested_filename.endswith(".pdf")
    trainee.close()
