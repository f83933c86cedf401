"""A diploma's Open Badges, as this site publishes them.

The builders (`badges`, `keys`) know nothing of models or URLs; this module
puts them on top of a `Diploma` and the site's addresses, for the public
endpoints in lms.views.badges:

- the issuer: one OB 3.0 ``Profile`` (which lists the site's public keys as
  verification methods) and one OB 2.0 ``Issuer`` Profile;
- the keys: the current signing key's public JWK plus every earlier key
  kept in ``LMS_DIPLOMA_PUBLISHED_KEYS``, each at its ``kid`` URL;
- one Bitstring Status List (every diploma has its own random index in
  it, ``Diploma.status_index``), signed on each request from the
  revocations in the database;
- her credential (an ``OpenBadgeCredential``, unsigned JSON or signed
  ``vc+jwt``), and her OB 2.0 hosted assertion and its BadgeClass.

Her e-mail never leaves the site: the credential names her as the diploma
prints her name, plus her e-mail as a salted hash (``Diploma.salt``) so a
backpack can match it; the OB 2.0 recipient is the same hash (or, without
an e-mail, her phone number hashed, or the diploma's verification address).
Every URL is absolute and in the programme language, so it stays the same
whoever asks and in whatever language.
"""

import datetime
from email.utils import parseaddr

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.templatetags.static import static
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext

from lms.conf import setting, site_url
from lms.models import Diploma

from . import badges, keys
from .issue import data_of, verification_url

STATUS_LIST = 1  # one list holds every diploma: its index is unique site-wide
STATUS_TTL_MS = 5 * 60 * 1000  # verifiers may cache the list five minutes
BADGE_IMAGE = "lms/diploma-badge.svg"


def absolute(name: str, **kwargs) -> str:
    """The stable absolute URL of an ``lms:`` view, in the programme language."""
    with translation.override(settings.LANGUAGE_CODE):
        return site_url() + reverse(f"lms:{name}", kwargs=kwargs or None)


# --- the issuer and its keys --------------------------------------------------


def issuer() -> badges.Issuer:
    """The association as a badge issuer (its OB 3.0 Profile's id is ours)."""
    return badges.Issuer(
        id=absolute("badge_issuer"),
        name=setting("LMS_DIPLOMA_ISSUER_NAME")
        or getattr(settings, "WAGTAIL_SITE_NAME", "")
        or "Brobygger",
        url=site_url() + "/",
        # DEFAULT_FROM_EMAIL may be "Name <address>": the address only.
        email=parseaddr(
            setting("LMS_DIPLOMA_ISSUER_EMAIL")
            or getattr(settings, "DEFAULT_FROM_EMAIL", "")
        )[1],
    )


def keys_url() -> str:
    return absolute("badge_keys")


def signing_key():
    """The private key credentials are signed with (`ImproperlyConfigured`
    when ``LMS_DIPLOMA_SIGNING_KEY`` is not set)."""
    return keys.load_key()


def kid(key) -> str:
    """The ``kid`` of a token signed with `key`: the URL of its public JWK."""
    return keys.kid_url(keys_url(), key)


def published_keys() -> list:
    """Every public key a diploma may have been signed with, current first.

    The current key only if one is configured (a site whose signing key is
    missing still publishes its earlier keys); duplicates dropped.
    """
    found = []
    try:
        found.append(signing_key())
    except ImproperlyConfigured:  # not configured: publish the others
        pass
    for value in setting("LMS_DIPLOMA_PUBLISHED_KEYS") or ():
        found.append(keys.import_key(value))
    unique = {}
    for key in found:
        unique.setdefault(keys.key_id(key), key)
    return list(unique.values())


def find_key(kid_or_thumbprint: str):
    """The published key named by its thumbprint URI (or bare thumbprint)."""
    for key in published_keys():
        if kid_or_thumbprint in (key.thumbprint_uri(), keys.key_id(key)):
            return key
    return None


def issuer_profile() -> dict:
    """The OB 3.0 issuer Profile as published at its id, with the keys.

    The keys are listed as ``verificationMethod``s (``JsonWebKey``, W3C
    Controlled Identifiers 1.0) and named in ``assertionMethod``, each by
    its ``kid`` URL, so a verifier can tell that the key that signed a
    credential is the issuer's.
    """
    profile = issuer()
    document = {"@context": [badges.VC_CONTEXT, badges.OB3_CONTEXT]}
    document.update(profile.ob3_profile())
    methods = [
        {
            "id": kid(key),
            "type": "JsonWebKey",
            "controller": profile.id,
            "publicKeyJwk": keys.public_jwk(key),
        }
        for key in published_keys()
    ]
    document["verificationMethod"] = methods
    document["assertionMethod"] = [method["id"] for method in methods]
    return document


def public_jwks() -> dict:
    return keys.public_jwks(*published_keys())


# --- the status list ----------------------------------------------------------


def status_list_url(number: int = STATUS_LIST) -> str:
    return absolute("badge_status_list", number=number)


def status_list_credential(now=None) -> dict:
    """The unsigned ``BitstringStatusListCredential``: revoked diplomas' bits set."""
    revoked = Diploma.objects.filter(revoked_at__isnull=False).values_list(
        "status_index", flat=True
    )
    return badges.build_status_list_credential(
        issuer=issuer(),
        list_url=status_list_url(),
        revoked_indexes=list(revoked),
        valid_from=now or timezone.now(),
        ttl_ms=STATUS_TTL_MS,
    )


def signed_status_list(now=None) -> str:
    key = signing_key()
    return badges.sign_credential(status_list_credential(now), key, kid(key))


# --- her credential -----------------------------------------------------------


def _achievement_key(diploma: Diploma):
    """What names the programme: the course's translation key (the same for
    every holder and every language); a diploma without one stands alone."""
    return diploma.course_key or diploma.credential_id


def badge_class_url(diploma: Diploma) -> str:
    return absolute("ob2_badge_class", key=_achievement_key(diploma))


def badge_image() -> str:
    url = static(BADGE_IMAGE)
    return url if "://" in url else site_url() + url


def _email(diploma: Diploma) -> str:
    user = diploma.user
    return (user.email or "").strip() if user is not None else ""


def credential(diploma: Diploma) -> dict:
    """Her diploma as an unsigned OB 3.0 ``OpenBadgeCredential``.

    `ValueError` for a revoked diploma. Her name is what the diploma prints;
    her e-mail, when she has one, only as a salted SHA-256 hash.
    """
    subject_credential = badges.build_credential(
        data_of(diploma),
        issuer=issuer(),
        subject_id=None,
        credential_id=f"urn:uuid:{diploma.credential_id}",
        achievement_id=badge_class_url(diploma),
        status=badges.StatusEntry(status_list_url(), diploma.status_index),
        valid_from=diploma.issued_at,
        image=badge_image(),
    )
    email = _email(diploma)
    if email and diploma.salt:
        subject_credential["credentialSubject"]["identifier"].append(
            {
                "type": "IdentityObject",
                "identityType": "emailAddress",
                "hashed": True,
                "identityHash": badges.hash_identity(email, diploma.salt),
                "salt": diploma.salt,
            }
        )
    return subject_credential


def signed_credential(diploma: Diploma) -> str:
    """Her credential as a ``vc+jwt`` signed with the site's key."""
    key = signing_key()
    return badges.sign_credential(credential(diploma), key, kid(key))


# --- Open Badges 2.0 ------------------------------------------------------------


def ob2_issuer() -> dict:
    profile = issuer()
    ob2 = badges.Issuer(
        id=absolute("ob2_issuer"),
        name=profile.name,
        url=profile.url,
        email=profile.email,
    )
    return badges.build_ob2_issuer(ob2)


def ob2_badge_class(diploma: Diploma) -> dict:
    return badges.build_ob2_badge_class(
        data_of(diploma),
        badge_id=badge_class_url(diploma),
        issuer_id=absolute("ob2_issuer"),
        image=badge_image(),
    )


def _recipient(diploma: Diploma) -> tuple[str, str]:
    """(type, identity) of the OB 2.0 recipient, hashed by the builder."""
    email = _email(diploma)
    if email:
        return "email", email
    profile = getattr(diploma.user, "lms_profile", None) if diploma.user else None
    phone = (getattr(profile, "phone", "") or "").replace(" ", "")
    if phone:
        return "telephone", phone
    return "url", verification_url(diploma.code)


def ob2_assertion(diploma: Diploma) -> dict:
    """The hosted assertion; a revoked one is only ``revoked: true`` and a
    general reason (the coordinator's own words stay private)."""
    recipient_type, identity = _recipient(diploma)
    issued_at = diploma.issued_at
    if timezone.is_naive(issued_at):
        issued_at = timezone.make_aware(issued_at, datetime.UTC)
    return badges.build_ob2_assertion(
        data_of(diploma),
        assertion_id=absolute("ob2_assertion", credential_id=diploma.credential_id),
        badge_id=badge_class_url(diploma),
        recipient_identity=identity,
        salt=diploma.salt or str(diploma.credential_id),
        recipient_type=recipient_type,
        issued_at=issued_at,
        revocation_reason=gettext("The issuer has revoked this diploma."),
    )
