"""Issuing, revoking and rendering diplomas: the service on top of the model.

`issue_diploma(enrollment)` refuses (`NotEligible`, with the reasons) unless
her completion rule is met or waived (lms.completion) and she has not
withdrawn. It is idempotent: a second call returns the diploma she has; a
revoked one is re-issued with the same code, so its public address stays.
Issuing fills the claims (holder's name as she writes it, course, chapter,
period, hours, modules), marks the enrollment completed and sends
``events.enrollment_completed``; the PDF is rendered by a background task
(lms.tasks.render_diploma_pdf, queued on that event once the transaction
commits), from the stored
claims only, so regenerating never changes what it says or its code.
"""

from __future__ import annotations

import dataclasses
import datetime
from decimal import Decimal

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from lms import completion, curriculum, events
from lms.choices import EnrollmentStatus
from lms.conf import site_url
from lms.diplomas import badges, codes, pdf
from lms.diplomas.data import Award, DiplomaData, ModuleLine, Signatory, Status
from lms.models import Diploma, Enrollment

# A holder's name longer than this is cut (the model keeps 300 characters).
NAME_MAX = 300


class NotEligible(Exception):
    """She cannot have a diploma (yet); ``reasons`` say why, translated."""

    def __init__(self, reasons):
        self.reasons = list(reasons)
        super().__init__("; ".join(self.reasons))


@dataclasses.dataclass
class CohortIssue:
    """What issuing to a cohort did: new diplomas, diplomas they had, and
    those refused with their reasons. Unpacks as ``issued, refused``."""

    issued: list = dataclasses.field(default_factory=list)
    refused: list = dataclasses.field(default_factory=list)  # (enrollment, reasons)
    existing: list = dataclasses.field(default_factory=list)

    def __iter__(self):
        return iter((self.issued, self.refused))


# --- claims -------------------------------------------------------------------


def claims_of(data: DiplomaData) -> dict:
    """`data` as JSON-ready values (what ``Diploma.claims`` keeps)."""
    values = dataclasses.asdict(data)
    for name in ("period_start", "period_end", "issued_on"):
        values[name] = values[name].isoformat()
    values["total_hours"] = str(values["total_hours"])
    values["status"] = str(data.status)
    values["award"] = str(data.award)
    values["modules"] = [[m.title, m.translated_title] for m in data.modules]
    values["signatories"] = [[s.name, s.role] for s in data.signatories]
    return values


def data_of(diploma: Diploma) -> DiplomaData:
    """What the diploma says, from its stored claims, with its status now."""
    values = dict(diploma.claims)
    for name in ("period_start", "period_end", "issued_on"):
        values[name] = datetime.date.fromisoformat(values[name])
    values["total_hours"] = Decimal(values["total_hours"])
    values["modules"] = tuple(ModuleLine(*m) for m in values.get("modules", ()))
    values["signatories"] = tuple(Signatory(*s) for s in values.get("signatories", ()))
    values["status"] = Status.REVOKED if diploma.is_revoked else Status.VALID
    return DiplomaData(**values)


def verification_url(code: str) -> str:
    """The public address a diploma's QR code points at (programme language)."""
    with translation.override(settings.LANGUAGE_CODE):
        path = reverse("lms:verify_diploma", kwargs={"code": code})
    return site_url() + path


def _holder_name(user) -> str:
    name = (user.get_full_name() or user.get_username()).strip()
    return name[:NAME_MAX]


def _holder_language(user) -> str:
    profile = getattr(user, "lms_profile", None)
    language = getattr(profile, "language", "") if profile else ""
    return language or settings.LANGUAGE_CODE


def _period(cohort) -> tuple[datetime.date, datetime.date]:
    start = cohort.starts_on
    last = (
        cohort.sessions.filter(cancelled=False)
        .order_by("-starts_at")
        .values_list("starts_at", flat=True)
        .first()
    )
    end = cohort.ends_on or (timezone.localdate(last) if last else None)
    end = end or timezone.localdate()
    return start, max(start, end)


def build_data(enrollment: Enrollment, code: str, rules) -> DiplomaData:
    """What her diploma will say, read from the course and the cohort now."""
    cohort = enrollment.cohort
    user = enrollment.user
    language = _holder_language(user)
    course = cohort.course
    modules = list(curriculum.course_modules(course).specific())
    keys = [m.translation_key for m in modules]
    translated, wording_translated = {}, ""
    if language != settings.LANGUAGE_CODE:
        # Only real translations: an alias in her language still has the
        # programme language's words.
        copies = curriculum.copies_in([*keys, course.translation_key], language)
        translated = {
            key: page.title
            for key, page in copies.items()
            if curriculum.content_language(page) == language
        }
        course_copy = copies.get(course.translation_key)
        if course.translation_key in translated:
            wording_translated = curriculum.rules_of(course_copy).diploma_wording or ""
    minutes = sum(getattr(m, "duration_minutes", 0) or 0 for m in modules)
    start, end = _period(cohort)
    wording = rules.diploma_wording
    return DiplomaData(
        holder_name=_holder_name(user),
        programme=course.title,
        programme_translated=translated.get(course.translation_key, ""),
        chapter=cohort.chapter.name,
        period_start=start,
        period_end=end,
        total_hours=Decimal(minutes) / 60,
        modules=tuple(
            ModuleLine(m.title, translated.get(m.translation_key, "")) for m in modules
        ),
        issued_on=timezone.localdate(),
        verification_code=code,
        verification_url=verification_url(code),
        programme_language=settings.LANGUAGE_CODE,
        holder_language=language,
        wording=wording,
        wording_translated=wording_translated,
        criteria=" ".join(_criteria(rules)),
        organisation=getattr(settings, "WAGTAIL_SITE_NAME", ""),
        award=Award.CERTIFICATE if curriculum.is_track(course) else Award.DIPLOMA,
    )


def _criteria(rules) -> list[str]:
    with translation.override(settings.LANGUAGE_CODE):
        said = []
        if rules.min_attendance_percent:
            said.append(
                _("At least %(percent)s%% attendance.")
                % {"percent": rules.min_attendance_percent}
            )
        if rules.require_all_homework:
            said.append(_("All homework approved."))
        if rules.require_all_quizzes:
            said.append(_("All quizzes passed."))
        if rules.require_all_h5p:
            said.append(_("All interactive exercises completed."))
        if rules.require_modules_reviewed:
            said.append(_("Every module reviewed at home."))
        return said


# --- issuing ------------------------------------------------------------------


def _new_code() -> str:
    while True:
        code = codes.new_code()
        if not Diploma.objects.filter(code=code).exists():
            return code


def _new_status_index() -> int:
    while True:
        index = badges.new_status_index()
        if not Diploma.objects.filter(status_index=index).exists():
            return index


def _issue(enrollment: Enrollment, by=None, result=None) -> tuple[Diploma, bool]:
    """(her diploma, whether it was issued now); `NotEligible` if refused.
    `result` is her already evaluated `Completion`, if the caller has it."""
    with transaction.atomic():
        enrollment = (
            Enrollment.objects.select_for_update(of=("self",))
            .select_related("user", "cohort__chapter")
            .get(pk=enrollment.pk)
        )
        existing = Diploma.objects.filter(enrollment=enrollment).first()
        if existing is not None and not existing.is_revoked:
            return existing, False
        if enrollment.status == EnrollmentStatus.WITHDRAWN:
            raise NotEligible([_("She has withdrawn from the cohort.")])
        if result is None:
            result = completion.evaluate(enrollment)
        if not result.met:
            raise NotEligible(result.reasons)
        now = timezone.now()
        if existing is not None:  # revoked: issued again, with the same code
            data = build_data(enrollment, existing.code, result.rules)
            existing.claims = claims_of(data)
            existing.holder_name = data.holder_name
            existing.issued_at = now
            existing.issued_by = by
            existing.revoked_at = None
            existing.revoked_by = None
            existing.revocation_reason = ""
            existing.save()
            diploma = existing
        else:
            code = _new_code()
            data = build_data(enrollment, code, result.rules)
            diploma = _create(enrollment, data, by, now)
        if enrollment.status != EnrollmentStatus.COMPLETED:
            enrollment.status = EnrollmentStatus.COMPLETED
            enrollment.save(update_fields=["status", "updated_at"])
        # lms.tasks renders the PDF once this commits.
        events.enrollment_completed.send(sender=Enrollment, enrollment=enrollment)
    return diploma, True


def _create(enrollment, data, by, now) -> Diploma:
    for _attempt in range(5):
        try:
            with transaction.atomic():
                return Diploma.objects.create(
                    enrollment=enrollment,
                    user=enrollment.user,
                    code=data.verification_code,
                    holder_name=data.holder_name,
                    course_title=data.programme,
                    course_key=enrollment.cohort.course.translation_key,
                    chapter_name=data.chapter,
                    claims=claims_of(data),
                    status_index=_new_status_index(),
                    salt=badges.new_salt(),
                    issued_at=now,
                    issued_by=by,
                )
        except IntegrityError:
            # Two issuers raced for a status index: draw again.
            if Diploma.objects.filter(enrollment=enrollment).exists():
                raise
    raise IntegrityError("no free status index")


def issue_diploma(enrollment: Enrollment, by=None) -> Diploma:
    """Her diploma: issued now if her rule is met (or waived), the one she has
    otherwise. `NotEligible` (with the reasons) if she cannot have one."""
    return _issue(enrollment, by)[0]


def issue_for_cohort(cohort, by=None) -> CohortIssue:
    """Issue to everyone of the cohort who meets the rule (the ceremony);
    report those who had one and those refused, with why. Running it twice
    issues nothing twice."""
    outcome = CohortIssue()
    for result in completion.evaluate_cohort(cohort):
        try:
            diploma, created = _issue(result.enrollment, by, result)
        except NotEligible as refused:
            outcome.refused.append((result.enrollment, refused.reasons))
            continue
        (outcome.issued if created else outcome.existing).append(diploma)
    for enrollment in cohort.enrollments.filter(
        status=EnrollmentStatus.WITHDRAWN
    ).select_related("user"):
        outcome.refused.append((enrollment, [_("She has withdrawn from the cohort.")]))
    return outcome


def revoke(diploma: Diploma, by, reason: str) -> Diploma:
    """Revoke with a written reason; the code and public address stay."""
    reason = (reason or "").strip()
    if not reason:
        raise ValueError(_("Write why the diploma is revoked."))
    with transaction.atomic():
        diploma = Diploma.objects.select_for_update().get(pk=diploma.pk)
        if diploma.is_revoked:
            return diploma
        diploma.revoked_at = timezone.now()
        diploma.revoked_by = by
        diploma.revocation_reason = reason
        diploma.save(update_fields=["revoked_at", "revoked_by", "revocation_reason"])
    return diploma


# --- the PDF ------------------------------------------------------------------


def make_pdf(diploma: Diploma) -> Diploma:
    """Render the PDF from the stored claims and keep it through the storage
    API (replacing any earlier file). The code never changes."""
    content = pdf.render_pdf(data_of(diploma))
    old = diploma.pdf.name if diploma.pdf else ""
    diploma.pdf.save(f"{diploma.pk}.pdf", ContentFile(content), save=False)
    diploma.pdf_made_at = timezone.now()
    diploma.save(update_fields=["pdf", "pdf_made_at"])
    if old and old != diploma.pdf.name:
        diploma.pdf.storage.delete(old)
    return diploma
