"""The workshop formats of shared/content/dialogue-tools.md that fit each practice, as the report suggests
them for the two weakest practices. The workshops app (issue 6) holds the full formats; until it exists the
report names the formats with their purpose, length and group size from here."""

FORMATS = [
    {
        "number": 1,
        "practice": "P1",
        "name_da": "Kerneopgave-kompasset",
        "name_en": "The core-task compass",
        "minutes": 60,
        "people": "4–20",
        "purpose_da": (
            "Bliv enige om, hvor digital hjælp ville betyde mest for dem, arbejdspladsen er til for."
        ),
        "purpose_en": "Agree where digital help would matter most for the people the workplace exists for.",
    },
    {
        "number": 2,
        "practice": "P1",
        "name_da": "Teknologi-tjekket",
        "name_en": "The technology check",
        "minutes": 45,
        "people": "3–12",
        "purpose_da": (
            "Vurder én foreslået teknologi alene ud fra kerneopgaven, med plads til både begejstring og "
            "sund skepsis."
        ),
        "purpose_en": (
            "Weigh one proposed technology on the core task alone, with room for both enthusiasm and healthy "
            "scepticism."
        ),
    },
    {
        "number": 3,
        "practice": "P2",
        "name_da": "Idévinduet",
        "name_en": "The idea window",
        "minutes": 70,
        "people": "6–30",
        "purpose_da": "Saml mange idéer hurtigt, og find dem, der giver mest værdi for mindst indsats.",
        "purpose_en": "Gather many ideas fast and find those that give the most value for the least effort.",
    },
    {
        "number": 4,
        "practice": "P2",
        "name_da": "Idéklinikken",
        "name_en": "The idea clinic",
        "minutes": 45,
        "people": "4–10",
        "purpose_da": "Hjælp en eller to løse idéer med at modne, til de kan afprøves.",
        "purpose_en": "Help one or two rough ideas mature until they can be tested.",
    },
    {
        "number": 5,
        "practice": "P3",
        "name_da": "Barrierejagten",
        "name_en": "The barrier hunt",
        "minutes": 95,
        "people": "9–18",
        "purpose_da": (
            "Find ud af, hvorfor den digitale innovation, vi ønsker, ikke sker af sig selv – og hvem der kan "
            "fjerne hvad."
        ),
        "purpose_en": (
            "Find why the digital innovation we want does not happen by itself, and who can remove what."
        ),
    },
    {
        "number": 6,
        "practice": "P3",
        "name_da": "Forsøgsrammen",
        "name_en": "The experiment charter",
        "minutes": 60,
        "people": "3–12",
        "purpose_da": "Giv en afprøvning klare rammer, før den begynder – også retten til at stoppe den.",
        "purpose_en": "Give an experiment clear frames before it starts, including the right to stop it.",
    },
    {
        "number": 7,
        "practice": "P4",
        "name_da": "Kompetencekortet",
        "name_en": "The skills map",
        "minutes": 60,
        "people": "4–25",
        "purpose_da": (
            "Se, hvilke digitale kompetencer teamet har, hvem der kan hjælpe hvem, og hvad der mangler."
        ),
        "purpose_en": "See what digital skills the team has, who can help whom, and what is missing.",
    },
    {
        "number": 8,
        "practice": "P4",
        "name_da": "Legestuen",
        "name_en": "The tech playground",
        "minutes": 90,
        "people": "6–30",
        "purpose_da": (
            "Prøv teknologi med hænderne uden en opgave, der skal løses, og kobl den bagefter til "
            "kerneopgaven."
        ),
        "purpose_en": (
            "Try technology hands-on without a task to solve, and connect it to the core task afterwards."
        ),
    },
    {
        "number": 9,
        "practice": "P5",
        "name_da": "Forandringsrejsen",
        "name_en": "The change journey",
        "minutes": 75,
        "people": "4–20",
        "purpose_da": "Planlæg, hvordan en indført løsning bliver hverdag for alle, den berører.",
        "purpose_en": "Plan how an adopted solution becomes everyday practice for everyone it touches.",
    },
    {
        "number": 10,
        "practice": "P5",
        "name_da": "Er det landet?",
        "name_en": "Has it landed?",
        "minutes": 45,
        "people": "3–15",
        "purpose_da": (
            "Tjek, om en indført løsning faktisk bliver brugt og giver den værdi, den lovede – og beslut, "
            "om den skal spredes."
        ),
        "purpose_en": (
            "Check whether an adopted solution is really used and gives the value it promised; decide "
            "whether to spread it."
        ),
    },
]


def formats_for(practice_code, language):
    suffix = "en" if language == "en" else "da"
    return [
        {
            "number": f["number"],
            "name": f[f"name_{suffix}"],
            "purpose": f[f"purpose_{suffix}"],
            "minutes": f["minutes"],
            "people": f["people"],
        }
        for f in FORMATS
        if f["practice"] == practice_code
    ]
