"""Writes for experiments, in sections: shared checks (base), experiments and their learning log, the daily
reminders, the safety check's reviews, adoption plans with checkpoints, and cases. Each checks the actor's
permission itself.
"""

from .adoption import (  # noqa: F401
    adoption_plan_create,
    adoption_plan_go_live,
    adoption_plan_update,
    checkpoint_record,
)
from .base import (  # noqa: F401
    MAX_BUDGET,
    MAX_HOURS,
    require_no_experiment_decides,
    skills_needed_set,
)
from .cases import (  # noqa: F401
    case_publish,
    case_try_here,
)
from .experiments import (  # noqa: F401
    SAFETY_TEXT,
    experiment_cancel,
    experiment_conclude,
    experiment_create,
    experiment_evaluate,
    experiment_safety_confirm,
    experiment_safety_update,
    experiment_start,
    experiment_update,
    log_entry_add,
)
from .reminders import (  # noqa: F401
    reminders_send,
)
from .safety import (  # noqa: F401
    experiment_safety_send,
    safety_review_decide,
    safety_reviews_current,
    safety_snapshot,
)
