"""The Alna chapter's running cohort: twelve trainees half way through.

Dates are relative to the day the demo is loaded: the first eight of the
sixteen weekly sessions lie in the past (held), the ninth is tomorrow. A
second run keeps whatever exists (cohort, sessions, attendance, progress,
reflections) and only fills in what is missing, so it never duplicates rows
and never undoes what someone changed while trying the demo.

Names are invented; the countries are those of the trainees in the pilot.
"""

import datetime

from django.contrib.auth import get_user_model
from django.utils import timezone

from cms.demo import h5p as demo_h5p
from cms.demo import homework as demo_homework
from cms.demo import lecturing as demo_lecturing
from cms.demo.users import demo_user
from courses.models import CoursePage
from lms import accounts, attendance, enrolment, planning, progress
from lms.choices import AttendanceStatus, ExceptionKind, RoleGroup, StaffRole
from lms.models import (
    Attendance,
    Chapter,
    Cohort,
    CohortStaff,
    CompletionException,
    Reflection,
)

CHAPTER_NAME = "Alna"
CHAPTER_SLUG = "alna"
COHORT_NAME = "Grunnopplæring Alna"
COURSE_SLUG = "grunnopplaering"
SOURCE_LANGUAGE = "nb"
PLACE = "Furuset bibliotek"
STARTS_AT = datetime.time(18, 0)
DURATION = datetime.timedelta(hours=2, minutes=30)
HELD = 8  # sessions in the past whenever the demo is loaded

# username, first name, last name, language (Profile.language). `trainee`
# exists already (loader.DEMO_USERS); her name here is only for reference.
TRAINEES = [
    ("trainee", "Amina", "Yusuf", "nb"),  # Somalia
    ("trainee2", "Hodan", "Warsame", "so"),  # Somalia
    ("trainee3", "Sadia", "Chaudhry", "ur"),  # Pakistan
    ("trainee4", "Zainab", "Al-Jubouri", "ar"),  # Iraq
    ("trainee5", "Rasha", "Haddad", "ar"),  # Syria
    ("trainee6", "Saba", "Tesfay", "ti"),  # Eritrea
    ("trainee7", "Elif", "Yıldız", "tr"),  # Turkey
    ("trainee8", "Mariam", "Ahmadi", "fa"),  # Afghanistan
    ("trainee9", "Khadija", "El Amrani", "ar"),  # Morocco
    ("trainee10", "Nasra", "Abdi", "en"),  # Somalia
    ("trainee11", "Ayesha", "Malik", "nb"),  # Pakistan
    ("trainee12", "Helen", "Ghebremariam", "ti"),  # Eritrea
]

# Everyone came to every held session but for these (session index 0-7).
ABSENCES = {
    ("trainee", 5): AttendanceStatus.EXCUSED,
    ("trainee3", 2): AttendanceStatus.EXCUSED,
    ("trainee3", 6): AttendanceStatus.ABSENT,
    ("trainee5", 0): AttendanceStatus.EXCUSED,
    ("trainee7", 3): AttendanceStatus.ABSENT,
    ("trainee9", 1): AttendanceStatus.EXCUSED,
    ("trainee9", 4): AttendanceStatus.EXCUSED,
    ("trainee12", 7): AttendanceStatus.ABSENT,
}

# Of the held modules, how many each trainee has opened at home and how many
# of those she has marked as reviewed (always the first ones).
PROGRESS = {
    "trainee": (8, 5),
    "trainee2": (8, 8),
    "trainee3": (7, 6),
    "trainee4": (8, 4),
    "trainee5": (6, 3),
    "trainee6": (5, 5),
    "trainee7": (8, 7),
    "trainee8": (3, 1),
    "trainee9": (0, 0),
    "trainee10": (8, 6),
    "trainee11": (4, 2),
    "trainee12": (7, 7),
}

# Session indexes (0-15) the demo lecturer teaches: one held (module 2) and
# the next one (module 9, tomorrow). cms.demo.lecturing briefs both.
LECTURED = (1, HELD)

# username, module number, shared with the supervisor, text
REFLECTIONS = [
    (
        "trainee",
        1,
        True,
        "Jeg ble glad av å høre om brobygging. Jeg kjenner flere kvinner i "
        "blokka mi som ikke vet hva helsestasjonen kan hjelpe med. Jeg vil "
        "begynne med naboen min.",
    ),
    (
        "trainee",
        2,
        False,
        "Min mor sang for oss hver kveld. Jeg vil gjøre det samme for "
        "barnebarna mine, både på somali og på norsk.",
    ),
    (
        "trainee2",
        1,
        True,
        "Det var fint å møte de andre. Jeg er spent, men også litt redd for å "
        "snakke foran gruppen.",
    ),
    (
        "trainee4",
        3,
        False,
        "تعلمت أن أسأل المعلمة عندما لا أفهم. سأطلب مترجمًا في الاجتماع القادم.",
    ),
    (
        "trainee6",
        4,
        True,
        "Jeg skal lytte mer og gi færre råd når datteren min forteller noe vanskelig.",
    ),
    (
        "trainee8",
        2,
        False,
        "Jeg leser bøker med bildene for sønnen min og forteller på dari.",
    ),
    (
        "trainee10",
        6,
        True,
        "Asking open questions felt strange at first, but my neighbour talked "
        "much more when I listened instead of advising.",
    ),
    (
        "trainee12",
        7,
        False,
        "Jeg trenger også hjelp noen ganger. Det er greit å be om det.",
    ),
]


# Module 14 ends with the "three conversations" homework (cms.demo.homework).
HOMEWORK_MODULE = 14
# Module 3 (held) has the interactive exercises (cms.demo.h5p).
H5P_MODULE = 3

# Absences the coordinator excused for the completion rule (a logged
# CompletionException, shown on her checklist): (username, session index,
# reason). With it trainee9 is back on track; trainee3, below the minimum
# attendance, stays at risk, as do those whose homework was returned or who
# failed the quiz, each with her reason on the cohort's completion page.
EXCUSED = [
    ("trainee9", 4, "Sykt barn; hun ga beskjed før samlingen og tok igjen stoffet."),
]


def first_session_date(today: datetime.date) -> datetime.date:
    """The first evening: eight weeks ago less a day, so eight lie behind us."""
    return today - datetime.timedelta(weeks=HELD) + datetime.timedelta(days=1)


def reflection_prompt(module):
    """The module's first reflection prompt: (block id, prompt text)."""
    for block in module.body:
        if block.block_type == "reflection_prompt":
            return block.id, block.value["prompt"]
    return None


def build_alna(*, passwords, log=print):
    """Chapter Alna with its running cohort of the base training. Idempotent."""
    User = get_user_model()
    course = CoursePage.objects.get(
        slug=COURSE_SLUG, locale__language_code=SOURCE_LANGUAGE
    )
    modules = list(course.modules())
    coordinator = User.objects.get(username="coordinator")
    supervisor = User.objects.get(username="supervisor")
    lecturer = User.objects.get(username="lecturer")

    chapter, created = Chapter.objects.get_or_create(
        slug=CHAPTER_SLUG, defaults={"name": CHAPTER_NAME}
    )
    if created:
        log(f"  created chapter {CHAPTER_NAME}")
    chapter.coordinators.add(coordinator)

    first_day = first_session_date(timezone.localdate())
    cohort, created = Cohort.objects.get_or_create(
        chapter=chapter,
        name=COHORT_NAME,
        defaults={
            "course": course,
            "starts_on": first_day,
            "ends_on": first_day + datetime.timedelta(weeks=len(modules) - 1),
            "language": SOURCE_LANGUAGE,
        },
    )
    if created:
        log(f"  created cohort {COHORT_NAME!r}")

    for user, role in (
        (coordinator, RoleGroup.COORDINATOR),
        (supervisor, RoleGroup.SUPERVISOR),
        (lecturer, RoleGroup.LECTURER),
    ):
        enrolment.add_to_role(user=user, role=role)
    CohortStaff.objects.get_or_create(
        cohort=cohort, user=coordinator, role=StaffRole.COORDINATOR
    )
    CohortStaff.objects.get_or_create(
        cohort=cohort, user=supervisor, role=StaffRole.SUPERVISOR
    )

    if not cohort.sessions.exists():
        first_starts_at = timezone.make_aware(
            datetime.datetime.combine(cohort.starts_on, STARTS_AT)
        )
        planning.create_sessions(
            sessions=planning.propose_sessions(
                cohort=cohort,
                modules=modules,
                first_starts_at=first_starts_at,
                duration=DURATION,
                place=PLACE,
            )
        )
        log(f"  planned {len(modules)} weekly sessions at {PLACE}")
    sessions = list(cohort.sessions.select_related("module").order_by("starts_at"))
    for index in LECTURED:
        if index < len(sessions):
            sessions[index].lecturers.add(lecturer)

    enrollments = {}
    for username, first, last, language in TRAINEES:
        user = demo_user(
            username, first_name=first, last_name=last, passwords=passwords, log=log
        )
        enrollments[username] = enrolment.enroll(
            cohort=cohort, user=user, enrolled_on=cohort.starts_on
        )
        if not accounts.profile_for(user).language:
            accounts.set_language(user=user, language=language)

    _record_attendance(sessions[:HELD], enrollments, coordinator)
    _record_progress(sessions[:HELD], enrollments)
    _write_reflections(modules, enrollments)
    _excuse_absences(sessions[:HELD], enrollments, coordinator)
    h5p_module = next((m for m in modules if m.number == H5P_MODULE), None)
    if h5p_module is not None:
        demo_h5p.build_h5p_demo(module=h5p_module, enrollments=enrollments, log=log)
    demo_lecturing.build_lecturing(
        sessions_by_number={
            s.module.specific.number: s
            for s in sessions
            if lecturer in s.lecturers.all()
        },
        coordinator=coordinator,
        lecturer=lecturer,
        log=log,
    )
    homework_module = next((m for m in modules if m.number == HOMEWORK_MODULE), None)
    if homework_module is not None:
        demo_homework.build_alna_homework(
            enrollments=enrollments,
            module=homework_module,
            supervisor=supervisor,
            log=log,
        )
    return cohort


def _record_attendance(held, enrollments, coordinator):
    """Attendance for the held sessions, unless someone recorded it already."""
    recorded = set(
        Attendance.objects.filter(session__in=held).values_list(
            "enrollment_id", "session_id"
        )
    )
    for index, session in enumerate(held):
        for username, enrollment in enrollments.items():
            if (enrollment.pk, session.pk) in recorded:
                continue
            attendance.record_attendance(
                session=session,
                enrollment=enrollment,
                status=ABSENCES.get((username, index), AttendanceStatus.PRESENT),
                by=coordinator,
            )


def _excuse_absences(held, enrollments, coordinator):
    for username, index, reason in EXCUSED:
        enrollment = enrollments.get(username)
        if enrollment is None or index >= len(held):
            continue
        CompletionException.objects.get_or_create(
            enrollment=enrollment,
            kind=ExceptionKind.EXCUSED_ABSENCE,
            session=held[index],
            defaults={"reason": reason, "granted_by": coordinator},
        )


def _record_progress(held, enrollments):
    for username, enrollment in enrollments.items():
        opened, reviewed = PROGRESS.get(username, (0, 0))
        for index, session in enumerate(held[:opened]):
            key = session.module.translation_key
            if index < reviewed:
                progress.mark_module_reviewed(enrollment=enrollment, module_key=key)
            else:
                progress.record_module_opened(enrollment=enrollment, module_key=key)


def _write_reflections(modules, enrollments):
    """A few reflections; written directly until the reflections service lands."""
    by_number = {module.number: module for module in modules}
    now = timezone.now()
    for username, number, shared, text in REFLECTIONS:
        module = by_number.get(number)
        prompt = module and reflection_prompt(module)
        if not prompt:
            continue
        prompt_key, prompt_text = prompt
        enrollment = enrollments[username]
        Reflection.objects.get_or_create(
            author_id=enrollment.user_id,
            module_key=module.translation_key,
            prompt_key=prompt_key,
            defaults={
                "enrollment": enrollment,
                "prompt_text": prompt_text,
                "text": text,
                "shared_at": now if shared else None,
            },
        )
