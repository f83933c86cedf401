"""What every rule builds on: who is anonymous, which enrollment statuses
give the course material, which make a cohort "hers"."""

from lms.choices import EnrollmentStatus

LEARNING = [EnrollmentStatus.ACTIVE, EnrollmentStatus.COMPLETED]
# In a group now or about to be: what makes a cohort "hers" for sign-in links.
CURRENT = [
    EnrollmentStatus.APPLICANT,
    EnrollmentStatus.WAITLISTED,
    EnrollmentStatus.ACTIVE,
]


def _anonymous(user) -> bool:
    return user is None or not user.is_authenticated


anonymous = _anonymous
