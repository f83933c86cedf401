"""Open Badges on the web: what wallets, backpacks and employers fetch.

Public, never behind a login, JSON only (the domain work is in
lms.diplomas.open_badges):

- ``lms:badge_issuer``: the issuer's OB 3.0 Profile, listing its keys
  (``application/ld+json``).
- ``lms:badge_keys``: every published public key as a JWK Set; each key at
  ``lms:badge_key`` (its ``kid``: the keys URL + its JWK thumbprint URI).
- ``lms:badge_status_list``: the Bitstring Status List credential that
  every credential's ``credentialStatus`` points at, signed
  (``application/vc+jwt``), or as JSON for ``Accept: application/ld+json``
  or ``application/json``.
- ``lms:ob2_issuer``, ``lms:ob2_badge_class``, ``lms:ob2_assertion``: the
  Open Badges 2.0 hosted assertion with its BadgeClass and Issuer; a
  revoked diploma's assertion answers 410 Gone with ``revoked: true``.

Hers (and her chapter's staff's), like the PDF (`downloadable_diploma`):

- ``lms:credential_json``: her OB 3.0 credential as JSON;
- ``lms:credential_jwt``: the same, signed, as a ``vc+jwt`` for a wallet.

And, for whoever holds the diploma's verification code (the verification
page links it, like the PDF's QR code leads there):

- ``lms:verified_credential``: the signed credential (``vc+jwt``) of the
  diploma with that code, so an employer's system can check it by itself;
  410 once revoked.

Unknown codes, ids and keys are a plain 404.
"""

import json

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.urls import path
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from lms.diplomas import badges, codes, keys, open_badges
from lms.models import Diploma
from lms.views.diplomas import downloadable_diploma

JSON = "application/json"
JSON_LD = "application/ld+json"
JWK = "application/jwk+json"  # RFC 7517 section 8.5
JWK_SET = "application/jwk-set+json"
PUBLIC_CACHE = "public, max-age=300"


def _json(data, content_type, *, status=200, public=True) -> HttpResponse:
    response = HttpResponse(
        json.dumps(data, ensure_ascii=False, indent=2),
        content_type=content_type,
        status=status,
    )
    return _headers(response, public=public)


def _headers(response, *, public) -> HttpResponse:
    response["X-Content-Type-Options"] = "nosniff"
    if public:
        # Verifiers in a browser fetch these from other sites; nothing here
        # depends on who asks.
        response["Access-Control-Allow-Origin"] = "*"
        response["Cache-Control"] = PUBLIC_CACHE
    else:
        response["Cache-Control"] = "private, no-store"
    return response


def _download(response, filename) -> HttpResponse:
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return _headers(response, public=False)


def _gone():
    return HttpResponse(status=410)


def _wants_json(request) -> bool:
    accept = request.headers.get("Accept", "")
    return badges.MEDIA_TYPE not in accept and (JSON_LD in accept or JSON in accept)


# --- the issuer and its keys --------------------------------------------------


@require_safe
def issuer_profile(request):
    return _json(open_badges.issuer_profile(), JSON_LD)


@require_safe
def key_set(request):
    return _json(open_badges.public_jwks(), JWK_SET)


@require_safe
def key(request, kid):
    found = open_badges.find_key(kid)
    if found is None:
        raise Http404
    return _json(keys.public_jwk(found), JWK)


@require_safe
def status_list(request, number):
    if number != open_badges.STATUS_LIST:
        raise Http404
    if _wants_json(request):
        response = _json(open_badges.status_list_credential(), JSON_LD)
    else:
        response = _headers(
            HttpResponse(
                open_badges.signed_status_list(), content_type=badges.MEDIA_TYPE
            ),
            public=True,
        )
    response["Vary"] = "Accept"
    return response


# --- her credential -----------------------------------------------------------


@require_safe
@never_cache
@login_required
def credential_json(request, diploma_id):
    diploma = downloadable_diploma(request, diploma_id)
    if diploma.is_revoked:
        return _gone()
    response = _json(open_badges.credential(diploma), JSON_LD, public=False)
    return _download(response, f"diploma-{diploma.code}.json")


@require_safe
@never_cache
@login_required
def credential_jwt(request, diploma_id):
    diploma = downloadable_diploma(request, diploma_id)
    if diploma.is_revoked:
        return _gone()
    response = HttpResponse(
        open_badges.signed_credential(diploma), content_type=badges.MEDIA_TYPE
    )
    return _download(response, f"diploma-{diploma.code}.jwt")


@require_safe
def verified_credential(request, code):
    try:
        canonical = codes.normalise_code(code)
    except codes.InvalidCode:
        raise Http404 from None
    diploma = Diploma.objects.filter(code=canonical).first()
    if diploma is None:
        raise Http404
    if diploma.is_revoked:
        return _headers(_gone(), public=True)
    response = HttpResponse(
        open_badges.signed_credential(diploma), content_type=badges.MEDIA_TYPE
    )
    response["Content-Disposition"] = f'inline; filename="diploma-{diploma.code}.jwt"'
    return _headers(response, public=True)


# --- Open Badges 2.0 ------------------------------------------------------------


@require_safe
def ob2_issuer(request):
    return _json(open_badges.ob2_issuer(), JSON_LD)


@require_safe
def ob2_badge_class(request, key):
    diploma = (
        Diploma.objects.filter(course_key=key).order_by("-issued_at").first()
        or Diploma.objects.filter(credential_id=key, course_key__isnull=True).first()
    )
    if diploma is None:
        raise Http404
    return _json(open_badges.ob2_badge_class(diploma), JSON_LD)


@require_safe
def ob2_assertion(request, credential_id):
    diploma = (
        Diploma.objects.filter(credential_id=credential_id)
        .select_related("user__lms_profile")
        .first()
    )
    if diploma is None:
        raise Http404
    status = 410 if diploma.is_revoked else 200
    return _json(open_badges.ob2_assertion(diploma), JSON_LD, status=status)


urlpatterns = [
    path("badges/issuer/", issuer_profile, name="badge_issuer"),
    path("badges/keys/", key_set, name="badge_keys"),
    path("badges/keys/<str:kid>", key, name="badge_key"),
    path("badges/status/<int:number>/", status_list, name="badge_status_list"),
    path(
        "diplomas/<int:diploma_id>/credential.json",
        credential_json,
        name="credential_json",
    ),
    path(
        "diplomas/<int:diploma_id>/credential.jwt",
        credential_jwt,
        name="credential_jwt",
    ),
    path(
        "diplomas/<str:code>/credential.jwt",
        verified_credential,
        name="verified_credential",
    ),
    path("badges/ob2/issuer/", ob2_issuer, name="ob2_issuer"),
    path("badges/ob2/badges/<uuid:key>/", ob2_badge_class, name="ob2_badge_class"),
    path(
        "badges/ob2/assertions/<uuid:credential_id>/",
        ob2_assertion,
        name="ob2_assertion",
    ),
]
