"""What competences holds about a person, for their data export."""

from .models import LearningActivity, Signup, SkillLevelChange, SkillProfile, SkillRating


def competences_personal_data(*, user):
    return {
        "kompetencer": list(
            SkillRating.objects.filter(user=user).values(
                "organisation__name", "skill__name", "level", "wants_to_learn", "updated_at"
            )
        ),
        "kompetencer_historik": list(
            SkillLevelChange.objects.filter(user=user).values(
                "organisation__name", "skill__name", "level", "changed_at"
            )
        ),
        "kompetenceprofil": list(
            SkillProfile.objects.filter(user=user).values(
                "organisation__name", "visible_to_team", "willing_to_help", "updated_at"
            )
        ),
        "tilmeldinger": list(
            Signup.objects.filter(user=user).values(
                "workplace__name", "activity__title", "signed_up_at", "attended", "rating", "feedback"
            )
        ),
        "aktiviteter_vaert_for": list(
            LearningActivity.objects.filter(host=user).values("workplace__name", "title", "starts_at")
        ),
    }
