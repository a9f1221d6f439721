"""Writes for the team's skills, in sections: the catalogue, rating one's own skills, and learning
activities. Each checks the actor's permission itself.
"""

from .base import (  # noqa: F401
    MINUTES_RANGE,
    PLAN_AHEAD_DAYS,
    SEATS_MAX,
)
from .catalogue import (  # noqa: F401
    catalogue_start,
    skill_add,
    skill_retire,
)
from .learning import (  # noqa: F401
    activity_cancel,
    activity_feedback,
    activity_plan,
    activity_update,
    attendance_record,
    signup_cancel,
    signup_create,
)
from .ratings import (  # noqa: F401
    skills_rate,
)
