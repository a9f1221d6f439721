"""Reads for the reflection survey, in sections: shared thresholds (base), rounds, the report, who reads it
(sharing), and the organisation's roll-up.
"""

from .base import (  # noqa: F401
    ANSWERED_USE_YOUR_LINK,
    LINK_NOT_VALID,
    NOTABLE_GAP,
    current_practices,
    current_version,
    practices_with_items,
)
from .practice_views import PracticeView, practice_views  # noqa: F401
from .report import (  # noqa: F401
    ItemResult,
    PracticeResult,
    Report,
    round_report,
)
from .rollup import (  # noqa: F401
    WorkplaceRow,
    organisation_rollup,
    rollup_workplaces,
)
from .rounds import (  # noqa: F401
    access_organisation_round,
    access_round,
    answered_count,
    assessment_values,
    effective_threshold,
    invitation_for_link,
    my_exclusion,
    my_invitation,
    response_for_link,
    round_exclusions,
    round_preview,
    round_unfinished,
    survey_waiting_for,
    workplace_home_survey,
    workplace_rounds,
)
from .sharing import (  # noqa: F401
    ROLE_AUDIENCE,
    access_report,
    may_share,
    offered_audiences,
    readable_rounds,
    report_audience,
    round_shares,
)
