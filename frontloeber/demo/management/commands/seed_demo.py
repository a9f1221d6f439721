"""Load the demo: a fictional municipality with five workplaces modelled on the five front-runners.

Idempotent: a second run finds everything in place and changes nothing. The demo password is set only
when an account is created here, and exists nowhere but in this command.
"""

from datetime import timedelta

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone

from frontloeber.accounts.models import User
from frontloeber.demo import competences as competences_demo
from frontloeber.demo import experiments as experiments_demo
from frontloeber.demo import ideas as ideas_demo
from frontloeber.demo import insights as insights_demo
from frontloeber.demo import people as people_demo
from frontloeber.demo import reflection as reflection_demo
from frontloeber.demo import workshops as workshops_demo
from frontloeber.organisations.models import (
    Membership,
    MembershipOrigin,
    Organisation,
    OrganisationAdmin,
    OrganisationDomain,
    Role,
    Sector,
    Workplace,
)
from frontloeber.organisations.services import membership_add

DEMO_PASSWORD = "frontloeber-demo"
DOMAIN = "fjordby.example"

ORGANISATION = {"slug": "fjordby", "name": "Fjordby Kommune"}

WORKPLACES = [
    {
        "slug": "praehospitalt-center",
        "name": "Præhospitalt Center Fjordby",
        "sector": Sector.HEALTH,
        "core_task": (
            "Vi bringer akut hjælp til borgere i hele regionen – hurtigt, sikkert og fagligt. Hvert minut tæller, "
            "så vi arbejder for, at den rette hjælp når frem i tide, og at patienten oplever tryghed fra opkald "
            "til overlevering på hospitalet."
        ),
        "leader": "Henrik Vestergaard",
        "employees": [
            "Camilla Østergaard",
            "Jonas Kjær",
            "Mads Rasmussen",
            "Line Thomsen",
            "Peter Holm",
            "Sara Bach",
            "Kasper Dahl",
            "Anja Lauridsen",
        ],
    },
    {
        "slug": "boernehuset-solsikken",
        "name": "Børnehuset Solsikken",
        "sector": Sector.DAYCARE,
        "core_task": (
            "Vi giver børn fra 0 til 6 år en tryg hverdag med leg, læring og nærværende voksne. Vi samarbejder "
            "tæt med forældrene, så hvert barn trives, udvikler sig og bliver klar til næste skridt."
        ),
        "leader": "Mette Lund",
        "employees": [
            "Louise Skov",
            "Rikke Mortensen",
            "Ahmad Nasser",
            "Tina Winther",
            "Bente Kristiansen",
            "Emil Laursen",
            "Freja Nygaard",
        ],
    },
    {
        "slug": "lys-og-signal",
        "name": "Lys og Signal – Teknik og Miljø",
        "sector": Sector.TECHNICAL,
        "core_task": (
            "Vi sørger for, at gadelys og lyssignaler virker, så borgerne kommer sikkert og let frem – til fods, "
            "på cykel, i bus og i bil. Vi retter fejl hurtigt og planlægger drift og udskiftning, så trafikken "
            "glider og energiforbruget falder."
        ),
        "leader": "Lars Bruun",
        "employees": [
            "Niels Mikkelsen",
            "Kim Søndergaard",
            "Torben Ravn",
            "Jesper Bak",
            "Signe Holt",
            "Morten Friis",
        ],
    },
    {
        "slug": "autismecenter-kastanjehuset",
        "name": "Autismecenter Kastanjehuset",
        "sector": Sector.DISABILITY,
        "core_task": (
            "Vi skaber et forudsigeligt og trygt hjem og dagtilbud for voksne med autisme. Vi støtter hver "
            "beboer i at kommunikere, mestre sin hverdag og leve det liv, vedkommende selv ønsker – i tæt "
            "samarbejde med pårørende."
        ),
        "leader": "Susanne Krogh",
        "employees": [
            "Maria Jepsen",
            "Thomas Brandt",
            "Helle Poulsen",
            "Nadia Hansen",
            "Jakob Lind",
            "Charlotte Riis",
            "Oliver Schmidt",
            "Pernille Due",
            "Rasmus Vinther",
        ],
    },
    {
        "slug": "borgerservice",
        "name": "Borgerservice Fjordby",
        "sector": Sector.CITIZEN_SERVICE,
        "core_task": (
            "Vi hjælper borgerne med pas, kørekort, sundhedskort, pension og digital post – ved skranken, i "
            "telefonen og på nettet. Vi gør det let at få svar og hjælper især dem, der har svært ved at klare "
            "sig digitalt selv."
        ),
        "leader": "Birgitte Holm Sørensen",
        "employees": [
            "Dorthe Lassen",
            "Yasmin Ali",
            "Frederik Munk",
            "Hanne Juul",
            "Søren Eriksen",
            "Julie Fogh",
            "Ib Mølgaard",
            "Anne Kathrine Berg",
            "Christian Hald",
            "Katrine Lynge",
        ],
    },
]

ADMIN = "Kirsten Dahlgaard"
# The organisation admin set the workplaces up this long ago: everyone has long been a member, so the survey
# asks them all (reflection/eligibility.py).
MEMBERS_SINCE_DAYS = 730
OBSERVER = "Ole Frandsen"


def email_for(name: str) -> str:
    table = str.maketrans({"æ": "ae", "ø": "oe", "å": "aa", "é": "e", "ü": "u"})
    local = ".".join(name.lower().translate(table).split())
    return f"{local}@{DOMAIN}"


class Command(BaseCommand):
    help = "Load the demo municipality with five workplaces and print the demo logins (idempotent)."

    def add_arguments(self, parser):
        parser.add_argument("--quiet-logins", action="store_true", help="Do not print the logins.")

    @transaction.atomic
    def handle(self, *args, **options):
        if getattr(settings, "PRODUCTION", False):
            raise CommandError(
                "seed_demo refuses to run with FRONTLOEBER_ENV=production: demo passwords are public."
            )
        self.created = 0
        organisation = self._ensure(
            Organisation, {"slug": ORGANISATION["slug"]}, {"name": ORGANISATION["name"]}
        )
        admin = self._user(ADMIN)
        self.admin = admin
        self._ensure(OrganisationAdmin, {"organisation": organisation, "user": admin}, {})
        self._ensure(OrganisationDomain, {"domain": DOMAIN}, {"organisation": organisation})
        observer = self._user(OBSERVER)
        logins = [("Organisationsadministrator", "Fjordby Kommune", admin.email)]
        workplaces, people = {}, {}
        for spec in WORKPLACES:
            workplace = self._ensure(
                Workplace,
                {"slug": spec["slug"]},
                {
                    "organisation": organisation,
                    "name": spec["name"],
                    "sector": spec["sector"],
                    "core_task": spec["core_task"],
                },
            )
            leader = self._user(spec["leader"])
            self._member(workplace, leader, Role.LEADER)
            people[spec["leader"]] = leader
            for name in spec["employees"]:
                people[name] = self._user(name)
                self._member(workplace, people[name], Role.EMPLOYEE)
            workplaces[spec["slug"]] = workplace
            self._member(workplace, observer, Role.OBSERVER)
            logins.append(("Leder", workplace.name, leader.email))
            logins.append(("Medarbejder", workplace.name, email_for(spec["employees"][0])))
        logins.append(("Observatør (MED-udvalg), alle fem", "Fjordby Kommune", observer.email))
        self.created += ideas_demo.seed(workplaces=workplaces, people=people)
        self.created += experiments_demo.seed(workplaces=workplaces, people=people)
        self.created += reflection_demo.seed(workplaces=workplaces, people=people)
        self.created += workshops_demo.seed(workplaces=workplaces, people=people)
        self.created += competences_demo.seed(workplaces=workplaces, people=people)
        self.created += insights_demo.seed(workplaces=workplaces, people=people)
        self.created += people_demo.seed(
            workplaces=workplaces, people=people, admin=admin, password=DEMO_PASSWORD
        )

        self.stdout.write(
            self.style.SUCCESS(
                f"Demo data in place ({self.created} new rows)."
                if self.created
                else "Demo data already in place."
            )
        )
        if not options["quiet_logins"]:
            self.stdout.write(f"\nDemo logins – password for all: {DEMO_PASSWORD}\n")
            width = max(len(role) for role, _w, _e in logins)
            for role, where, email in logins:
                self.stdout.write(f"  {role:<{width}}  {email:<45} {where}")
            self.stdout.write("")

    def _ensure(self, model, lookup, values):
        """Create the row, or bring it to the given values, saving only when something differs."""
        obj = model.objects.filter(**lookup).first()
        if obj is None:
            self.created += 1
            return model.objects.create(**lookup, **values)
        changed = [field for field, value in values.items() if getattr(obj, field) != value]
        if changed:
            for field in changed:
                setattr(obj, field, values[field])
            obj.save(update_fields=changed)
        return obj

    def _user(self, name):
        email = email_for(name)
        user = User.objects.filter(email=email).first()
        if user is None:
            self.created += 1
            user = User.objects.create_user(email=email, password=DEMO_PASSWORD, full_name=name)
        return user

    def _member(self, workplace, user, role):
        """Made by the organisation admin, long ago, as when the workplaces were set up."""
        if not Membership.objects.filter(workplace=workplace, user=user).exists():
            self.created += 1
            return membership_add(
                workplace=workplace,
                user=user,
                role=role,
                origin=MembershipOrigin.ADMIN,
                actor=self.admin,
                now=timezone.now() - timedelta(days=MEMBERS_SINCE_DAYS),
            )
        return self._ensure(
            Membership,
            {"workplace": workplace, "user": user},
            {"organisation": workplace.organisation, "role": role},
        )
