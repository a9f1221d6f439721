"""What experiments holds about a person, for their data export."""

from frontloeber.accounts.models import FORMER_PERSON_NAME

from .models import AdoptionPlan, Case, Experiment, LogEntry, SafetyReview


def experiments_personal_data(*, user):
    return {
        "afproevninger": list(
            Experiment.objects.filter(participants=user).values(
                "workplace__name", "idea__title", "hypothesis", "state", "starts_on", "ends_on"
            )
        ),
        "afproevninger_oprettet": list(
            Experiment.objects.filter(created_by=user).values("workplace__name", "idea__title", "created_at")
        ),
        "logbog": list(
            LogEntry.objects.filter(author=user).values(
                "workplace__name", "experiment__idea__title", "entry_date", "text", "created_at"
            )
        ),
        "implementeringsplaner_ansvarlig": list(
            AdoptionPlan.objects.filter(responsible=user).values(
                "workplace__name", "idea__title", "state", "go_live_on"
            )
        ),
        "cases_kontaktperson": list(
            Case.objects.filter(contact=user).values("workplace__name", "idea__title", "published_at")
        ),
    }


def experiments_erase(*, user, former, remove_contributions):
    """A safety review keeps the plan as it was reviewed, participants' names included: the person's name
    there becomes "Tidligere medarbejder"."""
    names = {name for name in (user.full_name, user.email) if name}
    for review in SafetyReview.objects.filter(experiment__participants=user).distinct():
        answers = [
            [question, _without(answer, names)] if isinstance(answer, str) else [question, answer]
            for question, answer in review.answers
        ]
        if answers != [list(pair) for pair in review.answers]:
            SafetyReview.objects.filter(pk=review.pk).update(answers=answers)


def _without(text, names):
    for name in names:
        text = text.replace(name, FORMER_PERSON_NAME)
    return text
