"""The workshops' pages for members, in sections: the library and planning sessions, the facilitator's live
screen, outputs, summary and material pack after the session (the barrier register is the actions app).
Joining by code is in join_views.py.
"""

from .base import (  # noqa: F401
    format_detail,
    library,
)
from .live import (  # noqa: F401
    participant_group,
    participant_remove,
    post_arrange,
    post_remove,
    session_control,
    session_live,
    session_live_board,
    session_present,
    session_present_board,
    session_start,
)
from .outputs import (  # noqa: F401
    OUTPUT_FORMS,
    format_materials,
    post_convert,
    session_learning_activity,
    session_outputs,
    session_posts_to_ideas,
    session_summary,
    session_summary_pdf,
)
from .sessions import (  # noqa: F401
    session_cancel,
    session_detail,
    session_edit,
    session_list,
    session_plan,
)
