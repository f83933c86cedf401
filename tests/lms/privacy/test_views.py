"""Her data in the browser: "My data" (what is kept, with her counts), her
copy and its download, her erasure request; the coordinator's page of one
person's data (a copy for her, confirming her erasure) and the waiting
requests. Who may see what, POST-only changes, no-store pages and fixed
query counts."""

import datetime
import html as html_text
import io
import re
import uuid
import zipfile

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation

from lms import privacy
from lms.choices import StaffRole
from lms.models import (
    DataExport,
    ErasureRequest,
    Reflection,
    Sitting,
    TrackApplication,
)
from tests.factories.lms import (
    ChapterFactory,
    CohortFactory,
    CohortStaffFactory,
    EnrollmentFactory,
    ReflectionFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


def en(name, **kwargs):
    with translation.override("en"):
        return reverse(name, kwargs=kwargs or None)


def as_user(user=None, **extra):
    client = Client(HTTP_ACCEPT_LANGUAGE="en", **extra)
    if user is not None:
        client.force_login(user)
    return client


def text(response, status=200):
    assert response.status_code == status, response.status_code
    return html_text.unescape(response.content.decode())


def part(html, key) -> str:
    """The <li> of one part of the registry on the page."""
    found = re.search(
        rf'<li class="data-part" data-part="{key}">(.*?)</li>', html, flags=re.S
    )
    assert found, f"no part {key}"
    return found.group(1)


def said(response) -> list[str]:
    return [str(m) for m in response.context["messages"]]


def zip_text(response) -> tuple[list[str], str]:
    body = b"".join(response.streaming_content)
    archive = zipfile.ZipFile(io.BytesIO(body))
    names = archive.namelist()
    return names, "\n".join(archive.read(n).decode("utf-8", "replace") for n in names)


@pytest.fixture
def made(django_capture_on_commit_callbacks):
    """Ask for a copy as `client` and let the background task run."""

    def make(client, url):
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(url)
        assert response.status_code == 302
        return DataExport.objects.order_by("-pk").first()

    return make


@pytest.fixture
def elsewhere(traced):
    """The coordinator of another chapter, with a cohort of her own."""
    other = UserFactory(username="other-coordinator")
    cohort = CohortFactory(course=traced.course, chapter=ChapterFactory(name="Grorud"))
    cohort.chapter.coordinators.add(other)
    EnrollmentFactory(cohort=cohort)
    return other


# --- her inventory ----------------------------------------------------------------


def test_she_sees_every_part_with_who_sees_it_how_long_and_her_counts(traced):
    html = text(as_user(traced.amina).get(en("lms:my_data")))
    for provider in privacy.providers():
        block = part(html, provider.key)
        assert str(provider.title) in block
        assert str(provider.seen_by) in block
        assert str(provider.kept) in block
    assert "1 record" in part(html, "reflections")
    assert "1 record" in part(html, "homework")
    assert "No records" in part(html, "lecturing")
    assert "Download a copy of my data" in html
    assert "Erase my account" in html
    # The strict policy: nothing inline.
    assert not re.search(r"<style\b|\sstyle=\"|\son[a-z]+=\"", html)
    assert "<script>" not in html


def test_the_counts_follow_what_she_has(traced):
    ReflectionFactory(
        enrollment=traced.amina.enrollments.get(), module_key=uuid.uuid4()
    )
    html = text(as_user(traced.amina).get(en("lms:my_data")))
    assert "2 records" in part(html, "reflections")


def test_my_data_is_for_signed_in_people_only():
    response = as_user().get(en("lms:my_data"))
    assert response.status_code == 302
    assert response["Location"].startswith(en("lms:login"))


def test_my_data_is_linked_from_her_settings_and_the_footer(traced):
    html = text(as_user(traced.amina).get(en("lms:settings")))
    assert html.count(f'href="{en("lms:my_data")}"') >= 2


# --- her copy ----------------------------------------------------------------------


def test_she_asks_for_a_copy_and_downloads_it(traced, made):
    client = as_user(traced.amina)
    export = made(client, en("lms:request_my_export"))
    assert export.user == traced.amina and export.requested_by == traced.amina
    html = text(client.get(en("lms:my_data")))
    assert "Your copy is ready." in html
    link = en("lms:download_export", export_id=export.pk)
    assert f'href="{link}"' in html
    response = client.get(link)
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
    assert ".zip" in response["Content-Disposition"]
    assert "no-store" in response["Cache-Control"]
    assert "private" in response["Cache-Control"]
    names, body = zip_text(response)
    assert "index.html" in names and "data.json" in names
    assert traced.mine["reflection"] in body
    assert traced.theirs["reflection"] not in body


def test_a_copy_under_way_is_shown_as_being_prepared_and_not_asked_twice(traced):
    client = as_user(traced.amina)
    # No on_commit run here: the background task has not made it yet.
    first = client.post(en("lms:request_my_export"), follow=True)
    assert any("Your copy is being prepared." in m for m in said(first))
    response = client.post(en("lms:request_my_export"), follow=True)
    assert "Your copy is already being prepared." in said(response)
    assert DataExport.objects.filter(user=traced.amina).count() == 1
    html = text(response)
    assert "Your copy is being prepared." in html
    assert "Check again" in html
    assert "Download a copy of my data" not in html
    export = DataExport.objects.get()
    assert text(client.get(en("lms:download_export", export_id=export.pk)), status=404)


def test_a_failed_copy_says_so_and_offers_to_try_again(traced, made, monkeypatch):
    def broken(*args, **kwargs):
        raise OSError("No space left on device")

    monkeypatch.setattr(privacy, "write_export", broken)
    client = as_user(traced.amina)
    made(client, en("lms:request_my_export"))
    html = text(client.get(en("lms:my_data")))
    assert "Your copy could not be made." in html
    assert ">Try again</button>" in html


def test_a_lost_copy_can_be_asked_for_again(traced):
    client = as_user(traced.amina)
    client.post(en("lms:request_my_export"))
    DataExport.objects.update(requested_at=timezone.now() - datetime.timedelta(hours=2))
    html = text(client.get(en("lms:my_data")))
    assert "Your copy was not made in time." in html
    client.post(en("lms:request_my_export"))
    assert DataExport.objects.filter(user=traced.amina).count() == 2


def test_her_earlier_copies_are_listed_newest_first_only_unexpired_ones_downloadable(
    traced, made
):
    client = as_user(traced.amina)
    old = made(client, en("lms:request_my_export"))
    older = made(client, en("lms:request_my_export"))
    newest = made(client, en("lms:request_my_export"))
    now = timezone.now()
    DataExport.objects.filter(pk=old.pk).update(
        requested_at=now - datetime.timedelta(days=10),
        expires_at=now - datetime.timedelta(days=3),
    )
    DataExport.objects.filter(pk=older.pk).update(
        requested_at=now - datetime.timedelta(days=2)
    )
    html = text(client.get(en("lms:my_data")))
    assert html.index(f'data-copy="{newest.pk}"') < html.index(
        f'data-copy="{older.pk}"'
    )
    assert html.index(f'data-copy="{older.pk}"') < html.index(f'data-copy="{old.pk}"')
    assert en("lms:download_export", export_id=older.pk) in html
    assert en("lms:download_export", export_id=old.pk) not in html
    expired = client.get(en("lms:download_export", export_id=old.pk))
    assert expired.status_code == 410
    assert "expired" in expired.content.decode()


def test_nobody_else_downloads_her_copy(traced, made, elsewhere):
    export = made(as_user(traced.amina), en("lms:request_my_export"))
    url = en("lms:download_export", export_id=export.pk)
    assert as_user(traced.hodan).get(url).status_code == 404
    assert as_user(elsewhere).get(url).status_code == 404
    assert as_user(traced.supervisor).get(url).status_code == 404
    # A copy she made herself is hers alone, even for her coordinator.
    assert as_user(traced.coordinator).get(url).status_code == 404
    anonymous = as_user().get(url)
    assert anonymous.status_code == 302
    assert anonymous["Location"].startswith(en("lms:login"))
    missing = en("lms:download_export", export_id=999_999)
    assert as_user(traced.amina).get(missing).status_code == 404


# --- the coordinator's page of her data -------------------------------------------


def test_her_coordinator_makes_and_downloads_a_copy_for_her(traced, made):
    client = as_user(traced.coordinator)
    page = en("lms:person_data", user_id=traced.amina.pk)
    html = text(client.get(page))
    assert "Data of Amina Farah" in html
    assert "1 record" in part(html, "reflections")
    assert "Make a copy of her data" in html
    export = made(client, en("lms:request_person_export", user_id=traced.amina.pk))
    assert export.user == traced.amina and export.requested_by == traced.coordinator
    html = text(client.get(page))
    assert "The copy is ready." in html
    response = client.get(en("lms:download_export", export_id=export.pk))
    assert response.status_code == 200
    assert "amina" in response["Content-Disposition"]
    _names, body = zip_text(response)
    assert traced.mine["reflection"] in body
    assert traced.theirs["reflection"] not in body
    # She sees it among her copies too, and may download it.
    mine = text(as_user(traced.amina).get(en("lms:my_data")))
    assert en("lms:download_export", export_id=export.pk) in mine


def test_only_her_chapters_coordinators_reach_her_data(traced, made, elsewhere):
    page = en("lms:person_data", user_id=traced.amina.pk)
    export = made(
        as_user(traced.coordinator),
        en("lms:request_person_export", user_id=traced.amina.pk),
    )
    download = en("lms:download_export", export_id=export.pk)
    for who in (elsewhere, traced.supervisor, traced.lecturer, traced.hodan):
        client = as_user(who)
        assert client.get(page).status_code == 404, who
        assert client.get(download).status_code == 404, who
        response = client.post(en("lms:request_person_export", user_id=traced.amina.pk))
        assert response.status_code == 404, who
    assert DataExport.objects.count() == 1
    # Her own page is not for her "as staff" either; a staff account is
    # nobody's person in reach.
    assert as_user(traced.amina).get(page).status_code == 404
    assert (
        as_user(traced.coordinator)
        .get(en("lms:person_data", user_id=traced.supervisor.pk))
        .status_code
        == 404
    )
    assert as_user().get(page).status_code == 302


# --- erasure ------------------------------------------------------------------------


def ask(client, **data):
    return client.post(en("lms:ask_erasure"), {"confirm": "on", **data}, follow=True)


def confirm(client, person, **data):
    return client.post(
        en("lms:confirm_erasure", user_id=person.pk),
        {"confirm": "on", "username": person.get_username(), **data},
        follow=True,
    )


def test_she_asks_her_coordinator_confirms_and_her_reflections_are_gone(
    traced, django_capture_on_commit_callbacks
):
    amina = as_user(traced.amina)
    response = ask(amina)
    assert any("Your request is sent" in m for m in said(response))
    html = text(response)
    assert "Your request is waiting for your coordinator." in html
    assert "Take back my request" in html
    waiting = ErasureRequest.objects.get(user=traced.amina)
    assert waiting.is_open and not waiting.include_diplomas

    coordinator = as_user(traced.coordinator)
    listing = text(coordinator.get(en("lms:erasure_requests")))
    assert f'data-erasure="{waiting.pk}"' in listing
    assert "Amina Farah" in listing
    assert en("lms:person_data", user_id=traced.amina.pk) in listing
    page = text(coordinator.get(en("lms:person_data", user_id=traced.amina.pk)))
    assert "She asks for her account to be erased" in page
    assert "Confirm erasure" in page

    with django_capture_on_commit_callbacks(execute=True):
        response = confirm(coordinator, traced.amina)
    assert response.redirect_chain[-1][0] == en("lms:erasure_requests")
    assert any("The account of Amina Farah is erased." in m for m in said(response))
    assert "No erasure requests are waiting." in text(response)
    assert not Reflection.objects.filter(author=traced.amina).exists()
    assert Reflection.objects.filter(author=traced.hodan).exists()
    waiting.refresh_from_db()
    assert waiting.confirmed_by == traced.coordinator
    # She is signed out.
    assert amina.get(en("lms:my_data")).status_code == 302


def test_she_may_ask_for_her_diplomas_to_go_too(traced, monkeypatch):
    from lms import privacy as service

    real = service.Provider.record_count
    monkeypatch.setattr(
        service.Provider,
        "record_count",
        lambda self, user: 1 if self.key == "diplomas" else real(self, user),
    )
    client = as_user(traced.amina)
    html = text(client.get(en("lms:my_data")))
    assert "Also erase my diplomas" in html
    html = text(ask(client, include_diplomas="on"))
    assert "they will be revoked" in html
    assert ErasureRequest.objects.get(user=traced.amina).include_diplomas
    page = text(
        as_user(traced.coordinator).get(en("lms:person_data", user_id=traced.amina.pk))
    )
    assert "She asks for her diplomas to be erased too" in page


def test_without_the_tick_nothing_is_asked(traced):
    response = as_user(traced.amina).post(en("lms:ask_erasure"), {})
    html = text(response, status=400)
    assert 'role="alert"' in html
    assert "Tick the box to show that you understand it cannot be undone." in html
    assert 'href="#erase-confirm"' in html and 'id="erase-confirm"' in html
    assert not ErasureRequest.objects.exists()


def test_she_takes_her_request_back(traced):
    client = as_user(traced.amina)
    ask(client)
    response = client.post(en("lms:cancel_erasure"), follow=True)
    assert "Your request is taken back. Nothing has been erased." in said(response)
    assert "Ask for my account to be erased" in text(response)
    assert ErasureRequest.objects.get().cancelled_at is not None


def test_a_wrong_user_name_erases_nothing(traced):
    ask(as_user(traced.amina))
    coordinator = as_user(traced.coordinator)
    response = coordinator.post(
        en("lms:confirm_erasure", user_id=traced.amina.pk),
        {"confirm": "on", "username": "hodan"},
    )
    html = text(response, status=400)
    assert 'role="alert"' in html
    assert "That is not her user name, so nothing has been erased." in html
    assert 'aria-invalid="true"' in html
    assert Reflection.objects.filter(author=traced.amina).exists()
    assert ErasureRequest.objects.get().is_open
    # Without the tick, neither.
    response = coordinator.post(
        en("lms:confirm_erasure", user_id=traced.amina.pk), {"username": "amina"}
    )
    assert "Tick the box to confirm" in text(response, status=400)
    assert ErasureRequest.objects.get().is_open


def test_a_capitalised_user_name_is_her_name_still(
    traced, django_capture_on_commit_callbacks
):
    ask(as_user(traced.amina))
    with django_capture_on_commit_callbacks(execute=True):
        confirm(as_user(traced.coordinator), traced.amina, username=" Amina ")
    assert not ErasureRequest.objects.get().is_open


def test_she_cannot_confirm_her_own(traced):
    client = as_user(traced.amina)
    ask(client)
    response = client.post(
        en("lms:confirm_erasure", user_id=traced.amina.pk),
        {"confirm": "on", "username": "amina"},
    )
    assert response.status_code == 404
    assert ErasureRequest.objects.get().is_open
    assert Reflection.objects.filter(author=traced.amina).exists()
    assert as_user(traced.amina).get(en("lms:erasure_requests")).status_code == 404


def test_other_staff_cannot_confirm_it(traced, elsewhere):
    ask(as_user(traced.amina))
    for who in (elsewhere, traced.supervisor):
        response = as_user(who).post(
            en("lms:confirm_erasure", user_id=traced.amina.pk),
            {"confirm": "on", "username": "amina"},
        )
        assert response.status_code == 404
    assert ErasureRequest.objects.get().is_open
    listing = text(as_user(elsewhere).get(en("lms:erasure_requests")))
    assert "Amina" not in listing
    assert "No erasure requests are waiting." in listing


def test_a_request_taken_back_cannot_be_confirmed(traced):
    client = as_user(traced.amina)
    ask(client)
    client.post(en("lms:cancel_erasure"))
    response = confirm(as_user(traced.coordinator), traced.amina)
    assert any("Nothing has been erased." in m for m in said(response))
    assert Reflection.objects.filter(author=traced.amina).exists()
    assert ErasureRequest.objects.get().confirmed_at is None


def test_a_request_closed_meanwhile_is_told_clearly(traced, monkeypatch):
    ask(as_user(traced.amina))

    def closed(**kwargs):
        raise privacy.ErasureClosed

    monkeypatch.setattr(privacy, "confirm_erasure", closed)
    response = confirm(as_user(traced.coordinator), traced.amina)
    assert any("carried out or taken back meanwhile" in m for m in said(response))
    assert Reflection.objects.filter(author=traced.amina).exists()


def test_staff_accounts_are_told_to_ask_the_administrators(traced):
    client = as_user(traced.coordinator)
    html = text(client.get(en("lms:my_data")))
    assert "contact the site's administrators" in html
    assert "Ask for my account to be erased" not in html
    assert client.post(en("lms:ask_erasure"), {"confirm": "on"}).status_code == 403
    assert not ErasureRequest.objects.exists()


def test_the_coordinators_dashboard_links_to_the_waiting_requests(traced):
    ask(as_user(traced.amina))
    html = text(as_user(traced.coordinator).get(en("lms:dashboard")))
    assert f'href="{en("lms:erasure_requests")}"' in html
    assert "1 waiting" in html
    trainee = text(as_user(traced.hodan).get(en("lms:dashboard")))
    assert en("lms:erasure_requests") not in trainee


# --- HTTP ---------------------------------------------------------------------------


def test_changes_are_post_only_and_check_csrf(traced):
    amina = traced.amina
    posts = [
        en("lms:request_my_export"),
        en("lms:ask_erasure"),
        en("lms:cancel_erasure"),
        en("lms:request_person_export", user_id=amina.pk),
        en("lms:confirm_erasure", user_id=amina.pk),
    ]
    for url in posts:
        assert as_user(traced.coordinator).get(url).status_code == 405, url
    strict = as_user(amina, enforce_csrf_checks=True)
    assert strict.post(en("lms:request_my_export")).status_code == 403
    assert strict.post(en("lms:ask_erasure"), {"confirm": "on"}).status_code == 403
    assert not DataExport.objects.exists() and not ErasureRequest.objects.exists()


def test_every_page_is_private_and_never_stored(traced, made):
    ask(as_user(traced.amina))
    export = made(as_user(traced.amina), en("lms:request_my_export"))
    pages = [
        (traced.amina, en("lms:my_data")),
        (traced.amina, en("lms:download_export", export_id=export.pk)),
        (traced.coordinator, en("lms:person_data", user_id=traced.amina.pk)),
        (traced.coordinator, en("lms:erasure_requests")),
    ]
    for who, url in pages:
        response = as_user(who).get(url)
        assert response.status_code == 200, url
        cache = response["Cache-Control"]
        assert "no-store" in cache and "private" in cache, url
        if response["Content-Type"].startswith("text/html"):
            policy = response["Content-Security-Policy"]
            assert "unsafe-inline" not in policy, url


def test_my_data_reads_right_to_left_in_arabic(traced):
    with translation.override("ar"):
        url = reverse("lms:my_data")
    html = text(as_user(traced.amina).get(url))
    assert 'lang="ar" dir="rtl"' in html


# --- queries -------------------------------------------------------------------------


def _queries(client, url, django_assert_max_num_queries, limit=200):
    with django_assert_max_num_queries(limit) as counted:
        assert client.get(url).status_code == 200
    return len(counted)


def _more_of_everything(traced, n):
    enrollment = traced.amina.enrollments.get()
    for i in range(n):
        ReflectionFactory(enrollment=enrollment, module_key=uuid.uuid4())
        DataExport.objects.create(user=traced.amina, requested_by=traced.amina)
        TrackApplication.objects.create(
            user=traced.amina, course=traced.course, status="declined"
        )
        Sitting.objects.create(
            user=traced.amina,
            enrollment=enrollment,
            quiz_key=uuid.uuid4(),
            module_key=traced.modules[i % len(traced.modules)].translation_key,
            question_keys=[],
        )
    DataExport.objects.filter(user=traced.amina).update(failed=True)


def test_my_data_reads_a_fixed_number_of_queries(traced, django_assert_max_num_queries):
    client = as_user(traced.amina)
    url = en("lms:my_data")
    few = _queries(client, url, django_assert_max_num_queries)
    _more_of_everything(traced, 5)
    many = _queries(client, url, django_assert_max_num_queries, limit=few)
    assert many <= few
    # The same for her coordinator's page of her data.
    staff = as_user(traced.coordinator)
    page = en("lms:person_data", user_id=traced.amina.pk)
    once = _queries(staff, page, django_assert_max_num_queries)
    _more_of_everything(traced, 5)
    assert _queries(staff, page, django_assert_max_num_queries, limit=once) <= once


def test_the_requests_page_reads_a_fixed_number_of_queries(
    traced, django_assert_max_num_queries
):
    privacy.ask_erasure(user=traced.amina)
    client = as_user(traced.coordinator)
    url = en("lms:erasure_requests")
    one = _queries(client, url, django_assert_max_num_queries)
    for n in range(4):
        cohort = CohortFactory(course=traced.course, chapter=traced.cohort.chapter)
        trainee = EnrollmentFactory(
            cohort=cohort, user=UserFactory(username=f"trainee-{n}")
        ).user
        EnrollmentFactory(cohort=traced.cohort, user=trainee)
        privacy.ask_erasure(user=trainee)
    CohortStaffFactory(
        cohort=traced.cohort, role=StaffRole.SUPERVISOR, user=UserFactory()
    )
    many = _queries(client, url, django_assert_max_num_queries, limit=one)
    assert many <= one
    html = text(client.get(url))
    assert html.count("data-erasure=") == 5
