"""Load the demo's digital skills: the catalogue, everybody's ratings over five quarters, helpers, gaps and
learning activities in all five workplaces.

* The organisation started from the suggested catalogue some fifteen months ago, and each workplace's
  leader added the one or two skills that matter there (Aula in Solsikken, PPJ and telemedicine at the
  ambulance station, the traffic control system and drones at Lys og Signal, pictograms and ASK at
  Kastanjehuset, MitID and borger.dk at Borgerservice).
* Every employee and leader rated themselves two or three times since then; levels mostly rose, so the
  map's quarters show the team's skills growing. A couple of people per workplace keep their ratings from
  their colleagues, and one per workplace does not want to be asked for help.
* The helpers ("ildsjæle"), at "can teach others" and willing to help:
  - Børnehuset Solsikken: Louise Skov (Aula), Emil Laursen (pictures and film of the children's day) and
    Ahmad Nasser (phone and tablet).
  - Præhospitalt Center: Camilla Østergaard (ECG sent to the hospital), Jonas Kjær (PPJ) and Sara Bach
    (personal data).
  - Lys og Signal: Niels Mikkelsen (traffic control system), Torben Ravn (drones) and Signe Holt (the work
    apps).
  - Autismecenter Kastanjehuset: Maria Jepsen (pictograms), Thomas Brandt (ASK) and Nadia Hansen (video
    calls with relatives).
  - Borgerservice: Dorthe Lassen (MitID and Digital Post), Frederik Munk (borger.dk) and Yasmin Ali (AI
    tools).
* The running and planned experiments and the live adoption plans the experiments demo made say which
  skills they need. At Lys og Signal (sensors and alarms, own figures) and Borgerservice (video calls with
  citizens, own figures) fewer than two can do what the work needs: the map's gaps. Elsewhere the team has
  what its work needs.
* Each workplace held a learning activity weeks ago, with sign-ups, attendance and a word from some of
  those who came (Borgerservice also a tech playground a few days ago, whose participants are still asked
  to look at their ratings again), and has one planned in the coming weeks with a few sign-ups.

Everything a person or leader does goes through the services, with ``now=`` where they take it; what they
stamp with the current time anyway (the skills' and activities' ``created_at``, the sign-ups, the
notifications) is moved back with queryset updates, as the workshops demo does. Levels come from a seeded
generator, so every run tells the same story.

Idempotent: an organisation that already has a skills catalogue is left alone.
"""

import datetime
import random

from django.db.models import Max
from django.utils import timezone

from frontloeber.competences import selectors, services
from frontloeber.competences.models import (
    LearningActivity,
    Level,
    Signup,
    Skill,
    SkillLevelChange,
    SkillProfile,
    SkillRating,
)
from frontloeber.experiments.models import AdoptionPlan, AdoptionState, Experiment, ExperimentState
from frontloeber.notifications.models import Notification
from frontloeber.organisations.models import Membership, Role

# Whose hands installed the suggested catalogue: the workplace that handles the citizens' digital questions.
CATALOGUE_WORKPLACE = "borgerservice"
# The first ratings fall five quarters back; the catalogue came a little before.
FIRST_QUARTER_BACK = 5
# The latest ratings: a week or two ago, after the learning activities of the past weeks, so those who came
# have looked at their ratings since; the tech playground of the last days is newer than that.
LATEST_DAYS_AGO = (7, 14)
# A person's level in a skill nobody set by hand: the workplace's base for the skill, the person's own ease
# with technology and a little chance. Level 3 stays rare outside the named helpers.
DEFAULT_BASE = 1.5
TEACHES_KEPT = 0.07

CATALOGUE = {
    "phone": "Smartphone og tablet i arbejdet",
    "apps": "Arbejdets apps",
    "sensors": "Sensorer og alarmer",
    "aids": "Robotter og digitale hjælpemidler",
    "meetings": "Videomøder",
    "video_calls": "Videosamtaler med borgere og pårørende",
    "records": "Dokumentation i fagsystemet",
    "messages": "Beskeder og sikker post",
    "figures": "Tal fra egen drift",
    "ai": "AI-værktøjer",
    "personal_data": "Persondata i hverdagen",
    "login": "Sikker adgang og phishing",
}
C = CATALOGUE

WORKPLACES = {
    "boernehuset-solsikken": {
        "skills": [
            (
                "devices",
                "Forældreappen (Aula)",
                "Beskeder, billeder, fravær og sovetider i forældreappen – og hvad der skal stå hvor.",
            ),
            (
                "video",
                "Billeder og film af børnenes dag",
                "Tage, vælge og dele billeder og små film med samtykke, uden at vise andres børn.",
            ),
        ],
        "bases": {
            C["phone"]: 2.2,
            C["apps"]: 2.0,
            C["sensors"]: 0.8,
            C["aids"]: 1.1,
            C["meetings"]: 1.2,
            C["video_calls"]: 0.7,
            C["figures"]: 0.7,
            C["ai"]: 0.6,
            C["personal_data"]: 1.8,
            C["messages"]: 1.8,
            "Forældreappen (Aula)": 2.3,
            "Billeder og film af børnenes dag": 2.0,
        },
        "teaches": {
            "Louise Skov": ["Forældreappen (Aula)"],
            "Emil Laursen": ["Billeder og film af børnenes dag"],
            "Ahmad Nasser": [C["phone"]],
        },
        "hidden": ["Rikke Mortensen", "Bente Kristiansen"],
        "unwilling": ["Tina Winther"],
        "gaps": [],
        "needs": [
            (
                Experiment,
                "Digitalt mikroskop til naturture koblet til tabletten",
                [C["phone"], "Billeder og film af børnenes dag"],
            ),
        ],
        "activities": [
            {
                "kind": "playground",
                "title": "Legestue: Aula på telefonen",
                "description": (
                    "Vi sætter os med telefonerne, mens de mindste sover, og prøver det, vi sjældent får "
                    "gjort: sende billeder til én familie ad gangen, melde sovetider og skrive dagens "
                    "hilsen. Louise viser, og vi prøver selv."
                ),
                "skills": ["Forældreappen (Aula)", C["phone"]],
                "day": -40,
                "at": (13, 0),
                "minutes": 60,
                "place": "Personalestuen",
                "planner": "Mette Lund",
                "host": "Louise Skov",
                "seats": None,
                "signups": [
                    "Rikke Mortensen",
                    "Tina Winther",
                    "Bente Kristiansen",
                    "Freja Nygaard",
                    "Ahmad Nasser",
                ],
                "attended": ["Rikke Mortensen", "Tina Winther", "Bente Kristiansen", "Freja Nygaard"],
                "feedback": [
                    (
                        "Rikke Mortensen",
                        5,
                        "Endelig ved jeg, hvordan man sender billeder til én familie ad gangen.",
                    ),
                    ("Bente Kristiansen", 4, "Godt at prøve i ro og mag. Jeg vil gerne have en opfølgning."),
                    ("Freja Nygaard", 5, "Louise forklarer uden at gå for hurtigt."),
                ],
            },
            {
                "kind": "peer",
                "title": "Film af børnenes dag – og deling med samtykke",
                "description": (
                    "Emil viser, hvordan han laver de korte film fra turene: optage, klippe på tabletten og "
                    "dele i Aula, så kun de forældre, der har sagt ja, ser deres eget barn."
                ),
                "skills": ["Billeder og film af børnenes dag", C["personal_data"]],
                "day": 12,
                "at": (13, 0),
                "minutes": 45,
                "place": "Stue Mariehønen",
                "planner": "Emil Laursen",
                "host": "Emil Laursen",
                "seats": 6,
                "planned_days_ago": 5,
                "signups": ["Tina Winther", "Bente Kristiansen", "Mette Lund"],
            },
        ],
    },
    "praehospitalt-center": {
        "skills": [
            (
                "records",
                "Den præhospitale patientjournal (PPJ)",
                "Dokumentere turen på tabletten, bruge fraser og overlevere journalen til akutmodtagelsen.",
            ),
            (
                "welfare",
                "Telemedicin: EKG sendt til hospitalet",
                "Tage og sende 12-aflednings-EKG og vitale værdier til akutmodtagelsen før ankomst.",
            ),
        ],
        "bases": {
            C["phone"]: 2.2,
            C["apps"]: 2.0,
            C["sensors"]: 1.8,
            C["aids"]: 0.6,
            C["meetings"]: 1.3,
            C["video_calls"]: 0.8,
            C["records"]: 2.2,
            C["figures"]: 1.0,
            C["ai"]: 0.6,
            C["personal_data"]: 2.0,
            "Den præhospitale patientjournal (PPJ)": 2.4,
            "Telemedicin: EKG sendt til hospitalet": 2.0,
        },
        "teaches": {
            "Camilla Østergaard": ["Telemedicin: EKG sendt til hospitalet"],
            "Jonas Kjær": ["Den præhospitale patientjournal (PPJ)"],
            "Sara Bach": [C["personal_data"]],
            "Mads Rasmussen": [C["phone"]],
        },
        "hidden": ["Peter Holm", "Anja Lauridsen"],
        # He can teach it, but does not want to be asked on the shift.
        "unwilling": ["Mads Rasmussen"],
        "gaps": [],
        "needs": [
            (
                AdoptionPlan,
                "Send EKG og vitale værdier fra tabletten til akutmodtagelsen før ankomst",
                ["Telemedicin: EKG sendt til hospitalet"],
            ),
            (Experiment, "SMS med forventet ankomsttid til den, der har ringet 112", [C["messages"]]),
            (Experiment, "NFC-mærker i ambulancen til at registrere rengøring", [C["phone"]]),
        ],
        "activities": [
            {
                "kind": "peer",
                "title": "EKG fra bilen: sådan sender vi, så akutmodtagelsen kan læse det",
                "description": (
                    "Camilla gennemgår, hvordan vi tager et 12-aflednings-EKG og sender det med de vitale "
                    "værdier, og hvad vi gør, når forbindelsen driller. Vi øver på fantomet."
                ),
                "skills": ["Telemedicin: EKG sendt til hospitalet"],
                "day": -52,
                "at": (7, 30),
                "minutes": 60,
                "place": "Undervisningslokalet på stationen",
                "planner": "Henrik Vestergaard",
                "host": "Camilla Østergaard",
                "seats": None,
                "signups": [
                    "Line Thomsen",
                    "Peter Holm",
                    "Kasper Dahl",
                    "Anja Lauridsen",
                    "Mads Rasmussen",
                    "Jonas Kjær",
                ],
                # Mads was called out before it began.
                "attended": ["Line Thomsen", "Peter Holm", "Kasper Dahl", "Anja Lauridsen", "Jonas Kjær"],
                "feedback": [
                    ("Kasper Dahl", 5, "Rart at øve på fantomet, før det gælder."),
                    ("Anja Lauridsen", 4, "God gennemgang. Mere tid til fejlfinding næste gang."),
                    ("Line Thomsen", 5, "Nu tør jeg sende uden at ringe først."),
                ],
            },
            {
                "kind": "playground",
                "title": "Legestue: fraser og skabeloner i PPJ",
                "description": (
                    "Tag tabletten med. Jonas viser de fraser, der sparer mest tid på de hyppigste ture, og "
                    "vi laver vores egne til faldpatienter og brystsmerter."
                ),
                "skills": ["Den præhospitale patientjournal (PPJ)", C["records"]],
                "day": 9,
                "at": (14, 0),
                "minutes": 90,
                "place": "Undervisningslokalet på stationen",
                "planner": "Jonas Kjær",
                "host": "Jonas Kjær",
                "seats": 8,
                "planned_days_ago": 4,
                "signups": ["Peter Holm", "Sara Bach", "Kasper Dahl", "Henrik Vestergaard"],
            },
        ],
    },
    "lys-og-signal": {
        "skills": [
            (
                "records",
                "Trafikstyringssystemet",
                "Se status, ændre signalplaner og hente fejlloggen for kryds og fodgængerfelter.",
            ),
            (
                "devices",
                "Droner til inspektion",
                "Planlægge og flyve inspektioner af master og signaler, og bruge billederne bagefter.",
            ),
        ],
        "bases": {
            C["phone"]: 2.0,
            C["apps"]: 1.8,
            C["sensors"]: 0.4,
            C["aids"]: 0.8,
            C["meetings"]: 1.3,
            C["video_calls"]: 0.5,
            C["figures"]: 0.5,
            C["ai"]: 0.6,
            C["personal_data"]: 1.3,
            "Trafikstyringssystemet": 2.2,
            "Droner til inspektion": 1.0,
        },
        "teaches": {
            "Niels Mikkelsen": ["Trafikstyringssystemet"],
            "Torben Ravn": ["Droner til inspektion"],
            "Signe Holt": [C["apps"]],
        },
        "hidden": ["Jesper Bak", "Morten Friis"],
        "unwilling": ["Kim Søndergaard"],
        "gaps": [C["sensors"], C["figures"]],
        "needs": [
            (
                Experiment,
                "Fjernovervågning af gadelamper, der selv melder, når de er gået ud",
                [C["sensors"], C["apps"]],
            ),
            (
                Experiment,
                "Dæmpning af LED-gadelyset om natten efter trafiktal",
                [C["figures"], "Trafikstyringssystemet"],
            ),
        ],
        "activities": [
            {
                "kind": "peer",
                "title": "Droneflyvning: tjekliste, flyvning og billeder af masterne",
                "description": (
                    "Torben gennemgår tjeklisten før start og reglerne for at flyve i byen. Bagefter flyver "
                    "vi på skift ved masterne og ser billederne igennem sammen."
                ),
                "skills": ["Droner til inspektion"],
                "day": -31,
                "at": (9, 0),
                "minutes": 120,
                "place": "Sportspladsen ved Fjordby Hallen",
                "planner": "Torben Ravn",
                "host": "Torben Ravn",
                "seats": 4,
                "signups": ["Jesper Bak", "Signe Holt", "Morten Friis", "Kim Søndergaard"],
                "attended": ["Jesper Bak", "Signe Holt", "Morten Friis", "Kim Søndergaard"],
                "feedback": [
                    ("Jesper Bak", 5, "Meget bedre at prøve selv end at læse manualen."),
                    ("Signe Holt", 4, "God tjekliste. Vi må have en dag mere, når det blæser mindre."),
                ],
            },
            {
                "kind": "course",
                "title": "Alarmerne fra fjernovervågningen: hvad betyder de, og hvad gør vi?",
                "description": (
                    "Leverandøren gennemgår alarmtyperne fra de nye styreenheder i lygtepælene, og vi "
                    "aftaler, hvem der reagerer på hvad, før forsøget kommer i gang for alvor."
                ),
                "skills": [C["sensors"]],
                "day": 16,
                "at": (8, 0),
                "minutes": 180,
                "place": "Mødelokalet, Industrivej 4",
                "planner": "Lars Bruun",
                "host": "Lars Bruun",
                "seats": 7,
                "planned_days_ago": 8,
                "signups": ["Kim Søndergaard", "Jesper Bak", "Morten Friis", "Niels Mikkelsen"],
            },
        ],
    },
    "autismecenter-kastanjehuset": {
        "skills": [
            (
                "welfare",
                "Visuel struktur på tablet (piktogrammer)",
                "Lave og rette dagsplaner med piktogrammer og billeder sammen med beboeren.",
            ),
            (
                "welfare",
                "Kommunikationsapps (ASK)",
                "Sætte ASK-appen op, tilføje ord og billeder og støtte beboeren i at bruge den.",
            ),
        ],
        "bases": {
            C["phone"]: 2.0,
            C["apps"]: 1.8,
            C["sensors"]: 1.8,
            C["aids"]: 1.2,
            C["meetings"]: 1.3,
            C["video_calls"]: 1.6,
            C["records"]: 2.0,
            C["figures"]: 0.7,
            C["ai"]: 0.5,
            C["personal_data"]: 2.0,
            "Visuel struktur på tablet (piktogrammer)": 2.2,
            "Kommunikationsapps (ASK)": 1.8,
        },
        "teaches": {
            "Maria Jepsen": ["Visuel struktur på tablet (piktogrammer)"],
            "Thomas Brandt": ["Kommunikationsapps (ASK)"],
            "Nadia Hansen": [C["video_calls"]],
            "Oliver Schmidt": [C["aids"]],
        },
        "hidden": ["Jakob Lind", "Pernille Due"],
        "unwilling": ["Oliver Schmidt"],
        "gaps": [],
        "needs": [
            (
                AdoptionPlan,
                "Talende tablet (ASK-app) til beboere uden talesprog",
                ["Kommunikationsapps (ASK)"],
            ),
            (
                Experiment,
                "Korte videoer, der viser trin for trin, hvordan man vasker tøj eller laver mad",
                [C["phone"], "Visuel struktur på tablet (piktogrammer)"],
            ),
        ],
        "activities": [
            {
                "kind": "playground",
                "title": "Legestue: dagsplaner med piktogrammer",
                "description": (
                    "Maria har tabletterne med. Vi laver en dagsplan til en tænkt beboer, retter den, når "
                    "dagen ændrer sig, og prøver at tage vores egne billeder til piktogrammerne."
                ),
                "skills": ["Visuel struktur på tablet (piktogrammer)", C["phone"]],
                "day": -26,
                "at": (14, 0),
                "minutes": 90,
                "place": "Fællesrummet i Hus 2",
                "planner": "Susanne Krogh",
                "host": "Maria Jepsen",
                "seats": None,
                "signups": [
                    "Helle Poulsen",
                    "Jakob Lind",
                    "Charlotte Riis",
                    "Oliver Schmidt",
                    "Rasmus Vinther",
                    "Pernille Due",
                ],
                "attended": [
                    "Helle Poulsen",
                    "Jakob Lind",
                    "Charlotte Riis",
                    "Rasmus Vinther",
                    "Pernille Due",
                ],
                "feedback": [
                    ("Helle Poulsen", 5, "Nu kan jeg rette dagsplanen selv, når der kommer en vikar."),
                    (
                        "Rasmus Vinther",
                        4,
                        "Godt med egne billeder. Appen er lidt langsom på de gamle tablets.",
                    ),
                    ("Pernille Due", 5, "Tak, Maria – det var lige det, jeg manglede."),
                ],
            },
            {
                "kind": "peer",
                "title": "Kom godt i gang med ASK-appen",
                "description": (
                    "Thomas viser, hvordan vi tilføjer ord og billeder i ASK-appen, og hvordan vi støtter "
                    "beboeren uden at tale for ham eller hende."
                ),
                "skills": ["Kommunikationsapps (ASK)"],
                "day": 6,
                "at": (10, 0),
                "minutes": 60,
                "place": "Kontoret i Hus 1",
                "planner": "Thomas Brandt",
                "host": "Thomas Brandt",
                "seats": 4,
                "planned_days_ago": 3,
                "signups": ["Helle Poulsen", "Oliver Schmidt"],
            },
        ],
    },
    "borgerservice": {
        "skills": [
            (
                "safety",
                "Hjælp til MitID og Digital Post",
                "Hjælpe borgere med at oprette MitID, bruge appen og læse Digital Post – uden at overtage.",
            ),
            (
                "devices",
                "Selvbetjeningsløsninger på borger.dk",
                "Kende de hyppigste løsninger og vise borgeren vej i dem.",
            ),
        ],
        "bases": {
            C["phone"]: 2.2,
            C["apps"]: 2.0,
            C["sensors"]: 0.3,
            C["aids"]: 0.4,
            C["meetings"]: 1.8,
            C["video_calls"]: 0.6,
            C["records"]: 2.0,
            C["messages"]: 2.2,
            C["figures"]: 0.6,
            C["ai"]: 1.0,
            C["personal_data"]: 2.3,
            C["login"]: 2.3,
            "Hjælp til MitID og Digital Post": 2.5,
            "Selvbetjeningsløsninger på borger.dk": 2.3,
        },
        "teaches": {
            "Dorthe Lassen": ["Hjælp til MitID og Digital Post"],
            "Frederik Munk": ["Selvbetjeningsløsninger på borger.dk"],
            "Yasmin Ali": [C["ai"]],
            "Ib Mølgaard": [C["login"]],
        },
        "hidden": ["Søren Eriksen", "Katrine Lynge"],
        "unwilling": ["Ib Mølgaard"],
        "gaps": [C["video_calls"], C["figures"]],
        "needs": [
            (
                Experiment,
                "Skærmdeling over video, så vi kan hjælpe borgere med Digital Post hjemmefra",
                [C["video_calls"], "Hjælp til MitID og Digital Post"],
            ),
            (Experiment, "Vis den aktuelle ventetid ved skranken på hjemmesiden", [C["figures"]]),
            (
                Experiment,
                "'Prøv selv'-tablets i forhallen med en frivillig hjælper to dage om ugen",
                ["Selvbetjeningsløsninger på borger.dk"],
            ),
        ],
        "activities": [
            {
                "kind": "peer",
                "title": "MitID ved skranken: de ti spørgsmål, vi får oftest",
                "description": (
                    "Dorthe har samlet de ti spørgsmål om MitID og Digital Post, vi får oftest, og viser, "
                    "hvordan vi hjælper borgeren til at klare det selv næste gang."
                ),
                "skills": ["Hjælp til MitID og Digital Post"],
                "day": -45,
                "at": (8, 30),
                "minutes": 60,
                "place": "Mødelokalet bag skranken",
                "planner": "Dorthe Lassen",
                "host": "Dorthe Lassen",
                "seats": None,
                "signups": [
                    "Julie Fogh",
                    "Christian Hald",
                    "Katrine Lynge",
                    "Anne Kathrine Berg",
                    "Søren Eriksen",
                    "Hanne Juul",
                ],
                "attended": [
                    "Julie Fogh",
                    "Christian Hald",
                    "Katrine Lynge",
                    "Anne Kathrine Berg",
                    "Hanne Juul",
                ],
                "feedback": [
                    ("Julie Fogh", 5, "Konkret og brugbart. Listen hænger nu ved skranken."),
                    ("Christian Hald", 4, "Godt. Vil gerne høre mere om fuldmagt i Digital Post."),
                    ("Anne Kathrine Berg", 5, "Dorthe ved alt om MitID – dejligt at få det samlet."),
                ],
            },
            {
                "kind": "playground",
                "title": "Legestue: videosamtaler og skærmdeling med borgere",
                "description": (
                    "Vi prøver videoløsningen fra forsøget på hinanden: ringe op, dele skærm og vise vej i "
                    "Digital Post, mens borgeren selv klikker."
                ),
                "skills": [C["video_calls"], C["meetings"]],
                "day": -3,
                "at": (8, 30),
                "minutes": 60,
                "place": "Mødelokalet bag skranken",
                "planner": "Birgitte Holm Sørensen",
                "host": "Frederik Munk",
                "seats": 6,
                "signups": ["Hanne Juul", "Julie Fogh", "Ib Mølgaard", "Yasmin Ali"],
                "attended": ["Hanne Juul", "Julie Fogh", "Yasmin Ali"],
                "feedback": [("Hanne Juul", 4, "Sjovt at prøve. Skærmdelingen skal jeg øve mere.")],
            },
            {
                "kind": "course",
                "title": "AI-værktøjer: Copilot til udkast og svar – og hvad vi ikke må skrive i det",
                "description": (
                    "Kommunens digitaliseringsenhed viser Copilot til udkast og opsummeringer, og Yasmin "
                    "fortæller, hvordan hun bruger det i hverdagen. Vi gennemgår, hvilke oplysninger om "
                    "borgerne der aldrig må skrives ind."
                ),
                "skills": [C["ai"], C["personal_data"]],
                "day": 20,
                "at": (8, 30),
                "minutes": 120,
                "place": "Byrådssalen, Fjordby Rådhus",
                "planner": "Birgitte Holm Sørensen",
                "host": "Yasmin Ali",
                "seats": 12,
                "planned_days_ago": 10,
                "signups": [
                    "Dorthe Lassen",
                    "Hanne Juul",
                    "Christian Hald",
                    "Anne Kathrine Berg",
                    "Katrine Lynge",
                ],
            },
        ],
    },
}

# How long before a past activity it was planned.
PLANNED_DAYS_BEFORE = 14
# A past activity's notifications were read the day after, as the workshops demo has it, unless it lies
# within this many days: the prompts to look at one's ratings again after the latest tech playground are
# still waiting. Those of the coming activities are still unread too: they are the news in the bell.
RECENT_DAYS = 7

COUNTED = [
    Skill,
    SkillProfile,
    SkillRating,
    SkillLevelChange,
    LearningActivity,
    LearningActivity.skills.through,
    Signup,
    Experiment.skills.through,
    AdoptionPlan.skills.through,
    Notification,
]


def seed(*, workplaces, people, now=None):
    """``workplaces``: slug → Workplace; ``people``: full name → User. Returns how many rows were created."""
    if not workplaces:
        return 0
    now = now or timezone.now()
    organisation = next(iter(workplaces.values())).organisation
    if Skill.objects.filter(organisation=organisation, workplace__isnull=True).exists():
        return 0
    before = _row_count()
    today = timezone.localdate(now)
    catalogue_at = _at(_quarter_start(today, FIRST_QUARTER_BACK), (9, 0))
    catalogue_from = workplaces.get(CATALOGUE_WORKPLACE) or next(iter(workplaces.values()))
    catalogue = services.catalogue_start(actor=_leader(catalogue_from), workplace=catalogue_from)
    Skill.objects.filter(pk__in=[s.pk for s in catalogue]).update(created_at=catalogue_at)
    for slug, spec in WORKPLACES.items():
        if slug in workplaces:
            _Workplace(spec, workplaces[slug], people, now, catalogue_at).run()
    return _row_count() - before


def _row_count():
    return sum(model.objects.count() for model in COUNTED)


def _leader(workplace):
    membership = (
        Membership.objects.filter(workplace=workplace, role=Role.LEADER)
        .select_related("user")
        .order_by("pk")
        .first()
    )
    return membership.user


def _quarter_start(today, back):
    """The first day of the quarter ``back`` quarters before the one ``today`` lies in."""
    index = today.year * 4 + (today.month - 1) // 3 - back
    return datetime.date(index // 4, 3 * (index % 4) + 1, 1)


def _at(day, hour_minute):
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(*hour_minute)))


def _weekday(day, forward):
    """The day itself on a weekday; else the Monday after (``forward``) or the Friday before."""
    while day.weekday() >= 5:
        day += datetime.timedelta(days=1 if forward else -1)
    return day


class _Notifications:
    """Moves the notifications the services just sent back to the moment of the story they belong to."""

    def __init__(self, now):
        self.now = now
        self.mark = self._top()

    @staticmethod
    def _top():
        return Notification.objects.aggregate(top=Max("pk"))["top"] or 0

    def at(self, when, *, read):
        fresh = Notification.objects.filter(pk__gt=self.mark)
        fresh.update(
            created_at=when, read_at=min(when + datetime.timedelta(days=1), self.now) if read else None
        )
        self.mark = self._top()


class _Workplace:
    def __init__(self, spec, workplace, people, now, catalogue_at):
        self.spec = spec
        self.workplace = workplace
        self.people = people
        self.now = now
        self.today = timezone.localdate(now)
        self.catalogue_at = catalogue_at
        self.rng = random.Random(f"competences-demo:{workplace.slug}")  # noqa: S311 — demo data
        self.team = [
            m.user
            for m in Membership.objects.filter(workplace=workplace, role__in=[Role.EMPLOYEE, Role.LEADER])
            .select_related("user")
            .order_by("user__full_name", "user__email")
        ]
        self.leader = _leader(workplace)
        self.notifications = _Notifications(now)

    def run(self):
        own = [
            services.skill_add(
                actor=self.leader, workplace=self.workplace, area=area, name=name, description=about
            )
            for area, name, about in self.spec["skills"]
        ]
        # The leader added the workplace's own skills in the days after the catalogue came.
        Skill.objects.filter(pk__in=[s.pk for s in own]).update(
            created_at=self.catalogue_at + datetime.timedelta(days=3)
        )
        self.skills = {s.name: s for s in selectors.workplace_skills(workplace=self.workplace)}
        self._rate()
        self._needs()
        for activity in self.spec["activities"]:
            self._activity(activity)

    # --- Ratings over time ------------------------------------------------------------------------------

    def _final_levels(self):
        """Each person's level today, skill by skill, with the helpers, the gaps and what the work needs."""
        names = sorted(self.skills)
        bases = self.spec["bases"]
        levels = {}
        for person in self.team:
            ease = max(-1.0, min(1.0, self.rng.gauss(0, 0.5)))
            levels[person.pk] = {}
            for name in names:
                level = round(bases.get(name, DEFAULT_BASE) + ease + self.rng.uniform(-0.6, 0.6))
                level = max(0, min(3, level))
                if level == Level.TEACHES and self.rng.random() > TEACHES_KEPT:
                    level = Level.CONFIDENT
                levels[person.pk][name] = level
        for full_name, skill_names in self.spec["teaches"].items():
            for name in skill_names:
                levels[self.people[full_name].pk][name] = Level.TEACHES
        # A gap: at most one person uses it confidently.
        for name in self.spec["gaps"]:
            confident = [pk for pk in levels if levels[pk][name] >= Level.CONFIDENT]
            for pk in confident[1:]:
                levels[pk][name] = Level.STARTING
        # What the rest of the running work needs, the team has: at least three use it confidently.
        needed = {name for _model, _title, skill_names in self.spec["needs"] for name in skill_names}
        for name in sorted(needed - set(self.spec["gaps"])):
            by_level = sorted(levels, key=lambda pk, name=name: -levels[pk][name])
            for pk in by_level[:3]:
                levels[pk][name] = max(levels[pk][name], Level.CONFIDENT)
        return levels

    def _dates(self, person):
        """When the person rated: once five to three quarters back, maybe once more since, and lately."""
        first_back = self.rng.choices([5, 4, 3], weights=[5, 3, 2])[0]
        backs = [first_back]
        if self.rng.random() < 0.7:
            backs.append(self.rng.randint(1, first_back - 1))
        dates = [
            _at(_quarter_start(self.today, back) + datetime.timedelta(days=self.rng.randint(10, 80)), (9, 0))
            + datetime.timedelta(minutes=self.rng.randint(0, 7 * 60))
            for back in backs
        ]
        latest = self.today - datetime.timedelta(days=self.rng.randint(*LATEST_DAYS_AGO))
        dates.append(_at(latest, (9, 0)) + datetime.timedelta(minutes=self.rng.randint(0, 7 * 60)))
        return dates

    def _rate(self):
        final = self._final_levels()
        teaches = {
            (self.people[full_name].pk, name)
            for full_name, skill_names in self.spec["teaches"].items()
            for name in skill_names
        }
        gaps = set(self.spec["gaps"])
        learning = {name for activity in self.spec["activities"] for name in activity["skills"]}
        for person in self.team:
            dates = self._dates(person)
            # How far below today's level the person started, and where they were in between: mostly rising.
            drops = {name: self.rng.choices([0, 1, 2], weights=[2, 4, 2])[0] for name in self.skills}
            for index, when in enumerate(dates):
                last = index == len(dates) - 1
                ratings = {}
                for name, skill in self.skills.items():
                    level = final[person.pk][name]
                    if not last:
                        if self.rng.random() < 0.12:
                            continue  # not rated yet, or left as it was
                        drop = drops[name] if index == 0 else self.rng.randint(0, drops[name])
                        level = max(0, level - drop)
                        if (person.pk, name) in teaches:
                            # The helpers could already teach it, or nearly, when they first rated it.
                            level = max(level, Level.CONFIDENT if index == 0 else Level.TEACHES)
                    wanted = 0.55 if name in gaps or name in learning else 0.25
                    wants = level <= Level.STARTING and self.rng.random() < wanted
                    wants = wants or (level == Level.CONFIDENT and self.rng.random() < 0.08)
                    ratings[skill.pk] = (level, wants)
                services.skills_rate(
                    actor=person,
                    user=person,
                    workplace=self.workplace,
                    ratings=ratings,
                    visible_to_team=person.full_name not in self.spec["hidden"],
                    willing_to_help=person.full_name not in self.spec["unwilling"],
                    now=when,
                )

    # --- What the running work needs --------------------------------------------------------------------

    def _needs(self):
        for model, title, skill_names in self.spec["needs"]:
            states = (
                [ExperimentState.PLANNED, ExperimentState.RUNNING]
                if model is Experiment
                else [AdoptionState.PLANNED, AdoptionState.LIVE]
            )
            work = (
                model.objects.filter(workplace=self.workplace, idea__title=title, state__in=states)
                .order_by("pk")
                .first()
            )
            if work is not None:
                work.skills.add(*[self.skills[name] for name in skill_names])

    # --- Learning activities ----------------------------------------------------------------------------

    def _activity(self, spec):
        person = self.people
        past = spec["day"] < 0
        day = _weekday(self.today + datetime.timedelta(days=spec["day"]), forward=not past)
        starts_at = _at(day, spec["at"])
        if past:
            planned_at = starts_at - datetime.timedelta(days=PLANNED_DAYS_BEFORE)
        else:
            planned_at = _at(self.today - datetime.timedelta(days=spec["planned_days_ago"]), (10, 0))
        read = starts_at < self.now - datetime.timedelta(days=RECENT_DAYS)
        activity = services.activity_plan(
            actor=person[spec["planner"]],
            workplace=self.workplace,
            kind=spec["kind"],
            title=spec["title"],
            description=spec["description"],
            skills=[self.skills[name] for name in spec["skills"]],
            starts_at=starts_at,
            minutes=spec["minutes"],
            place=spec["place"],
            host=person[spec["host"]],
            seats=spec["seats"],
            now=planned_at,
        )
        LearningActivity.objects.filter(pk=activity.pk).update(created_at=planned_at)
        self.notifications.at(planned_at, read=read)
        # The sign-ups come in over the days after it was planned, before it starts (or before today).
        until = min(starts_at, self.now)
        step = (until - planned_at) / (len(spec["signups"]) + 1)
        for index, full_name in enumerate(spec["signups"], start=1):
            when = planned_at + step * index
            signup = services.signup_create(actor=person[full_name], activity=activity, now=when)
            Signup.objects.filter(pk=signup.pk).update(signed_up_at=when)
            self.notifications.at(when, read=read)
        if not past:
            return
        ended_at = starts_at + datetime.timedelta(minutes=spec["minutes"])
        recorded_at = ended_at + datetime.timedelta(minutes=20)
        services.attendance_record(
            actor=person[spec["host"]],
            activity=activity,
            attended_ids=[person[full_name].pk for full_name in spec["attended"]],
            now=recorded_at,
        )
        self.notifications.at(recorded_at, read=read)
        for index, (full_name, rating, feedback) in enumerate(spec["feedback"], start=1):
            services.activity_feedback(
                actor=person[full_name],
                activity=activity,
                rating=rating,
                feedback=feedback,
                now=recorded_at + datetime.timedelta(hours=index),
            )
