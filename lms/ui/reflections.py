"""Her reflection forms, as module pages and her own pages show them."""

from dataclasses import dataclass, field

from django.urls import reverse
from wagtail.models import Locale, Page

from lms import curriculum
from lms import reflections as service
from lms.models import Enrollment, Reflection
from lms.models.reflections import REFLECTION_MAX_CHARS


def audio_url(reflection) -> str:
    if not reflection or not reflection.audio:
        return ""
    # The address changes with each new recording, so no stale copy plays.
    version = reflection.audio.name.rsplit("/", 1)[-1].split(".")[0][:8]
    return f"{reverse('lms:reflection_audio', args=[reflection.pk])}?v={version}"


def reflection_json(reflection, **extra):
    return {
        "status": "saved",
        "id": reflection.pk if reflection else None,
        "revision": reflection.revision if reflection else 0,
        "text": reflection.text if reflection else "",
        "audio_url": audio_url(reflection),
        "shared": bool(reflection and reflection.is_shared),
        **extra,
    }


def form_context(
    *,
    user,
    page,
    prompt_key,
    reflection=None,
    next_url="",
    text=None,
    error=None,
    conflict=None,
    prompt_text="",
):
    """Context for lms/reflections/form.html, on a module page or on its own."""
    return {
        "user_id": user.pk,
        "page_id": page.pk if page else "",
        "module_key": (page.translation_key if page else reflection.module_key),
        "prompt_key": prompt_key,
        "prompt_text": prompt_text,
        "reflection": reflection,
        "text": reflection.text if text is None and reflection else (text or ""),
        "revision": reflection.revision if reflection else 0,
        "audio_url": audio_url(reflection),
        "next": next_url,
        "error": error,
        "conflict": conflict,
        "max_chars": REFLECTION_MAX_CHARS,
        "audio_max_mb": round(service.audio_max_bytes() / 1024 / 1024),
    }


@dataclass
class ModuleReflections:
    """What one request knows about her reflections on one module page."""

    enrollment: Enrollment | None = None
    by_prompt: dict = field(default_factory=dict)
    rendered: set = field(default_factory=set)


_UNKNOWN = object()


def reflections_on_page(request, page, enrollment=_UNKNOWN) -> ModuleReflections:
    """Her enrollment and reflections for a module page, cached on the request.

    Pass `enrollment` when the page already found it. A page with several
    prompts makes at most two queries in all, not two per prompt.
    """
    user = getattr(request, "user", None)
    cache = request.__dict__.setdefault("_lms_reflections", {})
    if page.pk in cache:
        return cache[page.pk]
    state = ModuleReflections()
    if user is not None and user.is_authenticated:
        if enrollment is _UNKNOWN:
            enrollment = service.enrollment_for_module(user, page)
        state.enrollment = enrollment
        if state.enrollment is not None:
            state.by_prompt = {
                r.prompt_key: r
                for r in Reflection.objects.filter(
                    author=user, module_key=page.translation_key
                )
            }
    cache[page.pk] = state
    return state


def prompt_languages(reflections, language: str) -> dict:
    """{reflection pk: the language of the prompt she answered}.

    A reflection keeps the prompt as she saw it, on the module's copy in
    her language or on the programme language's: whichever copy's prompt it
    matches names its language (untranslated aliases show the original's
    text, so only real copies count). A prompt changed since matches neither
    and is left out: show it with dir="auto". Three queries for any number
    of reflections and modules.
    """
    wanted = [r for r in reflections if r.prompt_text]
    if not wanted:
        return {}
    codes = dict(Locale.objects.values_list("pk", "language_code"))
    languages = {language, curriculum.source_language()}
    copies = (
        Page.objects.live()
        .filter(
            translation_key__in={r.module_key for r in wanted},
            locale__language_code__in=languages,
            alias_of__isnull=True,
        )
        .specific()
    )
    by_key: dict = {}
    for page in copies:
        by_key.setdefault(page.translation_key, []).append(page)
    found = {}
    for reflection in wanted:
        # Her language's copy first: a prompt both copies share (not yet
        # translated words) is then marked as hers, which it also is.
        pages = sorted(
            by_key.get(reflection.module_key, []),
            key=lambda page: codes.get(page.locale_id) != language,
        )
        for page in pages:
            prompt = curriculum.content_of(page).reflection_prompt(
                reflection.prompt_key
            )
            if prompt is not None and prompt.strip() == reflection.prompt_text.strip():
                found[reflection.pk] = codes.get(page.locale_id, "")
                break
    return found
