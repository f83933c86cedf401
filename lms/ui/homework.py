"""Her homework form and what a module page knows of her homework, as the
module page, her homework page and the block's template tag show them."""

from dataclasses import dataclass, field

from django.urls import reverse

from lms import files, homework, progress
from lms.choices import SubmissionFileKind
from lms.models import Assignment, Submission, SubmissionFile

_MISSING = object()


ACCEPT_FILES = ",".join(
    sorted({f".{t.extension}" for t in files.HOMEWORK} | {".jpeg"})
    + sorted({t.content_type for t in files.HOMEWORK})
)


def report_entries(assignment: Assignment, report, uid: str) -> list[dict]:
    """The report form's entries with her answers. Entries beyond what she
    filled (and the minimum) are rendered hidden; the script reveals them."""
    if assignment is None or not assignment.has_report:
        return []
    fields = homework.report_fields(assignment)
    limit = max(assignment.report_max_entries, assignment.report_min_entries, 1)
    report = [e if isinstance(e, dict) else {} for e in (report or [])]
    filled = [
        i
        for i, entry in enumerate(report)
        if any(str(v).strip() for v in entry.values())
    ]
    shown = max(assignment.report_min_entries, filled[-1] + 2 if filled else 1, 1)
    shown = min(shown, limit)
    entries = []
    for index in range(limit):
        answers = report[index] if index < len(report) else {}
        entries.append(
            {
                "index": index,
                "number": index + 1,
                "hidden": index >= shown,
                "fields": [
                    {
                        "name": f"report-{index}-{field_id}",
                        # Short: the id repeats three times per field.
                        "id": f"hw-{uid}-{index}-{position}",
                        "label": value["label"],
                        "help_text": value.get("help_text") or "",
                        "kind": value.get("kind") or "long",
                        "choices": list(value.get("choices") or []),
                        "required": bool(value.get("required")),
                        "value": str(answers.get(field_id, "")),
                    }
                    for position, (field_id, value) in enumerate(fields)
                ],
            }
        )
    return entries


def report_rows(assignment: Assignment | None, report) -> list[dict]:
    """A handed-in report to read: entries with their filled answers."""
    labels = (
        {
            field_id: value["label"]
            for field_id, value in homework.report_fields(assignment)
        }
        if assignment is not None and assignment.has_report
        else {}
    )
    rows = []
    for entry in report or []:
        if not isinstance(entry, dict):
            continue
        answers = [
            (labels.get(field_id, ""), str(text))
            for field_id, text in entry.items()
            if str(text).strip()
        ]
        if answers:
            rows.append({"number": len(rows) + 1, "answers": answers})
    return rows


def draft_fields(assignment: Assignment | None, text: str, report) -> dict:
    """{form field name: value} of a draft, for the script to fill a form."""
    fields = {"text": text}
    if assignment is not None and assignment.has_report:
        ids = [field_id for field_id, _value in homework.report_fields(assignment)]
        for index, entry in enumerate(report or []):
            if isinstance(entry, dict):
                for field_id in ids:
                    fields[f"report-{index}-{field_id}"] = str(entry.get(field_id, ""))
    return fields


def file_rows(attached) -> list[dict]:
    return [
        {
            "pk": f.pk,
            "name": f.name,
            "size": files.human_size(f.size),
            "url": reverse("lms:submission_file", kwargs={"pk": f.pk}),
            "audio": f.kind == SubmissionFileKind.AUDIO
            or f.content_type.startswith("audio/"),
        }
        for f in attached
    ]


def form_context(
    *,
    user,
    assignment: Assignment,
    submission: Submission | None,
    module_key,
    page_id="",
    next_url="",
    draft_files=None,
    text=None,
    report=None,
    revision=None,
    error=None,
    conflict: Submission | None = None,
) -> dict:
    """Context for lms/homework/form.html, on a module page or her homework page."""
    key = assignment.translation_key
    uid = key.hex[:8]
    if text is None:
        text = submission.draft_text if submission else ""
    if report is None:
        report = submission.draft_report if submission else []
    if revision is None:
        revision = submission.draft_revision if submission else 0
    if draft_files is None:
        draft_files = list(submission.files.filter(in_draft=True)) if submission else []
    return {
        "assignment": assignment,
        "submission": submission,
        "editable": submission is None or submission.status in homework.EDITABLE,
        "uid": uid,
        "storage_key": f"lms-homework:{user.pk}:{key}",
        "assignment_key": key,
        "module_key": module_key,
        "page_id": page_id,
        "next": next_url,
        "text": text,
        "entries": report_entries(assignment, report, uid),
        "revision": revision,
        "files": file_rows(draft_files),
        "max_files": assignment.max_files,
        "file_max": files.human_size(homework.file_max_bytes()),
        "accept_files": ACCEPT_FILES,
        "text_max": homework.TEXT_MAX_CHARS,
        "error": error,
        "conflict": conflict,
        "conflict_fields": (
            draft_fields(assignment, conflict.draft_text, conflict.draft_report)
            if conflict
            else None
        ),
        "conflict_rows": (
            report_rows(assignment, conflict.draft_report) if conflict else None
        ),
    }


@dataclass
class ModuleHomework:
    """What one request knows about her homework on one module page."""

    review: object = None
    submissions: dict = field(default_factory=dict)
    draft_files: dict = field(default_factory=dict)
    rendered: set = field(default_factory=set)


def homework_on_page(request, page, review=_MISSING) -> ModuleHomework:
    """Her enrollment, submissions and draft files for a module page, read
    once per request (two queries, or none for someone not enrolled)."""
    cache = request.__dict__.setdefault("_lms_homework", {})
    if page.pk in cache:
        return cache[page.pk]
    if review is _MISSING:
        review = progress.module_review_by_key(request.user, page.translation_key)
    state = ModuleHomework(review=review)
    if review is not None:
        submissions = list(
            Submission.objects.filter(
                enrollment=review.enrollment, module_key=page.translation_key
            ).select_related("enrollment")
        )
        state.submissions = {s.assignment_key: s for s in submissions}
        for submission in submissions:
            state.draft_files[submission.pk] = []
        if submissions:
            for attached in SubmissionFile.objects.filter(
                submission__in=submissions, in_draft=True
            ).order_by("uploaded_at", "pk"):
                state.draft_files[attached.submission_id].append(attached)
    cache[page.pk] = state
    return state
