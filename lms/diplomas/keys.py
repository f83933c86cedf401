"""The site's Ed25519 key that signs diploma credentials, and its public JWK.

The private key comes from the setting (or environment variable)
``LMS_DIPLOMA_SIGNING_KEY``: a PKCS#8 PEM (``-----BEGIN PRIVATE KEY-----``)
or a private JWK as JSON (``{"kty": "OKP", "crv": "Ed25519", "d": ...}``).
Make one with::

    python -c "from lms.diplomas.keys import generate_key, private_pem; \\
print(private_pem(generate_key()))"

The public half is published as a JWK (RFC 7517, OKP keys per RFC 8037) at
the URL named in each token's ``kid``, so a wallet or an employer can check
a diploma years later without our database. Keep every key that ever signed
a diploma published: rotating keys adds one, it never replaces one.

The key id is the key's JWK Thumbprint (RFC 7638, SHA-256), so it is stable
for a key and needs no bookkeeping; `kid_url` makes the absolute-URL ``kid``
that VC-JOSE-COSE (section "kid", Using Controlled Identifier Documents)
recommends: a URL that includes the JWK Thumbprint URI (RFC 9278).

All cryptography is joserfc's and cryptography's; nothing here is hand-made.
"""

import json
import os

from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from joserfc.jwk import OKPKey

SETTING = "LMS_DIPLOMA_SIGNING_KEY"
CURVE = "Ed25519"
ALGORITHM = "EdDSA"  # JWS alg for Ed25519 (RFC 8037 section 3.1)


def generate_key() -> OKPKey:
    """A new Ed25519 private key (for a new site, the demo and tests)."""
    return OKPKey.generate_key(CURVE)


def demo_key(secret: str) -> OKPKey:
    """A stable Ed25519 key derived from a secret (HKDF-SHA256), for the demo.

    The demo and development sites have no signing key configured; deriving
    one from SECRET_KEY gives every process the same key without storing
    one. Anyone who knows the secret can sign with it, so never use it on a
    real site: configure LMS_DIPLOMA_SIGNING_KEY there.
    """
    if not secret:
        raise ValueError("a secret is needed to derive the demo key")
    seed = HKDF(
        algorithm=hashes.SHA256(),
        length=32,
        salt=b"brobygger-diploma-demo-key",
        info=b"Ed25519 signing key",
    ).derive(secret.encode("utf-8"))
    private = Ed25519PrivateKey.from_private_bytes(seed)
    return import_key(
        private.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        ).decode("ascii")
    )


def import_key(value: str | bytes | dict | OKPKey) -> OKPKey:
    """An Ed25519 key from a PEM, a JWK (dict or JSON text) or an `OKPKey`.

    Raises `ValueError` for anything that is not an Ed25519 key.
    """
    if isinstance(value, OKPKey):
        key = value
    else:
        if isinstance(value, bytes):
            value = value.decode("utf-8")
        if isinstance(value, str):
            text = value.strip()
            if text.startswith("{"):
                value = json.loads(text)
            else:
                value = text.replace("\\n", "\n")  # PEMs squeezed into one line
        try:
            key = OKPKey.import_key(value)
        except Exception as error:  # joserfc raises several kinds
            raise ValueError("not an Ed25519 key") from error
    if key.curve_name != CURVE:
        raise ValueError("diploma keys are Ed25519 keys")
    return key


def load_key(value: str | bytes | dict | None = None) -> OKPKey:
    """The site's private signing key.

    From `value` if given, else the ``LMS_DIPLOMA_SIGNING_KEY`` setting (read
    with getattr), else the environment variable of the same name. Raises
    `ImproperlyConfigured` when none is set or it is not a private Ed25519
    key, with a hint on how to make one.
    """
    if value is None:
        value = getattr(settings, SETTING, None) or os.environ.get(SETTING)
    if not value:
        raise ImproperlyConfigured(
            f"{SETTING} is not set: diplomas cannot be signed. Make a key with "
            "lms.diplomas.keys.generate_key() and private_pem(), and set it."
        )
    try:
        key = import_key(value)
    except ValueError as error:
        raise ImproperlyConfigured(f"{SETTING} is not an Ed25519 key") from error
    if not key.is_private:
        raise ImproperlyConfigured(f"{SETTING} holds a public key, not a private one")
    return key


def private_pem(key: OKPKey) -> str:
    """The private key as PKCS#8 PEM text, for the setting."""
    return key.as_pem(private=True).decode("ascii")


def key_id(key: OKPKey) -> str:
    """The key's JWK Thumbprint (RFC 7638, SHA-256, base64url): a stable id."""
    return key.thumbprint()


def kid_url(keys_url: str, key: OKPKey) -> str:
    """An absolute ``kid`` URL for `key` under `keys_url`.

    E.g. ``https://site.example/diplomas/keys/urn:ietf:params:oauth:jwk-
    thumbprint:sha-256:...``, the form VC-JOSE-COSE recommends. The view at
    that URL must answer with `public_jwk(key)`.
    """
    return f"{keys_url.rstrip('/')}/{key.thumbprint_uri()}"


def public_jwk(key: OKPKey | dict | str) -> dict:
    """The public JWK to publish: ``kty``, ``crv``, ``x``, ``kid``, ``alg``, ``use``.

    Never contains the private part ``d`` (OB 3.0 section 8.2.3: "The JWK
    MUST never contain d").
    """
    key = import_key(key)
    jwk = {
        name: value
        for name, value in key.as_dict(private=False).items()
        if name in ("kty", "crv", "x")
    }
    jwk.update(kid=key_id(key), alg=ALGORITHM, use="sig")
    return jwk


def public_jwks(*keys: OKPKey) -> dict:
    """A JWK Set (RFC 7517 section 5) of the public keys, for a keys endpoint."""
    return {"keys": [public_jwk(key) for key in keys]}
