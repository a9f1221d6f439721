"""The municipality's sizes and the words its rows are made of (tests build a small one by setting these)."""

import os

WORKPLACES = int(os.environ.get("BENCH_WORKPLACES", "1000"))
PEOPLE_PER_WORKPLACE = 30
IDEAS = int(os.environ.get("BENCH_IDEAS", "300000"))
BUSY_IDEAS = int(os.environ.get("BENCH_BUSY_IDEAS", "5000"))
SUPPORTS_PER_IDEA = 5
RARE_WORD = "hjertestarter"  # in one idea of every 997, to search for
DISCUSSION = 200  # comments on the busiest workplace's newest idea
BUSY_SLUG = "bench-1"
PASSWORD = "bench-password-1"  # noqa: S105 — every generated person's password, for the load test's logins
DOMAIN = "bench.frontloeber.dk"  # the generated people's work addresses
# The survey: two sealed rounds per workplace, half a year apart, each answered by 12 of the 29 asked.
ROUNDS_PER_WORKPLACE = 2
RESPONDENTS = 12
SCALE_SHARE = 0.5  # of the employees' answers on the 1–5 scale; the rest are "don't know"
# Ideas come in blocks of 24 (the eight statuses three times each). In every fourth block among the newest
# TRIED_WITHIN ideas, those being tried out or adopted have an experiment: about 5,000, in every workplace.
TRIED_WITHIN = int(os.environ.get("BENCH_TRIED_WITHIN", "80000"))

WORDS = (
    "tablet app video skærm billeder forældre borgere sensorer lys signal ambulance patient journal tale "
    "tekst booking kalender robot vagtplan overlevering lyd piktogrammer kørsel rute gps kort digital post "
    "mitid venteområde skranke telefon chat kunstig intelligens data dashboard"
).split()
FIRST_NAMES = (
    "Anna Bo Camilla Dorte Emil Frida Gustav Hanne Ida Jens Karen Lars Maja Niels Olga Peter".split()
)
LAST_NAMES = "Andersen Berg Christensen Dahl Eriksen Frost Hansen Jensen Kjær Larsen Madsen Nielsen".split()
TAGS = WORDS[:24]
KINDS_OF_PLACE = ("Børnehuset", "Bostedet", "Station", "Borgerservice", "Vej og Park")
SECTORS = ("daycare", "disability", "ambulance", "citizen_service", "technical", "other")
STATUSES = ("new", "new", "qualifying", "needs_info", "experimenting", "adopted", "parked", "not_pursued")
COMMENTS = (
    "Godt! Det vil **spare** os tid på stuen.",
    "Har vi spurgt forældrene, hvad de mener?",
    "Vi prøvede noget lignende i *sidste* uge, det virkede.",
    "Hvem skal have ansvaret for at lade den op?",
)
SCALE = (1, 2, 2, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5)  # an employee's answer on the scale: most agree a little
SURVEY_COMMENTS = (
    "Vi får for lidt tid til at prøve nye ting af i hverdagen.",
    "Lederen lytter, når vi kommer med forslag, men vi hører sjældent, hvad der skete med dem.",
    "Det er uklart, hvem der beslutter, hvad vi afprøver.",
    "Mere oplæring i de nye systemer, tak.",
    "Godt at vi taler om kerneopgaven på personalemøderne.",
    "Jeg ved ikke, hvor jeg skal gå hen med en idé.",
)
LEVELS = (0, 1, 1, 1, 2, 2, 2, 2, 3, 3)  # a first rating of a skill, 0–3
CHALLENGES = (
    "Hvordan kan vi bruge mindre tid på dokumentation?",
    "Hvordan kan vi gøre det lettere for borgerne at komme i kontakt med os?",
    "Hvordan kan vi bruge teknologi til at skabe mere ro i hverdagen?",
    "Hvordan kan vi dele viden bedre fra vagt til vagt?",
    "Hvordan kan vi inddrage de pårørende mere, også digitalt?",
    "Hvordan kan vi få mere tid til kerneopgaven?",
    "Hvordan kan vi lære hinanden de nye systemer?",
)
POSTS = (
    "Vi skriver det samme tre steder",
    "Borgerne ringer, fordi de ikke kan finde svaret selv",
    "Overleveringen tager for lang tid",
    "Tablets ligger uopladte i skuffen",
    "Vi ved ikke, hvem der kan hjælpe med appen",
    "Mere tid sammen med borgerne",
    "Kortere møder, klarere beslutninger",
    "Bedre wifi i hele huset",
)
PLACES = ("Personalestuen", "Mødelokale 2", "Teams", "Kantinen", "Undervisningslokalet")
ACTIVITY_KINDS = ("playground", "peer", "course")
FEEDBACK = ("Godt og konkret.", "Gerne mere tid til at prøve selv.", "Nu tør jeg bruge den på vagten.")
