"""The reflection survey's pages, in sections: the employee answering with the personal link, the workplace's
reflection page, and the organisation's roll-up, superior's assessment and threshold.
"""

from .answering import (  # noqa: F401
    answer,
    answer_start,
    link_open,
)
from .base import (  # noqa: F401
    PENDING_COOKIE,
)
from .organisation import (  # noqa: F401
    organisation_round,
    organisation_round_close,
    organisation_round_pdf,
    rollup,
    superior_assessment,
    threshold_edit,
)
from .workplace import (  # noqa: F401
    home,
    round_close,
    round_create,
    round_csv,
    round_detail,
    round_pdf,
    round_remind,
    round_request_close,
    round_sharing,
    self_assessment,
)
