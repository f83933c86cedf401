"""Open Badges, as a wallet, a verifier or an old backpack would check them."""

import base64
import datetime
import hashlib
import json
import warnings
from pathlib import Path

import pytest
from joserfc import jws

from lms.diplomas import badges, keys

from .conftest import ARABIC_NAME

SCHEMA = (
    Path(__file__).parents[2] / "fixtures" / "ob_v3p0_achievementcredential_schema.json"
)
ISSUER = badges.Issuer(
    id="https://brobygger.example/diplomas/issuer",
    name="Bydelsmødre Oslo",
    url="https://brobygger.example/",
    email="post@brobygger.example",
)
LIST_URL = "https://brobygger.example/diplomas/status/1"
KEYS_URL = "https://brobygger.example/diplomas/keys"


@pytest.fixture
def key():
    return keys.generate_key()


@pytest.fixture
def credential(make_diploma):
    return badges.build_credential(
        make_diploma(holder_name=ARABIC_NAME, holder_language="ar"),
        issuer=ISSUER,
        subject_id="urn:uuid:8f0f6a3e-6c1b-4f53-9a0c-3f2c1f0e5b11",
        credential_id="urn:uuid:1f7e0c1a-3c59-4d1b-8e0e-0b6d2a4f9c21",
        achievement_id="https://brobygger.example/diplomas/achievements/base-nb",
        status=badges.StatusEntry(LIST_URL, 94567),
    )


def _resolve(schema, root):
    if "$ref" in schema:
        return root["$defs"][schema["$ref"].rsplit("/", 1)[-1]]
    return schema


def _required_fields_missing(instance, schema, root, path="$"):
    """Every `required` property of the schema (followed through $ref, allOf,
    the object branch of oneOf, and items) that `instance` lacks, and every
    `contains` it does not meet."""
    schema = _resolve(schema, root)
    missing = []
    for sub in schema.get("allOf", []):
        missing += _required_fields_missing(instance, sub, root, path)
    for sub in schema.get("oneOf", []):
        if isinstance(instance, dict) and _resolve(sub, root).get("type") == "object":
            missing += _required_fields_missing(instance, sub, root, path)
    if isinstance(instance, dict):
        missing += [f"{path}.{name}" for name in schema.get("required", [])]
        missing = [m for m in missing if m.rsplit(".", 1)[-1] not in instance]
        for name, sub in schema.get("properties", {}).items():
            if name in instance:
                missing += _required_fields_missing(
                    instance[name], sub, root, f"{path}.{name}"
                )
    if isinstance(instance, list):
        wanted = schema.get("contains", {}).get("enum")
        if wanted and not set(wanted) & set(instance):
            missing.append(f"{path} contains one of {wanted}")
        items = schema.get("items")
        if isinstance(items, dict):
            for i, item in enumerate(instance):
                missing += _required_fields_missing(item, items, root, f"{path}[{i}]")
        if isinstance(items, list):
            for i, (item, sub) in enumerate(zip(instance, items, strict=False)):
                if "enum" in sub and item not in sub["enum"]:
                    missing.append(f"{path}[{i}] is one of {sub['enum']}")
    return missing


def test_the_credential_has_every_property_1edtech_requires(credential):
    schema = json.loads(SCHEMA.read_text())

    assert _required_fields_missing(credential, schema, schema) == []
    assert credential["@context"] == [
        "https://www.w3.org/ns/credentials/v2",
        "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",
    ]
    assert credential["type"] == ["VerifiableCredential", "OpenBadgeCredential"]
    assert credential["issuer"]["type"] == ["Profile"]
    assert credential["issuer"]["name"] == "Bydelsmødre Oslo"
    subject = credential["credentialSubject"]
    assert subject["type"] == ["AchievementSubject"]
    achievement = subject["achievement"]
    assert achievement["type"] == ["Achievement"]
    assert achievement["name"] == "Grunnopplæring for bydelsmødre"
    assert achievement["criteria"]["narrative"]
    assert achievement["inLanguage"] == "nb"
    assert credential["credentialSchema"] == [
        {
            "id": "https://purl.imsglobal.org/spec/ob/v3p0/schema/json/"
            "ob_v3p0_achievementcredential_schema.json",
            "type": "1EdTechJsonSchemaValidator2019",
        }
    ]


def test_the_required_fields_check_notices_a_missing_field(credential):
    schema = json.loads(SCHEMA.read_text())
    del credential["credentialSubject"]["achievement"]["criteria"]
    credential["issuer"]["type"] = ["Organization"]

    assert set(_required_fields_missing(credential, schema, schema)) == {
        "$.issuer.type contains one of ['Profile']",
        "$.credentialSubject.achievement.criteria",
    }


def test_the_credential_validates_against_the_1edtech_json_schema(credential):
    import jsonschema

    schema = json.loads(SCHEMA.read_text())

    jsonschema.Draft201909Validator(
        schema, format_checker=jsonschema.Draft201909Validator.FORMAT_CHECKER
    ).validate(credential)


def test_her_name_is_in_the_credential_exactly(credential):
    identifiers = credential["credentialSubject"]["identifier"]

    assert identifiers == [
        {
            "type": "IdentityObject",
            "identityType": "name",
            "hashed": False,
            "identityHash": ARABIC_NAME,
        }
    ]


def test_the_criteria_name_every_module(credential, make_diploma):
    narrative = credential["credentialSubject"]["achievement"]["criteria"]["narrative"]

    for number, module in enumerate(make_diploma().modules, start=1):
        assert f"{number}. {module.title}" in narrative


def test_a_subject_needs_an_id_or_an_identifier(make_diploma):
    with pytest.raises(ValueError):
        badges.build_credential(
            make_diploma(),
            issuer=ISSUER,
            subject_id=None,
            credential_id="urn:uuid:1",
            achievement_id="https://brobygger.example/a",
            status=badges.StatusEntry(LIST_URL, 1),
            include_name=False,
        )


def test_the_status_entry_points_at_a_bitstring_status_list(credential):
    status = credential["credentialStatus"]

    assert status == {
        "id": LIST_URL + "#94567",
        "type": "BitstringStatusListEntry",
        "statusPurpose": "revocation",
        "statusListIndex": "94567",
        "statusListCredential": LIST_URL,
    }


def test_the_jwt_verifies_with_the_published_key(credential, key):
    kid = keys.kid_url(KEYS_URL, key)

    token = badges.sign_credential(credential, key, kid)

    header = badges.unverified_header(token)
    assert header == {"alg": "EdDSA", "kid": kid, "typ": "vc+jwt"}
    published = json.loads(json.dumps(keys.public_jwk(key)))  # as a wallet gets it
    assert badges.verify_credential(token, published) == credential
    payload = json.loads(_b64(token.split(".")[1]))
    assert payload["iss"] == ISSUER.id
    assert payload["jti"] == credential["id"]
    assert payload["sub"] == credential["credentialSubject"]["id"]
    assert payload["nbf"] == int(
        datetime.datetime(2016, 12, 15, tzinfo=datetime.UTC).timestamp()
    )
    assert "vc" not in payload


def _b64(part: str) -> bytes:
    return base64.urlsafe_b64decode(part + "=" * (-len(part) % 4))


def _b64e(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).decode().rstrip("=")


def test_the_jwt_fails_with_another_key(credential, key):
    token = badges.sign_credential(credential, key, "k")

    with pytest.raises(badges.CredentialError):
        badges.verify_credential(token, keys.public_jwk(keys.generate_key()))


def test_the_jwt_fails_when_the_payload_is_changed(credential, key):
    header, payload, signature = badges.sign_credential(credential, key, "k").split(".")
    claims = json.loads(_b64(payload))
    claims["credentialSubject"]["identifier"][0]["identityHash"] = "Someone Else"
    forged = ".".join([header, _b64e(json.dumps(claims).encode()), signature])

    with pytest.raises(badges.CredentialError):
        badges.verify_credential(forged, keys.public_jwk(key))


def test_a_plain_jwt_is_not_taken_for_a_credential(credential, key):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # joserfc: EdDSA superseded (RFC 9864)
        token = jws.serialize_compact(
            {"alg": "EdDSA", "typ": "JWT"},
            json.dumps(credential).encode(),
            key,
            algorithms=["EdDSA"],
        )

    with pytest.raises(badges.CredentialError):
        badges.verify_credential(token, keys.public_jwk(key))


def test_a_credential_is_not_valid_before_its_time(credential, key):
    token = badges.sign_credential(credential, key, "k")

    with pytest.raises(badges.CredentialError):
        badges.verify_credential(
            token,
            keys.public_jwk(key),
            now=datetime.datetime(2016, 1, 1, tzinfo=datetime.UTC),
        )


def test_a_revoked_diploma_is_revoked_in_the_signed_status_list(credential, key):
    when = datetime.datetime(2017, 3, 1, tzinfo=datetime.UTC)
    before = badges.build_status_list_credential(
        issuer=ISSUER, list_url=LIST_URL, revoked_indexes=[3, 131071], valid_from=when
    )
    after = badges.build_status_list_credential(
        issuer=ISSUER, list_url=LIST_URL, revoked_indexes=[3, 94567], valid_from=when
    )

    # The lists are published signed; a verifier checks them like a diploma.
    token = badges.sign_credential(after, key, "k")
    published = badges.verify_credential(token, keys.public_jwk(key))
    assert published["type"] == [
        "VerifiableCredential",
        "BitstringStatusListCredential",
    ]
    assert published["credentialSubject"]["statusPurpose"] == "revocation"
    assert badges.is_revoked(credential, published)
    assert not badges.is_revoked(credential, before)
    # At least 16 KiB uncompressed, so one list hides who is being checked.
    encoded = published["credentialSubject"]["encodedList"]
    assert len(badges.decode_status_list(encoded)) == 16384


def test_the_status_bitstring_counts_from_the_left():
    encoded = badges.encode_status_list([0, 9])

    bits = badges.decode_status_list(encoded)
    assert bits[0] == 0b1000_0000
    assert bits[1] == 0b0100_0000


def test_a_status_list_for_another_list_is_refused(credential):
    other = badges.build_status_list_credential(
        issuer=ISSUER,
        list_url=LIST_URL + "0",
        revoked_indexes=[],
        valid_from=datetime.datetime(2017, 3, 1, tzinfo=datetime.UTC),
    )

    with pytest.raises(ValueError):
        badges.is_revoked(credential, other)


def test_a_revoked_diploma_gets_no_new_credential(make_diploma):
    with pytest.raises(ValueError):
        badges.build_credential(
            make_diploma(status="revoked"),
            issuer=ISSUER,
            subject_id="urn:uuid:1",
            credential_id="urn:uuid:2",
            achievement_id="https://brobygger.example/a",
            status=badges.StatusEntry(LIST_URL, 1),
        )


def test_status_indexes_are_random_and_inside_the_list():
    indexes = {badges.new_status_index() for _ in range(200)}

    assert len(indexes) > 190
    assert all(0 <= i < badges.STATUS_LIST_SIZE for i in indexes)


# --- Open Badges 2.0 --------------------------------------------------------


def test_an_ob2_assertion_lets_a_backpack_match_her_email(make_diploma):
    salt = badges.new_salt()
    assertion = badges.build_ob2_assertion(
        make_diploma(),
        assertion_id="https://brobygger.example/diplomas/ob2/assertions/42",
        badge_id="https://brobygger.example/diplomas/ob2/badges/base-nb",
        recipient_identity="Amina@Example.org",
        salt=salt,
    )

    assert assertion["@context"] == "https://w3id.org/openbadges/v2"
    assert assertion["type"] == "Assertion"
    assert assertion["id"] == "https://brobygger.example/diplomas/ob2/assertions/42"
    assert assertion["badge"] == "https://brobygger.example/diplomas/ob2/badges/base-nb"
    assert assertion["verification"] == {"type": "hosted"}
    assert assertion["issuedOn"] == "2016-12-15T00:00:00Z"
    recipient = assertion["recipient"]
    assert recipient["type"] == "email"
    assert recipient["hashed"] is True
    assert recipient["salt"] == salt
    expected = hashlib.sha256(("amina@example.org" + salt).encode()).hexdigest()
    assert recipient["identity"] == "sha256$" + expected
    assert "Amina" not in json.dumps(assertion)


def test_a_revoked_ob2_assertion_says_revoked_and_why(make_diploma):
    assertion = badges.build_ob2_assertion(
        make_diploma(status="revoked"),
        assertion_id="https://brobygger.example/diplomas/ob2/assertions/42",
        badge_id="https://brobygger.example/diplomas/ob2/badges/base-nb",
        recipient_identity="amina@example.org",
        salt="s",
        revocation_reason="Issued in error",
    )

    assert assertion == {
        "@context": "https://w3id.org/openbadges/v2",
        "id": "https://brobygger.example/diplomas/ob2/assertions/42",
        "type": "Assertion",
        "revoked": True,
        "revocationReason": "Issued in error",
    }


def test_the_ob2_badge_class_and_issuer_have_their_required_fields(make_diploma):
    badge = badges.build_ob2_badge_class(
        make_diploma(),
        badge_id="https://brobygger.example/diplomas/ob2/badges/base-nb",
        issuer_id=ISSUER.id,
        image="https://brobygger.example/static/lms/diplomas/badge.png",
    )
    issuer = badges.build_ob2_issuer(ISSUER)

    for field in ("id", "type", "name", "description", "image", "criteria", "issuer"):
        assert badge[field]
    assert badge["type"] == "BadgeClass"
    assert "16. Avslutning" in badge["criteria"]["narrative"]
    for field in ("id", "type", "name", "url", "email"):
        assert issuer[field]
    assert issuer["type"] == "Issuer"


def test_an_ob2_issuer_needs_an_email():
    with pytest.raises(ValueError):
        badges.build_ob2_issuer(
            badges.Issuer(id="https://x.example/i", name="X", url="https://x.example/")
        )
