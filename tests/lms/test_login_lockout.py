"""Login throttling locks a username tried from one address, not the address.

Ten typos at a community centre must not lock every woman there out for an
hour (django-axes' default locks the whole IP address). Behind a proxy the
client's own address is read from X-Forwarded-For, trusting only the
proxies the site was told about.
"""

import pytest
from django.test import Client, RequestFactory
from django.urls import reverse

from cms.client_ip import client_ip
from tests.factories.lms import UserFactory

pytestmark = pytest.mark.django_db

CENTRE = "203.0.113.7"


@pytest.fixture
def axes_on(settings):
    settings.AXES_ENABLED = True
    settings.AXES_FAILURE_LIMIT = 3


def log_in(username, password, ip=CENTRE):
    return Client(REMOTE_ADDR=ip).post(
        reverse("lms:login"), {"username": username, "password": password}
    )


def test_typos_lock_her_username_here_but_not_the_others(axes_on):
    UserFactory(username="amina")
    UserFactory(username="hodan")
    for _ in range(2):
        assert log_in("amina", "feil").status_code == 200  # the form again
    assert log_in("amina", "feil").status_code == 429  # the third: locked
    locked = log_in("amina", "pw")
    assert locked.status_code == 429
    body = locked.content.decode()
    assert "15" in body  # minutes to wait, in her language (nb here)
    assert 'lang="nb"' in body
    # Others at the same community centre still sign in...
    assert log_in("hodan", "pw").status_code == 302
    # ...and so does she, from her phone at home.
    assert log_in("amina", "pw", ip="198.51.100.20").status_code == 302


def test_the_lockout_page_is_translated(axes_on):
    UserFactory(username="amina")
    for _ in range(3):
        log_in("amina", "feil")
    body = (
        Client(REMOTE_ADDR=CENTRE)
        .post("/ar/login/", {"username": "amina", "password": "x"})
        .content.decode()
    )
    assert 'dir="rtl"' in body
    assert "Wait" not in body and "minutes" not in body


def request_from(remote, forwarded=None):
    meta = {"REMOTE_ADDR": remote}
    if forwarded is not None:
        meta["HTTP_X_FORWARDED_FOR"] = forwarded
    return RequestFactory().get("/", **meta)


def test_the_client_address_behind_trusted_proxies(settings):
    settings.TRUSTED_PROXY_COUNT = 0
    # No proxy trusted: a forged header changes nothing.
    assert client_ip(request_from("203.0.113.7", "6.6.6.6")) == "203.0.113.7"
    settings.TRUSTED_PROXY_COUNT = 1
    # The proxy appended the address it saw; what the client sent is ignored.
    assert client_ip(request_from("10.0.0.2", "6.6.6.6, 203.0.113.7")) == (
        "203.0.113.7"
    )
    assert client_ip(request_from("10.0.0.2", "203.0.113.7")) == "203.0.113.7"
    settings.TRUSTED_PROXY_COUNT = 2
    assert client_ip(request_from("10.0.0.3", "203.0.113.7, 10.0.0.2")) == (
        "203.0.113.7"
    )
    # Fewer entries than proxies: the header is not what the proxies write.
    assert client_ip(request_from("10.0.0.3", "6.6.6.6")) == "10.0.0.3"
