"""The Open Badges endpoints, fetched as a wallet, a verifier, an old
backpack, the holder and her chapter's staff would fetch them."""

import datetime
import json
from pathlib import Path

import jsonschema
import pytest
from django.urls import reverse
from django.utils import timezone, translation

from lms.diplomas import badges, codes, keys, open_badges
from lms.diplomas.issue import claims_of, revoke
from lms.models import Diploma
from tests.factories.lms import (
    ChapterFactory,
    CohortFactory,
    EnrollmentFactory,
    UserFactory,
)
from tests.helpers import as_user

from .conftest import ARABIC_NAME

SCHEMA = (
    Path(__file__).parents[2] / "fixtures" / "ob_v3p0_achievementcredential_schema.json"
)
EMAIL = "Amina.Hassan@example.org"


def en(name, **kwargs):
    with translation.override("en"):
        return reverse(f"lms:{name}", kwargs=kwargs or None)


def _path(url: str) -> str:
    """The path of one of our absolute URLs, to fetch with the test client."""
    assert url.startswith("http://testserver/"), url
    return url.removeprefix("http://testserver")


def _diploma(enrollment, data):
    return Diploma.objects.create(
        enrollment=enrollment,
        user=enrollment.user,
        code=data.verification_code,
        holder_name=data.holder_name,
        course_title=data.programme,
        course_key=enrollment.cohort.course.translation_key,
        chapter_name=data.chapter,
        claims=claims_of(data),
        status_index=badges.new_status_index(),
        salt=badges.new_salt(),
        issued_at=timezone.now() - datetime.timedelta(days=1),
    )


@pytest.fixture
def world(cohort_with_sessions, make_diploma):
    """Amina (Arabic name, an e-mail) holds a diploma of the cohort."""
    world = cohort_with_sessions
    amina = world.enrollments[0]
    amina.user.email = EMAIL
    amina.user.save()
    code = codes.new_code()
    world.diploma = _diploma(
        amina,
        make_diploma(
            holder_name=ARABIC_NAME,
            holder_language="ar",
            verification_code=code,
            verification_url=f"http://testserver{en('verify_diploma', code=code)}",
            issued_on=timezone.localdate() - datetime.timedelta(days=1),
        ),
    )
    world.amina = amina.user
    world.hodan = world.enrollments[1].user
    return world


def _json(response):
    assert response.status_code == 200, response.content[:300]
    return json.loads(response.content)


# --- her credential, as JSON -------------------------------------------------


def test_her_credential_validates_against_1edtechs_schema(world):
    response = as_user(world.amina).get(
        en("credential_json", diploma_id=world.diploma.pk)
    )
    assert response["Content-Type"] == "application/ld+json"
    assert "attachment" in response["Content-Disposition"]
    assert world.diploma.code in response["Content-Disposition"]
    credential = _json(response)

    schema = json.loads(SCHEMA.read_text())
    jsonschema.validate(credential, schema, cls=jsonschema.Draft201909Validator)

    assert credential["@context"] == [
        "https://www.w3.org/ns/credentials/v2",
        "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",
    ]
    assert credential["type"] == ["VerifiableCredential", "OpenBadgeCredential"]
    assert credential["id"] == f"urn:uuid:{world.diploma.credential_id}"
    issuer = credential["issuer"]
    # The same address whatever language she reads the site in.
    assert issuer["id"] == "http://testserver/nb/badges/issuer/"
    assert issuer["type"] == ["Profile"]
    assert issuer["name"]
    assert credential["validFrom"].endswith("Z")
    achievement = credential["credentialSubject"]["achievement"]
    for field in ("id", "type", "name", "description", "criteria"):
        assert achievement[field], field
    assert achievement["name"] == "Grunnopplæring for bydelsmødre"
    assert achievement["criteria"]["narrative"]
    status = credential["credentialStatus"]
    assert status["type"] == "BitstringStatusListEntry"
    assert status["statusListIndex"] == str(world.diploma.status_index)


def test_the_credential_names_her_as_printed_and_hides_her_email(world):
    credential = _json(
        as_user(world.amina).get(en("credential_json", diploma_id=world.diploma.pk))
    )
    text = json.dumps(credential, ensure_ascii=False)
    assert EMAIL.lower() not in text.lower()
    assert world.amina.username not in text
    identifiers = credential["credentialSubject"]["identifier"]
    name = {
        "type": "IdentityObject",
        "identityType": "name",
        "hashed": False,
        "identityHash": ARABIC_NAME,
    }
    assert name in identifiers
    (email,) = [i for i in identifiers if i["identityType"] == "emailAddress"]
    assert email["hashed"] is True
    # A backpack that knows her address can match it, nobody else learns it.
    assert email["identityHash"] == badges.hash_identity(EMAIL, email["salt"])


def test_every_address_in_the_credential_resolves(world):
    client = as_user()
    credential = _json(
        as_user(world.amina).get(en("credential_json", diploma_id=world.diploma.pk))
    )
    profile = client.get(_path(credential["issuer"]["id"]))
    assert profile.status_code == 200
    assert profile["Content-Type"] == "application/ld+json"
    status = client.get(_path(credential["credentialStatus"]["statusListCredential"]))
    assert status.status_code == 200
    assert status["Content-Type"] == "application/vc+jwt"
    badge_class = client.get(
        _path(credential["credentialSubject"]["achievement"]["id"])
    )
    assert badge_class.status_code == 200
    image = credential["image"]["id"]
    assert image.endswith(".svg")


# --- the signed credential and the published keys ------------------------------


def test_the_signed_credential_verifies_with_the_published_key(world):
    response = as_user(world.amina).get(
        en("credential_jwt", diploma_id=world.diploma.pk)
    )
    assert response.status_code == 200
    assert response["Content-Type"] == "application/vc+jwt"
    assert response["Content-Disposition"].endswith('.jwt"')
    token = response.content.decode("ascii")

    header = badges.unverified_header(token)
    assert header["alg"] == "EdDSA" and header["typ"] == "vc+jwt"
    # A verifier who knows nothing but the token fetches the key it names.
    published = as_user().get(_path(header["kid"]))
    assert published.status_code == 200
    assert published["Content-Type"] == "application/jwk+json"
    jwk = json.loads(published.content)
    assert "d" not in jwk

    credential = badges.verify_credential(token, jwk)

    assert credential["id"] == f"urn:uuid:{world.diploma.credential_id}"
    assert credential["credentialSubject"]["achievement"]["name"] == (
        "Grunnopplæring for bydelsmødre"
    )
    with pytest.raises(badges.CredentialError):
        badges.verify_credential(token, keys.public_jwk(keys.generate_key()))


def test_whoever_holds_the_code_gets_the_signed_credential_without_login(world):
    """An employer with the printed code (or the QR link) checks the diploma
    in her own system: the signed credential, verified with the published
    key, names the same diploma; a mistyped code is a plain 404."""
    response = as_user().get(en("verified_credential", code=world.diploma.code))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/vc+jwt"
    token = response.content.decode("ascii")
    kid = badges.unverified_header(token)["kid"]
    jwk = json.loads(as_user().get(_path(kid)).content)
    credential = badges.verify_credential(token, jwk)
    assert credential["id"] == f"urn:uuid:{world.diploma.credential_id}"
    assert EMAIL not in json.dumps(credential)

    wrong = world.diploma.code[:-1] + ("0" if world.diploma.code[-1] != "0" else "1")
    assert as_user().get(en("verified_credential", code=wrong)).status_code == 404

    world.diploma.revoked_at = world.diploma.issued_at
    world.diploma.save()
    gone = as_user().get(en("verified_credential", code=world.diploma.code))
    assert gone.status_code == 410


def test_the_issuer_profile_lists_the_keys_it_signs_with(world):
    profile = _json(as_user().get(en("badge_issuer")))
    assert profile["type"] == ["Profile"]
    assert profile["name"] and profile["url"]
    token = (
        as_user(world.amina)
        .get(en("credential_jwt", diploma_id=world.diploma.pk))
        .content.decode()
    )
    kid = badges.unverified_header(token)["kid"]
    assert kid in profile["assertionMethod"]
    (method,) = [m for m in profile["verificationMethod"] if m["id"] == kid]
    assert badges.verify_credential(token, method["publicKeyJwk"])
    key_set = as_user().get(en("badge_keys"))
    assert key_set["Content-Type"] == "application/jwk-set+json"
    assert method["publicKeyJwk"] in json.loads(key_set.content)["keys"]


def test_an_earlier_key_stays_published_and_verifies_what_it_signed(world, settings):
    # Her credential as it was signed before the key was rotated.
    old = keys.generate_key()
    token = badges.sign_credential(
        open_badges.credential(world.diploma), old, open_badges.kid(old)
    )
    settings.LMS_DIPLOMA_PUBLISHED_KEYS = [json.dumps(keys.public_jwk(old))]

    key_ids = [k["kid"] for k in _json(as_user().get(en("badge_keys")))["keys"]]
    published = as_user().get(_path(badges.unverified_header(token)["kid"]))

    assert keys.key_id(old) in key_ids
    assert keys.key_id(keys.load_key()) in key_ids  # and the current one
    assert badges.verify_credential(token, json.loads(published.content))


def test_the_dev_and_test_key_is_derived_from_the_secret_key(settings):
    assert keys.key_id(keys.load_key()) == keys.key_id(
        keys.demo_key(settings.SECRET_KEY)
    )


def test_without_a_signing_key_signing_says_what_to_configure(
    world, settings, monkeypatch
):
    settings.LMS_DIPLOMA_SIGNING_KEY = ""
    monkeypatch.delenv("LMS_DIPLOMA_SIGNING_KEY", raising=False)
    from django.core.exceptions import ImproperlyConfigured

    client = as_user(world.amina)
    client.raise_request_exception = True
    with pytest.raises(ImproperlyConfigured, match="LMS_DIPLOMA_SIGNING_KEY"):
        client.get(en("credential_jwt", diploma_id=world.diploma.pk))
    # The keys that were published stay published (here: none left).
    assert _json(as_user().get(en("badge_keys"))) == {"keys": []}


# --- revocation ----------------------------------------------------------------


def _status_list(client):
    token = client.get(en("badge_status_list", number=1)).content.decode()
    kid = badges.unverified_header(token)["kid"]
    jwk = json.loads(client.get(_path(kid)).content)
    return badges.verify_credential(token, jwk)


def test_revoking_sets_her_bit_in_the_signed_status_list(world):
    client = as_user()
    credential = _json(
        as_user(world.amina).get(en("credential_json", diploma_id=world.diploma.pk))
    )
    assert badges.is_revoked(credential, _status_list(client)) is False

    revoke(world.diploma, world.coordinator, "Utstedt ved en feil")

    status_list = _status_list(client)
    assert badges.is_revoked(credential, status_list) is True
    assert status_list["type"] == [
        "VerifiableCredential",
        "BitstringStatusListCredential",
    ]


def test_the_status_list_is_also_served_as_json(world):
    revoke(world.diploma, world.coordinator, "Feil")
    response = as_user().get(
        en("badge_status_list", number=1), HTTP_ACCEPT="application/ld+json"
    )
    assert response["Content-Type"] == "application/ld+json"
    assert response["Access-Control-Allow-Origin"] == "*"
    listed = _json(response)
    entry = {
        "credentialStatus": {
            "type": "BitstringStatusListEntry",
            "statusPurpose": "revocation",
            "statusListIndex": str(world.diploma.status_index),
            "statusListCredential": listed["id"],
        }
    }
    assert badges.is_revoked(entry, listed) is True


def test_a_revoked_diploma_has_no_credential_to_download(world):
    revoke(world.diploma, world.coordinator, "Feil")
    client = as_user(world.amina)
    for name in ("credential_json", "credential_jwt"):
        response = client.get(en(name, diploma_id=world.diploma.pk))
        assert response.status_code == 410
    checklist = client.get(en("checklist", enrollment_id=world.enrollments[0].pk))
    assert en("credential_jwt", diploma_id=world.diploma.pk) not in (
        checklist.content.decode()
    )


# --- Open Badges 2.0 -------------------------------------------------------------


def test_the_ob2_assertion_badge_class_and_issuer_are_hosted(world):
    client = as_user()
    url = en("ob2_assertion", credential_id=world.diploma.credential_id)
    response = client.get(url)
    assertion = _json(response)
    assert response["Content-Type"] == "application/ld+json"

    assert assertion["@context"] == "https://w3id.org/openbadges/v2"
    assert assertion["type"] == "Assertion"
    assert _path(assertion["id"]) == url.replace("/en/", "/nb/")
    recipient = assertion["recipient"]
    assert recipient["type"] == "email" and recipient["hashed"] is True
    assert recipient["identity"] == badges.hash_identity(EMAIL, recipient["salt"])
    assert EMAIL.lower() not in response.content.decode().lower()
    assert assertion["verification"] == {"type": "hosted"}
    assert assertion["issuedOn"].endswith("Z")

    badge_class = _json(client.get(_path(assertion["badge"])))
    assert badge_class["type"] == "BadgeClass"
    assert badge_class["name"] == "Grunnopplæring for bydelsmødre"
    for field in ("description", "image", "criteria", "issuer"):
        assert badge_class[field], field

    issuer = _json(client.get(_path(badge_class["issuer"])))
    assert issuer["type"] == "Issuer"
    assert issuer["name"] and issuer["url"] and issuer["email"]
    # Hosted verification: the assertion lives on the issuer's origin.
    assert assertion["id"].split("/")[2] == issuer["id"].split("/")[2]


def test_a_revoked_ob2_assertion_is_gone_without_the_private_reason(world):
    revoke(world.diploma, world.coordinator, "Feil person")
    response = as_user().get(
        en("ob2_assertion", credential_id=world.diploma.credential_id)
    )
    assert response.status_code == 410
    gone = json.loads(response.content)
    assert gone["revoked"] is True
    assert gone["revocationReason"]
    assert "Feil person" not in response.content.decode()
    assert "recipient" not in gone


def test_without_an_email_the_ob2_recipient_is_her_phone_hashed(world):
    from lms.models import Profile

    world.amina.email = ""
    world.amina.save()
    Profile.objects.create(user=world.amina, phone="+47 912 34 567")
    assertion = _json(
        as_user().get(en("ob2_assertion", credential_id=world.diploma.credential_id))
    )
    recipient = assertion["recipient"]
    assert recipient["type"] == "telephone"
    assert recipient["identity"] == badges.hash_identity(
        "+4791234567", recipient["salt"]
    )
    assert "912" not in json.dumps(assertion)


@pytest.mark.parametrize(
    "name, kwargs",
    [
        ("ob2_assertion", {"credential_id": "0c3f2b7e-0000-4000-8000-000000000000"}),
        ("ob2_badge_class", {"key": "0c3f2b7e-0000-4000-8000-000000000000"}),
        ("badge_key", {"kid": "urn:ietf:params:oauth:jwk-thumbprint:sha-256:nope"}),
        ("badge_status_list", {"number": 2}),
        ("credential_json", {"diploma_id": 999999}),
        ("credential_jwt", {"diploma_id": 999999}),
    ],
)
def test_unknown_ids_are_a_plain_404(world, name, kwargs):
    client = as_user(world.amina)
    assert client.get(en(name, **kwargs)).status_code == 404


def test_the_issuer_address_is_the_bare_email(db, settings):
    settings.DEFAULT_FROM_EMAIL = "Bydelsmødre Oslo <kurs@example.org>"
    settings.LMS_DIPLOMA_ISSUER_NAME = "Bydelsmødre Oslo"
    issuer = _json(as_user().get(en("ob2_issuer")))
    assert issuer["email"] == "kurs@example.org"
    assert issuer["name"] == "Bydelsmødre Oslo"


def test_the_public_endpoints_need_no_login(world):
    client = as_user()
    for url in (
        en("badge_issuer"),
        en("badge_keys"),
        en("badge_status_list", number=1),
        en("ob2_issuer"),
        en("ob2_assertion", credential_id=world.diploma.credential_id),
    ):
        response = client.get(url)
        assert response.status_code == 200, url
        assert response["Access-Control-Allow-Origin"] == "*"


# --- who may download her credential ------------------------------------------


@pytest.mark.parametrize("name", ["credential_json", "credential_jwt"])
def test_only_she_and_her_chapters_staff_download_her_credential(world, name):
    url = en(name, diploma_id=world.diploma.pk)
    outsider = UserFactory(username="other-coordinator")
    ChapterFactory().coordinators.add(outsider)

    assert as_user(world.amina).get(url).status_code == 200
    assert as_user(world.coordinator).get(url).status_code == 200
    assert as_user(world.hodan).get(url).status_code == 404
    assert as_user(outsider).get(url).status_code == 404
    anonymous = as_user().get(url)
    assert anonymous.status_code == 302
    assert en("login") in anonymous["Location"]


@pytest.mark.parametrize("name", ["credential_json", "credential_jwt"])
def test_the_downloads_read_in_a_fixed_number_of_queries(
    world, name, make_diploma, django_assert_max_num_queries
):
    # More diplomas elsewhere change nothing.
    for _n in range(3):
        other = EnrollmentFactory(
            cohort=CohortFactory(course=world.course),
            user=UserFactory(email="x@example.org"),
        )
        _diploma(other, make_diploma(verification_code=codes.new_code()))
    for user in (world.amina, world.coordinator):
        client = as_user(user)
        with django_assert_max_num_queries(4):
            response = client.get(en(name, diploma_id=world.diploma.pk))
        assert response.status_code == 200


# --- the pages link them -------------------------------------------------------


def test_the_verification_page_links_the_assertion_and_her_the_credential(world):
    url = en("verify_diploma", code=world.diploma.code)
    public = as_user().get(url).content.decode()
    assertion = en("ob2_assertion", credential_id=world.diploma.credential_id)
    credential = en("credential_json", diploma_id=world.diploma.pk)
    assert assertion in public
    assert credential not in public  # a stranger cannot download it anyway
    assert en("verified_credential", code=world.diploma.code) in public
    assert EMAIL not in public
    hers = as_user(world.amina).get(url).content.decode()
    assert credential in hers


def test_her_diploma_page_offers_the_json_and_the_jwt(world):
    page = as_user(world.amina).get(
        en("checklist", enrollment_id=world.enrollments[0].pk)
    )
    html = page.content.decode()
    assert en("diploma_pdf", diploma_id=world.diploma.pk) in html
    assert en("credential_json", diploma_id=world.diploma.pk) in html
    assert en("credential_jwt", diploma_id=world.diploma.pk) in html


def test_with_two_cohorts_her_completion_page_offers_the_downloads(world):
    EnrollmentFactory(cohort=CohortFactory(course=world.course), user=world.amina)
    html = as_user(world.amina).get(en("my_completion")).content.decode()
    assert en("credential_json", diploma_id=world.diploma.pk) in html
    assert en("credential_jwt", diploma_id=world.diploma.pk) in html
