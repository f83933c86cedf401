"""Her dashboard: her groups, the next evening, her progress through each
course and what is waiting for her; and the cohorts a staff member works in.

Everything in a fixed number of queries, whatever the number of modules,
sessions or cohort-mates.
"""

import datetime
from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.db.models import Exists, OuterRef, Prefetch, Q
from django.utils import timezone

from lms import curriculum, permissions
from lms import homework as homework_service
from lms.choices import EnrollmentStatus, StaffRole, SubmissionStatus
from lms.models import Cohort, CohortStaff, ModuleProgress, Session
from lms.progress import material_is_open

# A session is "next" until it is over; without an end time, for this long.
SESSION_LENGTH_GUESS = datetime.timedelta(hours=3)


@dataclass
class ModuleState:
    """One module of her course, as her dashboard lists it."""

    number: int
    key: object
    title: str
    url: str | None
    session: Session | None
    is_open: bool
    progress: ModuleProgress | None
    # The language `title` is in: hers, or the programme's where the module
    # is not translated yet (templates mark it with lang and dir).
    language: str = ""

    @property
    def is_held(self):
        return self.session is not None and self.session.is_held

    @property
    def opened(self):
        return self.progress is not None

    @property
    def reviewed(self):
        return self.progress is not None and self.progress.reviewed_at is not None


@dataclass
class CohortProgress:
    """Her enrollment in one cohort and how far she has come."""

    enrollment: object
    course_title: str
    course_url: str | None
    modules: list[ModuleState] = field(default_factory=list)
    course_language: str = ""  # the language course_title is in

    @property
    def cohort(self):
        return self.enrollment.cohort

    @property
    def reviewed_count(self):
        return sum(1 for module in self.modules if module.reviewed)

    @property
    def total(self):
        return len(self.modules)

    @property
    def percent(self):
        return round(100 * self.reviewed_count / self.total) if self.total else 0

    @property
    def continue_module(self):
        """The first open module not reviewed yet, else the last one opened."""
        for module in self.modules:
            if module.is_open and not module.reviewed:
                return module
        opened = [m for m in self.modules if m.is_open and m.opened]
        if opened:
            return max(opened, key=lambda m: m.progress.last_seen_at)
        return None


@dataclass
class NextSession:
    session: Session
    module: ModuleState
    cohort: Cohort
    lecturers: list


@dataclass
class HomeworkItem:
    """One assignment of one of her modules (lms.homework.Homework), with the
    module and group it belongs to."""

    homework: homework_service.Homework
    module: ModuleState
    cohort: Cohort

    @property
    def assignment(self):
        return self.homework.assignment

    @property
    def submission(self):
        return self.homework.submission

    @property
    def anchor(self):
        return f"homework-{self.homework.assignment.translation_key}"


@dataclass
class WaitingItem:
    """Something she should do. ``kind`` picks how the dashboard shows it.

    "review": a held module she has not reviewed yet; "homework": an
    assignment of an open module to hand in (``homework`` says when it is
    due); "feedback": a released review asking her to revise.
    """

    kind: str
    cohort: Cohort
    module: ModuleState
    homework: HomeworkItem | None = None


@dataclass
class Dashboard:
    cohorts: list[CohortProgress]
    next_session: NextSession | None
    waiting: list[WaitingItem]
    homework: list[HomeworkItem] = field(default_factory=list)

    @property
    def continue_module(self):
        """Where "continue where you left off" leads: her current group first."""
        for entry in sorted(
            self.cohorts, key=lambda e: e.enrollment.status != EnrollmentStatus.ACTIVE
        ):
            if module := entry.continue_module:
                return module
        return None


def _in_language(pages_by_key, key, language, request):
    """(title, url, the title's language) of the copy of page `key` in
    `language`, else the source's."""
    copies = pages_by_key.get(key, {})
    page = copies.get(language) or copies.get("source")
    if page is None:
        return "", None, ""
    return page.title, page.get_url(request=request), curriculum.content_language(page)


def dashboard(user, *, language, request=None) -> Dashboard:
    """Everything her dashboard shows, in a fixed number of queries."""
    enrollments = list(
        permissions.learning_enrollments(user)
        .select_related("cohort", "cohort__chapter", "cohort__course__locale")
        .order_by("-cohort__starts_on", "cohort__name")
    )
    if not enrollments:
        return Dashboard(cohorts=[], next_session=None, waiting=[])
    cohorts = [e.cohort for e in enrollments]
    courses = {c.course_id: c.course for c in cohorts}

    # Every course's live modules, in tree order, in one query.
    modules_by_course = curriculum.modules_of_courses(courses.values())
    modules = [m for ms in modules_by_course.values() for m in ms]

    # The copies in her language of every module and course, in one query.
    pages_by_key = {}
    for page in [*courses.values(), *modules]:
        pages_by_key.setdefault(page.translation_key, {})["source"] = page
    for key, page in curriculum.copies_in(pages_by_key, language).items():
        pages_by_key[key][language] = page

    sessions = {}
    for session in (
        Session.objects.filter(cohort__in=cohorts, cancelled=False)
        .select_related("module")
        .prefetch_related(
            Prefetch(
                "lecturers",
                queryset=get_user_model().objects.only(
                    "first_name", "last_name", "username"
                ),
            )
        )
        .order_by("starts_at")
    ):
        sessions.setdefault(
            (session.cohort_id, session.module.translation_key), session
        )

    progress = {
        (p.enrollment_id, p.module_key): p
        for p in ModuleProgress.objects.filter(enrollment__in=enrollments)
    }

    result = []
    for enrollment in enrollments:
        cohort = enrollment.cohort
        title, url, title_language = _in_language(
            pages_by_key, cohort.course.translation_key, language, request
        )
        entry = CohortProgress(
            enrollment=enrollment,
            course_title=title,
            course_url=url,
            course_language=title_language,
        )
        for number, module in enumerate(modules_by_course[cohort.course_id], 1):
            key = module.translation_key
            session = sessions.get((cohort.pk, key))
            title, url, title_language = _in_language(
                pages_by_key, key, language, request
            )
            entry.modules.append(
                ModuleState(
                    number=number,
                    key=key,
                    title=title,
                    url=url,
                    session=session,
                    is_open=material_is_open(cohort, session),
                    progress=progress.get((enrollment.pk, key)),
                    language=title_language,
                )
            )
        result.append(entry)

    homework = homework_items(result, language=language)
    return Dashboard(
        cohorts=result,
        next_session=_next_session(result),
        waiting=waiting_items(result, homework),
        homework=homework,
    )


def homework_items(cohorts, *, language) -> list[HomeworkItem]:
    """Every assignment of her modules, in module order, with her submission.

    Four queries for any number of modules, assignments or submissions:
    where assignments are placed (two), their copies in her language, and her
    submissions.
    """
    placed = homework_service.assignments_in_modules(
        {module.key for entry in cohorts for module in entry.modules}
    )
    keys = {a.translation_key for found in placed.values() for a in found}
    if not keys:
        return []
    translated = homework_service.assignments_by_key(keys, language)
    submissions = homework_service.submissions_for(
        [entry.enrollment.pk for entry in cohorts], keys
    )
    items = []
    for entry in cohorts:
        for module in entry.modules:
            for assignment in placed.get(module.key, []):
                key = assignment.translation_key
                items.append(
                    HomeworkItem(
                        homework=homework_service.Homework(
                            assignment=translated.get(key, assignment),
                            enrollment=entry.enrollment,
                            module_key=module.key,
                            session=module.session,
                            submission=submissions.get((entry.enrollment.pk, key)),
                        ),
                        module=module,
                        cohort=entry.cohort,
                    )
                )
    return items


def _next_session(cohorts):
    now = timezone.now()
    upcoming = []
    for entry in cohorts:
        if entry.enrollment.status != EnrollmentStatus.ACTIVE:
            continue
        for module in entry.modules:
            session = module.session
            if session is None:
                continue
            ends_at = session.ends_at or session.starts_at + SESSION_LENGTH_GUESS
            if ends_at >= now:
                upcoming.append((session.starts_at, entry, module))
    if not upcoming:
        return None
    _starts_at, entry, module = min(upcoming, key=lambda item: item[0])
    return NextSession(
        session=module.session,
        module=module,
        cohort=entry.cohort,
        lecturers=list(module.session.lecturers.all()),
    )


def waiting_items(cohorts, homework=()) -> list[WaitingItem]:
    """What is waiting for her, oldest first: modules to review, then
    feedback asking for a revision, then homework to hand in, soonest due
    first (``lms/includes/waiting_item.html`` shows each kind)."""
    items = []
    for entry in cohorts:
        for module in entry.modules:
            if module.is_held and not module.reviewed:
                items.append(
                    WaitingItem(kind="review", cohort=entry.cohort, module=module)
                )
    feedback, to_hand_in = [], []
    for item in homework:
        if item.homework.enrollment.status != EnrollmentStatus.ACTIVE:
            continue
        status = item.homework.status
        if status == SubmissionStatus.NEEDS_REVISION:
            feedback.append(
                WaitingItem(
                    kind="feedback",
                    cohort=item.cohort,
                    module=item.module,
                    homework=item,
                )
            )
        elif status == SubmissionStatus.DRAFT and item.module.is_open:
            to_hand_in.append(
                WaitingItem(
                    kind="homework",
                    cohort=item.cohort,
                    module=item.module,
                    homework=item,
                )
            )
    far = datetime.date.max
    to_hand_in.sort(key=lambda w: w.homework.homework.due_on or far)
    return items + feedback + to_hand_in


# --- staff -------------------------------------------------------------------


def staff_cohorts(user):
    """Cohorts a staff member runs, supervises or lectures in, in one query.

    Each cohort carries ``is_coordinator``, ``is_supervisor`` and
    ``is_lecturer``. Superusers see every cohort in the admin instead.
    """
    if user is None or not user.is_authenticated or user.is_superuser:
        return []
    managed = Cohort.objects.filter(
        permissions.managed_cohorts_filter(user), pk=OuterRef("pk")
    )
    supervised = CohortStaff.objects.filter(
        cohort=OuterRef("pk"), user=user, role=StaffRole.SUPERVISOR
    )
    lectured = Session.objects.filter(cohort=OuterRef("pk"), lecturers=user)
    return list(
        Cohort.objects.annotate(
            is_coordinator=Exists(managed),
            is_supervisor=Exists(supervised),
            is_lecturer=Exists(lectured),
        )
        .filter(Q(is_coordinator=True) | Q(is_supervisor=True) | Q(is_lecturer=True))
        .select_related("chapter")
        .order_by("-starts_on", "name")
    )
