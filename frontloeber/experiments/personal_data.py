"""What experiments holds about a person, for their data export."""

from .models import AdoptionPlan, Case, Experiment, LogEntry


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
