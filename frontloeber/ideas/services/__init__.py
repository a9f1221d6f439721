"""Writes for ideas, in sections: shared checks and helpers (base), challenges, ideas, supports, follows and
comments (engagement), and the leader's answers. Each checks the actor's permission itself.
"""

from .answers import (  # noqa: F401
    idea_acknowledge,
    idea_answer,
    idea_ask,
    idea_assign,
    idea_merge,
    idea_move,
    idea_qualify,
    idea_status_follow,
)
from .base import (  # noqa: F401
    MAX_TAGS,
    TAG_MAX,
)
from .challenges import (  # noqa: F401
    challenge_create,
    challenge_update,
)
from .engagement import (  # noqa: F401
    comment_create,
    comment_update,
    idea_follow,
    idea_support,
)
from .ideas import (  # noqa: F401
    IDEA_TEXT,
    idea_create,
    idea_image_delete,
    idea_update,
    idea_withdraw,
)
