"""The address a request really came from, behind TRUSTED_PROXY_COUNT proxies.

Each proxy appends the address it saw to X-Forwarded-For, so the entry
written by the outermost trusted proxy is the client; anything to its left
was sent by the client itself and can be forged.
"""

from django.conf import settings


def client_ip(request) -> str:
    proxies = settings.TRUSTED_PROXY_COUNT
    remote = request.META.get("REMOTE_ADDR", "")
    if proxies <= 0:
        return remote
    forwarded = [
        part.strip()
        for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
        if part.strip()
    ]
    if len(forwarded) < proxies:
        return remote
    return forwarded[-proxies]
