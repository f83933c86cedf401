"""Homework, the trainee's side: the draft she writes (on the module page or
her homework page), files and recordings she attaches, handing in, and the
thread of versions with the feedback each got. Also the permission-checked
views that hand out homework files and voice feedback.

Every form works as a plain POST (one multipart form: text, report, files,
and buttons for "Save", "Attach" and "Hand in"); the page's script posts the
same forms with ``Accept: application/json`` to autosave and gets JSON back.
Logic lives in :mod:`lms.homework` and :mod:`lms.reviews`; who may see what
in :mod:`lms.permissions`.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, JsonResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import path, reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST
from wagtail.models import Page

from lms import curriculum, files, homework, permissions, progress, reviews
from lms.choices import SubmissionFileKind, SubmissionStatus
from lms.models import Assignment, Enrollment, Review, Submission, SubmissionFile
from lms.ui import dashboard as dashboard_ui
from lms.ui.homework import draft_fields, file_rows, form_context, report_rows
from lms.views._http import login_required_or_401, next_url, wants_json

# --- which homework a form is about -------------------------------------------


class TargetForm(forms.Form):
    submission = forms.IntegerField(required=False, min_value=1)
    page = forms.IntegerField(required=False, min_value=1)
    module = forms.UUIDField(required=False)
    assignment = forms.UUIDField(required=False)
    revision = forms.IntegerField(required=False, min_value=0)


@dataclass
class Target:
    assignment: Assignment  # in her language where translated
    submission: Submission | None
    enrollment: Enrollment
    module_key: uuid.UUID


def own_submission(request, pk) -> Submission:
    """Her submission, or 404: others' are not even said to exist."""
    submission = (
        Submission.objects.select_related("enrollment").filter(pk=pk).first()
        if pk
        else None
    )
    if submission is None or not permissions.user_owns_submission(
        request.user, submission
    ):
        raise Http404
    return submission


def resolve_target(request, data) -> Target:
    """The homework a posted form names, checked against who is asking.

    Her existing submission stays hers to work on; starting one needs the
    assignment placed in the module, a learning enrollment in its course and
    the module open to her (its session held).
    """
    language = get_language()
    if data.get("submission"):
        submission = own_submission(request, data["submission"])
        if not permissions.user_can_work_on_submission(request.user, submission):
            # She left the group: her homework stays readable, not writable.
            raise PermissionDenied
        assignment = homework.assignment_in_language(
            submission.assignment_key, language
        )
        if assignment is None:
            raise Http404
        return Target(
            assignment, submission, submission.enrollment, submission.module_key
        )
    key = data.get("assignment")
    module_key = data.get("module")
    if data.get("page"):
        page = Page.objects.live().filter(pk=data["page"]).only("translation_key")
        page = page.first()
        module_key = page.translation_key if page else None
    if key is None or module_key is None:
        raise Http404
    placed = homework.assignments_in_modules([module_key]).get(module_key, [])
    if not any(a.translation_key == key for a in placed):
        raise Http404
    review = progress.module_review_by_key(request.user, module_key)
    if review is None:
        raise PermissionDenied
    submission = (
        Submission.objects.select_related("enrollment")
        .filter(enrollment=review.enrollment, assignment_key=key)
        .first()
    )
    if submission is None and not permissions.may_start_work(review):
        raise PermissionDenied
    assignment = homework.assignment_in_language(key, language)
    return Target(assignment, submission, review.enrollment, module_key)


def ensure_submission(target: Target) -> Submission:
    if target.submission is None:
        target.submission = homework.start_submission(
            enrollment=target.enrollment,
            assignment=target.assignment,
            module_key=target.module_key,
        )
    return target.submission


def posted_report(post, assignment: Assignment, fallback) -> list:
    """Her report entries as posted (``report-<entry>-<field id>``); empty
    entries at the end (the form's spare ones) are left out."""
    if not assignment.has_report:
        return fallback or []
    if not any(name.startswith("report-") for name in post):
        return fallback or []
    ids = [field_id for field_id, _value in homework.report_fields(assignment)]
    limit = max(assignment.report_max_entries, assignment.report_min_entries, 1)
    entries = [
        {field_id: post.get(f"report-{index}-{field_id}", "") for field_id in ids}
        for index in range(limit)
    ]
    while entries and not any(str(v).strip() for v in entries[-1].values()):
        entries.pop()
    return entries


def posted_draft(request, target: Target) -> tuple[str, list]:
    post = request.POST
    submission = target.submission
    text = (
        post["text"]
        if "text" in post
        else (submission.draft_text if submission else "")
    )
    report = posted_report(
        post, target.assignment, submission.draft_report if submission else []
    )
    return text, report


# --- answers ------------------------------------------------------------------


def homework_url(submission) -> str:
    return reverse("lms:homework", kwargs={"pk": submission.pk})


def draft_json(target: Target, **extra) -> dict:
    submission = target.submission
    return {
        "status": "saved",
        "submission": submission.pk if submission else None,
        "revision": submission.draft_revision if submission else 0,
        "fields": draft_fields(
            target.assignment,
            submission.draft_text if submission else "",
            submission.draft_report if submission else [],
        ),
        "url": homework_url(submission) if submission else "",
        **extra,
    }


def files_html(request, target: Target) -> str:
    submission = target.submission
    attached = list(submission.files.filter(in_draft=True)) if submission else []
    return render_to_string(
        "lms/homework/files.html",
        {"files": file_rows(attached), "editable": True},
        request=request,
    )


def render_homework_page(request, submission, *, status=200, **form):
    """Her homework page; with `form` overrides, her form as she sent it."""
    language = get_language()
    owner = permissions.user_owns_submission(request.user, submission)
    assignment = homework.assignment_in_language(submission.assignment_key, language)
    cohort_id = submission.enrollment.cohort_id
    session = homework.module_sessions([cohort_id], [submission.module_key]).get(
        (cohort_id, submission.module_key)
    )
    page = curriculum.pages_in_language([submission.module_key], language).get(
        submission.module_key
    )
    versions = reviews.thread(submission, with_drafts=False)
    for version in versions:
        version.report_rows = report_rows(assignment, version.report)
        version.file_rows = file_rows(version.thread_files)
        for review in version.thread_reviews:
            review.audio_url = (
                reverse("lms:review_audio", kwargs={"pk": review.pk})
                if review.audio
                else ""
            )
    context = {
        "submission": submission,
        "assignment": assignment,
        "owner": owner,
        "due_on": homework.due_date(session, assignment) if assignment else None,
        "module_title": page.title if page else "",
        "module_url": page.get_url(request) if page else "",
        "module_language": curriculum.content_language(page) if page else "",
        "versions": versions,
        "latest_review": next(
            (r for v in reversed(versions) for r in reversed(v.thread_reviews)), None
        ),
    }
    if owner and assignment is not None:
        context.update(
            form_context(
                user=request.user,
                assignment=assignment,
                submission=submission,
                module_key=submission.module_key,
                next_url=homework_url(submission),
                **form,
            )
        )
    return render(request, "lms/homework/page.html", context, status=status)


def problem(request, target: Target, message, *, text=None, report=None, status=400):
    """Input she can fix (or a file to send again): JSON, or her form again
    with what went wrong."""
    if wants_json(request):
        return JsonResponse({"status": "error", "error": str(message)}, status=status)
    if target.submission is None:
        messages.error(request, message)
        return redirect(next_url(request, fallback=reverse("lms:my_homework")))
    return render_homework_page(
        request,
        target.submission,
        status=status,
        error=message,
        text=text,
        report=report,
    )


def conflict_answer(request, target: Target, conflict, *, text, report):
    newer = conflict.submission
    if wants_json(request):
        return JsonResponse(
            {
                "status": "conflict",
                "error": str(conflict.message),
                "submission": newer.pk,
                "revision": newer.draft_revision,
                "fields": draft_fields(
                    target.assignment, newer.draft_text, newer.draft_report
                ),
            },
            status=409,
        )
    return render_homework_page(
        request,
        target.submission,
        status=409,
        error=conflict.message,
        text=text,
        report=report,
        revision=newer.draft_revision,
        conflict=newer,
    )


def unreadable(request):
    message = _("This form could not be read. Please try again.")
    if wants_json(request):
        return JsonResponse({"status": "error", "error": message}, status=400)
    messages.error(request, message)
    return redirect(next_url(request, fallback=reverse("lms:my_homework")))


def _attach_posted_files(request, target: Target) -> int:
    uploads = [(f, SubmissionFileKind.FILE) for f in request.FILES.getlist("file")]
    uploads += [(f, SubmissionFileKind.AUDIO) for f in request.FILES.getlist("audio")]
    for upload, kind in uploads:
        homework.attach_file(
            submission=ensure_submission(target),
            assignment=target.assignment,
            upload=upload,
            kind=kind,
        )
    return len(uploads)


def _posting(request, action):
    """Read the form, find the homework, save the posted draft, then `action`.

    Draft fields travel with every button of the form (without the script
    a click on "Attach" or "Hand in" must not lose what she typed).
    """
    form = TargetForm(request.POST)
    if not form.is_valid():
        return unreadable(request)
    target = resolve_target(request, form.cleaned_data)
    posted = "revision" in request.POST and (
        "text" in request.POST
        or any(name.startswith("report-") for name in request.POST)
    )
    text, report = posted_draft(request, target) if posted else (None, None)
    try:
        if posted:
            target.submission = homework.save_draft(
                submission=ensure_submission(target),
                assignment=target.assignment,
                text=text,
                report=report,
                revision=form.cleaned_data["revision"],
            )
        return action(target)
    except homework.DraftConflict as conflict:
        return conflict_answer(request, target, conflict, text=text, report=report)
    except homework.HomeworkError as error:
        return problem(request, target, error.message, text=text, report=report)
    except files.UploadNotSaved as error:
        # Her text was saved before the file was tried.
        return problem(
            request, target, error.message, text=text, report=report, status=507
        )


# --- writing ------------------------------------------------------------------


@require_POST
@login_required_or_401
def save_homework(request):
    """Save her draft: an autosave as she types, or the "Save" button."""

    def action(target):
        attached = _attach_posted_files(request, target)
        ensure_submission(target)
        if wants_json(request):
            return JsonResponse(draft_json(target))
        messages.success(
            request,
            _("Your homework is saved. Attached files are kept too.")
            if attached
            else _("Your homework is saved."),
        )
        return redirect(next_url(request, fallback=homework_url(target.submission)))

    return _posting(request, action)


@require_POST
@login_required_or_401
def upload_homework_file(request):
    """Attach files she chose or a recording she made to her draft."""

    def action(target):
        if not request.FILES:
            if "revision" not in request.POST:
                raise homework.HomeworkError(_("Choose a file first."))
            # Enter pressed in the form without the script: a save.
            ensure_submission(target)
            if wants_json(request):
                return JsonResponse(draft_json(target))
            messages.success(request, _("Your homework is saved."))
            return redirect(next_url(request, fallback=homework_url(target.submission)))
        _attach_posted_files(request, target)
        return _files_changed(request, target, _("Your file is attached."))

    return _posting(request, action)


def _files_changed(request, target, message):
    """The answer to an attach or remove: the new file list, or back to the form."""
    if wants_json(request):
        return JsonResponse(
            draft_json(target, files_html=files_html(request, target), message=message)
        )
    messages.success(request, message)
    return redirect(next_url(request, fallback=homework_url(target.submission)))


@require_POST
@login_required_or_401
def remove_homework_file(request, pk):
    """Take a file out of her draft (handed-in versions keep theirs)."""
    attached = (
        SubmissionFile.objects.select_related("submission__enrollment")
        .filter(pk=pk, in_draft=True)
        .first()
    )
    if attached is None or not permissions.user_owns_submission(
        request.user, attached.submission
    ):
        raise Http404
    post = request.POST.copy()
    post["submission"] = attached.submission_id
    request.POST = post

    def action(target):
        homework.remove_file(submission=target.submission, attached=attached)
        return _files_changed(request, target, _("The file is removed."))

    return _posting(request, action)


@require_POST
@login_required_or_401
def submit_homework(request):
    """Hand in her draft as a new version (the same draft twice: one version)."""

    def action(target):
        _attach_posted_files(request, target)
        submission = ensure_submission(target)
        version = homework.submit(
            submission=submission,
            assignment=target.assignment,
            revision=submission.draft_revision,
            user=request.user,
        )
        message = _(
            "Handed in. Your supervisor will read it and give you feedback here."
        )
        if wants_json(request):
            return JsonResponse(
                {
                    "status": "submitted",
                    "version": version.number,
                    "url": homework_url(submission),
                    "message": message,
                }
            )
        messages.success(request, message)
        return redirect(homework_url(submission))

    return _posting(request, action)


# --- reading ------------------------------------------------------------------


@require_GET
@login_required
def homework_page(request, pk):
    """Her homework: the assignment, her draft, and the whole thread.

    Staff who may read the submission (its supervisors, its chapter's
    coordinators) see the thread read-only; anyone else gets 404.
    """
    submission = Submission.objects.select_related("enrollment").filter(pk=pk).first()
    if submission is None or not permissions.user_can_read_submission(
        request.user, submission
    ):
        raise Http404
    return render_homework_page(request, submission)


@require_GET
@login_required
def my_homework(request):
    """Every assignment of her modules, with its status and due date."""
    data = dashboard_ui.dashboard(
        request.user, language=get_language(), request=request
    )
    return render(
        request,
        "lms/homework/list.html",
        {"items": data.homework, "statuses": SubmissionStatus},
    )


@require_GET
@login_required
def submission_file(request, pk):
    """A homework file, to those who may read the submission. Staff get only
    files that were handed in, never one that is only in her draft."""
    attached = (
        SubmissionFile.objects.select_related("submission__enrollment")
        .filter(pk=pk)
        .first()
    )
    if attached is None or not permissions.user_can_read_submission(
        request.user, attached.submission
    ):
        raise Http404
    if (
        not permissions.user_owns_submission(request.user, attached.submission)
        and not attached.versions.exists()
    ):
        raise Http404
    return files.private_file_response(
        attached.file, content_type=attached.content_type, filename=attached.name
    )


@require_GET
@login_required
def review_audio(request, pk):
    """Voice feedback: the trainee hears it once released; the cohort's
    supervisors also while it is a draft; its coordinators once released."""
    review = (
        Review.objects.select_related("submission__enrollment").filter(pk=pk).first()
    )
    if review is None or not review.audio:
        raise Http404
    submission = review.submission
    if permissions.user_owns_submission(request.user, submission):
        allowed = review.is_released
    elif permissions.user_sees_review_drafts(request.user, submission):
        allowed = True
    else:
        allowed = review.is_released and permissions.user_can_read_submission(
            request.user, submission
        )
    if not allowed:
        raise Http404
    return files.private_file_response(
        review.audio,
        content_type=review.audio_content_type,
        filename=_("feedback"),
    )


urlpatterns = [
    path("my/homework/", my_homework, name="my_homework"),
    path("my/homework/<int:pk>/", homework_page, name="homework"),
    path("my/homework/save/", save_homework, name="save_homework"),
    path("my/homework/files/", upload_homework_file, name="homework_file_upload"),
    path(
        "my/homework/files/<int:pk>/remove/",
        remove_homework_file,
        name="homework_file_remove",
    ),
    path("my/homework/submit/", submit_homework, name="submit_homework"),
    path("homework/files/<int:pk>/", submission_file, name="submission_file"),
    path("homework/feedback/<int:pk>/audio/", review_audio, name="review_audio"),
]
