"""Small helpers many tests share."""

from django.test import Client


def as_user(user=None):
    """A test client signed in as `user` (anonymous for None)."""
    client = Client()
    if user is not None:
        client.force_login(user)
    return client


def place(module, kind, *objects):
    """Put snippets (blocks of `kind`: assignment, quiz, h5p) in a module's
    lesson and publish it."""
    module.body = list(module.body.raw_data) + [
        {"type": kind, "value": o.pk} for o in objects
    ]
    module.save_revision().publish()
    module.refresh_from_db()
