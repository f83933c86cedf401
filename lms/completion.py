"""Completion: where each trainee stands against her cohort's completion rule.

The rule is the cohort's where it says (``Cohort.min_attendance_percent``,
``require_*``), else its course's (``curriculum.rules_of``). Each part of it
is one `Check`: met, not met, waived by a coordinator (a logged
`CompletionException`), or not applicable (the rule does not ask for it, or
the course has nothing of the kind), with the numbers and what is left.

- Attendance counts only held sessions on or after her enrollment date
  (lms.reports); an absence a coordinator excused counts as present.
- Homework: every assignment placed in the course's modules approved
  (waiting for review or needing revision is not approved).
- Quizzes: her best finished sitting of every placed quiz passed.
- Interactive exercises (H5P): every placed exercise completed at least once.
- Modules: every module reviewed at home.

`evaluate_cohort(cohort)` reads the whole cohort in a fixed number of
queries, whatever the number of trainees or modules; `evaluate(enrollment)`
is the same for one trainee (a withdrawn one too: she never completes).
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from wagtail.models import Page, ReferenceIndex

from lms import curriculum, quizzes, reports
from lms.attendance import session_counts_for
from lms.choices import (
    AttendanceStatus,
    EnrollmentStatus,
    ExceptionKind,
    Requirement,
    SubmissionStatus,
)
from lms.h5p import xapi
from lms.h5p.activities import activities_in_modules
from lms.models import Attendance, CompletionException, Quiz, Sitting


class State(enum.StrEnum):
    MET = "met"
    NOT_MET = "not_met"
    WAIVED = "waived"
    NOT_APPLICABLE = "not_applicable"


# States that do not stand in the way of a diploma.
FULFILLED = (State.MET, State.WAIVED, State.NOT_APPLICABLE)


@dataclass(frozen=True)
class Rules:
    """The completion rule in force for one cohort."""

    min_attendance_percent: int
    require_all_homework: bool
    require_all_quizzes: bool
    require_all_h5p: bool
    require_modules_reviewed: bool
    diploma_wording: str = ""


def rules_for(cohort) -> Rules:
    """The cohort's rule, each part falling back to its course's."""
    course = curriculum.rules_of(cohort.course)

    def pick(name):
        own = getattr(cohort, name)
        return getattr(course, name) if own is None else own

    return Rules(
        min_attendance_percent=pick("min_attendance_percent"),
        require_all_homework=pick("require_all_homework"),
        require_all_quizzes=pick("require_all_quizzes"),
        require_all_h5p=pick("require_all_h5p"),
        require_modules_reviewed=pick("require_modules_reviewed"),
        diploma_wording=course.diploma_wording or "",
    )


@dataclass
class Item:
    """One thing of a requirement: an assignment, quiz, exercise or module."""

    title: str
    done: bool
    status: str = ""  # what stands in the way, in words ("Needs revision")
    waived: bool = False


@dataclass
class Check:
    """One requirement of the rule, for one trainee."""

    requirement: Requirement
    state: State
    done: int = 0
    needed: int = 0
    items: list = field(default_factory=list)
    summary: str = ""  # what it says, in words, translated
    at_risk: bool = False  # already cannot be met, or falling behind
    waiver: CompletionException | None = None

    @property
    def label(self) -> str:
        return str(self.requirement.label)

    @property
    def fulfilled(self) -> bool:
        return self.state in FULFILLED

    @property
    def remaining(self) -> list:
        return [item for item in self.items if not item.done and not item.waived]


@dataclass
class Completion:
    """Where one trainee stands: every check, and the exceptions granted."""

    enrollment: object
    rules: Rules
    checks: list = field(default_factory=list)
    exceptions: list = field(default_factory=list)

    @property
    def withdrawn(self) -> bool:
        return self.enrollment.status == EnrollmentStatus.WITHDRAWN

    @property
    def met(self) -> bool:
        """Every requirement met, waived or not applicable, and she is
        still in the cohort: what a diploma needs."""
        return not self.withdrawn and all(c.fulfilled for c in self.checks)

    @property
    def at_risk(self) -> bool:
        return not self.met and (self.withdrawn or any(c.at_risk for c in self.checks))

    @property
    def on_track(self) -> bool:
        return not self.met and not self.at_risk

    @property
    def reasons(self) -> list[str]:
        """Why she has not completed yet, one sentence per requirement."""
        if self.withdrawn:
            return [_("She has withdrawn from the cohort.")]
        return [f"{c.label}: {c.summary}" for c in self.checks if not c.fulfilled]

    @property
    def risks(self) -> list[str]:
        return [f"{c.label}: {c.summary}" for c in self.checks if c.at_risk]

    def check(self, requirement) -> Check | None:
        for c in self.checks:
            if c.requirement == requirement:
                return c
        return None


# --- where quizzes are placed -----------------------------------------------------


def quizzes_in_modules(module_keys) -> list:
    """[(module key, quiz key, title)] of the quizzes the modules' lessons
    place (the programme language's copy of the quiz for its title), in
    module order. Three queries for any number of modules."""
    keys = list(module_keys)
    if not keys:
        return []
    pages = {
        str(pk): key
        for pk, key in Page.objects.live()
        .filter(translation_key__in=keys)
        .values_list("pk", "translation_key")
    }
    refs = ReferenceIndex.objects.filter(
        base_content_type=ContentType.objects.get_for_model(Page),
        object_id__in=list(pages),
        to_content_type=ContentType.objects.get_for_model(Quiz),
    ).values_list("object_id", "to_object_id")
    by_module: dict = {}
    for page_pk, quiz_pk in refs:
        if str(quiz_pk).isdigit():
            by_module.setdefault(pages[page_pk], set()).add(int(quiz_pk))
    wanted = {pk for pks in by_module.values() for pk in pks}
    rows = Quiz.objects.filter(pk__in=wanted).values_list(
        "pk", "translation_key", "title", "locale__language_code"
    )
    by_pk = {pk: key for pk, key, _title, _code in rows}
    titles: dict = {}
    for _pk, key, title, code in rows:
        rank = 0 if code == settings.LANGUAGE_CODE else 1
        if key not in titles or rank < titles[key][0]:
            titles[key] = (rank, title)
    placed, seen = [], set()
    for module_key in keys:
        for quiz_key in sorted(
            {by_pk[pk] for pk in by_module.get(module_key, ()) if pk in by_pk},
            key=lambda k: titles[k][1],
        ):
            if quiz_key not in seen:
                seen.add(quiz_key)
                placed.append((module_key, quiz_key, titles[quiz_key][1]))
    return placed


def _quiz_results(user_ids, quiz_keys) -> dict:
    """{(user id, quiz key): her best finished Sitting}. One query."""
    if not user_ids or not quiz_keys:
        return {}
    sittings: dict = {}
    for sitting in Sitting.objects.filter(
        user_id__in=user_ids, quiz_key__in=quiz_keys, complete=True
    ).only(
        "pk",
        "user_id",
        "quiz_key",
        "percent",
        "passed",
        "waiting_for_marking",
        "ended_at",
        "complete",
    ):
        sittings.setdefault((sitting.user_id, sitting.quiz_key), []).append(sitting)
    return {pair: quizzes.best_sitting(found) for pair, found in sittings.items()}


# --- the checks -------------------------------------------------------------------


def _waivers(exceptions) -> dict:
    """{requirement: [waiver, ...]} of one trainee's exceptions."""
    found: dict = {}
    for exception in exceptions:
        if exception.kind == ExceptionKind.WAIVER:
            found.setdefault(exception.requirement, []).append(exception)
    return found


def _whole_waiver(waivers, requirement):
    for waiver in waivers.get(requirement, ()):
        if waiver.item_key is None:
            return waiver
    return None


def _waived_items(waivers, requirement) -> set:
    return {
        str(w.item_key) for w in waivers.get(requirement, ()) if w.item_key is not None
    }


def _items_check(requirement, required, items, waivers, *, nothing, summary):
    """A check over items (assignments, quizzes, exercises, modules)."""
    whole = _whole_waiver(waivers, requirement)
    done = sum(1 for item in items if item.done)
    needed = sum(1 for item in items if not item.waived)
    counted_done = sum(1 for item in items if item.done and not item.waived)
    check = Check(requirement, State.NOT_MET, done, len(items), items)
    if not required:
        check.state = State.NOT_APPLICABLE
        check.summary = _("Not part of this cohort's rule.")
    elif not items:
        check.state = State.NOT_APPLICABLE
        check.summary = nothing
    elif whole is not None:
        check.state = State.WAIVED
        check.waiver = whole
        check.summary = _("Waived: %(reason)s") % {"reason": whole.reason}
    elif counted_done >= needed:
        check.state = State.MET
        check.summary = summary(done, len(items))
    else:
        check.summary = summary(done, len(items))
    return check


def _attendance_check(rules, row, future, excused, waivers) -> Check:
    minimum = rules.min_attendance_percent
    present = row.present + excused
    counted = row.counted
    check = Check(Requirement.ATTENDANCE, State.NOT_MET, present, counted)
    percent = round(100 * present / counted) if counted else None
    whole = _whole_waiver(waivers, Requirement.ATTENDANCE)
    if percent is None:
        said = _("No session has been held for her yet.")
    else:
        said = ngettext(
            "%(present)s of %(counted)s session attended (%(percent)s%%; "
            "%(minimum)s%% needed).",
            "%(present)s of %(counted)s sessions attended (%(percent)s%%; "
            "%(minimum)s%% needed).",
            counted,
        ) % {
            "present": present,
            "counted": counted,
            "percent": percent,
            "minimum": minimum,
        }
    if excused:
        said += " " + ngettext(
            "%(count)s absence excused.", "%(count)s absences excused.", excused
        ) % {"count": excused}
    check.summary = said
    if whole is not None:
        check.state = State.WAIVED
        check.waiver = whole
        check.summary = _("Waived: %(reason)s") % {"reason": whole.reason}
        return check
    if minimum <= 0:
        check.state = State.MET
        return check
    if percent is not None and percent >= minimum:
        # Met so far: met for good once she keeps it even missing every
        # session still to come.
        if not future or _still_met(present, counted, future, minimum):
            check.state = State.MET
        else:
            check.summary += " " + _("Sessions are still to come.")
        return check
    best = counted + future
    if not best:
        check.at_risk = True
        check.summary += " " + _("The cohort has no sessions planned.")
        return check
    reachable = round(100 * (present + future) / best) >= minimum
    # Below the minimum so far (or it can no longer be reached): at risk.
    check.at_risk = not reachable or percent is not None
    if not reachable:
        check.summary += " " + _("The minimum can no longer be reached.")
    elif future:
        check.summary += " " + ngettext(
            "%(count)s session is still to come.",
            "%(count)s sessions are still to come.",
            future,
        ) % {"count": future}
    return check


def _still_met(present, counted, future, minimum) -> bool:
    """She has the minimum even if she misses every session still to come."""
    return round(100 * present / (counted + future)) >= minimum


def _status_word(status) -> str:
    if status == SubmissionStatus.APPROVED:
        return ""
    return reports.homework_label(status)


def evaluate_cohort(cohort, enrollments=None) -> list[Completion]:
    """Every learning trainee's `Completion` (or those of `enrollments`), by
    name. A fixed number of queries whatever the number of trainees."""
    rules = rules_for(cohort)
    if enrollments is not None:
        enrollments = list(enrollments)
    columns, rows = reports.cohort_matrix(cohort, enrollments)
    homework_columns = reports.cohort_homework(cohort, columns, rows)
    module_keys = [c.page.translation_key for c in columns]
    ids = [row.enrollment.pk for row in rows]
    user_ids = [row.enrollment.user_id for row in rows]

    exceptions: dict = {}
    for exception in CompletionException.objects.filter(
        enrollment_id__in=ids
    ).select_related("granted_by", "session"):
        exceptions.setdefault(exception.enrollment_id, []).append(exception)

    # Excused absences count as present: which of them were not present anyway.
    excused_pairs = {
        (e.enrollment_id, e.session_id)
        for found in exceptions.values()
        for e in found
        if e.kind == ExceptionKind.EXCUSED_ABSENCE
    }
    present_pairs = set()
    if excused_pairs:
        present_pairs = set(
            Attendance.objects.filter(
                enrollment_id__in={pair[0] for pair in excused_pairs},
                session_id__in={pair[1] for pair in excused_pairs},
                status=AttendanceStatus.PRESENT,
            ).values_list("enrollment_id", "session_id")
        )
    excused_sessions: dict = {}
    for enrollment_id, session_id in excused_pairs:
        excused_sessions.setdefault(enrollment_id, set()).add(session_id)
    now = timezone.now()
    sessions = {s.pk: s for column in columns for s in column.sessions}

    quiz_places = quizzes_in_modules(module_keys) if rules.require_all_quizzes else []
    quiz_keys = [key for _module, key, _title in quiz_places]
    quiz_results = _quiz_results(user_ids, quiz_keys)

    h5p_places = []
    if rules.require_all_h5p:
        placed = activities_in_modules(module_keys)
        seen = set()
        for key in module_keys:
            for activity in placed.get(key, []):
                if activity.required and activity.translation_key not in seen:
                    seen.add(activity.translation_key)
                    h5p_places.append(activity)
    h5p_results = xapi.results_for(user_ids, [a.translation_key for a in h5p_places])

    completions = []
    for row in rows:
        enrollment = row.enrollment
        found = exceptions.get(enrollment.pk, [])
        waivers = _waivers(found)
        excused = 0
        for session_id in excused_sessions.get(enrollment.pk, ()):
            session = sessions.get(session_id)
            if (
                session is not None
                and session.starts_at <= now
                and session_counts_for(enrollment, session)
                and (enrollment.pk, session_id) not in present_pairs
            ):
                excused += 1
        future = sum(
            1
            for session in sessions.values()
            if session.starts_at > now and session_counts_for(enrollment, session)
        )
        checks = [_attendance_check(rules, row, future, excused, waivers)]

        waived = _waived_items(waivers, Requirement.HOMEWORK)
        items = [
            Item(
                column.title,
                cell.status == SubmissionStatus.APPROVED,
                _status_word(cell.status),
                str(column.key) in waived,
            )
            for column, cell in zip(homework_columns, row.homework, strict=True)
        ]
        homework = _items_check(
            Requirement.HOMEWORK,
            rules.require_all_homework,
            items,
            waivers,
            nothing=_("The course has no homework."),
            summary=lambda done, total: (
                ngettext(
                    "%(done)s of %(total)s assignment approved.",
                    "%(done)s of %(total)s assignments approved.",
                    total,
                )
                % {"done": done, "total": total}
            ),
        )
        homework.at_risk = (
            any(cell.status == SubmissionStatus.NEEDS_REVISION for cell in row.homework)
            and homework.state == State.NOT_MET
        )
        checks.append(homework)

        waived = _waived_items(waivers, Requirement.QUIZZES)
        items, failed = [], False
        for _module, key, title in quiz_places:
            best = quiz_results.get((enrollment.user_id, key))
            passed = bool(best and best.passed and not best.waiting_for_marking)
            if best is None:
                status = _("Not taken")
            elif best.waiting_for_marking:
                status = _("Waiting for marking")
            elif not passed:
                status = _("Not passed (%(percent)s%%)") % {"percent": best.percent}
                failed = True
            else:
                status = ""
            items.append(Item(title, passed, status, str(key) in waived))
        quizzes_check = _items_check(
            Requirement.QUIZZES,
            rules.require_all_quizzes,
            items,
            waivers,
            nothing=_("The course has no quizzes."),
            summary=lambda done, total: (
                ngettext(
                    "%(done)s of %(total)s quiz passed.",
                    "%(done)s of %(total)s quizzes passed.",
                    total,
                )
                % {"done": done, "total": total}
            ),
        )
        quizzes_check.at_risk = failed and quizzes_check.state == State.NOT_MET
        checks.append(quizzes_check)

        waived = _waived_items(waivers, Requirement.H5P)
        items = []
        for activity in h5p_places:
            result = h5p_results.get((enrollment.user_id, activity.translation_key))
            done = bool(result and result.completed)
            items.append(
                Item(
                    activity.title,
                    done,
                    "" if done else _("Not completed"),
                    str(activity.translation_key) in waived,
                )
            )
        checks.append(
            _items_check(
                Requirement.H5P,
                rules.require_all_h5p,
                items,
                waivers,
                nothing=_("The course has no interactive exercises."),
                summary=lambda done, total: (
                    ngettext(
                        "%(done)s of %(total)s exercise completed.",
                        "%(done)s of %(total)s exercises completed.",
                        total,
                    )
                    % {"done": done, "total": total}
                ),
            )
        )

        waived = _waived_items(waivers, Requirement.MODULES)
        items = [
            Item(
                column.title,
                cell.reviewed,
                "" if cell.reviewed else _("Not reviewed yet"),
                str(column.page.translation_key) in waived,
            )
            for column, cell in zip(columns, row.cells, strict=True)
        ]
        checks.append(
            _items_check(
                Requirement.MODULES,
                rules.require_modules_reviewed,
                items,
                waivers,
                nothing=_("The course has no modules."),
                summary=lambda done, total: (
                    ngettext(
                        "%(done)s of %(total)s module reviewed at home.",
                        "%(done)s of %(total)s modules reviewed at home.",
                        total,
                    )
                    % {"done": done, "total": total}
                ),
            )
        )
        completions.append(Completion(enrollment, rules, checks, found))
    return completions


def evaluate(enrollment) -> Completion:
    """Where one trainee stands (withdrawn or not)."""
    return evaluate_cohort(enrollment.cohort, [enrollment])[0]
