"""Uploading an exercise: in the admin (checked when chosen, refused with
its reason and nothing stored, replaced later with her results kept) and
with ``manage.py import_h5p``, which runs exactly the same checks."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.test import Client
from django.urls import reverse
from wagtail.users.models import UserProfile

from lms.h5p import player, xapi
from lms.models import H5PActivity, H5PAttempt
from lms.models.storage import private_storage
from tests.factories.lms import UserFactory
from tests.lms.h5p import builder
from tests.lms.h5p.builder import FIXTURES

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(db):
    user = UserFactory(username="redaktor", is_staff=True, is_superuser=True)
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "en"
    profile.save()
    client = Client()
    client.force_login(user)
    client.user = user
    return client


def upload(name, data=None):
    data = data if data is not None else (FIXTURES / name).read_bytes()
    return SimpleUploadedFile(name, data, content_type="application/octet-stream")


def stored_files():
    storage = private_storage()
    if not storage.exists("h5p"):
        return set()
    folders, _files = storage.listdir("h5p")
    return set(folders)


def add(editor, package, **fields):
    data = {"title": "", "grading_method": "highest", "required": "on", **fields}
    if package is not None:
        data["package"] = package
    return editor.post(reverse("wagtailsnippets_lms_h5pactivity:add"), data)


def test_an_uploaded_package_becomes_an_exercise(editor):
    response = add(editor, upload("truefalse.h5p"))
    assert response.status_code == 302, response.content.decode()[:2000]
    activity = H5PActivity.objects.get()
    assert activity.title == "Hello World"  # the package's own
    assert activity.main_library == "H5P.TrueFalse 1.6"
    assert activity.package_name == "truefalse.h5p"
    assert activity.uploaded_by == editor.user
    # The package does not say its language ("und"): the copy's language.
    assert activity.content_language == activity.locale.language_code == "nb"
    assert player.is_stored(activity.package_hash)
    assert player.member_name(activity.package_hash, "content/content.json")


@pytest.mark.parametrize(
    ("name", "data", "words"),
    [
        ("bad-corrupt-archive.h5p", None, "not a ZIP archive"),
        ("bad-broken-h5p-json.h5p", None, "h5p.json file is damaged"),
        ("bad-content-only-course-presentation.h5p", None, "more than once"),
        ("slip.h5p", builder.build(entries=[("../../evil.txt", b"x")]), "outside"),
        (
            "content-only.h5p",
            builder.build(
                {
                    name: value
                    for name, value in builder.valid_files().items()
                    if not name.startswith("H5P.Demo-1.0/")
                }
            ),
            "must be exported with its libraries",
        ),
    ],
)
def test_a_refused_package_says_why_and_leaves_nothing(editor, name, data, words):
    response = add(editor, upload(name, data), title="Prøve")
    assert response.status_code == 200
    assert words in response.content.decode()
    assert not H5PActivity.objects.exists()
    assert stored_files() == set()


def test_a_new_exercise_needs_a_package(editor):
    response = add(editor, None, title="Uten fil")
    assert response.status_code == 200
    assert "Please choose an .h5p file." in response.content.decode()
    assert not H5PActivity.objects.exists()


def test_the_same_package_twice_is_stored_once(editor):
    add(editor, upload("truefalse.h5p"))
    add(editor, upload("truefalse.h5p"), title="Igjen")
    assert H5PActivity.objects.count() == 2
    assert len(stored_files()) == 1


def test_replacing_the_package_keeps_her_results(editor):
    add(editor, upload("truefalse.h5p"), title="Sant eller usant")
    activity = H5PActivity.objects.get()
    amina = UserFactory(username="amina")
    xapi.record_statement(
        user=amina,
        activity=activity,
        data={
            "verb": {"id": xapi.ADL + "answered"},
            "object": {"id": xapi.activity_iri(activity)},
            "result": {"score": {"raw": 1, "max": 1}},
        },
        object_iri=xapi.activity_iri(activity),
    )
    old_hash = activity.package_hash
    edit = reverse("wagtailsnippets_lms_h5pactivity:edit", args=[activity.pk])
    response = editor.post(
        edit,
        {
            "title": "Sant eller usant",
            "grading_method": "last",
            "required": "on",
            "package": upload("multichoice.h5p"),
        },
    )
    assert response.status_code == 302
    activity.refresh_from_db()
    assert activity.package_hash != old_hash
    assert activity.main_library == "H5P.MultiChoice 1.16"
    assert activity.title == "Sant eller usant"
    assert H5PAttempt.objects.get().activity_key == activity.translation_key
    result = xapi.best_results(amina, [activity.translation_key])
    assert result[activity.translation_key].completed
    # Editing without a new file keeps the package.
    response = editor.post(
        edit, {"title": "Blackcurrant", "grading_method": "last", "required": "on"}
    )
    assert response.status_code == 302
    activity.refresh_from_db()
    assert activity.title == "Blackcurrant"
    assert activity.main_library == "H5P.MultiChoice 1.16"


def test_a_refused_replacement_keeps_the_old_package(editor):
    add(editor, upload("truefalse.h5p"))
    activity = H5PActivity.objects.get()
    edit = reverse("wagtailsnippets_lms_h5pactivity:edit", args=[activity.pk])
    response = editor.post(
        edit,
        {
            "title": "Hello",
            "grading_method": "highest",
            "package": upload("bad-broken-h5p-json.h5p"),
        },
    )
    assert response.status_code == 200
    assert "damaged" in response.content.decode()
    before = activity.package_hash
    activity.refresh_from_db()
    assert activity.package_hash == before


def test_the_list_links_to_trying_it(editor):
    add(editor, upload("truefalse.h5p"))
    activity = H5PActivity.objects.get()
    listing = editor.get(reverse("wagtailsnippets_lms_h5pactivity:list"))
    assert f'<a href="/en/h5p/{activity.pk}/">Try it</a>' in listing.content.decode()
    assert (
        editor.get(reverse("lms:h5p_exercise", kwargs={"pk": activity.pk})).status_code
        == 200
    )


# --- the command --------------------------------------------------------------------


def test_the_command_imports_a_package(locales):
    out = io.StringIO()
    call_command(
        "import_h5p", str(FIXTURES / "multichoice.h5p"), "--title", "Solbær", stdout=out
    )
    activity = H5PActivity.objects.get()
    assert activity.title == "Solbær"
    assert activity.locale.language_code == "nb"
    assert f"Created interactive exercise {activity.pk}" in out.getvalue()
    assert player.is_stored(activity.package_hash)


def test_the_command_takes_a_locale_and_grading(locales):
    call_command(
        "import_h5p",
        str(FIXTURES / "truefalse.h5p"),
        "--locale",
        "ar",
        "--grading",
        "average",
        stdout=io.StringIO(),
    )
    activity = H5PActivity.objects.get()
    assert activity.locale.language_code == "ar"
    assert activity.content_language == "ar"
    assert activity.grading_method == "average"


@pytest.mark.parametrize(
    ("name", "words"),
    [
        ("bad-corrupt-archive.h5p", "Refused (not_a_zip)"),
        ("bad-broken-h5p-json.h5p", "Refused (h5p_json_invalid)"),
        ("bad-content-only-course-presentation.h5p", "Refused (duplicate_member)"),
    ],
)
def test_the_command_prints_the_reason_for_a_refusal(locales, name, words):
    with pytest.raises(CommandError) as caught:
        call_command("import_h5p", str(FIXTURES / name), stdout=io.StringIO())
    assert words in str(caught.value)
    assert not H5PActivity.objects.exists()
    assert stored_files() == set()


def test_the_command_says_when_there_is_no_such_file(locales, tmp_path):
    with pytest.raises(CommandError, match="No such file"):
        call_command("import_h5p", str(tmp_path / "nothing.h5p"))
    with pytest.raises(CommandError, match="No such locale"):
        call_command("import_h5p", str(FIXTURES / "truefalse.h5p"), "--locale", "xx")
