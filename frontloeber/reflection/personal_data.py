"""What reflection holds about a person, for their data export. Their answers are not here: nothing links an
answer to the person who gave it."""

from .models import AssessmentAnswer, Round, RoundInvitation


def reflection_personal_data(*, user):
    return {
        "undersoegelser_inviteret": list(
            RoundInvitation.objects.filter(user=user).values(
                "workplace__name", "round__opens_on", "round__closes_on", "answered"
            )
        ),
        "undersoegelser_ledet": list(
            Round.objects.filter(leader=user).values(
                "workplace__name", "opens_on", "closes_on", "invited_count"
            )
        ),
        # A leader's own assessment is named by design, so it is theirs to see.
        "lederens_egen_vurdering": list(
            AssessmentAnswer.objects.filter(assessment__author=user).values(
                "assessment__workplace__name",
                "assessment__round__opens_on",
                "assessment__kind",
                "item__code",
                "value",
            )
        ),
    }
