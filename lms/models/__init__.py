"""Learning-engine models.

Everything that records what a learner did with a module points at it by the
module's wagtail-localize ``translation_key`` (``module_key``), shared by every
language's copy, so switching language loses nothing.
"""

from lms.models.accounts import Profile, SignInLink
from lms.models.alumni import TrackApplication
from lms.models.cohorts import (
    Attendance,
    Chapter,
    Cohort,
    CohortStaff,
    Enrollment,
    Session,
)
from lms.models.completion import CompletionException
from lms.models.curriculum import TreeVersion
from lms.models.diplomas import Diploma
from lms.models.h5p import H5PActivity, H5PAttempt, H5PUserState, XAPIStatement
from lms.models.homework import (
    Assignment,
    Review,
    Submission,
    SubmissionFile,
    SubmissionVersion,
)
from lms.models.lecturing import (
    Briefing,
    BriefingChange,
    BriefingNote,
    LecturerInvitation,
    Material,
)
from lms.models.notifications import NotificationLog
from lms.models.privacy import DataExport, ErasureRecord, ErasureRequest
from lms.models.progress import ModuleProgress
from lms.models.quizzes import Answer, Choice, Question, Quiz, QuizCategory, Sitting
from lms.models.reflections import Reflection

__all__ = [
    "Answer",
    "Choice",
    "CompletionException",
    "DataExport",
    "ErasureRecord",
    "ErasureRequest",
    "Diploma",
    "H5PActivity",
    "H5PAttempt",
    "H5PUserState",
    "Question",
    "Quiz",
    "QuizCategory",
    "Sitting",
    "TrackApplication",
    "TreeVersion",
    "XAPIStatement",
    "Assignment",
    "Briefing",
    "BriefingChange",
    "BriefingNote",
    "LecturerInvitation",
    "Material",
    "NotificationLog",
    "Review",
    "Submission",
    "SubmissionFile",
    "SubmissionVersion",
    "Attendance",
    "Chapter",
    "Cohort",
    "CohortStaff",
    "Enrollment",
    "ModuleProgress",
    "Profile",
    "Reflection",
    "Session",
    "SignInLink",
]
