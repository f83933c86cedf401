"""What one trainee does in the load test, as plain functions the locustfile
(cms/demo/locustfile.py) and the tests share: no locust, no Django here.

She loops: her dashboard, a module page, an autosave of her reflection on
it, thinking 5-15 s between each. The autosave is what lms/static/lms/
reflection.js sends: the reflection form's fields as FormData (so
multipart/form-data) without ``csrfmiddlewaretoken``, with
``Accept: application/json`` and ``X-CSRFToken`` from the csrftoken cookie;
the page's ``revision`` first, then the one each answer returns.
"""

import html
import json
import re
import uuid
from pathlib import Path

# What the README's reverse proxy adds: the site sees an https request.
PROXY_HEADERS = {"X-Forwarded-Proto": "https"}
MAX_TEXT = 1500

_FORM = re.compile(r"<form\b([^>]*)>(.*?)</form>", re.S | re.I)
_INPUT = re.compile(r"<input\b([^>]*)>", re.I)
_TEXTAREA = re.compile(r"<textarea\b([^>]*)>(.*?)</textarea>", re.S | re.I)
_ATTR = re.compile(r'([\w:-]+)="([^"]*)"')


def _attrs(tag: str) -> dict:
    return {name.lower(): html.unescape(value) for name, value in _ATTR.findall(tag)}


def reflection_form(page: str) -> dict | None:
    """The first reflection form on a module page's HTML: {"action",
    "fields" (the hidden ones, no CSRF field), "text"}, or None."""
    for opening, inner in _FORM.findall(page):
        attrs = _attrs(opening)
        if "reflection__text" not in attrs.get("class", "").split():
            continue
        fields = {}
        for tag in _INPUT.findall(inner):
            field = _attrs(tag)
            name = field.get("name")
            if field.get("type") == "hidden" and name and name != "csrfmiddlewaretoken":
                fields[name] = field.get("value", "")
        text = ""
        for textarea, content in _TEXTAREA.findall(inner):
            if _attrs(textarea).get("name") == "text":
                text = html.unescape(content)
        if not attrs.get("action") or "page" not in fields or "prompt" not in fields:
            return None
        return {"action": attrs["action"], "fields": fields, "text": text}
    return None


def next_text(previous: str, n: int = 0) -> str:
    """What she has written by the next autosave: a little more."""
    if len(previous) > MAX_TEXT:
        previous = ""
    return f"{previous} Jeg har tenkt mer på dette ({n}).".strip()


def multipart(fields: dict, boundary: str | None = None) -> tuple[bytes, str]:
    """A multipart/form-data body of text fields, as a browser sends FormData."""
    boundary = boundary or f"----brobygger{uuid.uuid4().hex}"
    parts = []
    for name, value in fields.items():
        parts.append(
            f"--{boundary}\r\n"
            f'Content-Disposition: form-data; name="{name}"\r\n\r\n'
            f"{value}\r\n"
        )
    parts.append(f"--{boundary}--\r\n")
    return "".join(parts).encode(), f"multipart/form-data; boundary={boundary}"


def autosave(form: dict, *, text: str, csrf_token: str, origin: str, referer: str):
    """(path, body, headers) of the script's autosave of `form` with `text`."""
    body, content_type = multipart({**form["fields"], "text": text})
    headers = {
        "Accept": "application/json",
        "X-CSRFToken": csrf_token,
        "Content-Type": content_type,
        # A browser's same-origin fetch POST says where it comes from.
        "Origin": origin,
        "Referer": referer,
    }
    return form["action"], body, headers


def cookie_header(cookies: dict) -> str:
    return "; ".join(f"{name}={value}" for name, value in cookies.items())


def request_headers(user: dict, **extra) -> dict:
    """Headers of every request she sends: the proxy's, her cookies, `extra`."""
    return {**PROXY_HEADERS, "Cookie": cookie_header(user["cookies"]), **extra}


def https_origin(host: str) -> str:
    """The origin her browser is on: the site as the proxy serves it."""
    return re.sub(r"^http://", "https://", host.rstrip("/"))


def read_users(path) -> list:
    """The trainees the load test signed in (manage.py load_test writes them):
    [{"username", "cookies", "csrf_token", "dashboard", "modules"}]."""
    if not path:
        return []
    return json.loads(Path(path).read_text())
