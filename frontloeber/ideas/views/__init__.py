"""The ideas' pages, in sections: the board, submitting and editing, the idea page, supports, follows and
comments, the leader's inbox, and challenges.
"""

from .base import (  # noqa: F401
    CONTRIBUTORS,
    LEADERS,
    post_or_back_to_idea,
)
from .board import (  # noqa: F401
    board,
)
from .challenges import (  # noqa: F401
    challenge_create,
    challenge_detail,
    challenge_edit,
    challenge_list,
)
from .detail import (  # noqa: F401
    idea_acknowledge,
    idea_answer,
    idea_ask,
    idea_assign,
    idea_detail,
    idea_merge,
    idea_move,
    idea_qualify,
)
from .engagement import (  # noqa: F401
    comment_create,
    comment_edit,
    idea_follow,
    idea_support,
)
from .inbox import (  # noqa: F401
    inbox,
)
from .submitting import (  # noqa: F401
    idea_create,
    idea_edit,
    idea_image,
    idea_image_delete,
    idea_withdraw,
    similar,
)
