"""Writes for the reflection survey, in sections: rounds (creating, opening, closing, reminding), the
employees' anonymous answers, the leader's and the superior's named assessments, and the organisation's
setting. Each checks the actor's permission itself.
"""

from .answers import (  # noqa: F401
    answer_link_issue,
    response_submit,
)
from .assessments import (  # noqa: F401
    assessment_submit,
)
from .base import (  # noqa: F401
    COMMENT_MAX_LENGTH,
    ELIGIBILITY_DAYS,
    REMIND_DAYS_BEFORE_CLOSE,
    ROUND_MAX_DAYS,
    ROUND_MAX_DAYS_AHEAD,
    logger,
    question_bank_lock,
)
from .rounds import (  # noqa: F401
    early_close_allowed,
    may_approve_early_close,
    round_close,
    round_invitations_send,
    round_open,
    round_remind,
    round_request_early_close,
    round_seal,
    rounds_remind_due,
    rounds_seal_due,
    rounds_start_due,
)
from .setting import (  # noqa: F401
    organisation_threshold_update,
)
from .sharing import (  # noqa: F401
    report_sharing_update,
)
