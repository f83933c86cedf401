"""The module 14 homework ("three conversations") and the Alna cohort's
hand-ins in every state, for `supervisor` to work through.

The assignment is an ``lms`` snippet made in Norwegian and translated into
English and Arabic through wagtail-localize, like the demo pages; module 14's
lesson places it with an ``assignment`` block. Submissions go through the
homework and review services, so they are what a real trainee and supervisor
would have left behind. Idempotent: a trainee who has a submission already is
left alone.
"""

import datetime
import uuid

from django.utils import timezone
from wagtail.models import Locale

from courses.demo.localize import translate_object
from lms import homework, reviews
from lms.choices import ReviewDecision
from lms.models import Assignment, Submission

ID_NAMESPACE = uuid.UUID("4f1d7c2e-6a0b-4c55-9a51-0d7e3b1c9a14")
SLUG = "tre-samtaler"


def stable_id(*parts) -> str:
    return str(uuid.uuid5(ID_NAMESPACE, "/".join(parts)))


TRANSLATION_KEY = uuid.UUID(stable_id("assignment", SLUG))

THREE_CONVERSATIONS = {
    "title": {
        "nb": "Tre samtaler",
        "en": "Three conversations",
        "ar": "ثلاث محادثات",
    },
    "instructions": {
        "nb": (
            "<p>Snakk med tre kvinner i løpet av de neste to ukene, og bruk "
            "Bydelsmødrenes metoder: den gode samtalen, brobygging og nettverk.</p>"
            "<p>Skriv kort om hver samtale. <b>Skriv aldri navnet</b> på kvinnen "
            "du snakket med, og ingenting som gjør at andre kan kjenne henne "
            "igjen. Du kan også legge ved et lydopptak der du forteller.</p>"
        ),
        "en": (
            "<p>Talk with three women over the next two weeks, using the "
            "Bydelsmødre methods: the good conversation, bridge building and "
            "networks.</p>"
            "<p>Write briefly about each conversation. <b>Never write the name</b> "
            "of the woman you talked with, nor anything that would let others "
            "recognise her. You may also attach a recording in which you tell "
            "about it.</p>"
        ),
        "ar": (
            "<p>تحدّثي مع ثلاث نساء خلال الأسبوعين القادمين، مستخدمةً أساليب "
            "أمهات الحيّ: المحادثة الجيدة، وبناء الجسور، والشبكات.</p>"
            "<p>اكتبي باختصار عن كل محادثة. <b>لا تكتبي أبدًا اسم</b> المرأة التي "
            "تحدّثتِ معها، ولا أيّ شيء يجعل الآخرين يتعرّفون عليها. ويمكنكِ أيضًا "
            "إرفاق تسجيل صوتي تحكين فيه عن ذلك.</p>"
        ),
    },
    "pass_criteria": {
        "nb": (
            "Tre samtaler er beskrevet. For hver står det hvilken metode du "
            "brukte, hva som skjedde og hva som var vanskelig. Ingen navn."
        ),
        "en": (
            "Three conversations are described. Each says which method you used, "
            "what happened and what was hard. No names."
        ),
        "ar": (
            "وُصفت ثلاث محادثات. ولكلّ منها: الأسلوب الذي استخدمتِه، وما حدث، "
            "وما كان صعبًا. بلا أسماء."
        ),
    },
    "report_entry_label": {"nb": "Samtale", "en": "Conversation", "ar": "محادثة"},
    "fields": [
        {
            "key": "who",
            "kind": "short",
            "label": {
                "nb": "Hvem snakket du med? (beskriv henne, ikke skriv navnet)",
                "en": "Who did you talk with? (describe her, do not write her name)",
                "ar": "مع من تحدّثتِ؟ (صِفيها، ولا تكتبي اسمها)",
            },
            "help_text": {
                "nb": "For eksempel: «en nabo med to små barn».",
                "en": "For example: “a neighbour with two small children”.",
                "ar": "مثلًا: «جارة لديها طفلان صغيران».",
            },
            "choices": [],
        },
        {
            "key": "method",
            "kind": "choice",
            "label": {
                "nb": "Hvilken metode brukte du?",
                "en": "Which method did you use?",
                "ar": "أيّ أسلوب استخدمتِ؟",
            },
            "help_text": {"nb": "", "en": "", "ar": ""},
            "choices": [
                {
                    "nb": "Den gode samtalen",
                    "en": "The good conversation",
                    "ar": "المحادثة الجيدة",
                },
                {"nb": "Brobygging", "en": "Bridge building", "ar": "بناء الجسور"},
                {"nb": "Nettverk", "en": "Networks", "ar": "الشبكات"},
            ],
        },
        {
            "key": "what",
            "kind": "long",
            "label": {
                "nb": "Hva skjedde?",
                "en": "What happened?",
                "ar": "ماذا حدث؟",
            },
            "help_text": {"nb": "", "en": "", "ar": ""},
            "choices": [],
        },
        {
            "key": "hard",
            "kind": "long",
            "label": {
                "nb": "Hva var vanskelig?",
                "en": "What was hard?",
                "ar": "ما الذي كان صعبًا؟",
            },
            "help_text": {"nb": "", "en": "", "ar": ""},
            "choices": [],
        },
    ],
}


def field_id(key: str) -> str:
    return stable_id(SLUG, "field", key)


def assignment_fields(language: str) -> dict:
    data = THREE_CONVERSATIONS
    return {
        "title": data["title"][language],
        "instructions": data["instructions"][language],
        "pass_criteria": data["pass_criteria"][language],
        "accepts_text": False,
        "accepts_files": True,
        "accepts_audio": True,
        "max_files": 5,
        "due_days_after_session": 14,
        "report_entry_label": data["report_entry_label"][language],
        "report_min_entries": 3,
        "report_max_entries": 3,
        "report_fields": [
            {
                "type": "field",
                "id": field_id(f["key"]),
                "value": {
                    "label": f["label"][language],
                    "help_text": f["help_text"][language],
                    "kind": f["kind"],
                    "choices": [
                        {
                            "type": "item",
                            "id": stable_id(SLUG, f["key"], str(n)),
                            "value": c[language],
                        }
                        for n, c in enumerate(f["choices"])
                    ],
                    "required": True,
                },
            }
            for f in data["fields"]
        ],
    }


def ensure_assignment(*, source_language, languages, log) -> Assignment:
    """The "three conversations" assignment in Norwegian and its translations."""
    source_locale = Locale.objects.get(language_code=source_language)
    assignment = Assignment.objects.filter(
        translation_key=TRANSLATION_KEY, locale=source_locale
    ).first()
    if assignment is None:
        assignment = Assignment.objects.create(
            translation_key=TRANSLATION_KEY,
            locale=source_locale,
            **assignment_fields(source_language),
        )
        log(f"  created homework {assignment.title!r}")
    for language in languages:
        locale = Locale.objects.get(language_code=language)
        if assignment.has_translation(locale):
            continue
        translate_object(
            assignment,
            Assignment(
                translation_key=TRANSLATION_KEY,
                locale=locale,
                **assignment_fields(language),
            ),
            locale,
        )
        log(f"  translated homework into {language}")
    return assignment


def assignment_pk(language: str) -> int:
    """For module 14's lesson: the assignment's copy in the page's language."""
    return Assignment.objects.get(
        translation_key=TRANSLATION_KEY, locale__language_code=language
    ).pk


# --- the Alna cohort's hand-ins ---------------------------------------------------


def _report(*entries):
    """Three conversation entries from (who, method index, what, hard)."""
    methods = THREE_CONVERSATIONS["fields"][1]["choices"]
    return [
        {
            field_id("who"): who,
            field_id("method"): methods[method]["nb"],
            field_id("what"): what,
            field_id("hard"): hard,
        }
        for who, method, what, hard in entries
    ]


REPORT_A = _report(
    (
        "En nabo med to små barn",
        0,
        "Vi drakk kaffe, og hun fortalte at hun er ensom om kveldene.",
        "Å ikke gi råd med en gang, bare lytte.",
    ),
    (
        "En kvinne jeg møter i parken",
        1,
        "Jeg fortalte om helsestasjonen, og vi gikk dit sammen.",
        "Hun var redd for å ikke forstå norsk.",
    ),
    (
        "En eldre kvinne fra moskeen",
        2,
        "Jeg inviterte henne til kvinnegruppen på biblioteket.",
        "Hun sa nei først. Jeg må spørre igjen senere.",
    ),
)
REPORT_SHORT = REPORT_A[:2] + [
    {
        field_id("who"): "En venninne av søsteren min",
        field_id("method"): THREE_CONVERSATIONS["fields"][1]["choices"][0]["nb"],
        field_id("what"): "Vi snakket om skolen.",
        field_id("hard"): "Vet ikke.",
    }
]
REPORT_REVISED = REPORT_SHORT[:2] + [
    {
        field_id("who"): "En venninne av søsteren min",
        field_id("method"): THREE_CONVERSATIONS["fields"][1]["choices"][0]["nb"],
        field_id("what"): (
            "Vi snakket om skolen. Hun vil be om tolk på foreldremøtet, og jeg "
            "fortalte hvordan."
        ),
        field_id("hard"): "Hun snakket fort, og jeg måtte spørre flere ganger.",
    }
]

NEEDS_MORE = (
    "Fint at du prøvde alle tre metodene! Samtale 3 er veldig kort: skriv litt "
    "mer om hva dere snakket om og hva som var vanskelig, så er det bra."
)
WELL_DONE = "Veldig godt beskrevet, og ingen navn. Godkjent."


def _hand_in(enrollment, assignment, module_key, report, *, days_ago):
    submission = homework.start_submission(
        enrollment=enrollment, assignment=assignment, module_key=module_key
    )
    submission = homework.save_draft(
        submission=submission,
        assignment=assignment,
        report=report,
        revision=submission.draft_revision,
    )
    version = homework.submit(
        submission=submission,
        assignment=assignment,
        revision=submission.draft_revision,
        user=enrollment.user,
    )
    when = timezone.now() - datetime.timedelta(days=days_ago, hours=3)
    type(version).objects.filter(pk=version.pk).update(submitted_at=when)
    Submission.objects.filter(pk=submission.pk).update(submitted_at=when)
    return Submission.objects.get(pk=submission.pk)


def _review(submission, supervisor, decision, feedback, *, release):
    return reviews.save_review(
        submission=submission,
        version_number=submission.versions.count(),
        reviewer=supervisor,
        decision=decision,
        feedback=feedback,
        release=release,
        expected_state=submission.review_state,
    )


def build_alna_homework(*, enrollments, module, supervisor, log):
    """Module 14 hand-ins of the Alna cohort, one trainee per state."""
    assignment = Assignment.objects.get(
        translation_key=TRANSLATION_KEY, locale=module.locale
    )
    key = module.translation_key
    done = set(
        Submission.objects.filter(
            enrollment__in=enrollments.values(), assignment_key=TRANSLATION_KEY
        ).values_list("enrollment__user__username", flat=True)
    )

    def wanted(username):
        return username in enrollments and username not in done

    # Handed in, returned for revision, handed in again: waits for review.
    if wanted("trainee"):
        s = _hand_in(enrollments["trainee"], assignment, key, REPORT_SHORT, days_ago=9)
        _review(s, supervisor, ReviewDecision.NEEDS_REVISION, NEEDS_MORE, release=True)
        _hand_in(enrollments["trainee"], assignment, key, REPORT_REVISED, days_ago=2)
    # Waiting for review, the oldest first.
    for username, days in (("trainee2", 6), ("trainee3", 4), ("trainee4", 1)):
        if wanted(username):
            _hand_in(enrollments[username], assignment, key, REPORT_A, days_ago=days)
    # A review saved as a draft: the trainee sees nothing yet.
    if wanted("trainee5"):
        s = _hand_in(enrollments["trainee5"], assignment, key, REPORT_A, days_ago=5)
        _review(s, supervisor, ReviewDecision.APPROVED, WELL_DONE, release=False)
    # Returned; she has not handed in again yet.
    if wanted("trainee6"):
        s = _hand_in(enrollments["trainee6"], assignment, key, REPORT_SHORT, days_ago=8)
        _review(s, supervisor, ReviewDecision.NEEDS_REVISION, NEEDS_MORE, release=True)
    # Approved.
    if wanted("trainee7"):
        s = _hand_in(enrollments["trainee7"], assignment, key, REPORT_A, days_ago=10)
        _review(s, supervisor, ReviewDecision.APPROVED, WELL_DONE, release=True)
    # A draft she is still writing.
    if wanted("trainee8"):
        s = homework.start_submission(
            enrollment=enrollments["trainee8"], assignment=assignment, module_key=key
        )
        homework.save_draft(
            submission=s,
            assignment=assignment,
            report=REPORT_A[:1],
            revision=s.draft_revision,
        )
    added = {"trainee", *(f"trainee{n}" for n in range(2, 9))} - done
    if added & set(enrollments):
        log(f"  handed in module {module.number} homework for {len(added)} trainees")
