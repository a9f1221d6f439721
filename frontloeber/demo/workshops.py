"""Load the demo's workshop sessions: three concluded sessions of three formats, and one planned.

* Børnehuset Solsikken held "Idévinduet" six weeks ago, with a parent as guest: posts in groups, merges,
  two themes and a dot vote; three posts became ideas (supported by those who put their dots on them) and
  two action items, one of them now overdue.
* Præhospitalt Center held "Barrierejagten" nine weeks ago: four barriers in the register, since worked on,
  and action items attached to them.
* Borgerservice held "Kerneopgave-kompasset" three weeks ago: the moments with most dots became two
  challenges, still open for ideas, and the follow-up became an action item.
* Solsikken has planned "Idéklinikken" on one of the new ideas in two or three weeks.

Everything is made through the services, as the facilitator's and the participants' screens would have
made it, so the rows are what the product makes. The services take ``now=`` (and ``today=``) where they
have it; what they stamp with the current time anyway (the ``created_at`` defaults, the notifications, the
ideas made from posts) is moved back afterwards by ``_Clock`` with queryset updates, the way the other demo
modules write their history with past dates. Who lands in which group is set by hand after the services'
random split, and the dots are placed by a seeded generator, so every run tells the same story.

Idempotent: a workplace that already has a session of the format is left alone.
"""

import datetime
import random

from django.db.models import Max
from django.utils import timezone

from frontloeber.actions import services as register
from frontloeber.ideas import services as idea_services
from frontloeber.ideas.models import Challenge, Follow, Idea, IdeaEvent, IdeaStatus, Support
from frontloeber.notifications.models import Notification
from frontloeber.workshops import services
from frontloeber.workshops.models import (
    ActionItem,
    ActionStatus,
    Barrier,
    BarrierKind,
    BarrierStatus,
    Participant,
    Post,
    SessionInvitation,
    SessionOutput,
    Theme,
    Vote,
    WorkshopFormat,
    WorkshopSession,
    WorkshopStep,
)

# How long before a session the leader planned it, and how long after it ended the facilitator turned the
# posts into records.
PLANNED_DAYS_BEFORE = 14
OUTPUTS_MINUTES_AFTER = 15

PARENT_GUEST = "Sofie (forælder)"

SESSIONS = [
    {
        "workplace": "boernehuset-solsikken",
        "format": "idevinduet",
        # Six weeks ago, on the Tuesday of that week, at the staff meeting after closing time.
        "weeks_ago": 6,
        "weekday": 1,
        "at": (17, 0),
        "place": "Personalestuen",
        "planned_by": "Mette Lund",
        "facilitator": "Mette Lund",
        "invited": ["Louise Skov", "Rikke Mortensen", "Ahmad Nasser", "Tina Winther", "Emil Laursen"],
        "members": ["Louise Skov", "Rikke Mortensen", "Ahmad Nasser", "Tina Winther", "Emil Laursen"],
        "guests": [PARENT_GUEST],
        "groups": {
            "Louise Skov": 1,
            "Rikke Mortensen": 1,
            "Tina Winther": 1,
            PARENT_GUEST: 1,
            "Mette Lund": 2,
            "Emil Laursen": 2,
            "Ahmad Nasser": 2,
        },
        # (key, step number as the screens count them from 1, author, text)
        "posts": [
            (
                "tur",
                2,
                "Louise Skov",
                "Digital tjekliste til tur-rygsækken: plastre, allergiliste og forældrenes numre – så vi "
                "ikke skal ringe hjem til huset fra skoven.",
            ),
            (
                "soevn",
                2,
                "Rikke Mortensen",
                "Forældrene kan se i appen, hvornår barnet har sovet og spist. Vi registrerer det med ét "
                "tryk i stedet for på tavlen i garderoben.",
            ),
            (
                "afbud",
                2,
                "Emil Laursen",
                "Forældre melder sygdom og fri i appen inden kl. 8, så telefonen ikke ringer midt i "
                "morgenmaden.",
            ),
            (
                "vikar",
                2,
                "Tina Winther",
                "Vikarkort på telefonen med hvert barns navn, allergier og hvem der må hente.",
            ),
            (
                "ur",
                2,
                "Ahmad Nasser",
                "Et ur med farver på stuen, der tæller ned til oprydning og udetid, så skiftene bliver "
                "lettere for de mindste.",
            ),
            (
                "hilsen",
                2,
                PARENT_GUEST,
                "En kort hilsen i appen om, hvad stuen har lavet i dag – så vi kan spørge ind til det ved "
                "aftensmaden.",
            ),
            (
                "bleskift",
                3,
                "Tina Winther",
                "Søvn og bleskift med ét tryk, så forældrene kan se det derhjemme.",
            ),
            (
                "tre-linjer",
                3,
                "Louise Skov",
                "Hilsenen kan skrives af den voksne, der har haft samlingen. Tre linjer er nok – én besked "
                "om dagen, ikke mange små.",
            ),
            (
                "frokost",
                3,
                "Ahmad Nasser",
                "Afbud i appen kan samtidig vise køkkenet, hvor mange der skal have frokost.",
            ),
            (
                "vindue-1",
                4,
                "Rikke Mortensen",
                "Høj værdi, lav indsats: søvn i appen og dagens hilsen. Appen kan det allerede – vi bruger "
                "det bare ikke.",
            ),
            (
                "vindue-2",
                4,
                "Emil Laursen",
                "Høj værdi, lav indsats: afbud i appen. Høj værdi, større indsats: vikarkort – det kræver "
                "forældrenes samtykke.",
            ),
        ],
        # (post, into, at the end of step): the groups lay posts that say the same on top of each other.
        "merges": [("bleskift", "soevn", 3), ("tre-linjer", "hilsen", 3), ("frokost", "afbud", 3)],
        "themes": {
            "step": 5,
            "themes": {
                "Forældresamarbejde": ["soevn", "hilsen", "vindue-1"],
                "Hverdagens arbejdsgange": ["tur", "afbud", "vikar", "ur", "vindue-2"],
            },
        },
        # A dot vote opened by hand on the last step, before the room picks the ideas to take forward.
        "vote": {
            "step": 6,
            "dots": 3,
            "weights": {"soevn": 6, "hilsen": 5, "afbud": 5, "tur": 2, "ur": 2, "vikar": 1},
        },
        "ideas": [
            {
                "key": "soevn",
                "post": "soevn",
                "title": "Søvn og måltider registreres med ét tryk i forældreappen",
                "need": (
                    "Forældrene spørger i døren, hvordan barnet har sovet og spist, og tavlen i garderoben "
                    "bliver ikke altid opdateret, når der er travlt på stuen."
                ),
                "description": (
                    "Vi bruger forældreappens registrering af søvn og måltider: ét tryk på stuens telefon, "
                    "når barnet vågner eller har spist. Forældrene kan se det derhjemme, og tavlen i "
                    "garderoben kan tages ned. Ved afhentning kan snakken så handle om andet end søvn."
                ),
            },
            {
                "key": "hilsen",
                "post": "hilsen",
                "title": "Dagens hilsen: tre linjer i appen om, hvad stuen har lavet",
                "need": (
                    "Forældrene vil gerne tale med barnet om dagen, men mange børn svarer “ingenting”, og "
                    "der er kort tid til snak ved afhentning."
                ),
                "description": (
                    "Den voksne, der har haft samlingen, skriver tre linjer i appen om dagens aktivitet, "
                    "inden stuen går ud efter frokost. Én besked om dagen – ikke mange små."
                ),
            },
            {
                "key": "afbud",
                "post": "afbud",
                "title": "Sygdom og fridage meldes i appen inden kl. 8",
                "need": (
                    "Telefonen ringer midt i morgenmaden, og beskeder om afbud går tabt mellem stuerne og "
                    "køkkenet."
                ),
                "description": (
                    "Forældre melder sygdom og fridage i appen inden kl. 8. Stuerne og køkkenet ser den "
                    "samme oversigt, så vi ved, hvor mange børn vi venter på, og hvor mange der skal have "
                    "frokost."
                ),
            },
        ],
        "action_items": [
            {
                "key": "soevn-tjek",
                "post": "soevn",
                "idea": "soevn",
                "what": (
                    "Tjek, om forældreappen kan registrere søvn og måltider, og vis det på personalemødet"
                ),
                "owner": "Louise Skov",
                # Three weeks after the session: long past by now, and still open.
                "due": ("session", 21),
            },
            {
                "key": "afbud-brev",
                "post": "afbud",
                "idea": "afbud",
                "what": (
                    "Skriv et udkast til forældrebrevet om afbud i appen, og få forældrebestyrelsen til "
                    "at læse det"
                ),
                "owner": "Ahmad Nasser",
                "due": ("today", 18),
            },
        ],
        # (days after the session, what the leader did)
        "follow_up": [
            (
                2,
                {
                    "acknowledge": "afbud",
                    "by": "Mette Lund",
                    "message": "Tak! Vi tager den op med bestyrelsen.",
                },
            ),
            (
                9,
                {
                    "move": "soevn",
                    "to": IdeaStatus.QUALIFYING,
                    "by": "Mette Lund",
                    "message": "Louise undersøger, hvad appen kan. Vi kvalificerer den på en idéklinik.",
                },
            ),
        ],
    },
    {
        "workplace": "praehospitalt-center",
        "format": "barrierejagten",
        # Nine weeks ago, on the Wednesday, in the morning between the shifts.
        "weeks_ago": 9,
        "weekday": 2,
        "at": (9, 0),
        "place": "Undervisningslokalet på stationen",
        "planned_by": "Henrik Vestergaard",
        "facilitator": "Camilla Østergaard",
        "invited": [
            "Henrik Vestergaard",
            "Jonas Kjær",
            "Mads Rasmussen",
            "Line Thomsen",
            "Peter Holm",
            "Sara Bach",
            "Kasper Dahl",
            "Anja Lauridsen",
        ],
        "members": [
            "Henrik Vestergaard",
            "Jonas Kjær",
            "Mads Rasmussen",
            "Line Thomsen",
            "Peter Holm",
            "Sara Bach",
            "Kasper Dahl",
            "Anja Lauridsen",
        ],
        "guests": [],
        # One group per kind of barrier: 1 time, 2 worries, 3 habits.
        "groups": {
            "Jonas Kjær": 1,
            "Line Thomsen": 1,
            "Kasper Dahl": 1,
            "Mads Rasmussen": 2,
            "Sara Bach": 2,
            "Anja Lauridsen": 2,
            "Peter Holm": 3,
            "Henrik Vestergaard": 3,
            "Camilla Østergaard": 3,
        },
        "posts": [
            (
                "dobbelt",
                2,
                "Jonas Kjær",
                "Dokumentationen efter hver tur tager 15–20 minutter, og meget af det skriver vi to gange.",
            ),
            (
                "venter",
                2,
                "Line Thomsen",
                "Vi venter tit på overlevering ved akutmodtagelsen – tid, vi kunne bruge, men vi har intet "
                "at gøre det på.",
            ),
            (
                "traening",
                2,
                "Kasper Dahl",
                "Træning i nyt udstyr ligger uden for vagterne, så den bliver sjældent til noget.",
            ),
            (
                "fryser",
                2,
                "Mads Rasmussen",
                "Hvad hvis tabletten fryser midt i et hjertestop? Vi stoler mere på papiret.",
            ),
            (
                "data",
                2,
                "Sara Bach",
                "Vi ved ikke, hvilke patientdata vi må sende gennem nye apps, så ingen tør prøve.",
            ),
            (
                "maalt",
                2,
                "Anja Lauridsen",
                "Frygt for at blive målt på responstiderne, hvis vi prøver noget, der tager tid at lære.",
            ),
            (
                "ringer",
                2,
                "Peter Holm",
                "Vi ringer altid til akutmodtagelsen, selv om vi kunne sende EKG og værdier direkte. Sådan "
                "plejer vi at gøre.",
            ),
            (
                "kaffestue",
                2,
                "Henrik Vestergaard",
                "Nye idéer bliver vendt i kaffestuen, men bliver aldrig skrevet ned nogen steder.",
            ),
            (
                "kritisk-tid",
                3,
                "Line Thomsen",
                "Vores to: den dobbelte dokumentation og træning uden for vagt.",
            ),
            (
                "kritisk-bekymring",
                3,
                "Sara Bach",
                "Vores to: usikkerheden om patientdata og tabletten, der kan svigte.",
            ),
            (
                "kritisk-vane",
                3,
                "Peter Holm",
                "Vores to: vi ringer i stedet for at sende data, og idéerne forsvinder i kaffestuen.",
            ),
            (
                "plan-dobbelt",
                4,
                "Jonas Kjær",
                "Dobbelt dokumentation. Selv: fælles fraser til de hyppigste ture. Leder: tage det op med "
                "regionen. Organisationen: kobling mellem tabletten og akutjournalen.",
            ),
            (
                "plan-traening",
                4,
                "Kasper Dahl",
                "Træning uden for vagt. Selv: ti minutters udstyrstræning ved vagtskiftet. Leder: sætte "
                "tiden af i vagtplanen.",
            ),
            (
                "plan-data",
                4,
                "Sara Bach",
                "Patientdata i nye apps. Selv: samle vores spørgsmål. Leder: få databeskyttelsesrådgiveren "
                "på et personalemøde. Organisationen: en liste over godkendte apps.",
            ),
            (
                "plan-fryser",
                4,
                "Mads Rasmussen",
                "Tabletten svigter. Selv: øve nødproceduren på papir. Organisationen: en reservetablet i "
                "hver bil.",
            ),
            (
                "plan-ringer",
                4,
                "Peter Holm",
                "Vi ringer i stedet for at sende data. Selv: sende EKG digitalt på hver tur i en måned. "
                "Leder: aftale med akutmodtagelsen, at de kigger efter det.",
            ),
        ],
        "merges": [],
        "barriers": [
            {
                "key": "dobbelt",
                "post": "plan-dobbelt",
                "kind": BarrierKind.TIME,
                "description": (
                    "Vi dokumenterer det samme to gange, i tabletten og i akutjournalen. Det tager 15–20 "
                    "minutter efter hver tur."
                ),
            },
            {
                "key": "traening",
                "post": "plan-traening",
                "kind": BarrierKind.TIME,
                "description": (
                    "Træning i nyt udstyr ligger uden for vagterne, så den bliver sjældent til noget."
                ),
            },
            {
                "key": "data",
                "post": "plan-data",
                "kind": BarrierKind.WORRY,
                "description": (
                    "Vi er usikre på, hvilke patientdata vi må sende gennem nye apps, så ingen tør prøve "
                    "noget nyt."
                ),
            },
            {
                "key": "ringer",
                "post": "plan-ringer",
                "kind": BarrierKind.HABIT,
                "description": (
                    "Vi ringer til akutmodtagelsen i stedet for at sende EKG og værdier digitalt, fordi vi "
                    "altid har gjort det."
                ),
            },
        ],
        "action_items": [
            {
                "key": "dpo",
                "post": "plan-data",
                "barrier": "data",
                "what": (
                    "Inviter databeskyttelsesrådgiveren til personalemødet, og få en liste over "
                    "godkendte apps"
                ),
                "owner": "Henrik Vestergaard",
                "due": ("session", 21),
            },
            {
                "key": "vagtplan",
                "post": "plan-traening",
                "barrier": "traening",
                "what": "Læg ti minutters udstyrstræning ind ved vagtskiftet i vagtplanen",
                "owner": "Kasper Dahl",
                "due": ("session", 28),
            },
            {
                "key": "fraser",
                "post": "plan-dobbelt",
                "barrier": "dobbelt",
                "what": "Lav en fælles frasebank i journalen til de ti hyppigste ture",
                "owner": "Jonas Kjær",
                "due": ("today", 10),
            },
        ],
        "follow_up": [
            (7, {"barrier": "dobbelt", "status": BarrierStatus.WORKING, "by": "Henrik Vestergaard"}),
            (7, {"barrier": "data", "status": BarrierStatus.WORKING, "by": "Henrik Vestergaard"}),
            (16, {"done": "dpo"}),
            (20, {"done": "vagtplan"}),
            (30, {"barrier": "traening", "status": BarrierStatus.REMOVED, "by": "Henrik Vestergaard"}),
        ],
    },
    {
        "workplace": "borgerservice",
        "format": "kerneopgave-kompasset",
        # Three weeks ago, on the Thursday, before the doors open.
        "weeks_ago": 3,
        "weekday": 3,
        "at": (8, 0),
        "place": "Mødelokale 2, Rådhuset",
        "planned_by": "Birgitte Holm Sørensen",
        "facilitator": "Birgitte Holm Sørensen",
        "invited": [
            "Dorthe Lassen",
            "Yasmin Ali",
            "Frederik Munk",
            "Hanne Juul",
            "Søren Eriksen",
            "Julie Fogh",
            "Ib Mølgaard",
        ],
        "members": [
            "Dorthe Lassen",
            "Yasmin Ali",
            "Frederik Munk",
            "Hanne Juul",
            "Søren Eriksen",
            "Julie Fogh",
            "Ib Mølgaard",
        ],
        "guests": [],
        "groups": {
            "Dorthe Lassen": 1,
            "Yasmin Ali": 1,
            "Hanne Juul": 1,
            "Søren Eriksen": 2,
            "Julie Fogh": 2,
            "Birgitte Holm Sørensen": 2,
            "Frederik Munk": 3,
            "Ib Mølgaard": 3,
        },
        "posts": [
            (
                "digital-post",
                2,
                "Dorthe Lassen",
                "Ældre borgere, vi hjælper med Digital Post, går hjem uden at kunne klare det selv næste "
                "gang.",
            ),
            (
                "tolk",
                2,
                "Yasmin Ali",
                "Borgere, der ikke taler dansk, venter længe, fordi vi først skal have fat i en tolk i "
                "telefonen.",
            ),
            (
                "telefonkoe",
                2,
                "Frederik Munk",
                "Telefonkøen er over 20 minutter mandag morgen, og mange ringer om det samme: hvor er mit "
                "pas?",
            ),
            (
                "fuldmagt",
                2,
                "Hanne Juul",
                "Pårørende, der skal hjælpe med en fuldmagt, bliver sendt frem og tilbage mellem os og "
                "borger.dk.",
            ),
            (
                "forfra",
                2,
                "Søren Eriksen",
                "Vi kan ikke se, om borgeren har været her før i samme sag, så de skal forklare det hele "
                "forfra.",
            ),
            (
                "papirer",
                2,
                "Julie Fogh",
                "Borgere kommer uden de rigtige papirer til kørekortet og må komme igen en anden dag.",
            ),
            (
                "mitid",
                2,
                "Ib Mølgaard",
                "Når jeg hjælper en borger med MitID ved skranken, står køen bag dem stille i 20 minutter.",
            ),
            (
                "borgerne",
                3,
                "Dorthe Lassen",
                "Borgerne mærker det mest: Digital Post, de manglende papirer og ventetiden i telefonen.",
            ),
            (
                "kvalitet",
                3,
                "Søren Eriksen",
                "Vores faglige kvalitet: vi svarer forskelligt på det samme, fordi vi ikke kan se de "
                "tidligere henvendelser.",
            ),
            (
                "arbejdsgange",
                3,
                "Ib Mølgaard",
                "Vores arbejdsgange: MitID-hjælp ved skranken stopper køen. Den skal have sin egen tid.",
            ),
        ],
        "merges": [],
        "themes": {
            "step": 3,
            "themes": {
                "Borgere, der har svært ved det digitale": ["digital-post", "fuldmagt", "mitid", "tolk"],
                "Ventetid og gentagne henvendelser": ["telefonkoe", "forfra", "papirer"],
            },
        },
        # Step 4 is the format's own dot vote; the dots come with the step.
        "vote": {
            "step": 4,
            "weights": {
                "digital-post": 12,
                "telefonkoe": 12,
                "papirer": 2,
                "mitid": 3,
                "tolk": 2,
                "fuldmagt": 1,
                "forfra": 1,
            },
        },
        "challenges": [
            {
                "post": "digital-post",
                "title": (
                    "Hvordan kan vi hjælpe borgerne med Digital Post, så de kan klare det selv næste gang?"
                ),
                "description": (
                    "Mange ældre borgere kommer igen og igen med de samme spørgsmål om Digital Post. Vi vil "
                    "gerne hjælpe på en måde, så de bliver sikre nok til at klare det selv."
                ),
                "open_days": 30,
            },
            {
                "post": "telefonkoe",
                "title": (
                    "Hvordan kan vi give borgerne svar om deres pas, uden at de skal vente i telefonkøen?"
                ),
                "description": (
                    "Mandag morgen er telefonkøen over 20 minutter, og mange ringer kun for at høre, om "
                    "passet er kommet."
                ),
                "open_days": 30,
            },
        ],
        "action_items": [
            {
                "key": "idemoede",
                "post": None,
                "what": "Saml idéerne til de to udfordringer, og tag dem op på personalemødet, når de lukker",
                "owner": "Dorthe Lassen",
                "due": ("session", 35),
            },
        ],
        "follow_up": [],
    },
]

# The planned session: Solsikken's idea clinic on the idea about sleep and meals, in two or three weeks.
PLANNED = {
    "workplace": "boernehuset-solsikken",
    "format": "ideklinikken",
    "about_idea": "Søvn og måltider registreres med ét tryk i forældreappen",
    "weeks_ahead": 2,
    "weekday": 1,
    "at": (17, 0),
    "place": "Personalestuen",
    "planned_by": "Mette Lund",
    "facilitator": "Mette Lund",
    "invited": ["Louise Skov", "Rikke Mortensen", "Tina Winther", "Emil Laursen"],
}


def seed(*, workplaces, people, now=None):
    """``workplaces``: slug → Workplace; ``people``: full name → User. Returns how many rows were created."""
    now = now or timezone.now()
    before = _row_count()
    for spec in SESSIONS:
        workplace = workplaces.get(spec["workplace"])
        workshop = WorkshopFormat.objects.filter(slug=spec["format"]).first()
        if workplace is None or workshop is None or _has_session(workplace, workshop):
            continue
        _Session(spec, workplace, workshop, people, now).run()
    _plan(PLANNED, workplaces, people, now)
    return _row_count() - before


def _has_session(workplace, workshop):
    return WorkshopSession.objects.filter(workplace=workplace, format=workshop).exists()


def _day(today, weeks, weekday):
    """The given weekday (0 = Monday) of the week ``weeks`` from today (negative: back in time)."""
    day = today + datetime.timedelta(weeks=weeks)
    return day - datetime.timedelta(days=day.weekday() - weekday)


def _at(day, hour_minute):
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(*hour_minute)))


def _plan(spec, workplaces, people, now):
    workplace = workplaces.get(spec["workplace"])
    workshop = WorkshopFormat.objects.filter(slug=spec["format"]).first()
    if workplace is None or workshop is None or _has_session(workplace, workshop):
        return
    idea = Idea.objects.filter(workplace=workplace, title=spec["about_idea"]).first()
    services.session_plan(
        actor=people[spec["planned_by"]],
        workplace=workplace,
        format=workshop,
        starts_at=_at(_day(timezone.localdate(now), spec["weeks_ahead"], spec["weekday"]), spec["at"]),
        facilitator=people[spec["facilitator"]],
        about=idea,
        place=spec["place"],
        invited=[people[name] for name in spec["invited"]],
        now=now,
    )


# Every row a service stamps with the current time regardless of ``now=``, and the fields it stamps.
STAMPED = [
    (WorkshopSession, ("created_at",)),
    (SessionInvitation, ("invited_at",)),
    (Participant, ("joined_at",)),
    (Theme, ("created_at",)),
    (Vote, ("created_at",)),
    (SessionOutput, ("created_at",)),
    (Barrier, ("created_at", "updated_at")),
    (ActionItem, ("created_at",)),
    (Challenge, ("created_at",)),
    (Idea, ("created_at", "last_activity_at")),
    (IdeaEvent, ("created_at",)),
    (Support, ("created_at",)),
    (Follow, ("created_at",)),
    (Notification, ("created_at",)),
]
COUNTED = [model for model, _fields in STAMPED] + [Post]


def _row_count():
    return sum(model.objects.count() for model in COUNTED)


class _Clock:
    """Moves the rows the services just wrote back to the moment they belong to in the story.

    Demo code only: the services stamp ``timezone.now()`` on what they create, and a session held weeks
    ago must show its history then. The notifications of those days are marked read the day after: the
    people were in the room.
    """

    def __init__(self, now):
        self.now = now
        self.marks = self._marks()

    @staticmethod
    def _marks():
        return {model: model.objects.aggregate(top=Max("pk"))["top"] or 0 for model, _fields in STAMPED}

    def at(self, when):
        new = {model: model.objects.filter(pk__gt=self.marks[model]) for model, _fields in STAMPED}
        new[Idea].filter(awaiting_leader_since__isnull=False).update(awaiting_leader_since=when)
        for model, fields in STAMPED:
            new[model].update(**dict.fromkeys(fields, when))
        new[Notification].update(read_at=min(when + datetime.timedelta(days=1), self.now))
        self.marks = self._marks()


class _Session:
    """One concluded session, run step by step as the facilitator ran it, then turned into records."""

    def __init__(self, spec, workplace, workshop, people, now):
        self.spec = spec
        self.workplace = workplace
        self.format = workshop
        self.people = people
        self.now = now
        self.facilitator = people[spec["facilitator"]]
        self.steps = list(WorkshopStep.objects.filter(format=workshop).order_by("position"))
        self.day = _day(timezone.localdate(now), -spec["weeks_ago"], spec["weekday"])
        self.starts_at = _at(self.day, spec["at"])
        self.step_starts, moment = {}, self.starts_at
        for step in self.steps:
            self.step_starts[step.position] = moment
            moment += datetime.timedelta(minutes=step.minutes)
        self.ends_at = moment
        self.rng = random.Random(f"workshops-demo:{workplace.slug}:{workshop.slug}")  # noqa: S311 — demo data
        self.clock = _Clock(now)
        self.participants, self.posts, self.ideas, self.barriers, self.items = {}, {}, {}, {}, {}

    def run(self):
        self._plan()
        self._start()
        for number, step in enumerate(self.steps, start=1):
            self._step(number, step)
        self.session = services.session_end(actor=self.facilitator, session=self.session, now=self.ends_at)
        self._outputs(self.ends_at + datetime.timedelta(minutes=OUTPUTS_MINUTES_AFTER))
        for days, action in self.spec.get("follow_up", []):
            self._follow_up(action, _at(self.day + datetime.timedelta(days=days), (10, 0)))

    def _plan(self):
        planned_at = self.starts_at - datetime.timedelta(days=PLANNED_DAYS_BEFORE)
        # ``now=`` is the day the leader planned it, so the service's check that it lies ahead holds.
        self.session = services.session_plan(
            actor=self.people[self.spec["planned_by"]],
            workplace=self.workplace,
            format=self.format,
            starts_at=self.starts_at,
            facilitator=self.facilitator,
            place=self.spec["place"],
            invited=[self.people[name] for name in self.spec["invited"]],
            now=planned_at,
        )
        self.clock.at(planned_at)

    def _start(self):
        self.session = services.session_start(
            actor=self.facilitator, session=self.session, now=self.starts_at
        )
        self.participants[self.facilitator.full_name] = self.session.participants.get(user=self.facilitator)
        for name in self.spec["members"]:
            self.participants[name] = services.participant_join(session=self.session, user=self.people[name])
        for name in self.spec["guests"]:
            self.participants[name] = services.participant_join(session=self.session, display_name=name)
        self.clock.at(self.starts_at)

    def _step(self, number, step):
        start = self.step_starts[step.position]
        if number > 1:
            self.session = services.session_step(
                actor=self.facilitator, session=self.session, action="next", now=start
            )
        if self.session.group_count and not self.participants_grouped():
            # The services split the room at random; the story has its own groups, moved there by hand.
            for name, group in self.spec["groups"].items():
                services.participant_move(
                    actor=self.facilitator, participant=self.participants[name], group=group
                )
        posts = [post for post in self.spec["posts"] if post[1] == number]
        for index, (key, _number, author, text) in enumerate(posts, start=1):
            at = start + datetime.timedelta(minutes=step.minutes * index / (len(posts) + 1))
            at += datetime.timedelta(seconds=self.rng.randint(0, 50))
            self.posts[key] = services.post_create(participant=self.participants[author], text=text, now=at)
        for key, into, at_step in self.spec.get("merges", []):
            if at_step == number:
                services.post_merge(actor=self.facilitator, post=self.posts[key], into=self.posts[into])
        themes = self.spec.get("themes")
        if themes and themes["step"] == number:
            for name, keys in themes["themes"].items():
                theme = services.theme_create(actor=self.facilitator, session=self.session, name=name)
                for key in keys:
                    services.post_theme(actor=self.facilitator, post=self.posts[key], theme=theme)
            self.clock.at(start + datetime.timedelta(minutes=step.minutes - 2))
        vote = self.spec.get("vote")
        if vote and vote["step"] == number:
            self._vote(vote, start + datetime.timedelta(minutes=step.minutes / 2))

    def participants_grouped(self):
        return all(
            Participant.objects.get(pk=self.participants[name].pk).group == group
            for name, group in self.spec["groups"].items()
        )

    def _vote(self, vote, when):
        if not self.session.vote_dots:
            self.session = services.vote_open(actor=self.facilitator, session=self.session, dots=vote["dots"])
        dots = self.session.vote_dots
        voters = [p for name, p in self.participants.items() if name != self.facilitator.full_name]
        for voter in voters:
            keys, weights = list(vote["weights"]), list(vote["weights"].values())
            for _dot in range(dots):
                # Dots spread over the posts people find most important, mostly one dot on each.
                index = self.rng.choices(range(len(keys)), weights=weights)[0]
                services.vote_cast(participant=voter, post=self.posts[keys.pop(index)])
                weights.pop(index)
        self.clock.at(when)

    def _outputs(self, when):
        actor = self.facilitator
        for spec in self.spec.get("ideas", []):
            self.ideas[spec["key"]] = services.post_to_idea(
                actor=actor,
                post=self.posts[spec["post"]],
                title=spec["title"],
                need=spec["need"],
                description=spec["description"],
            )
        for spec in self.spec.get("challenges", []):
            services.post_to_challenge(
                actor=actor,
                post=self.posts[spec["post"]],
                title=spec["title"],
                description=spec["description"],
                closes_on=self.day + datetime.timedelta(days=spec["open_days"]),
            )
        for spec in self.spec.get("barriers", []):
            self.barriers[spec["key"]] = services.barrier_create(
                actor=actor,
                workplace=self.workplace,
                kind=spec["kind"],
                description=spec["description"],
                post=self.posts[spec["post"]],
            )
        for spec in self.spec.get("action_items", []):
            base, days = spec["due"]
            due_on = (self.day if base == "session" else timezone.localdate(self.now)) + datetime.timedelta(
                days=days
            )
            self.items[spec["key"]] = services.action_item_create(
                actor=actor,
                workplace=self.workplace,
                what=spec["what"],
                owner=self.people[spec["owner"]],
                due_on=due_on,
                barrier=self.barriers.get(spec.get("barrier")),
                idea=self.ideas.get(spec.get("idea")),
                post=self.posts[spec["post"]] if spec["post"] else None,
                session=self.session,
                today=self.day,
            )
        self.clock.at(when)
        # A challenge opens the day it is made; these were made on the day of the session.
        Challenge.objects.filter(
            pk__in=SessionOutput.objects.filter(session=self.session).values("challenge")
        ).update(opens_on=self.day)

    def _follow_up(self, action, when):
        if "barrier" in action:
            barrier = register.barrier_update(
                actor=self.people[action["by"]],
                barrier=self.barriers[action["barrier"]],
                status=action["status"],
            )
            Barrier.objects.filter(pk=barrier.pk).update(updated_at=when)
        elif "done" in action:
            item = self.items[action["done"]]
            register.action_item_update(actor=item.owner, item=item, status=ActionStatus.DONE)
            ActionItem.objects.filter(pk=item.pk).update(done_at=when)
        else:
            idea = self.ideas[action.get("acknowledge") or action.get("move")]
            answered = idea.first_response_at is not None
            if "acknowledge" in action:
                idea = idea_services.idea_acknowledge(
                    actor=self.people[action["by"]], idea=idea, message=action["message"]
                )
            else:
                idea = idea_services.idea_move(
                    actor=self.people[action["by"]],
                    idea=idea,
                    to_status=action["to"],
                    message=action["message"],
                )
            fields = {"last_activity_at": when}
            if not answered and idea.first_response_at is not None:
                fields["first_response_at"] = when
            Idea.objects.filter(pk=idea.pk).update(**fields)
            self.ideas[action.get("acknowledge") or action.get("move")] = Idea.objects.get(pk=idea.pk)
        self.clock.at(when)
