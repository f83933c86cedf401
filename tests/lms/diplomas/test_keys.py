"""The site's signing key: configured once, published for wallets."""

import json

import pytest
from django.core.exceptions import ImproperlyConfigured

from lms.diplomas import badges, keys

CREDENTIAL = {
    "@context": [badges.VC_CONTEXT],
    "id": "urn:uuid:1",
    "type": ["VerifiableCredential"],
    "issuer": "https://brobygger.example/issuer",
    "validFrom": "2016-12-15T00:00:00Z",
    "credentialSubject": {"id": "urn:uuid:2"},
}


def _signs_and_verifies(private, public) -> bool:
    token = badges.sign_credential(CREDENTIAL, private, "kid")
    return badges.verify_credential(token, keys.public_jwk(public)) == CREDENTIAL


def test_the_key_is_read_from_the_setting_as_pem(settings):
    key = keys.generate_key()
    settings.LMS_DIPLOMA_SIGNING_KEY = keys.private_pem(key)

    loaded = keys.load_key()

    assert keys.key_id(loaded) == keys.key_id(key)
    assert _signs_and_verifies(loaded, key)


def test_the_key_is_read_from_the_setting_as_a_jwk(settings):
    key = keys.generate_key()
    settings.LMS_DIPLOMA_SIGNING_KEY = json.dumps(key.as_dict(private=True))

    assert keys.key_id(keys.load_key()) == keys.key_id(key)


def test_a_pem_squeezed_into_one_environment_line_is_read(settings, monkeypatch):
    key = keys.generate_key()
    settings.LMS_DIPLOMA_SIGNING_KEY = None
    monkeypatch.setenv(
        "LMS_DIPLOMA_SIGNING_KEY", keys.private_pem(key).replace("\n", "\\n")
    )

    assert keys.key_id(keys.load_key()) == keys.key_id(key)


@pytest.mark.parametrize(
    "value",
    [
        None,
        "",
        "not a key",
        json.dumps(keys.public_jwk(keys.generate_key())),  # public only
        json.dumps({"kty": "OKP", "crv": "X25519", "x": "A" * 43, "d": "A" * 43}),
    ],
    ids=["unset", "empty", "garbage", "public key", "not a signing curve"],
)
def test_a_missing_or_wrong_key_is_a_configuration_error(settings, monkeypatch, value):
    monkeypatch.delenv("LMS_DIPLOMA_SIGNING_KEY", raising=False)
    settings.LMS_DIPLOMA_SIGNING_KEY = value

    with pytest.raises(ImproperlyConfigured):
        keys.load_key()


def test_the_published_jwk_has_no_private_part_and_a_stable_id():
    key = keys.generate_key()

    jwk = keys.public_jwk(key)

    assert "d" not in jwk
    assert jwk == {
        "kty": "OKP",
        "crv": "Ed25519",
        "x": key.as_dict(private=False)["x"],
        "kid": keys.key_id(key),
        "alg": "EdDSA",
        "use": "sig",
    }
    reloaded = keys.import_key(keys.private_pem(key))
    assert keys.public_jwk(reloaded) == jwk
    assert keys.public_jwks(key, reloaded)["keys"] == [jwk, jwk]


def test_the_kid_url_names_the_key_by_its_thumbprint():
    key = keys.generate_key()

    kid = keys.kid_url("https://brobygger.example/diplomas/keys/", key)

    assert kid == (
        "https://brobygger.example/diplomas/keys/"
        "urn:ietf:params:oauth:jwk-thumbprint:sha-256:" + keys.key_id(key)
    )


def test_the_demo_key_is_the_same_in_every_process_for_one_secret():
    first, again = keys.demo_key("secret one"), keys.demo_key("secret one")

    assert keys.key_id(first) == keys.key_id(again)
    assert keys.key_id(first) != keys.key_id(keys.demo_key("secret two"))
    assert _signs_and_verifies(first, again)
