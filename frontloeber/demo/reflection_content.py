"""The demo's free-text comments for the reflection survey, as employees at each workplace might write them.

``COMMENTS[workplace slug][practice code]`` is a pair: the comments of the earlier round and those of the
latest closed round, so that the words follow the trend in the figures. Comments are written for rounds
with enough answers to be shown; none of them names a person.
"""

COMMENTS = {
    "praehospitalt-center": {
        "P1": (
            [
                "Når vi kan sende EKG'et til kardiologen, før vi er fremme, giver tabletten i bilen "
                "mening. Det er den slags teknik, vi skal have mere af.",
            ],
            [
                "Vi har fået forklaret, hvordan det digitale overleveringsskema skal hjælpe patienten, og "
                "det kan mærkes i akutmodtagelsen.",
            ],
        ),
        "P2": (
            [
                "Der bliver sagt mange gode idéer på vagtstuen om natten, men de bliver sjældent skrevet "
                "ned nogen steder.",
            ],
            [
                "Idéen om at dele adgangsveje til sommerhusområderne på kortet blev faktisk prøvet af. "
                "Det giver lyst til at komme med flere.",
            ],
        ),
        "P3": (
            [
                "Vi må gerne prøve ting af mellem turene, og det er helt i orden at sige, at noget ikke "
                "virkede.",
            ],
            [
                "Med så mange kørsler i efteråret er der ingen tid til at øve sig på de nye systemer "
                "mellem turene.",
                "Man kan godt sige, at et forsøg gik galt, men vi når sjældent at tale om det, før næste "
                "tur kalder.",
            ],
        ),
        "P4": (
            [
                "Når tabletten fryser midt i en tur, ved jeg ikke rigtig, hvem jeg skal ringe til.",
            ],
            [
                "Superbrugerne på hver station har gjort det meget lettere at få hjælp til journalsystemet.",
            ],
        ),
        "P5": (
            [
                "Vi blev spurgt om vores erfaringer, før den nye disponeringsløsning blev valgt. Det "
                "betød meget.",
            ],
            [
                "Skiftet til det nye kørselssystem blev fulgt tæt op, og fejlene blev rettet hurtigt.",
                "Det er blevet forklaret godt, hvorfor vi skifter system, og hvad det betyder for os i "
                "bilen.",
            ],
        ),
    },
    "boernehuset-solsikken": {
        "P1": (
            [
                "Dokumentation på tablets må ikke tage tid fra børnene. Det er godt, at det bliver sagt "
                "højt.",
            ],
            [
                "Forældreappen sparer os for mange sedler i garderoben, så der bliver mere tid på gulvet.",
            ],
        ),
        "P2": (
            [
                "Jeg har foreslået at vise dagens aktiviteter med billeder i appen, men har ikke hørt "
                "mere om det.",
                "Det er uklart, hvem man skal gå til med en idé, så den bliver hængende på personalestuen.",
            ],
            [
                "Idétavlen på personalestuen virker. Vi kan se, hvad der sker med forslagene, også dem "
                "der bliver droppet.",
                "Digitale billedtavler på stuerne startede som en lille idé fra en kollega, og nu bruger "
                "hele huset dem.",
            ],
        ),
        "P3": (
            [
                "Det er svært at finde tid til at prøve noget nyt, når vi mangler hænder i ydertimerne.",
            ],
            [
                "Vi måtte gerne fortælle, at forsøget med digitale portfolioer ikke fungerede for de "
                "mindste. Det var rart.",
            ],
        ),
        "P4": (
            [
                "Jeg er ikke så digital og er lidt bange for at trykke forkert i appen, mens forældrene "
                "står og venter.",
            ],
            [
                "De korte introduktioner til appen på personalemøderne har hjulpet meget.",
            ],
        ),
        "P5": (
            [
                "Forældreappen kom lidt hovedkulds. Vi ville gerne have været spurgt, hvordan den passer "
                "til vores hverdag.",
            ],
            [
                "Denne gang blev vi inddraget, før der blev valgt en ny løsning til at registrere fravær.",
            ],
        ),
    },
    "lys-og-signal": {
        "P1": (
            [
                "Fjernovervågningen af signalanlæggene er god teknik: vi finder fejlene, før borgerne "
                "ringer.",
            ],
            [],
        ),
        "P2": (
            [
                "Der er mange idéer ude i bilerne, fx at bruge fejlhistorikken til at planlægge "
                "udskiftning, men de kommer sjældent videre.",
            ],
            [],
        ),
        "P3": (
            [
                "Vi mangler adgang til de rigtige systemer ude på pladsen, så nye arbejdsgange strander "
                "på rettigheder.",
            ],
            [],
        ),
        "P4": (
            [
                "Vi er gode til at hjælpe hinanden, når styringssoftwaren til krydsene driller.",
            ],
            [],
        ),
        "P5": (
            [
                "Vi hørte først om det nye driftssystem til gadelyset, da det var besluttet. Vi kender "
                "anlæggene bedst og burde have været med.",
            ],
            [],
        ),
    },
    "autismecenter-kastanjehuset": {
        "P1": (
            [
                "Piktogrammerne på skærmen i fællesrummet hjælper beboerne til at forudse dagen. Sådan "
                "skal teknologi bruges hos os.",
            ],
            [
                "Det er godt, at der bliver sagt nej til løsninger, der skaber uro for beboerne, selv om "
                "de ser smarte ud.",
            ],
        ),
        "P2": (
            [
                "Jeg har en idé om en app med lydoptagelser til en af beboerne, men ved ikke, hvem der "
                "beslutter sådan noget.",
            ],
            [
                "Vi får svar på vores forslag på teammøderne nu, også når svaret er nej.",
            ],
        ),
        "P3": (
            [
                "Der er simpelthen ikke tid til at afprøve nye ting, når vagtplanen er så stram.",
                "Når en ny app skal prøves, kommer det oven i alt det andet, og så falder det til jorden.",
            ],
            [
                "Tiden er stadig det store problem. Vi vil gerne prøve den nye kommunikationsapp, men "
                "hvornår?",
                "Det er blevet mere i orden at sige, at et forsøg ikke virkede for en beboer.",
            ],
        ),
        "P4": (
            [
                "Jeg ved ikke, hvem jeg skal spørge, når beboernes tablets ikke vil opdatere.",
            ],
            [
                "Kurset i kommunikationsappen gjorde mig meget mere tryg ved at bruge den sammen med "
                "beboerne.",
            ],
        ),
        "P5": (
            [
                "Vagtplanappen blev indført, uden at nogen spurgte os, og det skabte en del frustration.",
            ],
            [
                "Der bliver fulgt op på det nye medicinmodul, men der går lang tid, før fejlene bliver "
                "rettet.",
            ],
        ),
    },
    "borgerservice": {
        "P1": (
            [
                "Det er ikke altid tydeligt, hvad selvbetjeningen skal gøre bedre for de borgere, der "
                "ikke kan klare det selv.",
            ],
            [
                "Vi har talt om, at den digitale tidsbestilling skal give tid til de borgere, der har "
                "brug for hjælp ved skranken.",
            ],
        ),
        "P2": (
            [
                "Vi hører hver dag, hvor borgerne går i stå på nettet. Den viden kunne bruges meget mere.",
            ],
            [
                "Forslaget om en fast tjekliste til pasfornyelse blev taget op, og det har gjort en forskel.",
            ],
        ),
        "P3": (
            [
                "Det er i orden at sige højt, når noget ikke virker, og vi griner ofte af det bagefter.",
            ],
            [
                "Med den lange kø og sygdom i afdelingen er der ikke luft til at prøve nye ting lige nu.",
                "Nogle af os er bekymrede for, at selvbetjeningen overtager vores arbejde, og det bliver "
                "ikke rigtig talt om.",
            ],
        ),
        "P4": (
            [
                "Jeg føler mig usikker, når borgerne spørger til MitID-appen, for jeg har ikke selv fået "
                "den forklaret ordentligt.",
                "Nye systemer kommer hurtigere, end vi kan nå at lære dem.",
            ],
            [
                "Det er stadig svært at vide, hvem man skal gå til, når fagsystemet driller midt i en "
                "ekspedition.",
            ],
        ),
        "P5": (
            [
                "Skiftet til det nye køsystem blev forklaret godt, men der blev ikke fulgt op, da der "
                "opstod fejl.",
            ],
            [
                "Det er svært at se, om vores digitale tiltag har opbakning længere oppe i forvaltningen.",
            ],
        ),
    },
}
