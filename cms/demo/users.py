"""Demo accounts: made once, with the demo password only when allowed."""

from django.contrib.auth import get_user_model


def demo_user(username, *, passwords, log, **defaults):
    """Get or create a demo account. A new one gets the password "demo" when
    `passwords` is on (DEBUG or --insecure-demo-passwords), else none usable;
    an existing one is left as it is."""
    user, created = get_user_model().objects.get_or_create(
        username=username, defaults=defaults
    )
    if created:
        if passwords:
            user.set_password("demo")
        else:
            user.set_unusable_password()
        user.save()
        log(f"  created user {username}")
    return user
