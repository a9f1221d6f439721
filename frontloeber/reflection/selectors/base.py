from django.db.models import Prefetch, Subquery
from django.utils.translation import gettext_lazy as _

from ..models import (
    Item,
    Practice,
    QuestionBankVersion,
    ReflectionQuestion,
)

LINK_NOT_VALID = _(
    "This survey link does not work: it may belong to someone else, or a newer link has replaced it. "
    "Use the newest link in your own e-mail, or open the survey from the workplace's Reflection page."
)
ANSWERED_USE_YOUR_LINK = _(
    "You have answered. To change your answers, use the personal link in the e-mail we sent you when you "
    "answered: nobody, not even Frontløber, can find your answers without it."
)
# A gap between the leader's view and the team's this large (on the 1–5 scale) is worth talking about.
NOTABLE_GAP = 0.5


def _newest_first():
    return QuestionBankVersion.objects.order_by("-number")


def current_version():
    return _newest_first().first()


def current_practices():
    """The current version's practices in order, in one query."""
    newest = _newest_first().values("pk")[:1]
    return list(Practice.objects.filter(version=Subquery(newest)).order_by("position"))


def practices_with_items(*, version):
    """The version's five practices with their items and reflection questions, in three queries."""
    return list(
        Practice.objects.filter(version=version)
        .prefetch_related(
            Prefetch("items", queryset=Item.objects.order_by("position")),
            Prefetch("reflection_questions", queryset=ReflectionQuestion.objects.order_by("position")),
        )
        .order_by("position")
    )
