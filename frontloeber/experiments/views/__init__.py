"""The experiments' pages, in sections: experiments and their log, adoption plans and checkpoints, and
cases.
"""

from .adoption import (  # noqa: F401
    adoption_create,
    adoption_detail,
    adoption_edit,
    adoption_go_live,
    checkpoint_record,
)
from .base import (  # noqa: F401
    CONTRIBUTORS,
    LEADERS,
)
from .cases import (  # noqa: F401
    case_detail,
    case_image,
    case_list,
    case_publish,
    case_try,
)
from .experiments import (  # noqa: F401
    adoption_skills,
    experiment_cancel,
    experiment_conclude,
    experiment_create,
    experiment_detail,
    experiment_edit,
    experiment_evaluate,
    experiment_list,
    experiment_safety,
    experiment_safety_confirm,
    experiment_safety_send,
    experiment_skills,
    experiment_start,
    learned,
    log_entry_create,
    log_photo,
)
from .safety import (  # noqa: F401
    experiment_review_pdf,
    safety_review,
    safety_review_pdf,
    safety_reviews,
)
