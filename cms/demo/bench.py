"""How fast the busiest pages are with a full cohort.

Builds a course and a cohort of many trainees with attendance, progress and
reflections (bulk inserts), then requests each page through Django's test
client as the person who would open it and reports the median server time,
the query count and the size of the response. `manage.py bench` runs it in a
throwaway database.

It lives with the demo in the host site because it builds pages from the demo
curriculum; the pages it measures belong to `lms` and are found by URL name,
so a page that does not exist yet is reported as not available instead of
failing the run.

After loading, the tables are analysed (ANALYZE): bulk inserts leave
PostgreSQL without statistics, and its plans for a big review queue are then
far worse than on a site that has been running. cms.demo.harness runs the
same pages under gunicorn for their throughput (`manage.py bench`).
"""

import datetime
import statistics
import time
from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Group
from django.db import connection, connections, transaction
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import NoReverseMatch, reverse
from django.utils import timezone, translation
from wagtail.models import Locale, Page, Site

from cms.demo import curriculum, loader
from cms.demo import homework as demo_homework
from cms.demo.localize import translate_object
from courses.models import CourseIndexPage, CoursePage, ModulePage
from lms.choices import (
    AttendanceStatus,
    ReviewDecision,
    RoleGroup,
    StaffRole,
    SubmissionStatus,
)
from lms.enrolment import add_to_role
from lms.models import (
    Assignment,
    Attendance,
    Chapter,
    Cohort,
    CohortStaff,
    Enrollment,
    ModuleProgress,
    Profile,
    Reflection,
    Review,
    Session,
    Submission,
    SubmissionVersion,
)
from lms.planning import create_sessions, propose_sessions

LANGUAGE = "nb"
LANGUAGES = ["nb", "ar", "so", "ur", "ti", "tr", "fa", "en"]
TRANSLATED = "ar"  # the demo curriculum translates modules 1, 5 and 14 into it
BATCH = 500


@dataclass
class Fixture:
    """What the benchmark built: the people and objects the pages are about."""

    course: CoursePage
    modules: list
    cohort: Cohort
    sessions: list
    trainee: object
    coordinator: object
    supervisor: object
    trainees: int
    held: int
    # {source module pk: its Arabic page}, for the held modules the demo
    # curriculum has in Arabic, and a trainee who reads Arabic.
    translated: dict = field(default_factory=dict)
    trainee_ar: object = None
    submission: object = None  # one handed-in homework, for the review page
    submissions: int = 0
    homework_cohorts: int = 0

    @property
    def module(self):
        """The module page measured: the latest held module that has an Arabic
        copy (so nb and ar are the same module), else the latest held one."""
        held = self.modules[: max(self.held, 1)]
        with_copy = [m for m in held if m.pk in self.translated]
        return (with_copy or held)[-1]

    @property
    def module_ar(self):
        return self.translated.get(self.module.pk)


@dataclass
class Result:
    """One page's measurement; `note` says why there is none."""

    page: str
    as_user: str
    url: str = ""
    status: int | None = None
    times_ms: list = field(default_factory=list)
    queries: int | None = None
    size: int | None = None  # bytes of the page as sent without compression
    # bytes as sent to a browser that accepts gzip; None: sent uncompressed
    gzip_size: int | None = None
    note: str = ""

    @property
    def available(self):
        return not self.note

    @property
    def median_ms(self):
        return statistics.median(self.times_ms) if self.times_ms else None


def _demo_modules():
    """The demo's sixteen Norwegian modules, in order: realistic page weight."""
    modules = curriculum.course("base-training")["modules"]
    return sorted(modules, key=lambda m: m["number"])


def _home():
    """The default site's course index; one is made if the site has none."""
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    if site and site.root_page.specific_class is CourseIndexPage:
        return site.root_page.specific
    locale, _ = Locale.objects.get_or_create(language_code=LANGUAGE)
    home = CourseIndexPage(title="Bydelsmødre", slug="bench-home", locale=locale)
    Page.get_first_root_node().add_child(instance=home)
    home.save_revision().publish()
    if site is None:
        Site.objects.create(
            hostname="localhost", port=80, root_page=home, is_default_site=True
        )
    else:
        site.root_page = home
        site.save()
    return home


def _module_data(n):
    """The demo module behind the course's module n + 1, renumbered, and the
    demo's own slug (its translations are filed under it)."""
    demo = _demo_modules()
    data = dict(demo[n % len(demo)])
    demo_slug = data["slug"]
    data["number"] = n + 1
    data["slug"] = f"modul-{n + 1}"
    return data, demo_slug


def build_course(*, modules, log=print):
    """A course of `modules` module pages with the demo curriculum's content."""
    home = _home()
    slug = f"bench-{modules}-{CoursePage.objects.count() + 1}"
    course = CoursePage(title=f"Benchmark ({modules} modules)", slug=slug)
    home.add_child(instance=course)
    course.save_revision().publish()
    # Module 14 of the demo places the three-conversations homework.
    demo_homework.ensure_assignments(translate=False, log=lambda _message: None)
    pages = []
    for n in range(modules):
        data, _demo_slug = _module_data(n)
        fields = loader.module_fields(slug, data, LANGUAGE)
        page = ModulePage(**fields)
        course.add_child(instance=page)
        page.save_revision().publish()
        pages.append(page)
    log(f"  built a course of {modules} modules")
    return course, pages


def build_translations(*, course, modules, upto, language=TRANSLATED, log=print):
    """Real copies in `language` (through wagtail-localize, as the demo's) of
    the first `upto` modules that the demo curriculum translates, leaving out
    those that place homework (their snippet would need a copy first).
    The course and home page get alias copies on the way.
    Returns {source module pk: translated page}."""
    translation = curriculum.translations("base-training").get(language)
    if not translation:
        return {}
    locale, _ = Locale.objects.get_or_create(language_code=language)
    translated = translation.get("modules", {})
    pages = {}
    for n, page in enumerate(modules[:upto]):
        data, demo_slug = _module_data(n)
        if demo_slug not in translated or any(
            block["type"] == "assignment" for block in data["body"]
        ):
            continue
        unsaved = ModulePage(
            **loader.module_fields(course.slug, data, language, translated[demo_slug])
        )
        translate_object(page, unsaved, locale)
        copy = page.get_translation(locale)
        if not copy.live:
            # wagtail-localize publishes on commit; the bench may never commit.
            copy.get_latest_revision().publish()
        pages[page.pk] = ModulePage.objects.get(pk=copy.pk)
    if pages:
        log(f"  translated {len(pages)} module(s) into {language}")
    return pages


def _prompt(module):
    for block in module.body:
        if block.block_type == "reflection_prompt":
            return block.id, block.value["prompt"]
    return None


def build_cohort(*, course, modules, trainees, tag=None, log=print):
    """A running cohort of `trainees` trainees, half of its sessions held.
    `tag` (default: the course's slug) names its chapter and its people;
    give each cohort of one course its own."""
    User = get_user_model()
    now = timezone.now()
    held = len(modules) // 2
    tag = tag or course.slug
    chapter, _ = Chapter.objects.get_or_create(
        slug=tag, defaults={"name": f"Benchmark {tag}"}
    )
    first = now - datetime.timedelta(weeks=held) + datetime.timedelta(days=1)
    cohort = Cohort.objects.create(
        chapter=chapter,
        course=course,
        name=f"Benchmark {tag}",
        starts_on=timezone.localdate(first),
    )
    create_sessions(
        sessions=propose_sessions(
            cohort=cohort,
            modules=modules,
            first_starts_at=first,
            place="Furuset bibliotek",
        )
    )
    sessions = list(cohort.sessions.order_by("starts_at"))

    password = make_password(None)
    staff = {}
    for role, group in (
        ("coordinator", RoleGroup.COORDINATOR),
        ("supervisor", RoleGroup.SUPERVISOR),
        ("lecturer", RoleGroup.LECTURER),
    ):
        user = User.objects.create(
            username=f"{tag}-{role}", first_name=role.title(), password=password
        )
        add_to_role(user=user, role=group)
        staff[role] = user
    chapter.coordinators.add(staff["coordinator"])
    CohortStaff.objects.bulk_create(
        [
            CohortStaff(
                cohort=cohort, user=staff["coordinator"], role=StaffRole.COORDINATOR
            ),
            CohortStaff(
                cohort=cohort, user=staff["supervisor"], role=StaffRole.SUPERVISOR
            ),
        ]
    )
    Session.lecturers.through.objects.bulk_create(
        [
            Session.lecturers.through(session_id=s.pk, user_id=staff["lecturer"].pk)
            for s in sessions
        ]
    )

    User.objects.bulk_create(
        [
            User(
                username=f"{tag}-trainee-{n:04d}",
                first_name=f"Deltaker {n}",
                last_name="Benchmark",
                password=password,
            )
            for n in range(1, trainees + 1)
        ],
        batch_size=BATCH,
    )
    users = list(User.objects.filter(username__startswith=f"{tag}-trainee-"))
    trainee_group, _ = Group.objects.get_or_create(name=RoleGroup.TRAINEE.value)
    User.groups.through.objects.bulk_create(
        [User.groups.through(user_id=u.pk, group_id=trainee_group.pk) for u in users],
        batch_size=BATCH,
    )
    Profile.objects.bulk_create(
        [
            Profile(user=u, language=LANGUAGES[n % len(LANGUAGES)])
            for n, u in enumerate(users)
        ],
        batch_size=BATCH,
        ignore_conflicts=True,
    )
    Enrollment.objects.bulk_create(
        [
            Enrollment(cohort=cohort, user=u, enrolled_on=cohort.starts_on)
            for u in users
        ],
        batch_size=BATCH,
    )
    enrollments = list(cohort.enrollments.order_by("user__username"))

    statuses = [AttendanceStatus.PRESENT] * 8 + [
        AttendanceStatus.EXCUSED,
        AttendanceStatus.ABSENT,
    ]
    Attendance.objects.bulk_create(
        [
            Attendance(
                enrollment=e,
                session=s,
                status=statuses[(i + j) % len(statuses)],
                recorded_by=staff["coordinator"],
            )
            for i, e in enumerate(enrollments)
            for j, s in enumerate(sessions[:held])
        ],
        batch_size=BATCH,
    )
    ModuleProgress.objects.bulk_create(
        [
            ModuleProgress(
                enrollment=e,
                module_key=m.translation_key,
                reviewed_at=now if (i + j) % 3 else None,
            )
            for i, e in enumerate(enrollments)
            for j, m in enumerate(modules[:held])
        ],
        batch_size=BATCH,
    )
    reflections = []
    for j, module in enumerate(modules[:held]):
        prompt = _prompt(module)
        if prompt is None:
            continue
        for i, e in enumerate(enrollments):
            if (i + j) % 2:
                continue
            reflections.append(
                Reflection(
                    author_id=e.user_id,
                    enrollment=e,
                    module_key=module.translation_key,
                    prompt_key=prompt[0],
                    prompt_text=prompt[1],
                    text="Jeg lærte mye i kveld. " * 10,
                    shared_at=now if i % 3 == 0 else None,
                )
            )
    Reflection.objects.bulk_create(reflections, batch_size=BATCH)
    log(
        f"  built a cohort of {trainees} trainees x {len(modules)} modules "
        f"({held} held, {len(reflections)} reflections)"
    )
    readers = Profile.objects.filter(
        user__in=[e.user_id for e in enrollments], language=TRANSLATED
    ).values_list("user_id", flat=True)
    trainee_ar = next(
        (e.user for e in enrollments if e.user_id in set(readers)), enrollments[0].user
    )
    return Fixture(
        course=course,
        modules=modules,
        cohort=cohort,
        sessions=sessions,
        trainee=enrollments[0].user,
        coordinator=staff["coordinator"],
        supervisor=staff["supervisor"],
        trainees=trainees,
        held=held,
        trainee_ar=trainee_ar,
    )


def analyze(*, using="default", log=print):
    """Give the query planner statistics of what was just bulk-loaded (on
    PostgreSQL, without them a 10,000-row review queue is planned as if the
    tables were empty; SQLite keeps its own in sqlite_stat1)."""
    started = time.perf_counter()
    with connections[using].cursor() as cursor:
        cursor.execute("ANALYZE")
    log(f"  analysed the tables (ANALYZE) in {time.perf_counter() - started:.1f} s")


def build(
    *, trainees=200, modules=16, submissions=0, homework_cohorts=10, log=print
) -> Fixture:
    course, pages = build_course(modules=modules, log=log)
    fixture = build_cohort(course=course, modules=pages, trainees=trainees, log=log)
    fixture.translated = build_translations(
        course=course, modules=pages, upto=fixture.held, log=log
    )
    if submissions:
        build_homework(
            fixture, submissions=submissions, cohorts=homework_cohorts, log=log
        )
    analyze(log=log)
    return fixture


def build_homework(fixture, *, submissions, cohorts, log=print):
    """An assignment in the last held module and `submissions` hand-ins spread
    over `cohorts` cohorts (the fixture's and new ones) that the fixture's
    supervisor supervises: a third reviewed, a few resubmitted."""
    User = get_user_model()
    module = fixture.modules[max(fixture.held - 1, 0)]
    assignment = Assignment.objects.create(
        locale=module.locale,
        title="Tre samtaler",
        instructions="<p>Snakk med tre kvinner.</p>",
    )
    module.body = [
        *module.body.raw_data,
        {"type": "assignment", "value": assignment.pk},
    ]
    module.save_revision().publish()
    all_cohorts = [fixture.cohort]
    password = make_password(None)
    # The fixture's cohort hands in what its trainees can; new cohorts the rest.
    rest = max(submissions - fixture.trainees, 0)
    per_cohort = -(-rest // (cohorts - 1)) if cohorts > 1 else 0
    for n in range(1, cohorts):
        cohort = Cohort.objects.create(
            chapter=fixture.cohort.chapter,
            course=fixture.course,
            name=f"{fixture.cohort.name} {n + 1}",
            starts_on=fixture.cohort.starts_on,
        )
        CohortStaff.objects.create(
            cohort=cohort, user=fixture.supervisor, role=StaffRole.SUPERVISOR
        )
        tag = f"hw{cohort.pk}"
        User.objects.bulk_create(
            [
                User(username=f"{tag}-{i:04d}", first_name=f"D{i}", password=password)
                for i in range(per_cohort)
            ],
            batch_size=BATCH,
        )
        Enrollment.objects.bulk_create(
            [
                Enrollment(cohort=cohort, user=u, enrolled_on=cohort.starts_on)
                for u in User.objects.filter(username__startswith=f"{tag}-")
            ],
            batch_size=BATCH,
        )
        all_cohorts.append(cohort)
    enrollments = list(
        Enrollment.objects.filter(cohort__in=all_cohorts).order_by("pk")[:submissions]
    )
    now = timezone.now()
    Submission.objects.bulk_create(
        [
            Submission(
                enrollment=e,
                assignment_key=assignment.translation_key,
                module_key=module.translation_key,
                status=SubmissionStatus.SUBMITTED,
                submitted_at=now - datetime.timedelta(minutes=n),
                draft_report=[],
            )
            for n, e in enumerate(enrollments)
        ],
        batch_size=BATCH,
    )
    handed_in = list(
        Submission.objects.filter(assignment_key=assignment.translation_key)
    )
    versions = []
    for n, sub in enumerate(handed_in):
        for number in range(1, 3 if n % 10 == 0 else 2):
            versions.append(
                SubmissionVersion(
                    submission=sub,
                    number=number,
                    text="Vi snakket om skolen og om helsestasjonen.",
                    draft_revision=number,
                    submitted_at=sub.submitted_at,
                    submitted_by_id=sub.enrollment.user_id,
                )
            )
    SubmissionVersion.objects.bulk_create(versions, batch_size=BATCH)
    first_versions = SubmissionVersion.objects.filter(
        submission__in=handed_in[::3], number=1
    )
    Review.objects.bulk_create(
        [
            Review(
                submission_id=v.submission_id,
                version=v,
                number=1,
                reviewer=fixture.supervisor,
                decision=ReviewDecision.NEEDS_REVISION,
                feedback="Skriv litt mer om samtale tre.",
                released_at=now,
            )
            for v in first_versions
        ],
        batch_size=BATCH,
    )
    fixture.submission = handed_in[0]
    fixture.submissions = len(handed_in)
    fixture.homework_cohorts = len(all_cohorts)
    log(
        f"  handed in {len(handed_in)} homework across {len(all_cohorts)} cohorts "
        f"({len(versions)} versions)"
    )


def _reverse(name, *args):
    """The page's address under the programme language, or None if not there yet."""
    with translation.override(LANGUAGE):
        try:
            return reverse(name, args=args)
        except NoReverseMatch:
            return None


def module_url(page):
    with translation.override(page.locale.language_code):
        return page.get_url()


def targets(fixture):
    """(page, as whom, user, url or None) for every page measured."""
    held_session = fixture.sessions[max(fixture.held - 1, 0)]
    module_ar = fixture.module_ar
    return [
        ("dashboard", "trainee", fixture.trainee, _reverse("lms:dashboard")),
        ("module page", "trainee", fixture.trainee, module_url(fixture.module)),
        (
            "module page ar",
            "trainee",
            fixture.trainee_ar,
            module_url(module_ar) if module_ar else None,
        ),
        (
            "cohort overview",
            "coordinator",
            fixture.coordinator,
            _reverse("lms:cohort_overview", fixture.cohort.pk),
        ),
        (
            "attendance register",
            "coordinator",
            fixture.coordinator,
            _reverse("lms:attendance", held_session.pk),
        ),
        *homework_targets(fixture),
    ]


def homework_targets(fixture):
    if fixture.submission is None:
        return []
    submission = fixture.submission
    with translation.override(LANGUAGE):
        try:
            review = reverse("lms:review", kwargs={"pk": submission.pk})
        except NoReverseMatch:
            review = None
        try:
            own = reverse("lms:homework", kwargs={"pk": submission.pk})
        except NoReverseMatch:
            own = None
    return [
        (
            "review queue",
            "supervisor",
            fixture.supervisor,
            _reverse("lms:review_queue"),
        ),
        ("review page", "supervisor", fixture.supervisor, review),
        ("homework page", "trainee", submission.enrollment.user, own),
    ]


def measure(fixture, *, runs=15) -> list[Result]:
    results = []
    for page, as_user, user, url in targets(fixture):
        result = Result(page=page, as_user=as_user, url=url or "")
        results.append(result)
        if url is None:
            result.note = "not available (no URL yet)"
            continue
        client = Client(raise_request_exception=False)
        client.force_login(user)
        # The first request warms per-process caches (site root paths,
        # locales, templates); it is where the queries are counted.
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        result.status = response.status_code
        result.queries = len(queries.captured_queries)
        result.size = len(response.content)
        if response.status_code != 200:
            result.note = f"HTTP {response.status_code}"
            continue
        for _ in range(runs):
            started = time.perf_counter()
            client.get(url)
            result.times_ms.append((time.perf_counter() - started) * 1000)
        with CaptureQueriesContext(connection) as queries:
            client.get(url)
        result.queries = len(queries.captured_queries)
        # As a browser asks for it: what the site's compression leaves.
        compressed = client.get(url, headers={"Accept-Encoding": "gzip"})
        if compressed.get("Content-Encoding") == "gzip":
            result.gzip_size = len(_body(compressed))
    return results


def _body(response) -> bytes:
    if response.streaming:
        return b"".join(response.streaming_content)
    return response.content


# Issue 11, goal 3: (page, at how many trainees / submissions, ms, bytes).
GOAL_LIMITS = [
    ("cohort overview", "trainees", 1000, 300, 300_000),
    ("attendance register", "trainees", 1000, 300, 300_000),
    ("review queue", "submissions", 10_000, 200, None),
]


def goal_lines(results, *, fixture) -> list[str]:
    """Goal 3 of issue 11, page by page: its median against the limit, its
    size (as sent uncompressed) against 300 KB, and whether this run was as
    big as the goal's."""
    found = {r.page: r for r in results}
    lines = []
    for page, counted, at, limit_ms, limit_bytes in GOAL_LIMITS:
        r = found.get(page)
        if r is None or not r.available:
            continue
        size_here = getattr(fixture, counted)
        checks = [r.median_ms < limit_ms]
        text = f"{r.median_ms:.0f} ms (< {limit_ms})"
        if limit_bytes:
            checks.append(r.size < limit_bytes)
            text += f", {r.size:,} bytes (< {limit_bytes:,})"
        verdict = "met" if all(checks) else "not met"
        if size_here < at:
            verdict += f" at {size_here:,} {counted}, the goal is at {at:,}"
        lines.append(f"  {page}: {text} - {verdict}")
    if lines:
        lines.insert(0, "goal 3 (issue 11), server time and size in this process:")
    return lines


def table(results, *, fixture, runs) -> str:
    lines = [
        f"{fixture.trainees} trainees x {len(fixture.modules)} modules "
        f"({fixture.held} held), median of {runs} runs, {connection.vendor}",
    ]
    if fixture.submissions:
        lines.append(
            f"{fixture.submissions} homework submissions across "
            f"{fixture.homework_cohorts} cohorts"
        )
    lines += [
        "",
        f"{'page':<20} {'as':<12} {'median ms':>10} {'queries':>8} "
        f"{'bytes':>10} {'gzip bytes':>10}",
    ]
    for r in results:
        if r.available:
            gzip_size = "-" if r.gzip_size is None else str(r.gzip_size)
            lines.append(
                f"{r.page:<20} {r.as_user:<12} {r.median_ms:>10.1f} "
                f"{r.queries:>8} {r.size:>10} {gzip_size:>10}"
            )
        else:
            lines.append(f"{r.page:<20} {r.as_user:<12} {r.note}")
    lines += [
        "",
        "bytes: as sent uncompressed; gzip bytes: as sent to a browser that "
        "accepts gzip (-: not compressed)",
    ]
    if goal := goal_lines(results, fixture=fixture):
        lines += ["", *goal]
    return "\n".join(lines)


# --- issuing diplomas -------------------------------------------------------------

DIPLOMAS = 20  # a ceremony: a cohort of twenty who completed


@dataclass
class DiplomaTiming:
    """Issuing to a cohort of `trainees` who all completed."""

    trainees: int
    issued: int
    refused: int
    issue_seconds: float  # issue_for_cohort: the rule, the claims, the rows
    pdf_seconds: float  # rendering the PDFs of those issued
    pdfs: int  # PDFs made
    pdf_how: str  # where the PDFs were rendered, in words

    @property
    def total_seconds(self):
        return self.issue_seconds + self.pdf_seconds


def build_completed_cohort(*, course, modules, trainees=DIPLOMAS, log=print):
    """A cohort of `course` whose evenings all lie in the past, with
    `trainees` trainees who came to every one and whose homework (every
    assignment the modules place) is approved: all of them meet the rule.
    Returns (cohort, coordinator)."""
    from lms.homework import assignments_in_modules

    User = get_user_model()
    now = timezone.now()
    tag = f"diplomas-{Cohort.objects.count() + 1}"
    chapter = Chapter.objects.create(slug=tag, name=f"Benchmark {tag}")
    first = now - datetime.timedelta(weeks=len(modules) + 1)
    cohort = Cohort.objects.create(
        chapter=chapter,
        course=course,
        name=f"Benchmark {tag}",
        starts_on=timezone.localdate(first),
    )
    create_sessions(
        sessions=propose_sessions(
            cohort=cohort, modules=modules, first_starts_at=first, place="Furuset"
        )
    )
    sessions = list(cohort.sessions.order_by("starts_at"))
    password = make_password(None)
    coordinator = User.objects.create(
        username=f"{tag}-coordinator", first_name="Coordinator", password=password
    )
    supervisor = User.objects.create(
        username=f"{tag}-supervisor", first_name="Supervisor", password=password
    )
    chapter.coordinators.add(coordinator)
    User.objects.bulk_create(
        [
            User(
                username=f"{tag}-trainee-{n:03d}",
                first_name=f"Deltaker {n}",
                last_name="Benchmark",
                password=password,
            )
            for n in range(1, trainees + 1)
        ],
        batch_size=BATCH,
    )
    Enrollment.objects.bulk_create(
        [
            Enrollment(cohort=cohort, user=u, enrolled_on=cohort.starts_on)
            for u in User.objects.filter(username__startswith=f"{tag}-trainee-")
        ],
        batch_size=BATCH,
    )
    enrollments = list(cohort.enrollments.all())
    Attendance.objects.bulk_create(
        [
            Attendance(
                enrollment=e,
                session=s,
                status=AttendanceStatus.PRESENT,
                recorded_by=coordinator,
            )
            for e in enrollments
            for s in sessions
        ],
        batch_size=BATCH,
    )
    placed = assignments_in_modules([m.translation_key for m in modules])
    assignments = [
        (module_key, assignment)
        for module_key, found in placed.items()
        for assignment in found
    ]
    Submission.objects.bulk_create(
        [
            Submission(
                enrollment=e,
                assignment_key=assignment.translation_key,
                module_key=module_key,
                status=SubmissionStatus.APPROVED,
                submitted_at=now - datetime.timedelta(weeks=2),
                draft_report=[],
            )
            for e in enrollments
            for module_key, assignment in assignments
        ],
        batch_size=BATCH,
    )
    handed_in = list(Submission.objects.filter(enrollment__cohort=cohort))
    SubmissionVersion.objects.bulk_create(
        [
            SubmissionVersion(
                submission=sub,
                number=1,
                text="Vi snakket om skolen og om helsestasjonen.",
                draft_revision=1,
                submitted_at=sub.submitted_at,
                submitted_by_id=sub.enrollment.user_id,
            )
            for sub in handed_in
        ],
        batch_size=BATCH,
    )
    Review.objects.bulk_create(
        [
            Review(
                submission_id=v.submission_id,
                version=v,
                number=1,
                reviewer=supervisor,
                decision=ReviewDecision.APPROVED,
                feedback="Godkjent.",
                released_at=now,
            )
            for v in SubmissionVersion.objects.filter(submission__in=handed_in)
        ],
        batch_size=BATCH,
    )
    log(
        f"  built a finished cohort of {trainees} trainees x {len(modules)} "
        f"modules, every evening attended, {len(handed_in)} homework approved"
    )
    return cohort, coordinator


def measure_diplomas(*, course, modules, trainees=DIPLOMAS, log=print):
    """Seconds to issue diplomas to a cohort of `trainees` who completed
    (lms.diplomas.issue.issue_for_cohort, as the coordinator's button and
    ``manage.py issue_diplomas`` do) and to render their PDFs.

    Issuing queues each PDF as a background task once it commits. Run
    outside a transaction with the tasks running inline (no TASKS setting:
    ImmediateBackend, as in dev), the PDFs are rendered at that commit and
    timed there; those that are not (inside a transaction, or with a real
    queue) are rendered here with the task's own function (make_pdf) and
    timed. Either way the PDFs are made synchronously in this process;
    their files are deleted afterwards."""
    from lms.diplomas.issue import issue_for_cohort, make_pdf
    from lms.models import Diploma

    cohort, coordinator = build_completed_cohort(
        course=course, modules=modules, trainees=trainees, log=log
    )
    outermost = not connection.in_atomic_block
    started = time.perf_counter()
    with transaction.atomic():
        outcome = issue_for_cohort(cohort, by=coordinator)
        issued = time.perf_counter()
    committed = time.perf_counter()
    ids = [d.pk for d in outcome.issued]
    pending = list(Diploma.objects.filter(pk__in=ids, pdf=""))
    at_commit = len(ids) - len(pending)
    rendering = time.perf_counter()
    for diploma in pending:
        make_pdf(diploma)
    rendered = time.perf_counter()
    if at_commit and not pending:
        how = "rendered synchronously at commit by the PDF task, run inline"
    elif at_commit:
        how = (
            f"{at_commit} rendered by the task at commit, {len(pending)} by "
            "make_pdf in the bench, all synchronously"
        )
    else:
        how = "rendered synchronously by make_pdf in the bench" + (
            "" if outermost else " (issued inside a transaction: no commit)"
        )
    made = 0
    # The files are the benchmark's own: never left in the site's storage.
    for diploma in Diploma.objects.filter(pk__in=ids).exclude(pdf=""):
        made += 1
        diploma.pdf.storage.delete(diploma.pdf.name)
    return DiplomaTiming(
        trainees=trainees,
        issued=len(outcome.issued),
        refused=len(outcome.refused),
        issue_seconds=issued - started,
        pdf_seconds=(committed - issued) + (rendered - rendering),
        pdfs=made,
        pdf_how=how,
    )


def diploma_line(timing: DiplomaTiming) -> str:
    per = 1000 * timing.total_seconds / max(timing.issued, 1)
    line = (
        f"issuing {timing.issued} diplomas (issue_for_cohort, a cohort of "
        f"{timing.trainees} who completed): {timing.issue_seconds:.2f} s; "
        f"their {timing.pdfs} PDFs: {timing.pdf_seconds:.2f} s ({timing.pdf_how}); "
        f"{timing.total_seconds:.2f} s in all, {per:.0f} ms a diploma"
    )
    if timing.refused:
        line += f"; {timing.refused} refused (should be none)"
    return line
