"""Redeeming a one-time sign-in link (printed, or sent by SMS).

Opening the link only shows a button: link previews in SMS and chat apps
fetch the address too, and must not use up her one sign-in. Pressing the
button (a POST) redeems the link, signs her in and takes her to her page.
"""

from django.contrib.auth import login
from django.shortcuts import redirect, render
from django.urls import path
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_protect

from lms import enrolment
from lms.models import SignInLink

BACKEND = "django.contrib.auth.backends.ModelBackend"


def _link_is_usable(token) -> bool:
    """Read-only check: unused, unexpired, active account. Uses nothing up."""
    return SignInLink.objects.usable(token).filter(user__is_active=True).exists()


@never_cache
@csrf_protect
def sign_in(request, token):
    if request.method == "POST":
        user = enrolment.redeem_sign_in_link(token=token)
        if user is not None:
            login(request, user, backend=BACKEND)
            return redirect("lms:dashboard")
        usable = False
    else:
        usable = _link_is_usable(token)
    response = render(
        request,
        "lms/signin/sign_in.html",
        {"usable": usable},
        status=200 if usable else 410,
    )
    # The address holds the token: never pass it on to other sites. Not
    # "no-referrer": that makes browsers send `Origin: null` with the form,
    # which Django's CSRF check rightly refuses.
    response["Referrer-Policy"] = "same-origin"
    response["X-Robots-Tag"] = "noindex"
    return response


urlpatterns = [
    path("signin/<str:token>/", sign_in, name="sign_in"),
]
