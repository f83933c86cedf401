"""Homework, the trainee's side: assignments of a module, due dates, her
draft, attachments, and handing in a version.

Services here and in :mod:`lms.reviews` are the only code that writes
``Submission``, ``SubmissionFile``, ``SubmissionVersion`` and ``Review`` rows.
They take keyword-only arguments, run in a transaction and lock the
submission's row (``select_for_update``) before they change it, so two tabs,
two phones or a double click are decided one after the other; unique
constraints back every rule that a race could break.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.files import File
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from wagtail.models import Page, ReferenceIndex

from lms import events, files, treecache
from lms.choices import SubmissionFileKind, SubmissionStatus
from lms.conf import lms_settings
from lms.models import (
    Assignment,
    Enrollment,
    Session,
    Submission,
    SubmissionFile,
    SubmissionVersion,
)
from lms.text import normalise_text

TEXT_MAX_CHARS = 20_000
REPORT_FIELD_MAX_CHARS = 5_000
# States in which she is writing; otherwise her work waits for or has a decision.
EDITABLE = (SubmissionStatus.DRAFT, SubmissionStatus.NEEDS_REVISION)


def file_max_bytes() -> int:
    return lms_settings.LMS_HOMEWORK_FILE_MAX_BYTES


class HomeworkError(Exception):
    """Input a trainee can fix; ``message`` is translated and shown to her."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message


class DraftConflict(HomeworkError):
    """Her draft changed elsewhere (another tab or phone) since she loaded it."""

    def __init__(self, submission: Submission):
        super().__init__(
            gettext_lazy(
                "Your homework was changed in another window since you opened it. "
                "Choose which text to keep."
            )
        )
        self.submission = submission


class NotEditable(HomeworkError):
    def __init__(self, submission: Submission):
        if submission.status == SubmissionStatus.APPROVED:
            message = gettext_lazy("This homework is approved. Well done!")
        else:
            message = gettext_lazy(
                "This homework is handed in and waits for your supervisor. You can "
                "change it if she asks for a revision."
            )
        super().__init__(message)
        self.submission = submission


# --- where assignments are ---------------------------------------------------


def assignments_in_modules(module_keys) -> dict:
    """{module_key: [Assignment, ...]} placed in those modules' lessons.

    Assignments in the programme language's copy (falling back to any copy
    for a module only one language has). Read from Wagtail's reference index,
    which a page keeps of the snippets its blocks choose: two queries for any
    number of modules.
    """
    keys = frozenset(module_keys)
    if not keys:
        return {}
    # Which page holds which assignments changes only with the pages (the
    # reference index is rewritten when a page is saved): remembered under
    # the tree's version; the assignments themselves are read fresh.
    pages, by_pk = treecache.remembered(
        ("assignments-in", keys), lambda: _assignment_references(keys)
    )
    wanted = {a for ids in by_pk.values() for a in ids}
    assignments = {
        str(a.pk): a
        for a in Assignment.objects.filter(pk__in=wanted).select_related("locale")
    }
    source = settings.LANGUAGE_CODE
    chosen: dict = {}
    for page_pk, assignment_pks in by_pk.items():
        module_key, code = pages[page_pk]
        rank = 0 if code == source else 1
        found = [assignments[a] for a in assignment_pks if a in assignments]
        found.sort(key=lambda a: a.pk)
        current = chosen.get(module_key)
        if current is None or rank < current[0]:
            chosen[module_key] = (rank, found)
    return {key: found for key, (_rank, found) in chosen.items()}


def _assignment_references(keys):
    """({page pk: (module key, language)}, {page pk: [assignment pk, ...]})."""
    pages = {
        str(pk): (key, code)
        for pk, key, code in Page.objects.filter(translation_key__in=keys).values_list(
            "pk", "translation_key", "locale__language_code"
        )
    }
    refs = ReferenceIndex.objects.filter(
        base_content_type=ContentType.objects.get_for_model(Page),
        object_id__in=list(pages),
        to_content_type=ContentType.objects.get_for_model(Assignment),
    ).values_list("object_id", "to_object_id")
    by_pk: dict[str, list[str]] = {}
    for page_pk, assignment_pk in refs:
        by_pk.setdefault(page_pk, []).append(assignment_pk)
    return pages, by_pk


def assignment_in_language(assignment_key, language: str) -> Assignment | None:
    """The assignment `assignment_key` in `language`, else the programme's."""
    candidates = list(
        Assignment.objects.filter(translation_key=assignment_key).select_related(
            "locale"
        )
    )
    rank = {language: 0, settings.LANGUAGE_CODE: 1}
    candidates.sort(key=lambda a: rank.get(a.locale.language_code, 2))
    return candidates[0] if candidates else None


def assignments_by_key(keys, language: str) -> dict:
    """{assignment_key: Assignment} in `language` where translated. One query."""
    rank = {language: 0, settings.LANGUAGE_CODE: 1}
    chosen: dict = {}
    for assignment in Assignment.objects.filter(
        translation_key__in=set(keys)
    ).select_related("locale"):
        score = rank.get(assignment.locale.language_code, 2)
        current = chosen.get(assignment.translation_key)
        if current is None or score < current[0]:
            chosen[assignment.translation_key] = (score, assignment)
    return {key: a for key, (_score, a) in chosen.items()}


# --- due dates ---------------------------------------------------------------


def due_date(session: Session | None, assignment: Assignment) -> datetime.date | None:
    """Due this many days after the module's session; none without a session."""
    if session is None or session.cancelled:
        return None
    return timezone.localdate(session.starts_at) + datetime.timedelta(
        days=assignment.due_days_after_session
    )


def module_sessions(cohort_ids, module_keys) -> dict:
    """{(cohort_id, module_key): first non-cancelled Session}. One query."""
    found: dict = {}
    for session in (
        Session.objects.filter(
            cohort_id__in=set(cohort_ids),
            module__translation_key__in=set(module_keys),
            cancelled=False,
        )
        .select_related("module")
        .order_by("starts_at")
    ):
        found.setdefault((session.cohort_id, session.module.translation_key), session)
    return found


# --- reading her homework ----------------------------------------------------


@dataclass
class Homework:
    """One assignment as one trainee sees it on a module page or dashboard."""

    assignment: Assignment
    enrollment: Enrollment
    module_key: object
    session: Session | None
    submission: Submission | None

    @property
    def due_on(self):
        return due_date(self.session, self.assignment)

    @property
    def status(self):
        return self.submission.status if self.submission else SubmissionStatus.DRAFT

    @property
    def is_overdue(self):
        """Past its due date and never handed in."""
        due = self.due_on
        return (
            due is not None
            and self.status == SubmissionStatus.DRAFT
            and due < timezone.localdate()
        )


def submissions_for(enrollment_ids, assignment_keys) -> dict:
    """{(enrollment_id, assignment_key): Submission}. One query."""
    return {
        (s.enrollment_id, s.assignment_key): s
        for s in Submission.objects.filter(
            enrollment_id__in=set(enrollment_ids),
            assignment_key__in=set(assignment_keys),
        )
    }


# --- writing her draft ---------------------------------------------------------


def _locked(submission: Submission) -> Submission:
    return Submission.objects.select_for_update().get(pk=submission.pk)


@transaction.atomic
def start_submission(
    *, enrollment: Enrollment, assignment: Assignment, module_key
) -> Submission:
    """Her submission for an assignment, created on first use (race-safe)."""
    key = assignment.translation_key
    existing = Submission.objects.filter(
        enrollment=enrollment, assignment_key=key
    ).first()
    if existing is not None:
        return existing
    try:
        with transaction.atomic():
            return Submission.objects.create(
                enrollment=enrollment, assignment_key=key, module_key=module_key
            )
    except IntegrityError:
        return Submission.objects.get(enrollment=enrollment, assignment_key=key)


def report_fields(assignment: Assignment) -> list:
    """[(field_id, value)] of the assignment's report form, in order."""
    return [(child.id, child.value) for child in assignment.report_fields]


def clean_report(assignment: Assignment, report) -> list[dict]:
    """Her report as a list of {field_id: text}: known fields only, trimmed
    to size, at most the assignment's number of entries. Never refuses: a
    draft keeps whatever she wrote."""
    if not assignment.has_report or not isinstance(report, list):
        return []
    fields = report_fields(assignment)
    limit = max(assignment.report_max_entries, assignment.report_min_entries, 1)
    cleaned = []
    for entry in report[:limit]:
        if not isinstance(entry, dict):
            entry = {}
        cleaned.append(
            {
                field_id: normalise_text(entry.get(field_id, ""))[
                    :REPORT_FIELD_MAX_CHARS
                ]
                for field_id, _value in fields
            }
        )
    return cleaned


def _check_text(text: str):
    if len(text) > TEXT_MAX_CHARS:
        raise HomeworkError(
            _(
                "Your answer is too long: %(count)s characters. The limit is "
                "%(max)s. Please shorten it."
            )
            % {"count": len(text), "max": TEXT_MAX_CHARS}
        )


@transaction.atomic
def save_draft(
    *,
    submission: Submission,
    assignment: Assignment,
    text: str = "",
    report=None,
    revision: int | None,
) -> Submission:
    """Save what she is writing. `revision` is the draft revision her page
    was loaded with: if the draft moved on since (another tab) and hers
    differs, nothing is written and DraftConflict carries the newer draft.
    Saving the same draft twice is harmless."""
    text = normalise_text(text)
    _check_text(text)
    report = clean_report(assignment, report or [])
    submission = _locked(submission)
    if submission.draft_text == text and submission.draft_report == report:
        return submission
    if submission.status not in EDITABLE:
        raise NotEditable(submission)
    if revision is not None and revision != submission.draft_revision:
        raise DraftConflict(submission)
    submission.draft_text = text
    submission.draft_report = report
    submission.draft_revision += 1
    submission.draft_saved_at = timezone.now()
    submission.save(
        update_fields=[
            "draft_text",
            "draft_report",
            "draft_revision",
            "draft_saved_at",
            "updated_at",
        ]
    )
    return submission


@transaction.atomic
def attach_file(
    *,
    submission: Submission,
    assignment: Assignment,
    upload,
    kind: str = SubmissionFileKind.FILE,
) -> SubmissionFile:
    """Attach a file she chose (or a recording she made) to her draft.

    The type is proven from the content; the name is cleaned; the draft may
    hold at most ``assignment.max_files`` attachments.
    """
    if kind == SubmissionFileKind.AUDIO:
        if not assignment.accepts_audio:
            raise HomeworkError(_("This homework does not take voice recordings."))
        allowed = files.AUDIO
    else:
        if not assignment.accepts_files:
            raise HomeworkError(_("This homework does not take files."))
        allowed = files.HOMEWORK
    try:
        file_type = files.check_upload(
            upload, allowed=allowed, max_bytes=file_max_bytes()
        )
    except files.FileRefused as refused:
        raise HomeworkError(refused.message) from refused
    submission = _locked(submission)
    if submission.status not in EDITABLE:
        raise NotEditable(submission)
    count = submission.files.filter(in_draft=True).count()
    if count >= assignment.max_files:
        raise HomeworkError(
            ngettext(
                "You can hand in at most %(max)s file. Remove one first.",
                "You can hand in at most %(max)s files. Remove one first.",
                assignment.max_files,
            )
            % {"max": assignment.max_files}
        )
    if kind == SubmissionFileKind.AUDIO:
        name = _("Voice recording %(number)s") % {"number": count + 1}
    else:
        name = getattr(upload, "name", "")
    name = files.safe_filename(name, file_type)
    attached = SubmissionFile(
        submission=submission,
        name=name,
        content_type=file_type.content_type,
        size=upload.size,
        kind=kind,
    )
    upload.seek(0)
    files.store(attached.file, f"upload.{file_type.extension}", File(upload))
    try:
        attached.save()
    except Exception:
        attached.file.storage.delete(attached.file.name)
        raise
    return attached


@transaction.atomic
def remove_file(*, submission: Submission, attached: SubmissionFile) -> None:
    """Take a file out of her draft. A file that was handed in stays with
    that version; one that never was is deleted for good."""
    submission = _locked(submission)
    if attached.submission_id != submission.pk:
        raise HomeworkError(_("This file belongs to other homework."))
    if submission.status not in EDITABLE:
        raise NotEditable(submission)
    if attached.versions.exists():
        attached.in_draft = False
        attached.save(update_fields=["in_draft"])
        return
    name = attached.file.name
    storage = attached.file.storage
    attached.delete()
    transaction.on_commit(lambda: storage.delete(name))


def missing_in_report(assignment: Assignment, report: list[dict]) -> list[str]:
    """What a handed-in report still lacks, as sentences for her."""
    if not assignment.has_report:
        return []
    problems = []
    fields = report_fields(assignment)
    label = assignment.report_entry_label
    filled = [entry for entry in report if any(str(v).strip() for v in entry.values())]
    if len(filled) < assignment.report_min_entries:
        problems.append(
            _("Fill in %(count)s × “%(entry)s” (you have %(done)s).")
            % {
                "count": assignment.report_min_entries,
                "entry": label,
                "done": len(filled),
            }
        )
    for number, entry in enumerate(filled, start=1):
        for field_id, value in fields:
            if value.get("required") and not str(entry.get(field_id, "")).strip():
                problems.append(
                    _("%(entry)s %(number)s: “%(field)s” is empty.")
                    % {"entry": label, "number": number, "field": value["label"]}
                )
    return problems


@transaction.atomic
def submit(
    *, submission: Submission, assignment: Assignment, revision: int, user
) -> SubmissionVersion:
    """Hand in her draft as a new, frozen version.

    `revision` is the draft revision she is looking at: the same draft handed
    in twice (a double click, two tabs) gives the one version already made.
    """
    submission = _locked(submission)
    made = submission.versions.filter(draft_revision=revision).first()
    if made is not None and submission.status == SubmissionStatus.SUBMITTED:
        return made  # the same draft handed in twice (a double click)
    if submission.status not in EDITABLE:
        raise NotEditable(submission)
    if revision != submission.draft_revision:
        raise DraftConflict(submission)
    if made is not None:
        # Asked to revise, she hands in a draft whose text was handed in
        # before (she changed only its files, or stands by it): the new
        # version gets a draft revision of its own.
        submission.draft_revision += 1
        revision = submission.draft_revision
    draft_files = list(submission.files.filter(in_draft=True))
    report = clean_report(assignment, submission.draft_report)
    has_report = any(str(v).strip() for entry in report for v in entry.values())
    if not submission.draft_text.strip() and not has_report and not draft_files:
        raise HomeworkError(
            _(
                "There is nothing to hand in yet. Write your answer, fill in the "
                "report or attach a file first."
            )
        )
    problems = missing_in_report(assignment, report)
    if problems:
        raise HomeworkError(" ".join(problems))
    now = timezone.now()
    try:
        with transaction.atomic():
            version = SubmissionVersion.objects.create(
                submission=submission,
                number=submission.versions.count() + 1,
                text=submission.draft_text,
                report=report,
                draft_revision=revision,
                submitted_at=now,
                submitted_by=user,
            )
    except IntegrityError:
        return submission.versions.get(draft_revision=revision)
    version.files.set(draft_files)
    submission.status = SubmissionStatus.SUBMITTED
    submission.submitted_at = now
    submission.save(
        update_fields=["status", "submitted_at", "draft_revision", "updated_at"]
    )
    events.work_handed_in.send(
        sender=Submission, submission=submission, version=version
    )
    return version
