"""Open Badges for a diploma: OB 3.0 credentials, their status list, OB 2.0.

Open Badges 3.0 (1EdTech, https://www.imsglobal.org/spec/ob/v3p0/) on the
W3C Verifiable Credentials Data Model 2.0:

- `build_credential` makes an ``OpenBadgeCredential`` (OB 3.0 appendix B,
  #achievementcredential), with the issuer `Profile`, the
  ``AchievementSubject`` (her, by ``id`` and/or her name as an
  ``IdentityObject``) and the ``Achievement`` (the programme), a
  ``credentialSchema`` naming 1EdTech's JSON Schema, and a
  ``credentialStatus`` entry for revocation.
- `sign_credential` / `verify_credential` secure it as a JWT (OB 3.0 section
  8.2, #jwt-proof; W3C VC-JOSE-COSE, "Securing JSON-LD Verifiable
  Credentials with JOSE"): a compact JWS whose payload is the credential
  itself (no ``vc`` claim), header ``{"alg": "EdDSA", "kid": <key URL>,
  "typ": "vc+jwt"}``, media type ``application/vc+jwt`` (registered with
  IANA by VC-JOSE-COSE, 2024-12). Ed25519 signatures come from joserfc.

Revocation uses W3C Bitstring Status List v1.0: every credential carries a
``BitstringStatusListEntry`` pointing at one bit of a status list; the issuer
publishes the list as a signed ``BitstringStatusListCredential``
(`build_status_list_credential`) and revoking a diploma sets its bit and
re-signs the list. Verifiers fetch one list of 131,072 entries, so the issuer
does not learn whose diploma is being checked (a per-credential status URL
would tell us every time an employer looks at a bydelsmor's diploma), the
list is a static, cacheable document any worker can serve, and VC 2.0
wallets understand it. Her own signed credential never changes.

Open Badges 2.0 (https://www.imsglobal.org/sites/default/files/Badges/
OBv2p0Final/index.html) hosted assertions serve older backpacks:
`build_ob2_issuer`, `build_ob2_badge_class`, `build_ob2_assertion` (a revoked
one is answered with HTTP 410 Gone and ``revoked: true``).
"""

import base64
import datetime
import gzip
import hashlib
import json
import secrets
import warnings
from dataclasses import dataclass

from django.utils import formats, translation
from django.utils.translation import gettext
from joserfc import jws
from joserfc.errors import JoseError

from . import keys
from .data import DiplomaData

VC_CONTEXT = "https://www.w3.org/ns/credentials/v2"
OB3_CONTEXT = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"
OB3_SCHEMA = (
    "https://purl.imsglobal.org/spec/ob/v3p0/schema/json/"
    "ob_v3p0_achievementcredential_schema.json"
)
OB3_SCHEMA_TYPE = "1EdTechJsonSchemaValidator2019"
OB2_CONTEXT = "https://w3id.org/openbadges/v2"

JWT_TYPE = "vc+jwt"  # VC-JOSE-COSE: "The typ header parameter SHOULD be vc+jwt"
MEDIA_TYPE = "application/vc+jwt"  # serve signed credentials and lists as this
ALGORITHM = keys.ALGORITHM  # "EdDSA" (RFC 8037); "Ed25519" (RFC 9864) accepted
ACCEPTED_ALGORITHMS = ("EdDSA", "Ed25519")

STATUS_LIST_SIZE = 131_072  # Bitstring Status List: at least 16 KiB of entries
STATUS_PURPOSE = "revocation"

# JWT claims mirrored from the credential (OB 3.0 section 8.2.4); stripped again
# by verify_credential.
_JWT_CLAIMS = ("iss", "jti", "sub", "nbf", "exp")


class CredentialError(ValueError):
    """A token that is not a valid, authentic diploma credential."""


@dataclass(frozen=True)
class Issuer:
    """Who issues the diplomas: the association, as a badge issuer Profile.

    `id` is the URL of the published issuer profile (OB 3.0 Profile.id; OB 2.0
    hosted verification also expects the assertions on its origin); `url`
    the organisation's home page. OB 2.0 requires `email` for an issuer.
    """

    id: str
    name: str
    url: str
    email: str = ""
    description: str = ""
    image: str = ""

    def ob3_profile(self) -> dict:
        """The OB 3.0 Profile (appendix B, #profile): id, type, name, url..."""
        profile = {"id": self.id, "type": ["Profile"], "name": self.name}
        profile["url"] = self.url
        if self.email:
            profile["email"] = self.email
        if self.description:
            profile["description"] = self.description
        if self.image:
            profile["image"] = {"id": self.image, "type": "Image"}
        return profile


@dataclass(frozen=True)
class StatusEntry:
    """Where one credential's revocation bit lives in a Bitstring Status List.

    `list_url` is the URL of the ``BitstringStatusListCredential``; `index`
    the credential's position, chosen at random (`new_status_index`) and
    stored with the diploma, unique within its list.
    """

    list_url: str
    index: int
    purpose: str = STATUS_PURPOSE

    def __post_init__(self):
        if not 0 <= self.index < STATUS_LIST_SIZE:
            raise ValueError("a status index lies within the status list")

    def credential_status(self) -> dict:
        """The ``BitstringStatusListEntry`` (Bitstring Status List section 2.1).

        Its ``id`` must not be the list's URL; OB 3.0's schema requires one.
        """
        return {
            "id": f"{self.list_url}#{self.index}",
            "type": "BitstringStatusListEntry",
            "statusPurpose": self.purpose,
            "statusListIndex": str(self.index),
            "statusListCredential": self.list_url,
        }


def _datetime(value: datetime.date | datetime.datetime) -> str:
    """An RFC 3339 timestamp in UTC with a ``Z`` (OB 3.0 DateTimeZ)."""
    if not isinstance(value, datetime.datetime):
        value = datetime.datetime.combine(value, datetime.time(), datetime.UTC)
    if value.tzinfo is None:
        raise ValueError("timestamps must be timezone-aware")
    return value.astimezone(datetime.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _timestamp(text: str) -> int:
    return int(datetime.datetime.fromisoformat(text.replace("Z", "+00:00")).timestamp())


def _bcp47(code: str) -> str:
    """A Django language code as a BCP 47 tag (``zh-hans`` -> ``zh-Hans``)."""
    parts = code.replace("_", "-").split("-")
    tag = [parts[0].lower()]
    for part in parts[1:]:
        tag.append(part.title() if len(part) == 4 else part.upper())
    return "-".join(tag)


def _markdown_text(text: str) -> str:
    """Plain text made safe inside Markdown (criteria narratives)."""
    return "".join("\\" + c if c in "\\`*_{}[]<>#|" else c for c in text)


def _description(data: DiplomaData) -> str:
    if data.wording:
        return data.wording
    hours = data.total_hours
    if float(hours).is_integer():
        hours = int(hours)
    with translation.override(data.programme_language):
        return gettext("%(programme)s: %(count)d modules, %(hours)s hours.") % {
            "programme": data.programme,
            "count": len(data.modules),
            "hours": formats.number_format(hours, use_l10n=True),
        }


def criteria_narrative(data: DiplomaData) -> str:
    """What it takes to earn the diploma, as Markdown (OB Criteria.narrative).

    The course's completion rule (`data.criteria`) followed by the numbered
    modules of the programme, in the programme language.
    """
    with translation.override(data.programme_language):
        intro = data.criteria or gettext("Completed the modules of the programme:")
    lines = [_markdown_text(intro), ""]
    lines += [
        f"{number}. {_markdown_text(module.title)}"
        for number, module in enumerate(data.modules, start=1)
    ]
    return "\n".join(lines)


def build_achievement(
    data: DiplomaData,
    *,
    achievement_id: str,
    issuer: Issuer | None = None,
    achievement_type: str = "CertificateOfCompletion",
    image: str = "",
) -> dict:
    """The OB 3.0 Achievement (appendix B, #achievement) for the programme.

    Required: id, type, name, description, criteria. `achievement_id` names
    the programme (the same for every holder of the same course), not her.
    ``achievementType`` is from OB's vocabulary: "CertificateOfCompletion"
    ("acknowledges completion of ... training") fits a volunteer training
    better than "Diploma" (a school's course of study).
    """
    achievement = {
        "id": achievement_id,
        "type": ["Achievement"],
        "achievementType": achievement_type,
        "name": data.programme,
        "description": _description(data),
        "criteria": {"narrative": criteria_narrative(data)},
        "inLanguage": _bcp47(data.programme_language),
    }
    if issuer is not None:
        achievement["creator"] = issuer.ob3_profile()
    if image:
        achievement["image"] = {"id": image, "type": "Image"}
    return achievement


def build_credential(
    data: DiplomaData,
    *,
    issuer: Issuer,
    subject_id: str | None,
    credential_id: str,
    achievement_id: str,
    status: StatusEntry,
    valid_from: datetime.datetime | None = None,
    achievement_type: str = "CertificateOfCompletion",
    image: str = "",
    include_name: bool = True,
) -> dict:
    """Her diploma as an unsigned OB 3.0 ``OpenBadgeCredential`` (a JSON dict).

    Follows OB 3.0 appendix B (#achievementcredential) on VC Data Model 2.0:
    ``@context`` [VC v2, OB 3.0.3], ``type`` [VerifiableCredential,
    OpenBadgeCredential], ``id`` (`credential_id`, e.g. a ``urn:uuid:``),
    ``issuer`` (a Profile), ``validFrom`` and ``awardedDate`` (`valid_from`,
    default midnight UTC of the issuing day), ``name``, ``description``,
    ``credentialSubject`` (an AchievementSubject: "either id or at least one
    identifier MUST be supplied" — `subject_id` and/or her name as an
    ``IdentityObject`` of type ``name`` unless `include_name` is false; with
    the period as ``activityStartDate``/``activityEndDate``),
    ``credentialSchema`` (1EdTech's JSON Schema, #credentialschema) and
    ``credentialStatus`` (`status`, a Bitstring Status List entry).

    A revoked diploma gets no new credential: raises `ValueError`.
    """
    if data.revoked:
        raise ValueError("a revoked diploma gets no credential")
    if not subject_id and not include_name:
        raise ValueError("the credential subject needs an id or an identifier")
    issued = valid_from or datetime.datetime.combine(
        data.issued_on, datetime.time(), datetime.UTC
    )
    subject = {"type": ["AchievementSubject"]}
    if subject_id:
        subject["id"] = subject_id
    if include_name:
        subject["identifier"] = [
            {
                "type": "IdentityObject",
                "identityType": "name",
                "hashed": False,
                "identityHash": data.holder_name,
            }
        ]
    subject["activityStartDate"] = _datetime(data.period_start)
    subject["activityEndDate"] = _datetime(data.period_end)
    subject["achievement"] = build_achievement(
        data,
        achievement_id=achievement_id,
        achievement_type=achievement_type,
        image=image,
    )
    credential = {
        "@context": [VC_CONTEXT, OB3_CONTEXT],
        "id": credential_id,
        "type": ["VerifiableCredential", "OpenBadgeCredential"],
        "issuer": issuer.ob3_profile(),
        "validFrom": _datetime(issued),
        "awardedDate": _datetime(issued),
        "name": data.programme,
        "description": _description(data),
        "credentialSubject": subject,
        "credentialSchema": [{"id": OB3_SCHEMA, "type": OB3_SCHEMA_TYPE}],
        "credentialStatus": status.credential_status(),
    }
    if image:
        credential["image"] = {"id": image, "type": "Image"}
    return credential


def _issuer_id(credential: dict) -> str:
    issuer = credential.get("issuer")
    return issuer.get("id", "") if isinstance(issuer, dict) else issuer or ""


def _subject_id(credential: dict) -> str:
    subject = credential.get("credentialSubject")
    return subject.get("id", "") if isinstance(subject, dict) else ""


def sign_credential(credential: dict, key, kid: str) -> str:
    """The credential secured as a compact JWS: a ``vc+jwt`` (OB 3.0 section 8.2).

    Header ``{"alg": "EdDSA", "kid": kid, "typ": "vc+jwt"}`` and nothing more
    (OB 3.0 section 8.2.3 allows no other headers; VC-JOSE-COSE sets ``typ``).
    The payload is the credential with the JWT claims OB 3.0 section 8.2.4
    requires, mirroring it: ``iss`` = issuer.id, ``jti`` = id, ``sub`` =
    credentialSubject.id (when she has one), ``nbf`` = validFrom and ``exp``
    = validUntil (when set). `kid` should be the URL where the public JWK is
    published (`keys.kid_url`). `key` is the site's private Ed25519 key.
    """
    key = keys.import_key(key)
    if not key.is_private:
        raise ValueError("signing needs the private key")
    if "vc" in credential or "vp" in credential:
        raise ValueError("VC-JOSE-COSE: the claims vc and vp must not be present")
    claims = dict(credential)
    claims["iss"] = _issuer_id(credential)
    claims["jti"] = credential["id"]
    if _subject_id(credential):
        claims["sub"] = _subject_id(credential)
    claims["nbf"] = _timestamp(credential["validFrom"])
    if credential.get("validUntil"):
        claims["exp"] = _timestamp(credential["validUntil"])
    header = {"alg": ALGORITHM, "kid": kid, "typ": JWT_TYPE}
    payload = json.dumps(claims, ensure_ascii=False, separators=(",", ":"))
    with warnings.catch_warnings():
        # joserfc flags "EdDSA" as superseded by "Ed25519" (RFC 9864); wallets
        # and OB verifiers know "EdDSA", so that is what we sign with.
        warnings.simplefilter("ignore")
        return jws.serialize_compact(
            header, payload.encode("utf-8"), key, algorithms=[ALGORITHM]
        )


def verify_credential(token: str, public_jwk, *, now=None) -> dict:
    """The credential in `token`, if it is authentic and valid now.

    Checks, as a wallet or verifier would (OB 3.0 section 8.2.5 #jwt-verify
    and "Verification", #verification): the Ed25519 signature against
    `public_jwk` (the published JWK, or the key); the header ``typ`` is
    ``vc+jwt`` and ``alg`` EdDSA; the payload is a VC 2.0
    OpenBadgeCredential without ``vc``/``vp`` claims; ``iss``, ``jti`` and
    ``sub`` agree with the credential; and it is within validFrom/validUntil.
    Raises `CredentialError` otherwise. Returns the credential without the
    mirrored JWT claims. The status list is checked apart (`is_revoked`).
    """
    try:
        key = keys.import_key(public_jwk)
    except ValueError as error:
        raise CredentialError("not an Ed25519 public key") from error
    if isinstance(token, bytes):
        token = token.decode("ascii", "replace")
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # see sign_credential
            signed = jws.deserialize_compact(
                token.strip(), key, algorithms=list(ACCEPTED_ALGORITHMS)
            )
    except (JoseError, ValueError, TypeError) as error:
        raise CredentialError("the signature does not verify") from error
    header = signed.headers()
    if header.get("typ") != JWT_TYPE:
        raise CredentialError("not a vc+jwt")
    try:
        claims = json.loads(signed.payload)
    except ValueError as error:
        raise CredentialError("the payload is not JSON") from error
    if not isinstance(claims, dict) or "vc" in claims or "vp" in claims:
        raise CredentialError("not a VC 2.0 credential")
    context = claims.get("@context") or []
    types = claims.get("type") or []
    if not context or context[0] != VC_CONTEXT or "VerifiableCredential" not in types:
        raise CredentialError("not a VC 2.0 credential")
    if claims.get("iss") != _issuer_id(claims) or claims.get("jti") != claims.get("id"):
        raise CredentialError("the JWT claims contradict the credential")
    if "sub" in claims and claims["sub"] != _subject_id(claims):
        raise CredentialError("the JWT claims contradict the credential")
    now = now or datetime.datetime.now(datetime.UTC)
    try:
        valid_from = datetime.datetime.fromisoformat(claims["validFrom"])
        valid_until = claims.get("validUntil")
        valid_until = valid_until and datetime.datetime.fromisoformat(valid_until)
    except (KeyError, TypeError, ValueError) as error:
        raise CredentialError("no valid validity period") from error
    if now < valid_from:
        raise CredentialError("not valid yet")
    if valid_until and now > valid_until:
        raise CredentialError("expired")
    return {name: value for name, value in claims.items() if name not in _JWT_CLAIMS}


def unverified_header(token: str) -> dict:
    """The JOSE header of a token, unverified: to pick the key by ``kid``."""
    try:
        encoded = token.split(".")[0]
        padded = encoded + "=" * (-len(encoded) % 4)
        return json.loads(base64.urlsafe_b64decode(padded))
    except (ValueError, IndexError) as error:
        raise CredentialError("not a compact JWS") from error


# --- Bitstring Status List (W3C Recommendation) -----------------------------


def new_status_index(size: int = STATUS_LIST_SIZE) -> int:
    """A random position in a status list (Bitstring Status List section 2.1:
    "Implementations SHOULD assign indexes randomly"). The caller makes it
    unique within its list (a unique constraint, retry on conflict)."""
    return secrets.randbelow(size)


def encode_status_list(set_indexes, size: int = STATUS_LIST_SIZE) -> str:
    """The ``encodedList``: a GZIP-compressed bitstring, base64url, multibase ``u``.

    Bitstring Status List section 3.3 (Bitstring Generation): index 0 is the
    left-most (most significant) bit of the first byte; the uncompressed
    bitstring is at least 16 KiB (131,072 entries).
    """
    if size < STATUS_LIST_SIZE or size % 8:
        raise ValueError("a status list has at least 131,072 entries, whole bytes")
    bits = bytearray(size // 8)
    for index in set_indexes:
        if not 0 <= index < size:
            raise ValueError("status index outside the list")
        bits[index // 8] |= 0x80 >> (index % 8)
    compressed = gzip.compress(bytes(bits), mtime=0)
    return "u" + base64.urlsafe_b64encode(compressed).decode("ascii").rstrip("=")


def decode_status_list(encoded: str) -> bytes:
    """The bitstring of an ``encodedList`` (section 3.4, Bitstring Expansion)."""
    if not encoded.startswith("u"):
        raise ValueError("the encoded list is multibase base64url ('u')")
    data = encoded[1:]
    compressed = base64.urlsafe_b64decode(data + "=" * (-len(data) % 4))
    return gzip.decompress(compressed)


def build_status_list_credential(
    *,
    issuer: Issuer,
    list_url: str,
    revoked_indexes,
    valid_from: datetime.datetime,
    size: int = STATUS_LIST_SIZE,
    purpose: str = STATUS_PURPOSE,
    ttl_ms: int | None = None,
) -> dict:
    """The unsigned ``BitstringStatusListCredential`` for one list (section 2.2).

    Sign it with `sign_credential` and serve the token at `list_url` as
    ``application/vc+jwt``. Revoking a diploma: add its index to
    `revoked_indexes`, rebuild, re-sign, publish. `ttl_ms` tells verifiers
    how long they may cache it.
    """
    subject = {
        "id": list_url + "#list",
        "type": "BitstringStatusList",
        "statusPurpose": purpose,
        "encodedList": encode_status_list(revoked_indexes, size),
    }
    if ttl_ms is not None:
        subject["ttl"] = ttl_ms
    return {
        "@context": [VC_CONTEXT],
        "id": list_url,
        "type": ["VerifiableCredential", "BitstringStatusListCredential"],
        "issuer": issuer.id,
        "validFrom": _datetime(valid_from),
        "credentialSubject": subject,
    }


def is_revoked(credential: dict, status_list_credential: dict) -> bool:
    """Whether `credential`'s bit is set in the (verified) status list.

    Bitstring Status List section 3.2 (Validate Algorithm): the purposes must
    match, the list must hold at least 131,072 entries and the index must be
    in range; `ValueError` otherwise.
    """
    entry = credential.get("credentialStatus") or {}
    if entry.get("type") != "BitstringStatusListEntry":
        raise ValueError("the credential has no Bitstring Status List entry")
    if entry.get("statusListCredential") != status_list_credential.get("id"):
        raise ValueError("this is not the credential's status list")
    subject = status_list_credential.get("credentialSubject") or {}
    purposes = subject.get("statusPurpose")
    purposes = [purposes] if isinstance(purposes, str) else purposes or []
    if entry.get("statusPurpose") not in purposes:
        raise ValueError("the status purposes differ")
    bits = decode_status_list(subject.get("encodedList", ""))
    if len(bits) * 8 < STATUS_LIST_SIZE:
        raise ValueError("the status list is too short")
    index = int(entry["statusListIndex"])
    if not 0 <= index < len(bits) * 8:
        raise ValueError("the status index is outside the list")
    return bool(bits[index // 8] & (0x80 >> (index % 8)))


# --- Open Badges 2.0 hosted assertions -------------------------------------


def new_salt() -> str:
    """A random salt for a hashed recipient identity; store it with the diploma."""
    return secrets.token_hex(16)


def hash_identity(identity: str, salt: str) -> str:
    """An OB 2.0 IdentityHash: ``sha256$`` + hex SHA-256 of identity + salt.

    OB 2.0 "Primitive datatypes", IdentityHash; e-mail addresses are compared
    in lower case by backpacks, so they are hashed in lower case.
    """
    if "@" in identity:
        identity = identity.strip().lower()
    digest = hashlib.sha256((identity + salt).encode("utf-8")).hexdigest()
    return "sha256$" + digest


def build_ob2_issuer(issuer: Issuer, *, revocation_list_url: str = "") -> dict:
    """The OB 2.0 issuer Profile (#Profile): id, type, name, url and email
    are required when a Profile issues badges."""
    if not issuer.email:
        raise ValueError("an OB 2.0 issuer needs an e-mail address")
    profile = {
        "@context": OB2_CONTEXT,
        "id": issuer.id,
        "type": "Issuer",
        "name": issuer.name,
        "url": issuer.url,
        "email": issuer.email,
    }
    if issuer.description:
        profile["description"] = issuer.description
    if issuer.image:
        profile["image"] = issuer.image
    if revocation_list_url:
        profile["revocationList"] = revocation_list_url
    return profile


def build_ob2_badge_class(
    data: DiplomaData, *, badge_id: str, issuer_id: str, image: str
) -> dict:
    """The OB 2.0 BadgeClass (#BadgeClass) for the programme.

    Required: id, type, name, description, image (a PNG or SVG URL or data
    URI), criteria, issuer. ``@language`` says which language it is in (OB
    2.0 "Internationalization and Multilingual Badges").
    """
    return {
        "@context": OB2_CONTEXT,
        "@language": _bcp47(data.programme_language),
        "id": badge_id,
        "type": "BadgeClass",
        "name": data.programme,
        "description": _description(data),
        "image": image,
        "criteria": {"narrative": criteria_narrative(data)},
        "issuer": issuer_id,
    }


def build_ob2_assertion(
    data: DiplomaData,
    *,
    assertion_id: str,
    badge_id: str,
    recipient_identity: str,
    salt: str,
    recipient_type: str = "email",
    issued_at: datetime.datetime | None = None,
    revocation_reason: str = "",
) -> dict:
    """The OB 2.0 hosted Assertion (#Assertion) served at `assertion_id`.

    Required: id, type, recipient (an IdentityObject: her e-mail, or
    ``telephone``/``url`` per "Profile Identifier Properties", hashed with
    `salt`), badge, verification (``hosted``: the id URL is the truth) and
    issuedOn. A revoked diploma is stripped to id and ``revoked: true`` (plus
    ``revocationReason``), as "Revoking Hosted Assertions" describes; the view
    must answer it with HTTP 410 Gone.
    """
    if data.revoked:
        assertion = {
            "@context": OB2_CONTEXT,
            "id": assertion_id,
            "type": "Assertion",
            "revoked": True,
        }
        if revocation_reason:
            assertion["revocationReason"] = revocation_reason
        return assertion
    issued = issued_at or datetime.datetime.combine(
        data.issued_on, datetime.time(), datetime.UTC
    )
    return {
        "@context": OB2_CONTEXT,
        "id": assertion_id,
        "type": "Assertion",
        "recipient": {
            "type": recipient_type,
            "hashed": True,
            "salt": salt,
            "identity": hash_identity(recipient_identity, salt),
        },
        "badge": badge_id,
        "verification": {"type": "hosted"},
        "issuedOn": _datetime(issued),
    }
