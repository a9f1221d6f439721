"""Writes for dialogue workshops, in sections: planning a session, running it live (the facilitator's
controls and joining), the room (posts, votes, groups, themes), what the posts become, and the barriers and
action items they become (the register itself is the actions app). Each checks the actor's permission itself.
"""

from .actions import (  # noqa: F401
    action_item_create,
    barrier_create,
)
from .live import (  # noqa: F401
    MAX_DOTS,
    MAX_EXTEND_MINUTES,
    MAX_GROUPS,
    MAX_PARTICIPANTS,
    MAX_POSTS_PER_PARTICIPANT,
    NAME_MAX,
    POST_MAX,
    STEP_ACTIONS,
    THEME_MAX,
    guests_purge,
    join_code_resolve,
    participant_join,
    session_end,
    session_start,
    session_step,
)
from .outputs import (  # noqa: F401
    learning_activity_from_session,
    post_agreeing,
    post_to_adoption_plan,
    post_to_challenge,
    post_to_experiment,
    post_to_idea,
    posts_to_ideas,
)
from .planning import (  # noqa: F401
    ABOUT_FIELDS,
    PLAN_AHEAD_DAYS,
    session_cancel,
    session_plan,
    session_update,
)
from .room import (  # noqa: F401
    groups_split,
    participant_move,
    participant_remove,
    post_create,
    post_delete,
    post_merge,
    post_move,
    post_remove,
    post_theme,
    theme_create,
    vote_cast,
    vote_close,
    vote_open,
)
