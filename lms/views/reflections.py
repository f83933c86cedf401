"""Reflections: the trainee writes, records, shares and deletes her own; a
supervisor reads the ones shared with her.

Every form here works as a plain POST; the module page's script posts the
same forms with ``Accept: application/json`` to autosave and gets JSON back.
A reflection nobody shared is readable by its author alone (lms.permissions).
"""

from dataclasses import dataclass

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, JsonResponse
from django.shortcuts import redirect, render
from django.urls import path, reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST
from wagtail.models import Page

from lms import curriculum, files, permissions, progress
from lms import reflections as service
from lms.models import Enrollment, Reflection
from lms.ui.reflections import audio_url, form_context, reflection_json
from lms.ui.reflections import prompt_languages as ui_prompt_languages
from lms.views._http import login_required_or_401, next_url, wants_json


@dataclass
class Target:
    """The prompt a posted form is about, checked against who is asking."""

    page: Page
    prompt_key: str
    prompt_text: str
    enrollment: Enrollment | None
    reflection: Reflection | None


class TargetForm(forms.Form):
    page = forms.IntegerField(min_value=1)
    prompt = forms.CharField(max_length=64)


class TextForm(TargetForm):
    text = forms.CharField(required=False, strip=False)
    revision = forms.IntegerField(required=False, min_value=0)


def resolve_target(request, data) -> Target:
    """The live module page and prompt a form names, and her enrollment.

    Writing a new reflection needs a learning enrollment in the module's
    course and the module open to her; her existing reflection stays hers to
    edit in any case.
    """
    page = Page.objects.live().filter(pk=data["page"]).first()
    if page is None:
        raise Http404
    prompt_key = data["prompt"]
    reflection = (
        permissions.readable_reflections(request.user)
        .filter(
            author=request.user, module_key=page.translation_key, prompt_key=prompt_key
        )
        .first()
    )
    prompt_text = curriculum.content_of(page).reflection_prompt(prompt_key)
    if reflection is None and prompt_text is None:
        raise Http404
    review = progress.module_review_by_key(request.user, page.translation_key)
    enrollment = review.enrollment if review else None
    if reflection is None and not permissions.may_start_work(review):
        raise PermissionDenied
    if reflection is not None and not permissions.user_can_edit_reflection(
        request.user, reflection
    ):
        raise PermissionDenied
    return Target(page, prompt_key, prompt_text or "", enrollment, reflection)


def own_reflection(request, pk) -> Reflection:
    """Her reflection, or 404: others' are not even said to exist."""
    reflection = Reflection.objects.filter(pk=pk).first()
    if reflection is None or not permissions.user_can_edit_reflection(
        request.user, reflection
    ):
        raise Http404
    return reflection


def render_form_page(request, *, target, text, error, conflict=None, status=400):
    """Her form again, with her text as she sent it and what went wrong."""
    context = form_context(
        user=request.user,
        page=target.page,
        prompt_key=target.prompt_key,
        reflection=conflict or target.reflection,
        next_url=next_url(request, reverse("lms:journal")),
        text=text,
        error=error,
        conflict=conflict,
        prompt_text=target.prompt_text,
    )
    context["module_title"] = target.page.title
    context["module_language"] = curriculum.content_language(target.page)
    return render(request, "lms/reflections/edit.html", context, status=status)


def bad_request(request, message):
    if wants_json(request):
        return JsonResponse({"status": "error", "error": str(message)}, status=400)
    messages.error(request, message)
    return redirect(next_url(request, reverse("lms:journal")))


# --- writing -------------------------------------------------------------------


@require_POST
@login_required_or_401
def save_reflection(request):
    """Save her text (a Save click, or an autosave from the module page)."""
    form = TextForm(request.POST)
    if not form.is_valid():
        return bad_request(request, _("This form could not be read. Please try again."))
    target = resolve_target(request, form.cleaned_data)
    text = form.cleaned_data["text"]
    try:
        reflection = service.save_reflection_text(
            author=request.user,
            enrollment=target.enrollment,
            module_key=target.page.translation_key,
            prompt_key=target.prompt_key,
            prompt_text=target.prompt_text,
            text=text,
            revision=form.cleaned_data["revision"],
        )
    except service.ReflectionConflict as conflict:
        if wants_json(request):
            return JsonResponse(
                {
                    **reflection_json(conflict.reflection),
                    "status": "conflict",
                    "error": str(conflict.message),
                },
                status=409,
            )
        return render_form_page(
            request,
            target=target,
            text=text,
            error=conflict.message,
            conflict=conflict.reflection,
            status=409,
        )
    except service.ReflectionError as problem:
        if wants_json(request):
            return JsonResponse(
                {"status": "error", "error": str(problem.message)}, status=400
            )
        return render_form_page(
            request, target=target, text=text, error=problem.message
        )
    if wants_json(request):
        return JsonResponse(reflection_json(reflection))
    messages.success(request, _("Your reflection is saved."))
    return redirect(next_url(request, reverse("lms:journal")))


@require_POST
@login_required_or_401
def upload_reflection_audio(request):
    """Store a voice recording (recorded in the browser or chosen as a file)."""
    form = TargetForm(request.POST)
    if not form.is_valid():
        return bad_request(request, _("This form could not be read. Please try again."))
    target = resolve_target(request, form.cleaned_data)
    try:
        reflection = service.attach_audio(
            author=request.user,
            enrollment=target.enrollment,
            module_key=target.page.translation_key,
            prompt_key=target.prompt_key,
            prompt_text=target.prompt_text,
            upload=request.FILES.get("audio"),
        )
    except service.ReflectionError as problem:
        return bad_request(request, problem.message)
    if wants_json(request):
        return JsonResponse(reflection_json(reflection))
    messages.success(request, _("Your recording is saved."))
    return redirect(next_url(request, reverse("lms:journal")))


@require_POST
@login_required_or_401
def delete_reflection_audio(request, pk):
    reflection = service.remove_audio(reflection=own_reflection(request, pk))
    if wants_json(request):
        return JsonResponse(reflection_json(reflection))
    messages.success(request, _("Your recording is deleted."))
    return redirect(next_url(request, reverse("lms:journal")))


@require_POST
@login_required
def share_reflection(request, pk):
    try:
        service.share_reflection(reflection=own_reflection(request, pk))
    except service.ReflectionError as problem:
        messages.error(request, problem.message)
    else:
        messages.success(
            request, _("Shared. Your supervisor can now read this reflection.")
        )
    return redirect(next_url(request, reverse("lms:journal")))


@require_POST
@login_required
def unshare_reflection(request, pk):
    service.unshare_reflection(reflection=own_reflection(request, pk))
    messages.success(
        request, _("Share withdrawn. Only you can read this reflection now.")
    )
    return redirect(next_url(request, reverse("lms:journal")))


@login_required
def delete_reflection(request, pk):
    """Ask first (GET), then delete for good (POST)."""
    reflection = own_reflection(request, pk)
    if request.method == "POST":
        service.delete_reflection(reflection=reflection)
        messages.success(request, _("Your reflection is deleted."))
        return redirect("lms:journal")
    page = curriculum.pages_in_language([reflection.module_key], get_language()).get(
        reflection.module_key
    )
    return render(
        request,
        "lms/reflections/delete.html",
        {
            "reflection": reflection,
            "module_title": page.title if page else "",
            "module_language": curriculum.content_language(page) if page else "",
        },
    )


@login_required
def edit_reflection(request, pk):
    """Her reflection on its own page: the same form as on the module page."""
    reflection = own_reflection(request, pk)
    page = curriculum.pages_in_language([reflection.module_key], get_language()).get(
        reflection.module_key
    )
    context = form_context(
        user=request.user,
        page=page,
        prompt_key=reflection.prompt_key,
        reflection=reflection,
        next_url=reverse("lms:journal"),
        prompt_text=reflection.prompt_text,
    )
    context["module_title"] = page.title if page else ""
    context["module_url"] = page.get_url(request) if page else ""
    context["module_language"] = curriculum.content_language(page) if page else ""
    return render(request, "lms/reflections/edit.html", context)


# --- reading -------------------------------------------------------------------


def with_modules(request, reflections):
    """Attach module title and link (her language if translated) to each,
    and the languages the title and the prompt are in (for lang and dir)."""
    language = get_language()
    pages = curriculum.pages_in_language([r.module_key for r in reflections], language)
    prompt_languages = ui_prompt_languages(reflections, language)
    for reflection in reflections:
        page = pages.get(reflection.module_key)
        reflection.module_page = page
        reflection.module_title = page.title if page else _("A module no longer online")
        reflection.module_language = curriculum.content_language(page) if page else ""
        reflection.prompt_language = prompt_languages.get(reflection.pk, "")
        reflection.module_url = (
            f"{page.get_url(request)}#reflection-{reflection.prompt_key}"
            if page
            else ""
        )
        reflection.audio_src = audio_url(reflection)
    reflections.sort(
        key=lambda r: (r.module_page.path if r.module_page else "~", r.created_at)
    )
    return reflections


@require_GET
@login_required
def journal(request):
    """My journal: every reflection she wrote, across modules and languages."""
    reflections = list(
        permissions.readable_reflections(request.user).filter(author=request.user)
    )
    return render(
        request,
        "lms/reflections/journal.html",
        {"reflections": with_modules(request, reflections)},
    )


@require_GET
@login_required
def shared_reflections(request):
    """For supervisors: what trainees of their cohorts chose to share. Read-only."""
    cohorts = permissions.supervised_cohorts(request.user)
    if not cohorts.exists():
        raise PermissionDenied
    reflections = list(
        permissions.readable_reflections(request.user)
        .filter(shared_at__isnull=False, enrollment__cohort__in=cohorts)
        .exclude(author=request.user)
        .select_related("author", "enrollment__cohort")
    )
    reflections = with_modules(request, reflections)
    reflections.sort(
        key=lambda r: (
            r.enrollment.cohort.name,
            r.enrollment.cohort_id,
            -r.shared_at.timestamp(),
        )
    )
    return render(request, "lms/reflections/shared.html", {"reflections": reflections})


@require_GET
@login_required
def reflection_audio(request, pk):
    """Stream a recording from private storage to those who may read it."""
    reflection = Reflection.objects.filter(pk=pk).first()
    if (
        reflection is None
        or not reflection.audio
        or not permissions.user_can_read_reflection(request.user, reflection)
    ):
        raise Http404
    return files.private_file_response(
        reflection.audio,
        content_type=reflection.audio_content_type,
        filename="reflection",
    )


urlpatterns = [
    path("my/journal/", journal, name="journal"),
    path("my/reflections/save/", save_reflection, name="save_reflection"),
    path(
        "my/reflections/audio/", upload_reflection_audio, name="upload_reflection_audio"
    ),
    path("my/reflections/<int:pk>/edit/", edit_reflection, name="edit_reflection"),
    path(
        "my/reflections/<int:pk>/delete/", delete_reflection, name="delete_reflection"
    ),
    path("my/reflections/<int:pk>/share/", share_reflection, name="share_reflection"),
    path(
        "my/reflections/<int:pk>/unshare/",
        unshare_reflection,
        name="unshare_reflection",
    ),
    path("my/reflections/<int:pk>/audio/", reflection_audio, name="reflection_audio"),
    path(
        "my/reflections/<int:pk>/audio/delete/",
        delete_reflection_audio,
        name="delete_reflection_audio",
    ),
    path("supervise/reflections/", shared_reflections, name="shared_reflections"),
]
