"""What happens in the programme, as Django signals.

Domain code sends these and knows nothing of who listens: mail and
background tasks connect to them (lms.tasks, connected when the app is
ready), and a host site may connect its own receivers. Senders send them
inside their transaction; receivers that do outside work wait for the
commit (``transaction.on_commit``), so a rolled-back change tells no one.
"""

from django.dispatch import Signal

# A trainee handed in a new version of her homework.
# Arguments: submission, version.
work_handed_in = Signal()

# A supervisor released a review to the trainee. Arguments: review.
feedback_released = Signal()

# An enrollment met its course's completion rule. Arguments: enrollment.
enrollment_completed = Signal()

# A copy of someone's personal data was asked for. Arguments: export.
data_export_requested = Signal()
