"""Dissolved into one module per feature (lms.enrolment, lms.accounts,
lms.planning, lms.attendance, lms.progress). These names stay importable
from here only until the demo's benchmark script is updated."""

from lms.accounts import profile_for, set_language, set_side_by_side  # noqa: F401
from lms.attendance import (  # noqa: F401
    counted_sessions,
    record_attendance,
    session_counts_for,
)
from lms.enrolment import (  # noqa: F401
    SIGN_IN_LINK_LIFETIME,
    SignInLinkRefused,
    add_to_role,
    create_sign_in_link,
    create_trainee_account,
    enroll,
    move_enrollment,
    redeem_sign_in_link,
    withdraw,
)
from lms.planning import create_sessions, propose_sessions  # noqa: F401
from lms.progress import (  # noqa: F401
    mark_module_reviewed,
    record_module_opened,
    record_module_visit,
)
