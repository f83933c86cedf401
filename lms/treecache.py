"""What this process remembers of the page tree, under the tree's version.

Pages change rarely and are read on every request: the route to a page, a
module's course and neighbours, its copies in other languages. Each request
reads the tree's version token once (one tiny query, ``lms.TreeVersion``);
everything remembered under another token is forgotten. Saving or deleting
a page, a locale, a site or a view restriction gives the tree a new token
(``bump``, connected in ``lms.apps``), so every process sees a change on its
next request with nothing to invalidate, even with a per-process cache.

What is remembered must not depend on who asks: personal state is always
read fresh.
"""

import threading
import uuid

from django.core.signals import request_finished, request_started

# Entries per process before all are dropped (a bound against odd addresses
# filling memory: the tree's facts fit many times over).
MAX_ENTRIES = 20_000

_lock = threading.Lock()
_memory: dict = {}
_memory_token: str | None = None
_local = threading.local()


def _read_token() -> str:
    from lms.models import TreeVersion

    token = TreeVersion.objects.filter(pk=1).values_list("token", flat=True).first()
    if token is None:
        token = TreeVersion.objects.get_or_create(
            pk=1, defaults={"token": uuid.uuid4().hex}
        )[0].token
    return token


def token() -> str:
    """The tree's version as this request first read it. Outside a request
    (commands, background tasks) it is read each time: nothing would start
    such a thread afresh."""
    if not getattr(_local, "in_request", False):
        return _read_token()
    current = getattr(_local, "token", None)
    if current is None:
        current = _local.token = _read_token()
    return current


def remembered(key, compute):
    """``compute()``'s value for ``key`` under the tree's current version."""
    global _memory, _memory_token
    current = token()
    with _lock:
        if _memory_token != current:
            _memory, _memory_token = {}, current
        try:
            return _memory[key]
        except KeyError:
            pass
    value = compute()
    with _lock:
        if _memory_token == current:
            if len(_memory) >= MAX_ENTRIES:
                _memory.clear()
            _memory[key] = value
    return value


def bump(**kwargs) -> None:
    """Give the tree a new version (a signal receiver: takes any arguments)."""
    from lms.models import TreeVersion

    new = uuid.uuid4().hex
    if not TreeVersion.objects.filter(pk=1).update(token=new):
        TreeVersion.objects.update_or_create(pk=1, defaults={"token": new})
    _local.token = new


def forget(**kwargs) -> None:
    """A request starts: read the version afresh on its first use."""
    _local.token = None
    _local.in_request = True


def request_done(**kwargs) -> None:
    _local.token = None
    _local.in_request = False


def forget_everything() -> None:
    """Tests: drop what this process remembers (rolled-back transactions can
    bring an old token back)."""
    global _memory, _memory_token
    with _lock:
        _memory, _memory_token = {}, None
    _local.token = None
    _local.in_request = False


request_started.connect(forget, dispatch_uid="lms.treecache.forget")
request_finished.connect(request_done, dispatch_uid="lms.treecache.done")
