"""Demo content for the experiments app: experiments, adoption plans, published cases and case trials.

Pure data, written in Danish as the workplaces' own people would write it. Ideas are named by their exact
titles in ideas_content.py and people by their full names as in seed_demo.py; times are relative to
the day the demo is loaded (a negative start_days_ago is a planned experiment that has not started yet).
An experiment with "follows" re-runs an earlier experiment on the same idea that ended with "adjust".
"""

EXPERIMENTS = [
    {
        "key": "sms-ankomsttid",
        "idea": "SMS med forventet ankomsttid til den, der har ringet 112",
        "workplace": "praehospitalt-center",
        "state": "running",
        "hypothesis": (
            "Vi tror, at en automatisk SMS med forventet ankomsttid og et par enkle råd (lås døren op, tænd "
            "lyset udenfor, luk hunden inde) vil føre til færre genopkald til vagtcentralen og roligere "
            "pårørende, når vi ankommer."
        ),
        "criteria": [
            {
                "axis": "citizens",
                "description": "De pårørende oplever ventetiden som mere tryg.",
                "measure": (
                    "Kort telefoninterview med 30 pårørende dagen efter (tryghed på en skala fra 1 til 5), "
                    "sammenlignet med 30 interview fra før forsøget."
                ),
                "result": None,
                "evidence": "",
            },
            {
                "axis": "routines",
                "description": "Færre genopkald om, hvor ambulancen bliver af.",
                "measure": (
                    "Genopkald pr. 100 udkald på dagvagterne i det nordlige område før og under forsøget, "
                    "opgjort af vagtcentralen."
                ),
                "result": None,
                "evidence": "",
            },
            {
                "axis": "quality",
                "description": "Vi møder oftere en ulåst dør og tændt lys udenfor.",
                "measure": "Afkrydsning i journalen efter hver tur i forsøgsområdet.",
                "result": None,
                "evidence": "",
            },
        ],
        "start_days_ago": 88,
        "duration_days": 90,
        "hours": 40,
        "budget_dkk": 6000,
        "equipment": "SMS-kobling fra disponeringssystemet (sat op af regionens IT)",
        "participants": ["Mads Rasmussen", "Kasper Dahl", "Line Thomsen", "Henrik Vestergaard"],
        "stop_rule": (
            "Vi stopper med det samme, hvis en SMS bliver sendt til et forkert nummer, eller hvis "
            "ankomsttiden i mere end hver femte besked er over ti minutter forkert."
        ),
        "safety": {
            "personal_data": True,
            "personal_data_which": (
                "Telefonnummeret på den, der har ringet 112, og adressen, som ambulancen kører til."
            ),
            "legal_basis": (
                "Databeskyttelsesforordningens art. 6, stk. 1, litra e (myndighedsopgave). Nummeret bruges "
                "kun til beskeden og gemmes ikke efter turen."
            ),
            "dpo_contact": "Databeskyttelsesrådgiver Anne Marie Skov, Fjordby Kommune",
            "vulnerable_citizens": False,
            "consent_how": "",
            "needs_it": True,
            "it_what": (
                "Regionens IT har lavet koblingen fra disponeringssystemet til SMS-tjenesten og slået den "
                "til for dagvagterne i nord."
            ),
        },
        "log": [
            (
                6,
                "Kasper Dahl",
                (
                    "Første uge: To pårørende sagde helt af sig selv, at beskeden gjorde dem roligere. En "
                    "enkelt syntes, at 'cirka 14 minutter' lød af lang tid."
                ),
            ),
            (
                21,
                "Mads Rasmussen",
                "Vi har tilføjet 'Luk gerne hunden inde' efter Lines forslag. Det fylder kun én linje.",
            ),
            (
                45,
                "Mads Rasmussen",
                (
                    "Halvvejs: Genopkaldene er faldet fra 11 til 6 pr. 100 udkald. To gange blev vi "
                    "omdirigeret, og den nye tid kom først efter fire minutter – det ser regionen på."
                ),
            ),
            (
                70,
                "Line Thomsen",
                (
                    "Flere ude på landet havde tændt lyset og stod ved vejen. Det sparer os for at lede "
                    "efter husnummeret i mørke."
                ),
            ),
        ],
        "decision": None,
        "learnings": "",
        "follows": None,
    },
    {
        "key": "oversaettelsesapp",
        "idea": "Oversættelsesapp på tabletten til patienter, der ikke taler dansk",
        "workplace": "praehospitalt-center",
        "state": "evaluating",
        "hypothesis": (
            "Vi tror, at en oversættelsesapp med tale til tale og en lille bank af faste spørgsmål med "
            "billeder vil føre til, at patienter uden et fælles sprog kan forklare sig og forstå, hvad vi "
            "gør – uden at et barn i familien skal oversætte."
        ),
        "criteria": [
            {
                "axis": "citizens",
                "description": (
                    "Patienten kan svare på de vigtigste spørgsmål om smerter, medicin og allergier."
                ),
                "measure": "Afkrydsning efter hver tur med appen: Lykkedes det (ja, delvist, nej)?",
                "result": None,
                "evidence": "",
            },
            {
                "axis": "quality",
                "description": "Ingen børn bruges som tolk på de fire forsøgsbiler.",
                "measure": "Antal ture, hvor et barn oversatte, før og under forsøget.",
                "result": None,
                "evidence": "",
            },
            {
                "axis": "routines",
                "description": "Vi bruger telefontolk mindre ved de enkle spørgsmål.",
                "measure": (
                    "Antal opkald til telefontolk fra de fire biler sammenlignet med de to måneder før."
                ),
                "result": None,
                "evidence": "",
            },
        ],
        "start_days_ago": 72,
        "duration_days": 60,
        "hours": 30,
        "budget_dkk": 4500,
        "equipment": (
            "Oversættelsesapp, der virker uden net, på fire tablets og en spørgebank med 12 billeder"
        ),
        "participants": ["Anja Lauridsen", "Jonas Kjær", "Sara Bach"],
        "stop_rule": (
            "Vi stopper, hvis appen oversætter en dosis eller en allergi forkert, uden at vi opdager det, "
            "eller hvis den forsinker behandlingen."
        ),
        "safety": {
            "personal_data": True,
            "personal_data_which": (
                "Patientens svar om symptomer, medicin og allergier bliver oversat i appen. Intet gemmes, og "
                "vi skriver ingen navne eller CPR-numre."
            ),
            "legal_basis": (
                "Databeskyttelsesforordningens art. 9, stk. 2, litra h (behandling i sundhedsvæsenet). Appen "
                "kører uden net, så intet sendes til leverandøren."
            ),
            "dpo_contact": "Databeskyttelsesrådgiver Anne Marie Skov, Fjordby Kommune",
            "vulnerable_citizens": True,
            "consent_how": (
                "Patienten bliver spurgt med et billede og på sit eget sprog, om vi må bruge appen. Kan "
                "patienten ikke svare, bruger vi kun appen til at forklare, hvad vi gør, og ringer til "
                "telefontolk."
            ),
            "needs_it": True,
            "it_what": "Regionens IT har godkendt appen til tabletterne og slået dens netadgang fra.",
        },
        "log": [
            (
                9,
                "Jonas Kjær",
                (
                    "Brugte den hos en ukrainsk kvinde med brystsmerter. Den virkede, men den hører dårligt, "
                    "når der er larm, så vi slukker sirenen, når vi taler."
                ),
            ),
            (
                25,
                "Anja Lauridsen",
                (
                    "Billederne virker bedre end talen til ja/nej-spørgsmål. De 12 faste spørgsmål ligger nu "
                    "øverst i appen."
                ),
            ),
            (
                48,
                "Sara Bach",
                (
                    "Appen oversatte 'blodfortyndende' forkert til polsk. Vi fangede det med billedet af "
                    "pillen, og fremover bekræfter vi altid medicin med billeder."
                ),
            ),
            (
                61,
                "Anja Lauridsen",
                (
                    "Forsøget er slut: 41 ture med appen, og kun én gang oversatte et barn. Vi samler op til "
                    "personalemødet."
                ),
            ),
        ],
        "decision": None,
        "learnings": "",
        "follows": None,
    },
    {
        "key": "ekg-foer-ankomst",
        "idea": "Send EKG og vitale værdier fra tabletten til akutmodtagelsen før ankomst",
        "workplace": "praehospitalt-center",
        "state": "concluded",
        "hypothesis": (
            "Vi tror, at det at sende EKG og vitale værdier fra tabletten, mens vi kører, vil føre til, at "
            "patienter med blodprop i hjertet kommer hurtigere i behandling, og at færre oplysninger går "
            "tabt ved overleveringen."
        ),
        "criteria": [
            {
                "axis": "citizens",
                "description": "Kortere tid fra ankomst til behandling for patienter med blodprop i hjertet.",
                "measure": (
                    "Tid fra ankomst til ballonudvidelse fra hjerteafdelingens registrering, sammenlignet "
                    "med samme periode sidste år."
                ),
                "result": "met",
                "evidence": (
                    "For de 23 patienter, hvor EKG blev sendt, var tiden i gennemsnit 7 minutter kortere."
                ),
            },
            {
                "axis": "quality",
                "description": "Den modtagende læge har set de rigtige tal, før vi står i døren.",
                "measure": (
                    "Afkrydsning fra akutmodtagelsen ved hver overlevering: modtaget og læst før ankomst?"
                ),
                "result": "partly",
                "evidence": (
                    "Data var modtaget på 86 % af turene; i yderområderne faldt forbindelsen ud på 9 ture."
                ),
            },
            {
                "axis": "routines",
                "description": "Mindre gentagelse af tal ved overleveringen.",
                "measure": "Akutmodtagelsens tidtagning af ti overleveringer før og ti under forsøget.",
                "result": "met",
                "evidence": (
                    "Overleveringen blev i gennemsnit halvandet minut kortere, fordi tallene ikke skulle "
                    "læses op."
                ),
            },
        ],
        "start_days_ago": 246,
        "duration_days": 75,
        "hours": 60,
        "budget_dkk": 0,
        "equipment": (
            "Tablets og EKG-apparater i bilerne og sendefunktionen i den præhospitale patientjournal"
        ),
        "participants": ["Line Thomsen", "Peter Holm", "Henrik Vestergaard"],
        "stop_rule": (
            "Vi stopper, hvis hospitalet én gang tror, at data er modtaget, uden at de er det, og det "
            "forsinker behandlingen."
        ),
        "safety": {
            "personal_data": True,
            "personal_data_which": (
                "EKG, blodtryk, puls, iltmætning og CPR-nummer sendes fra journalen til den modtagende "
                "afdeling."
            ),
            "legal_basis": (
                "Databeskyttelsesforordningens art. 9, stk. 2, litra h og sundhedslovens regler om "
                "videregivelse af oplysninger til brug for behandling."
            ),
            "dpo_contact": "Databeskyttelsesrådgiver Anne Marie Skov, Fjordby Kommune",
            "vulnerable_citizens": True,
            "consent_how": (
                "Overførslen er en del af behandlingen og kræver ikke samtykke, heller ikke når patienten er "
                "bevidstløs. Vi fortæller patienten eller de pårørende, at tallene sendes til hospitalet, så "
                "de er klar."
            ),
            "needs_it": True,
            "it_what": (
                "Regionens IT satte sendefunktionen op mod akutmodtagelsen og hjerteafdelingen og testede "
                "forbindelsen fra alle biler."
            ),
        },
        "log": [
            (
                4,
                "Line Thomsen",
                (
                    "Første sending til hjerteafdelingen: Kardiologen ringede tilbage efter to minutter, og "
                    "patienten kørte direkte til ballonudvidelse."
                ),
            ),
            (
                19,
                "Peter Holm",
                (
                    "Ude ved Skovby faldt forbindelsen to gange. Vi bekræfter nu altid over radioen, at data "
                    "er modtaget."
                ),
            ),
            (
                50,
                "Line Thomsen",
                (
                    "Alle på forsøgsbilerne har fået et kvarters oplæring. Guiden ligger lamineret i "
                    "tabletcoveret."
                ),
            ),
            (
                74,
                "Henrik Vestergaard",
                "Vi anbefaler at indføre det på alle biler. Radioen bliver ved med at være backup.",
            ),
        ],
        "decision": "adopt",
        "learnings": (
            "Teknikken var den nemme del – det svære var at få akutmodtagelsen til at kigge på tallene, før "
            "vi kom. Det lykkedes først, da en kardiolog blev fast kontaktperson hos dem. Dækningen i "
            "yderområderne betyder, at radiomeldingen aldrig må forsvinde."
        ),
        "follows": None,
    },
    {
        "key": "qr-udstyrstasker",
        "idea": "QR-koder på udstyrstaskerne med tjekliste og udløbsdatoer",
        "workplace": "praehospitalt-center",
        "state": "concluded",
        "hypothesis": (
            "Vi tror, at QR-koder på udstyrstaskerne med en digital tjekliste og besked om udløbsdatoer vil "
            "føre til, at vi ikke længere finder udløbet medicin eller manglende udstyr, og at tjekket ved "
            "vagtskifte går hurtigere."
        ),
        "criteria": [
            {
                "axis": "quality",
                "description": "Ingen fund af udløbet medicin eller manglende udstyr i forsøgsbilerne.",
                "measure": "Stikprøvekontrol af tre tasker pr. bil hver uge.",
                "result": "met",
                "evidence": "Ingen udløbne varer i stikprøverne mod fire fund i de seks uger før.",
            },
            {
                "axis": "routines",
                "description": "Tjekket ved vagtskifte tager kortere tid.",
                "measure": "Tidtagning af ti tjek før og ti tjek under forsøget.",
                "result": "met",
                "evidence": "Tjekket tog i gennemsnit 6 minutter mod 11 minutter før.",
            },
            {
                "axis": "citizens",
                "description": "Det rigtige udstyr er med, når det gælder.",
                "measure": "Afvigelsesrapporter om manglende udstyr på ture.",
                "result": "partly",
                "evidence": (
                    "Ingen afvigelser i perioden, men seks uger er for kort tid til at sige meget om sjældne "
                    "hændelser."
                ),
            },
        ],
        "start_days_ago": 208,
        "duration_days": 42,
        "hours": 25,
        "budget_dkk": 1800,
        "equipment": "Holdbare QR-mærker, vagttelefonerne og kommunens formularværktøj",
        "participants": ["Kasper Dahl", "Anja Lauridsen", "Mads Rasmussen"],
        "stop_rule": (
            "Vi stopper, hvis tjekket efter de første to uger stadig tager længere tid end med laminatet, "
            "eller hvis listerne ikke bliver holdt opdaterede."
        ),
        "safety": {
            "personal_data": False,
            "personal_data_which": "",
            "legal_basis": "",
            "dpo_contact": "",
            "vulnerable_citizens": False,
            "consent_how": "",
            "needs_it": True,
            "it_what": (
                "IT-support hjalp med at oprette tjeklisterne i formularværktøjet og lægge en genvej på "
                "vagttelefonerne."
            ),
        },
        "log": [
            (
                2,
                "Kasper Dahl",
                (
                    "Mærkerne sidder på alle tasker i bil 3 og 7. Første tjek tog længere tid, fordi alle "
                    "lige skulle finde ud af det."
                ),
            ),
            (
                14,
                "Anja Lauridsen",
                (
                    "Påmindelsen fangede to ampuller adrenalin, der udløb om seks dage. Kan vi få "
                    "iltflaskerne med?"
                ),
            ),
            (
                30,
                "Kasper Dahl",
                "Mærkerne på den røde taske falder af i vaskehallen. Vi har skiftet til en anden type lim.",
            ),
            (41, "Mads Rasmussen", "Vi er alle enige: Laminatet skal ikke tilbage."),
        ],
        "decision": "adopt",
        "learnings": (
            "Det virker kun, fordi én person ejer listerne – Kasper opdaterer dem, når leverandøren skifter "
            "varer. Mærkerne skal kunne tåle vaskehallen, og det fandt vi først ud af i forsøget. "
            "Iltflaskerne kom med i næste runde efter Anjas forslag."
        ),
        "follows": None,
    },
    {
        "key": "skaerm-stationen",
        "idea": "Skærm på stationen med ambulancernes position og ventende opgaver",
        "workplace": "praehospitalt-center",
        "state": "concluded",
        "hypothesis": (
            "Vi tror, at en skærm i opholdsrummet, der kun viser bilernes status uden oplysninger om "
            "borgere, vil føre til, at vi bedre kan planlægge pauser og påfyldning og kommer hurtigere af "
            "sted."
        ),
        "criteria": [
            {
                "axis": "routines",
                "description": "Vi kan se, hvornår der er ro til pause og påfyldning.",
                "measure": "Kort spørgeskema til holdene efter fire uger.",
                "result": "not_met",
                "evidence": (
                    "Kun 2 af 9 svarede, at skærmen hjalp, fordi statusserne var op til ti minutter "
                    "forsinkede."
                ),
            },
            {
                "axis": "citizens",
                "description": "Kortere tid fra alarm til afgang fra stationen.",
                "measure": "Afgangstider fra disponeringssystemet før og under forsøget.",
                "result": "not_met",
                "evidence": "Ingen målbar forskel på afgangstiden.",
            },
        ],
        "start_days_ago": 200,
        "duration_days": 28,
        "hours": 16,
        "budget_dkk": 0,
        "equipment": "En gammel storskærm fra mødelokalet og regionens webvisning af bilernes status",
        "participants": ["Peter Holm", "Mads Rasmussen"],
        "stop_rule": (
            "Vi stopper, hvis skærmen viser oplysninger om borgere eller opgaver, eller hvis den skaber "
            "forvirring om, hvem der skal køre."
        ),
        "safety": {
            "personal_data": False,
            "personal_data_which": "",
            "legal_basis": "",
            "dpo_contact": "",
            "vulnerable_citizens": False,
            "consent_how": "",
            "needs_it": True,
            "it_what": (
                "Regionens IT gav adgang til en webvisning af bilernes status uden oplysninger om opgaverne."
            ),
        },
        "log": [
            (
                3,
                "Peter Holm",
                "Skærmen hænger i opholdsrummet og viser kun bilernes status, som Mads foreslog.",
            ),
            (
                12,
                "Mads Rasmussen",
                (
                    "Skærmen sagde, at bil 4 var ledig, men den var på vej ind med en patient. Visningen "
                    "halter op til ti minutter bagefter."
                ),
            ),
            (
                27,
                "Peter Holm",
                "Folk er holdt op med at kigge på den. Forsinkede tal er værre end ingen tal.",
            ),
        ],
        "decision": "stop",
        "learnings": (
            "Uden levende data gør skærmen mere skade end gavn, fordi vi begynder at stole på tal, der er "
            "forkerte. Til gengæld ved vi nu præcis, hvad vi skal bede om, når regionen skifter "
            "disponeringssystem: status i realtid og ingen opgaveoplysninger. Idéen er parkeret, ikke død."
        ),
        "follows": None,
    },
    {
        "key": "nfc-rengoering",
        "idea": "NFC-mærker i ambulancen til at registrere rengøring",
        "workplace": "praehospitalt-center",
        "state": "planned",
        # Answered, and waiting for the data protection adviser and the IT contact (issue 17, point 6).
        "safety_answered": True,
        "hypothesis": (
            "Vi tror, at et NFC-mærke i bilen, som vi scanner med vagttelefonen efter rengøring, vil føre "
            "til, at vagtholdet altid ved, om bilen er gjort ren, og at vi kan dokumentere rengøring efter "
            "smitte."
        ),
        "criteria": [
            {
                "axis": "quality",
                "description": "Rengøringsstatus er kendt for de to forsøgsbiler ved hvert vagtskifte.",
                "measure": "Andel af vagtskifter, hvor status var registreret.",
                "result": None,
                "evidence": "",
            },
            {
                "axis": "routines",
                "description": "Registreringen tager under ti sekunder.",
                "measure": "Tidtagning af 20 registreringer i den første uge.",
                "result": None,
                "evidence": "",
            },
            {
                "axis": "citizens",
                "description": "Ingen patient kører i en bil, der ikke er gjort ren efter en smittetur.",
                "measure": "Gennemgang af alle smitteture i perioden sammen med hygiejnesygeplejersken.",
                "result": None,
                "evidence": "",
            },
        ],
        "start_days_ago": -14,
        "duration_days": 28,
        "hours": 12,
        "budget_dkk": 1500,
        "equipment": "Fire NFC-mærker, registrering på vagttelefonen og en oversigt på stationens pc",
        "participants": ["Jonas Kjær", "Camilla Østergaard", "Henrik Vestergaard"],
        "stop_rule": (
            "Vi stopper, hvis registreringen efter to uger bliver sprunget over ved mere end hver fjerde "
            "rengøring, eller hvis den forsinker, at bilen bliver klar."
        ),
        "safety": {
            "personal_data": True,
            "personal_data_which": (
                "Hvem der har gjort bilen ren og hvornår (medarbejderens navn og tidspunkt)."
            ),
            "legal_basis": (
                "Databeskyttelsesforordningens art. 6, stk. 1, litra e – dokumentation af hygiejne. "
                "Registreringerne slettes efter et år."
            ),
            "dpo_contact": "Databeskyttelsesrådgiver Anne Marie Skov, Fjordby Kommune",
            "vulnerable_citizens": False,
            "consent_how": "",
            "needs_it": True,
            "it_what": (
                "IT skal oprette registreringen på vagttelefonerne og lave oversigten; "
                "hygiejnesygeplejersken godkender rengøringstyperne."
            ),
        },
        "log": [],
        "decision": None,
        "learnings": "",
        "follows": None,
    },
    {
        "key": "mikroskop-naturture",
        "idea": "Digitalt mikroskop til naturture koblet til tabletten",
        "workplace": "boernehuset-solsikken",
        "state": "running",
        "hypothesis": (
            "Vi tror, at et digitalt mikroskop, der viser de små dyr og planter i stort format på tabletten, "
            "vil føre til flere nye ord, flere spørgsmål fra børnene og mere fælles undren på naturturene."
        ),
        "criteria": [
            {
                "axis": "quality",
                "description": "Børnene bruger nye ord om det, de har set, også dagen efter.",
                "measure": "Emils logbog over nye ord og børnenes spørgsmål efter hver tur.",
                "result": None,
                "evidence": "",
            },
            {
                "axis": "citizens",
                "description": "Flere børn er med i snakken, også de stille og de tosprogede børn.",
                "measure": (
                    "De voksnes optælling af, hvor mange børn der siger noget ved mikroskopet (uden navne)."
                ),
                "result": None,
                "evidence": "",
            },
        ],
        "start_days_ago": 80,
        "duration_days": 90,
        "hours": 20,
        "budget_dkk": 1200,
        "equipment": "Digitalt mikroskop (ca. 800 kr.), vandtæt taske og stuens tablet",
        "participants": ["Emil Laursen", "Bente Kristiansen", "Ahmad Nasser"],
        "stop_rule": (
            "Vi stopper, hvis tabletten begynder at fylde mere end selve turen, eller hvis børnene mister "
            "lysten til at gå på opdagelse uden skærm."
        ),
        "safety": {
            "personal_data": False,
            "personal_data_which": "",
            "legal_basis": "",
            "dpo_contact": "",
            "vulnerable_citizens": True,
            "consent_how": (
                "Forældrene på Regnbuen og Mælkebøtten er orienteret på Aula og på forældremødet. Vi "
                "fotograferer kun dyr og planter, ikke børnene, og hvert barn bestemmer selv, om det vil "
                "kigge med."
            ),
            "needs_it": False,
            "it_what": "",
        },
        "log": [
            (
                5,
                "Emil Laursen",
                (
                    "Første tur: Børnene har talt om 'snegletænder' hele dagen. Tabletten kom kun op af "
                    "tasken to gange."
                ),
            ),
            (
                22,
                "Ahmad Nasser",
                (
                    "Vi skriver ordene på dansk og arabisk i den lille bog, så forældrene kan læse med "
                    "derhjemme."
                ),
            ),
            (
                40,
                "Bente Kristiansen",
                (
                    "Mikroskopet klarede en regnbyge i tasken, men linsen skal tørres af hver gang. Der "
                    "ligger nu en klud i tasken."
                ),
            ),
            (
                63,
                "Emil Laursen",
                (
                    "Logbogen har 74 nye ord. Også to af de stille børn spørger nu selv, om vi skal 'se på "
                    "den i stor'."
                ),
            ),
        ],
        "decision": None,
        "learnings": "",
        "follows": None,
    },
    {
        "key": "lydmaaler-regnbuen",
        "idea": "Lydmåler på stuen, der viser med lys, når larmen bliver for høj",
        "workplace": "boernehuset-solsikken",
        "state": "evaluating",
        "hypothesis": (
            "Vi tror, at en lydmåler, der lyser grønt, gult og rødt, når det bliver for larmende, vil føre "
            "til et lavere støjniveau ved frokosten og færre trætte børn og voksne, fordi børnene selv kan "
            "se lyden og hjælpe hinanden."
        ),
        "criteria": [
            {
                "axis": "routines",
                "description": "Lavere støjniveau ved frokosten på Regnbuen.",
                "measure": (
                    "Arbejdsmiljørepræsentantens målinger i decibel i to uger før og i forsøgets sidste to "
                    "uger."
                ),
                "result": None,
                "evidence": "",
            },
            {
                "axis": "quality",
                "description": "Børnene taler selv om lyden og hjælper hinanden med at skrue ned.",
                "measure": "Noter i læringsloggen om, hvad børnene siger og gør.",
                "result": None,
                "evidence": "",
            },
            {
                "axis": "citizens",
                "description": "Ingen børn bliver kede af det eller stressede af det røde lys.",
                "measure": (
                    "De voksnes daglige vurdering og en snak med forældrene til de mest lydfølsomme børn."
                ),
                "result": None,
                "evidence": "",
            },
        ],
        "start_days_ago": 60,
        "duration_days": 42,
        "hours": 10,
        "budget_dkk": 1500,
        "equipment": "Lydmåler formet som et øre med lys",
        "participants": ["Louise Skov", "Emil Laursen", "Tina Winther"],
        "stop_rule": (
            "Vi slukker lydmåleren med det samme, hvis den bliver brugt til at skælde ud, eller hvis et barn "
            "bliver utrygt af det røde lys."
        ),
        "safety": {
            "personal_data": False,
            "personal_data_which": "",
            "legal_basis": "",
            "dpo_contact": "",
            "vulnerable_citizens": True,
            "consent_how": (
                "Forældrene på Regnbuen fik besked på Aula før start. Lydmåleren optager ikke lyd, den måler "
                "kun niveauet. Forældrene til de to mest lydfølsomme børn blev spurgt særskilt og sagde ja."
            ),
            "needs_it": False,
            "it_what": "",
        },
        "log": [
            (9, "Emil Laursen", "Uge 2: Børnene kalder den 'Øret' og siger selv 'nu bliver den gul'."),
            (
                20,
                "Louise Skov",
                (
                    "Vi har flyttet den lidt væk fra bordet, fordi et par børn blev optaget af at få den til "
                    "at blinke rødt."
                ),
            ),
            (
                35,
                "Tina Winther",
                "Frokosten er mærkbart roligere. Men efter kl. 14 lægger ingen mærke til den længere.",
            ),
            (
                44,
                "Louise Skov",
                "Arbejdsmiljørepræsentanten har målt igen. Vi ser på tallene på personalemødet i næste uge.",
            ),
        ],
        "decision": None,
        "learnings": "",
        "follows": None,
    },
    {
        "key": "tablet-billeder-aula",
        "idea": "Tablet til billeder af børnenes dag til forældrene",
        "workplace": "boernehuset-solsikken",
        "state": "concluded",
        "hypothesis": (
            "Vi tror, at en fast tablet på stuen til højst tre billeder om dagen på Aula vil føre til, at "
            "forældrene kan tale med barnet om dagen, og at ingen voksne længere bruger private telefoner "
            "til billeder af børnene."
        ),
        "criteria": [
            {
                "axis": "citizens",
                "description": "Forældrene oplever, at de ved mere om barnets dag.",
                "measure": "Kort spørgeskema på Aula til forældrene på de to forsøgsstuer før og efter.",
                "result": "met",
                "evidence": "31 af 38 forældre svarede, og 27 af dem taler nu mere med barnet om dagen.",
            },
            {
                "axis": "routines",
                "description": "Ingen billeder af børn på private telefoner.",
                "measure": "Status på personalemøderne hver anden uge.",
                "result": "met",
                "evidence": (
                    "Alle på de to stuer har slettet billeder af børn fra deres private telefoner og bruger "
                    "kun tabletten."
                ),
            },
            {
                "axis": "quality",
                "description": "Billederne bliver også brugt i snakken med børnene.",
                "measure": "De voksnes noter om, hvornår billederne bliver brugt sammen med børnene.",
                "result": "partly",
                "evidence": (
                    "På Mælkebøtten blev billederne brugt hver dag til samling, på den anden stue næsten "
                    "aldrig."
                ),
            },
        ],
        "start_days_ago": 244,
        "duration_days": 60,
        "hours": 20,
        "budget_dkk": 5000,
        "equipment": "To tablets med Aula-appen og en lås på skabet",
        "participants": ["Louise Skov", "Tina Winther", "Mette Lund"],
        "stop_rule": (
            "Vi stopper, hvis et billede af et barn uden samtykke bliver delt, eller hvis billederne "
            "begynder at tage tid fra børnene."
        ),
        "safety": {
            "personal_data": True,
            "personal_data_which": (
                "Billeder af børnene og korte tekster om dagens aktiviteter, delt med forældrene på stuen "
                "via Aula."
            ),
            "legal_basis": (
                "Forældrenes skriftlige samtykke (databeskyttelsesforordningens art. 6, stk. 1, litra a). "
                "Billederne slettes fra tabletten hver fredag."
            ),
            "dpo_contact": "Databeskyttelsesrådgiver Anne Marie Skov, Fjordby Kommune",
            "vulnerable_citizens": True,
            "consent_how": (
                "Alle forældre fik et brev på Aula og sagde skriftligt ja eller nej. Børn uden samtykke "
                "kommer ikke med på billeder, og listen hænger på indersiden af skabet."
            ),
            "needs_it": True,
            "it_what": (
                "IT satte tabletterne op, så de kun har kamera og Aula, og så billederne ikke gemmes i en "
                "sky."
            ),
        },
        "log": [
            (3, "Louise Skov", "Samtykkelisten er klar: 36 ja og 2 nej. Den hænger på indersiden af skabet."),
            (
                15,
                "Tina Winther",
                (
                    "Forældrene på Mælkebøtten er så glade for det. En far sagde, at det er hans bedste "
                    "øjeblik på dagen."
                ),
            ),
            (
                28,
                "Mette Lund",
                (
                    "Husk: ingen billeder fra puslerummet eller af børn, der er kede af det. Vi tager det op "
                    "på personalemødet."
                ),
            ),
            (
                58,
                "Louise Skov",
                "Det tager under fem minutter om dagen. Vi anbefaler, at alle stuer får en tablet.",
            ),
        ],
        "decision": "adopt",
        "learnings": (
            "Samtykkelisten skulle være på plads før det første billede, og det var den rigtige rækkefølge. "
            "Grænsen på tre billeder om dagen holdt jagten på det perfekte billede væk. Billederne giver "
            "mest, når vi også bruger dem sammen med børnene, og det skal vi blive bedre til på alle stuer."
        ),
        "follows": None,
    },
    {
        "key": "bee-bots",
        "idea": "Bee-Bot-robotter til de største børn",
        "workplace": "boernehuset-solsikken",
        "state": "concluded",
        "hypothesis": (
            "Vi tror, at Bee-Bot-robotter og gulvbaner med bogstaver og billeder vil føre til, at "
            "førskolebørnene får flere ord for retning og tal og øver sig i at samarbejde og vente på tur."
        ),
        "criteria": [
            {
                "axis": "quality",
                "description": "Børnene bruger ord som frem, tilbage, højre og venstre i legen.",
                "measure": "Observation af børnene i par én gang om ugen med en fast skabelon.",
                "result": "met",
                "evidence": "Efter seks uger brugte 14 af 16 børn selv retningsord mod 6 ved start.",
            },
            {
                "axis": "citizens",
                "description": "Alle børn er med – ikke kun dem, der i forvejen er gode til den slags.",
                "measure": "Optælling af, hvor mange børn der styrer robotten i hver aktivitet.",
                "result": "met",
                "evidence": "Med faste par styrede alle 16 børn robotten mindst fire gange.",
            },
            {
                "axis": "routines",
                "description": "Aktiviteten kan sættes i gang på under fem minutter.",
                "measure": "De voksnes vurdering i læringsloggen.",
                "result": "partly",
                "evidence": (
                    "Det går hurtigt, når banerne er lavet, men de første baner tog en hel eftermiddag."
                ),
            },
        ],
        "start_days_ago": 200,
        "duration_days": 56,
        "hours": 30,
        "budget_dkk": 4800,
        "equipment": "Fire Bee-Bots, to gulvmåtter og selvlavede baner",
        "participants": ["Bente Kristiansen", "Freja Nygaard", "Ahmad Nasser"],
        "stop_rule": (
            "Vi stopper, hvis det hver gang er de samme børn, der styrer robotten, og de andre bliver "
            "tilskuere."
        ),
        "safety": {
            "personal_data": False,
            "personal_data_which": "",
            "legal_basis": "",
            "dpo_contact": "",
            "vulnerable_citizens": True,
            "consent_how": (
                "Forældrene til førskolebørnene blev orienteret på Aula og til forældremødet. Det er en "
                "almindelig pædagogisk aktivitet, og der bliver ikke gemt noget om børnene digitalt."
            ),
            "needs_it": False,
            "it_what": "",
        },
        "log": [
            (
                4,
                "Bente Kristiansen",
                (
                    "Første dag kørte robotten mest ind i væggen, og børnene grinede. Vi laver baner med "
                    "færre felter."
                ),
            ),
            (
                17,
                "Ahmad Nasser",
                (
                    "Vi har lavet en bane med billeder og ord på dansk og arabisk. To af de tosprogede børn "
                    "var de første til at sige 'til højre'."
                ),
            ),
            (
                33,
                "Freja Nygaard",
                "De faste par virker. Nu er det ikke længere de samme tre børn, der trykker.",
            ),
            (
                54,
                "Bente Kristiansen",
                "Vi foreslår, at robotterne bliver en fast del af førskolegruppens uge.",
            ),
        ],
        "decision": "adopt",
        "learnings": (
            "Det var de faste par, som de voksne satte sammen, der gjorde, at alle kom med – uden dem blev "
            "det de hurtigste børns leg. Banerne tager tid at lave første gang, men kan bruges igen og igen. "
            "Robotterne er et redskab til sprog og samarbejde, ikke et mål i sig selv."
        ),
        "follows": None,
    },
    {
        "key": "barnevogn-sensorer",
        "idea": "Sensorer i barnevognene, der giver besked, når et barn vågner",
        "workplace": "boernehuset-solsikken",
        "state": "concluded",
        "hypothesis": (
            "Vi tror, at en sensor i barnevognen, der giver besked på tabletten, når barnet vågner, vil føre "
            "til, at børnene bliver hentet hurtigere, og at vi kan bruge færre ture ud til vognene og mere "
            "tid på de vågne børn."
        ),
        "criteria": [
            {
                "axis": "routines",
                "description": "Færre ture ud til barnevognene.",
                "measure": "Optælling af ture til vognene i to uger før og under forsøget.",
                "result": "not_met",
                "evidence": (
                    "Turene faldt ikke, fordi retningslinjerne kræver, at vi kigger til børnene med faste "
                    "mellemrum alligevel."
                ),
            },
            {
                "axis": "citizens",
                "description": "Børnene bliver hentet kort efter, at de vågner.",
                "measure": "Tid fra sensorens besked til barnet er hentet.",
                "result": "partly",
                "evidence": (
                    "Når beskeden kom, gik der under to minutter, men blæst gav 11 falske beskeder på tre "
                    "uger."
                ),
            },
        ],
        "start_days_ago": 150,
        "duration_days": 21,
        "hours": 12,
        "budget_dkk": 0,
        "equipment": "Tre lånte sensorer uden kamera og lydoptagelse og en tablet",
        "participants": ["Rikke Mortensen", "Freja Nygaard", "Mette Lund"],
        "stop_rule": (
            "Vi stopper, hvis sensoren får os til at kigge sjældnere til børnene, end retningslinjerne "
            "kræver, eller hvis en forælder trækker sit samtykke."
        ),
        "safety": {
            "personal_data": True,
            "personal_data_which": (
                "Sensoren registrerer bevægelse i barnevognen og sender en besked med vognens nummer til "
                "tabletten; appen gemmer en log over, hvornår barnet vågnede."
            ),
            "legal_basis": (
                "Forældrenes skriftlige samtykke (databeskyttelsesforordningens art. 6, stk. 1, litra a). "
                "Loggen blev slettet, da forsøget sluttede."
            ),
            "dpo_contact": "Databeskyttelsesrådgiver Anne Marie Skov, Fjordby Kommune",
            "vulnerable_citizens": True,
            "consent_how": (
                "Kun børn, hvis forældre havde sagt ja skriftligt, sov i vogne med sensor. "
                "Forældrebestyrelsen blev hørt før start, og forældrene kunne til enhver tid sige fra."
            ),
            "needs_it": True,
            "it_what": (
                "IT tjekkede, at sensorernes app ikke sender data uden for EU, og installerede den på en "
                "tablet uden andre apps."
            ),
        },
        "log": [
            (
                2,
                "Rikke Mortensen",
                "Sensorerne sidder i tre vogne. Vi kigger stadig til børnene med faste mellemrum som altid.",
            ),
            (
                8,
                "Freja Nygaard",
                "Blæsten satte alarmen i gang tre gange i dag. Vi løb ud til børn, der sov trygt.",
            ),
            (
                16,
                "Rikke Mortensen",
                (
                    "To forældre i bestyrelsen er bekymrede for overvågningen, selv uden kamera. Vi tager "
                    "det op på næste møde."
                ),
            ),
            (
                20,
                "Mette Lund",
                (
                    "Vi stopper forsøget: Sensorerne sparer os ikke ture, fordi vi skal kigge til børnene "
                    "alligevel."
                ),
            ),
        ],
        "decision": "stop",
        "learnings": (
            "Det er retningslinjerne for søvn og ikke teknikken, der bestemmer, hvor tit vi går ud – så "
            "sensoren kunne ikke give os den tid, vi håbede på. Falske alarmer fra blæst gjorde os mere "
            "urolige, ikke mindre. Det var godt at prøve med tre lånte sensorer i tre uger i stedet for at "
            "købe til alle vogne."
        ),
        "follows": None,
    },
    {
        "key": "projektor-hvilerum",
        "idea": "Projektor i hvilerummet, der viser natur og rolige billeder på loftet",
        "workplace": "boernehuset-solsikken",
        "state": "concluded",
        "hypothesis": (
            "Vi tror, at rolige billeder af skyer og stjerner på loftet i hvilerummet vil føre til, at de "
            "børn, der har svært ved at falde til ro, sover hurtigere, og at middagsluren bliver roligere "
            "for alle."
        ),
        "criteria": [
            {
                "axis": "citizens",
                "description": "De børn, der har svært ved at falde til ro, sover hurtigere.",
                "measure": "Tid til at falde i søvn for fem børn, noteret i to uger før og under forsøget.",
                "result": "partly",
                "evidence": (
                    "Tre af de fem børn faldt hurtigere i søvn, men to blev mere vågne og lå og pegede på "
                    "loftet."
                ),
            },
            {
                "axis": "routines",
                "description": "Kortere tid fra vi går ind, til der er ro i rummet.",
                "measure": "De voksnes tidtagning hver dag.",
                "result": "not_met",
                "evidence": "Det tog lige så lang tid som før, fordi billederne skabte snak i starten.",
            },
        ],
        "start_days_ago": 78,
        "duration_days": 21,
        "hours": 8,
        "budget_dkk": 0,
        "equipment": "En lånt projektor fra SFO'en og gratis videoer med skyer og stjerner",
        "participants": ["Emil Laursen", "Rikke Mortensen"],
        "stop_rule": (
            "Vi slukker, hvis et barn bliver uroligt eller bange for billederne, eller hvis hvilet bliver "
            "mere uroligt for gruppen."
        ),
        "safety": {
            "personal_data": False,
            "personal_data_which": "",
            "legal_basis": "",
            "dpo_contact": "",
            "vulnerable_citizens": True,
            "consent_how": (
                "Forældrene til børnene i hvilerummet fik besked på Aula før start og kunne bede om, at "
                "deres barn sov i det andet rum imens. Ingen bad om det."
            ),
            "needs_it": False,
            "it_what": "",
        },
        "log": [
            (
                1,
                "Emil Laursen",
                (
                    "Første dag med skyerne var meget spændende – for spændende. Ingen sov de første ti "
                    "minutter."
                ),
            ),
            (
                9,
                "Rikke Mortensen",
                (
                    "Vi har skruet ned for lyset og skiftet til langsomme stjerner uden lyd. Tre af de "
                    "urolige børn falder hurtigere i søvn nu."
                ),
            ),
            (
                19,
                "Emil Laursen",
                (
                    "Vi stopper her. Det hjælper nogle børn, men ikke nok til, at vi skal købe en projektor "
                    "i år."
                ),
            ),
        ],
        "decision": "stop",
        "learnings": (
            "Rolige billeder hjælper nogle børn, men for andre bliver loftet noget at kigge på i stedet for "
            "at sove, så det duer ikke til hele gruppen. Tager vi idéen op igen, skal det være i et lille "
            "rum til de få børn, der har brug for det. Vi sparede en projektor, som kun halvdelen ville have "
            "haft gavn af."
        ),
        "follows": None,
    },
    {
        "key": "gadelamper-mobilnet",
        "idea": "Fjernovervågning af gadelamper, der selv melder, når de er gået ud",
        "workplace": "lys-og-signal",
        "state": "concluded",
        "hypothesis": (
            "Vi tror, at styreenheder i lampehovederne, der selv melder fejl via mobilnettet, vil føre til, "
            "at vi opdager slukkede lamper, før borgerne gør, og kan samle reparationerne i ruter i stedet "
            "for at køre natlige kontrolrunder."
        ),
        "criteria": [
            {
                "axis": "citizens",
                "description": "Slukkede lamper bliver opdaget og rettet hurtigere.",
                "measure": "Tid fra en lampe går ud, til den er repareret, sammenlignet med resten af byen.",
                "result": "met",
                "evidence": "I gennemsnit 3 dage i forsøgsområdet mod 16 dage i resten af byen.",
            },
            {
                "axis": "routines",
                "description": "Vi kan undvære den natlige kontrolrunde i forsøgsområdet.",
                "measure": "Om den månedlige natrunde finder fejl, som systemet ikke har meldt.",
                "result": "partly",
                "evidence": (
                    "Natrunden fandt 5 fejl, som systemet ikke meldte – alle på Skovvejen, hvor der ikke er "
                    "mobildækning."
                ),
            },
            {
                "axis": "quality",
                "description": "Vi kan se mønstre i fejlene.",
                "measure": "Gennemgang af fejllisten med montørerne efter to måneder.",
                "result": "met",
                "evidence": (
                    "Vi fandt en serie drivere fra samme leverandør, der stod for over halvdelen af fejlene."
                ),
            },
        ],
        "start_days_ago": 168,
        "duration_days": 60,
        "hours": 60,
        "budget_dkk": 18000,
        "equipment": "60 styreenheder til lampehovederne og et prøveabonnement på den centrale software",
        "participants": ["Niels Mikkelsen", "Kim Søndergaard", "Morten Friis"],
        "stop_rule": (
            "Vi stopper, hvis mere end hver tiende styreenhed melder forkert, eller hvis leverandøren ikke "
            "vil garantere, at vi kan hente vores data ud i et åbent format."
        ),
        "safety": {
            "personal_data": False,
            "personal_data_which": "",
            "legal_basis": "",
            "dpo_contact": "",
            "vulnerable_citizens": False,
            "consent_how": "",
            "needs_it": True,
            "it_what": (
                "IT har godkendt leverandørens software, bestilt SIM-kort til enhederne og givet adgang til "
                "fejllisten fra værkstedet."
            ),
        },
        "log": [
            (
                7,
                "Kim Søndergaard",
                "Første uge: 4 lamper meldt automatisk. Kun én af dem havde en borger meldt.",
            ),
            (
                30,
                "Niels Mikkelsen",
                "Første måned: 14 fejl meldt automatisk – kun 3 af dem havde borgere meldt.",
            ),
            (
                45,
                "Morten Friis",
                (
                    "Natrunden fandt fem slukkede lamper på Skovvejen, som systemet ikke kendte. Der er "
                    "ingen mobildækning dernede."
                ),
            ),
            (
                59,
                "Niels Mikkelsen",
                (
                    "Det virker, men mobilnettet er for usikkert. Vi foreslår at prøve igen med enheder, der "
                    "sender til hinanden via radio."
                ),
            ),
        ],
        "decision": "adjust",
        "learnings": (
            "Automatiske fejlmeldinger fra lamperne virker og får reparationstiden ned fra uger til dage – "
            "men kun, hvor der er mobildækning. Vi skal bruge enheder, der sender til hinanden via radio og "
            "kun behøver én forbindelse til nettet pr. område. Fejldata viste os også en dårlig serie "
            "drivere, som vi ikke anede noget om."
        ),
        "follows": None,
    },
    {
        "key": "gadelamper-radionet",
        "idea": "Fjernovervågning af gadelamper, der selv melder, når de er gået ud",
        "workplace": "lys-og-signal",
        "state": "running",
        "hypothesis": (
            "Vi tror, at styreenheder, der sender til hinanden via radio, vil føre til, at fejlmeldingerne "
            "også virker i områder med dårlig mobildækning, så vi kan droppe den natlige kontrolrunde i hele "
            "Nordbyen."
        ),
        "criteria": [
            {
                "axis": "routines",
                "description": "Natrunden finder ingen fejl, som systemet ikke har meldt.",
                "measure": "Sammenligning af natrundens fund med systemets fejlliste hver måned.",
                "result": None,
                "evidence": "",
            },
            {
                "axis": "citizens",
                "description": "Under en uge fra fejl til reparation i hele forsøgsområdet.",
                "measure": "Systemets fejlliste og vores arbejdsordrer.",
                "result": None,
                "evidence": "",
            },
            {
                "axis": "quality",
                "description": "Vi kan følge energiforbruget pr. lampe.",
                "measure": (
                    "Om systemet hver måned leverer et brugbart forbrugstal pr. lampe (Signes spørgsmål)."
                ),
                "result": None,
                "evidence": "",
            },
        ],
        "start_days_ago": 85,
        "duration_days": 90,
        "hours": 70,
        "budget_dkk": 24000,
        "equipment": "120 styreenheder med radionet, to gateways og software med åben standard",
        "participants": ["Niels Mikkelsen", "Kim Søndergaard", "Signe Holt", "Morten Friis"],
        "stop_rule": (
            "Vi stopper, hvis radionettet giver flere huller end mobilnettet gjorde, eller hvis de løbende "
            "udgifter bliver højere end det, natrunden koster."
        ),
        "safety": {
            "personal_data": False,
            "personal_data_which": "",
            "legal_basis": "",
            "dpo_contact": "",
            "vulnerable_citizens": False,
            "consent_how": "",
            "needs_it": True,
            "it_what": "IT har sat to gateways op på kommunens net og godkendt den nye software.",
        },
        "log": [
            (10, "Niels Mikkelsen", "Alle 120 enheder er monteret i Nordbyen, også de 18 på Skovvejen."),
            (
                31,
                "Kim Søndergaard",
                "Skovvejen melder nu fejl som resten. Natrunden fandt ingen fejl, som systemet ikke kendte.",
            ),
            (
                62,
                "Signe Holt",
                (
                    "Systemet kan vise forbruget pr. lampe. Vi tager tallene med i arbejdet med "
                    "energi-udfordringen."
                ),
            ),
        ],
        "decision": None,
        "learnings": "",
        "follows": "gadelamper-mobilnet",
    },
    {
        "key": "skaerm-vaerkstedet",
        "idea": "Skærm på værkstedet med åbne fejl, og hvor længe de har ventet",
        "workplace": "lys-og-signal",
        "state": "evaluating",
        "hypothesis": (
            "Vi tror, at en skærm på værkstedet med de åbne fejl på et kort, farvet efter hvor længe de har "
            "ventet, vil føre til, at ingen fejl bliver glemt, og at morgenmødet bliver kortere og mere "
            "konkret."
        ),
        "criteria": [
            {
                "axis": "citizens",
                "description": "Ingen fejl står åbne i mere end 14 dage uden en plan.",
                "measure": "Antal fejl, der er ældre end 14 dage, ved start og slut.",
                "result": None,
                "evidence": "",
            },
            {
                "axis": "routines",
                "description": "Morgenmødet bliver kortere.",
                "measure": "Tidtagning af morgenmødet i to uger før og i forsøgets sidste to uger.",
                "result": None,
                "evidence": "",
            },
            {
                "axis": "quality",
                "description": "Vi opdager anlæg, der fejler igen og igen.",
                "measure": "Antal gentagne fejl, der bliver taget op på morgenmødet.",
                "result": None,
                "evidence": "",
            },
        ],
        "start_days_ago": 58,
        "duration_days": 56,
        "hours": 20,
        "budget_dkk": 3500,
        "equipment": "Storskærm på værkstedet og et udtræk fra fejlsystemet hvert kvarter",
        "participants": ["Morten Friis", "Niels Mikkelsen", "Torben Ravn", "Lars Bruun"],
        "stop_rule": (
            "Vi slukker skærmen, hvis nogen oplever, at den bliver brugt til at måle den enkelte montør, "
            "eller hvis tallene på den er forkerte."
        ),
        "safety": {
            "personal_data": False,
            "personal_data_which": "",
            "legal_basis": "",
            "dpo_contact": "",
            "vulnerable_citizens": False,
            "consent_how": "",
            "needs_it": True,
            "it_what": (
                "IT har lavet et udtræk fra fejlsystemet uden navne på montørerne og sat skærmen op på "
                "værkstedets net."
            ),
        },
        "log": [
            (3, "Morten Friis", "Skærmen kører. Den viser kun fejl og tider – ingen navne, som aftalt."),
            (
                19,
                "Torben Ravn",
                (
                    "Vi fandt et skab, der havde haft fejl seks gange på to måneder. Det skal skiftes, ikke "
                    "repareres igen."
                ),
            ),
            (
                38,
                "Lars Bruun",
                "Morgenmødet tager nu 10 minutter i stedet for 20. Vi starter ved de røde prikker.",
            ),
            (56, "Morten Friis", "Forsøget er slut. Ved start var 23 fejl ældre end 14 dage, nu er der 4."),
        ],
        "decision": None,
        "learnings": "",
        "follows": None,
    },
    {
        "key": "tablet-servicebil",
        "idea": "Tablet i servicebilen med kort over anlæg og fejlhistorik",
        "workplace": "lys-og-signal",
        "state": "concluded",
        "hypothesis": (
            "Vi tror, at en robust tablet i servicebilen med kort, tegninger og fejlhistorik for hvert anlæg "
            "vil føre til, at vi retter flere fejl ved første besøg og slipper for ture tilbage til "
            "værkstedet efter tegninger."
        ),
        "criteria": [
            {
                "axis": "routines",
                "description": "Færre ture tilbage til værkstedet efter tegninger eller dele.",
                "measure": "Montørernes egen optælling på køresedlerne før og under forsøget.",
                "result": "met",
                "evidence": "Turene tilbage faldt fra cirka 9 til 2 om ugen i de to forsøgsbiler.",
            },
            {
                "axis": "citizens",
                "description": "Flere fejl bliver rettet ved første besøg.",
                "measure": "Andel af arbejdsordrer, der blev lukket ved første besøg.",
                "result": "met",
                "evidence": "Andelen steg fra 71 % til 86 %.",
            },
            {
                "axis": "quality",
                "description": "Al viden om anlægget er samlet ét sted.",
                "measure": "Andel af anlæg i forsøgsområdet med tegninger i GIS.",
                "result": "partly",
                "evidence": (
                    "Alle anlæg i Nordbyen og Midtbyen er med, men de gamle skabe i Sydbyen mangler stadig "
                    "tegninger."
                ),
            },
        ],
        "start_days_ago": 260,
        "duration_days": 75,
        "hours": 80,
        "budget_dkk": 22000,
        "equipment": "To robuste tablets med holder i bilen og adgang til GIS i felten",
        "participants": ["Torben Ravn", "Jesper Bak", "Kim Søndergaard"],
        "stop_rule": (
            "Vi stopper, hvis tabletten ikke kan bruges med handsker og i regnvejr, eller hvis kortet ikke "
            "virker uden net."
        ),
        "safety": {
            "personal_data": False,
            "personal_data_which": "",
            "legal_basis": "",
            "dpo_contact": "",
            "vulnerable_citizens": False,
            "consent_how": "",
            "needs_it": True,
            "it_what": (
                "IT satte GIS op til brug i felten med offline kort og gav adgang til fejlhistorikken fra "
                "tabletten."
            ),
        },
        "log": [
            (
                5,
                "Torben Ravn",
                "Tabletterne sidder i bil 1 og 2. Skærmen virker med handsker, hvis man trykker lidt hårdt.",
            ),
            (21, "Jesper Bak", "Det har sparet mig mindst en tur om dagen."),
            (48, "Torben Ravn", "Vi har scannet 340 gamle tegninger ind. Sydbyen mangler stadig."),
            (
                73,
                "Kim Søndergaard",
                "Offline-kortet reddede os ude ved Skovvejen. Vi anbefaler tablets i alle fire biler.",
            ),
        ],
        "decision": "adopt",
        "learnings": (
            "Tabletten er kun så god som det, der ligger på den – det store arbejde var at få de gamle "
            "tegninger ind i GIS, ikke at købe udstyret. Offline-kort er et must. Vi skulle have sat tid af "
            "til indscanning fra starten."
        ),
        "follows": None,
    },
    {
        "key": "qr-lygtepaele",
        "idea": "QR-kode på signalskabe og lygtepæle, så borgerne kan melde fejl med præcis placering",
        "workplace": "lys-og-signal",
        "state": "concluded",
        "hypothesis": (
            "Vi tror, at et skilt med QR-kode og nummer på lygtepæle og signalskabe vil føre til præcise "
            "fejlmeldinger fra borgerne, så vi finder det rigtige anlæg første gang og slipper for forgæves "
            "ture."
        ),
        "criteria": [
            {
                "axis": "citizens",
                "description": "Det er nemt for borgerne at melde en fejl.",
                "measure": "Antal meldinger via QR-koden og borgernes svar på ét spørgsmål i formularen.",
                "result": "met",
                "evidence": (
                    "128 meldinger via QR-koden i forsøgsområdet, og 9 ud af 10 svarede, at det var nemt."
                ),
            },
            {
                "axis": "routines",
                "description": "Ingen forgæves ture på grund af upræcise meldinger.",
                "measure": "Montørernes optælling af forgæves ture.",
                "result": "met",
                "evidence": "Ingen forgæves ture på meldinger med QR-kode mod 11 i samme periode sidste år.",
            },
            {
                "axis": "quality",
                "description": "Fejlen lander direkte i vores system med anlægsnummeret.",
                "measure": "Andel af meldinger, der kunne behandles uden at ringe til borgeren.",
                "result": "partly",
                "evidence": (
                    "95 % kunne behandles direkte, men skiltene på signalskabene blev malet over tre steder."
                ),
            },
        ],
        "start_days_ago": 224,
        "duration_days": 60,
        "hours": 70,
        "budget_dkk": 15000,
        "equipment": "1.200 skilte med QR-kode og nummer og en kobling fra formularen til fejlsystemet",
        "participants": ["Kim Søndergaard", "Niels Mikkelsen", "Morten Friis"],
        "stop_rule": (
            "Vi stopper, hvis meldingerne via QR-koden ikke lander korrekt i fejlsystemet, eller hvis "
            "borgerne ikke bruger dem efter fire uger."
        ),
        "safety": {
            "personal_data": True,
            "personal_data_which": (
                "Borgerens e-mail eller telefonnummer, hvis borgeren selv ønsker svar, og anlægsnummeret."
            ),
            "legal_basis": (
                "Databeskyttelsesforordningens art. 6, stk. 1, litra e (myndighedsopgave). "
                "Kontaktoplysningerne slettes, når fejlen er lukket."
            ),
            "dpo_contact": "Databeskyttelsesrådgiver Anne Marie Skov, Fjordby Kommune",
            "vulnerable_citizens": False,
            "consent_how": "",
            "needs_it": True,
            "it_what": (
                "Webredaktionen og IT koblede kommunens fejlmeldingsformular til vores fejlsystem, så "
                "anlægsnummeret kommer med."
            ),
        },
        "log": [
            (6, "Kim Søndergaard", "De første 400 skilte sidder i Midtbyen i 2,5 meters højde."),
            (
                20,
                "Niels Mikkelsen",
                "Første melding med QR: 'Blinker gult' på signalskab 114. Montøren kørte direkte derhen.",
            ),
            (41, "Morten Friis", "Tre skilte på signalskabe er malet over. Vi prøver en anden placering."),
            (58, "Kim Søndergaard", "Resultaterne er klare: Vi vil mærke alle lygtepæle og signalskabe."),
        ],
        "decision": "adopt",
        "learnings": (
            "Borgerne tog det til sig hurtigere, end vi troede – især fordi formularen er så kort. Skiltene "
            "skal sidde højt, og vi skal have en plan for hærværk. Telefonen skal stadig tage imod "
            "fejlmeldinger, for ikke alle bruger QR-koder."
        ),
        "follows": None,
    },
    {
        "key": "drone-master",
        "idea": "Drone til at inspicere de høje master ved sportspladserne og motorvejen",
        "workplace": "lys-og-signal",
        "state": "concluded",
        "hypothesis": (
            "Vi tror, at inspektion af de høje master med en drone med zoom vil føre til, at vi kun "
            "bestiller lift, når der faktisk er noget at skifte, og sparer hele dage med lift."
        ),
        "criteria": [
            {
                "axis": "routines",
                "description": "Færre dage med lift.",
                "measure": "Hvor mange af de inspicerede master der kunne klares uden lift.",
                "result": "not_met",
                "evidence": "Der var noget at skifte på 6 af de 8 master, så liften skulle ud alligevel.",
            },
            {
                "axis": "quality",
                "description": "Bedre billeder af toppen af masterne.",
                "measure": "Montørernes vurdering af billederne.",
                "result": "met",
                "evidence": "Billederne var skarpe og viste rust på to beslag, vi ikke havde set fra liften.",
            },
        ],
        "start_days_ago": 196,
        "duration_days": 14,
        "hours": 14,
        "budget_dkk": 4000,
        "equipment": "Lånt drone med zoom og en certificeret pilot fra vejafdelingens leverandør i to dage",
        "participants": ["Torben Ravn", "Lars Bruun"],
        "stop_rule": (
            "Vi flyver ikke, når der er mennesker på sportspladserne, og stopper, hvis vi ikke kan få "
            "tilladelse til at flyve ved motorvejen."
        ),
        "safety": {
            "personal_data": True,
            "personal_data_which": (
                "Tilfældige personer kan komme med på optagelserne ved stadion og motorvejen."
            ),
            "legal_basis": (
                "Databeskyttelsesforordningens art. 6, stk. 1, litra e. Vi flyver kun, når banerne er tomme, "
                "og sletter optagelser, hvor personer kan genkendes."
            ),
            "dpo_contact": "Databeskyttelsesrådgiver Anne Marie Skov, Fjordby Kommune",
            "vulnerable_citizens": False,
            "consent_how": "",
            "needs_it": False,
            "it_what": "",
        },
        "log": [
            (
                2,
                "Torben Ravn",
                (
                    "Piloten fløj fire master ved stadion. Flotte billeder – og rust på to beslag, vi ikke "
                    "kendte til."
                ),
            ),
            (
                9,
                "Lars Bruun",
                (
                    "Masterne ved motorvejen kræver tilladelse fra Vejdirektoratet og afspærring. Det tager "
                    "uger."
                ),
            ),
            (13, "Torben Ravn", "Regnestykket holder ikke: Liften skulle ud til 6 af 8 master alligevel."),
        ],
        "decision": "stop",
        "learnings": (
            "Dronen giver bedre billeder end liften, men med kun 22 høje master og noget at skifte på de "
            "fleste sparer vi næsten ingen dage med lift. Certifikat, forsikring og tilladelser ved "
            "motorvejen koster mere end gevinsten. Anskaffer vejafdelingen en drone, vil vi gerne låne den "
            "til de årlige eftersyn."
        ),
        "follows": None,
    },
    {
        "key": "daempning-nat",
        "idea": "Dæmpning af LED-gadelyset om natten efter trafiktal",
        "workplace": "lys-og-signal",
        "state": "planned",
        "hypothesis": (
            "Vi tror, at dæmpning af LED-gadelyset til 50 % mellem kl. 1 og 5 på tre veje med lidt trafik "
            "vil føre til 20-30 % lavere strømforbrug på de veje, uden at beboerne føler sig mindre trygge."
        ),
        "criteria": [
            {
                "axis": "routines",
                "description": "Lavere strømforbrug på de tre veje.",
                "measure": "Forbruget pr. styreskab før og under forsøget.",
                "result": None,
                "evidence": "",
            },
            {
                "axis": "citizens",
                "description": "Beboerne føler sig lige så trygge som før.",
                "measure": (
                    "Kort spørgeskema til beboerne langs vejene før og efter og antallet af henvendelser."
                ),
                "result": None,
                "evidence": "",
            },
            {
                "axis": "quality",
                "description": "Trafiksikkerheden er uændret.",
                "measure": "Politiets og trafiksikkerhedsfolkenes gennemgang af hændelser på de tre veje.",
                "result": None,
                "evidence": "",
            },
        ],
        "start_days_ago": -30,
        "duration_days": 60,
        "hours": 30,
        "budget_dkk": 2000,
        "equipment": "Programmering af de eksisterende LED-armaturer og brev til beboerne",
        "participants": ["Signe Holt", "Jesper Bak", "Lars Bruun"],
        "stop_rule": (
            "Vi skruer op til fuldt lys med det samme, hvis der sker en ulykke eller et overfald på vejene, "
            "eller hvis politiet beder om det."
        ),
        "safety": {
            "personal_data": False,
            "personal_data_which": "",
            "legal_basis": "",
            "dpo_contact": "",
            "vulnerable_citizens": False,
            "consent_how": "",
            "needs_it": False,
            "it_what": "",
        },
        "log": [],
        "decision": None,
        "learnings": "",
        "follows": None,
    },
    {
        "key": "videoer-trin-for-trin",
        "idea": "Korte videoer, der viser trin for trin, hvordan man vasker tøj eller laver mad",
        "workplace": "autismecenter-kastanjehuset",
        "state": "running",
        "hypothesis": (
            "Vi tror, at korte videoer uden tale, der viser én hverdagsopgave i små trin i beboerens eget "
            "køkken, vil føre til, at tre beboere klarer vasketøj og madpakker mere selv, og at guidningen "
            "bliver ens, uanset hvem der er på vagt."
        ),
        "criteria": [
            {
                "axis": "citizens",
                "description": "Beboeren klarer opgaven med færre mundtlige hjælpetrin.",
                "measure": "Kontaktpersonens registrering af hjælpetrin pr. gang før og under forsøget.",
                "result": None,
                "evidence": "",
            },
            {
                "axis": "quality",
                "description": "Samme guidning fra alle medarbejdere.",
                "measure": "Gennemgang på teammødet af, om videoerne bruges som fælles udgangspunkt.",
                "result": None,
                "evidence": "",
            },
            {
                "axis": "routines",
                "description": "Mindre gentagen guidning over tid.",
                "measure": "Kontaktpersonernes vurdering, når forsøget slutter.",
                "result": None,
                "evidence": "",
            },
        ],
        "start_days_ago": 80,
        "duration_days": 90,
        "hours": 45,
        "budget_dkk": 2500,
        "equipment": "Stativ til tablet, beboernes egne tablets og kommunens videoløsning",
        "participants": ["Thomas Brandt", "Oliver Schmidt", "Pernille Due"],
        "stop_rule": (
            "Vi stopper for den enkelte beboer, hvis videoerne giver mere uro eller frustration end den "
            "mundtlige guidning."
        ),
        "safety": {
            "personal_data": False,
            "personal_data_which": "",
            "legal_basis": "",
            "dpo_contact": "",
            "vulnerable_citizens": True,
            "consent_how": (
                "Hver beboer har selv sagt ja sammen med sin kontaktperson og været med til at optage. "
                "Værger og pårørende er orienteret på brev og kan sige fra. Kun hænder og ting er med i "
                "billedet."
            ),
            "needs_it": True,
            "it_what": (
                "IT har givet os adgang til kommunens videoløsning, så videoerne hverken ligger på YouTube "
                "eller på private telefoner."
            ),
        },
        "log": [
            (
                6,
                "Thomas Brandt",
                (
                    "Første video: at starte vaskemaskinen i syv trin. Beboeren så den tre gange og gjorde "
                    "det så selv."
                ),
            ),
            (
                20,
                "Pernille Due",
                (
                    "Hold hvert trin under 20 sekunder, ellers mister de tråden. Vi har klippet de to første "
                    "videoer om."
                ),
            ),
            (
                41,
                "Oliver Schmidt",
                "Vaskemaskine-videoen er et hit. Vi optager en til opvaskemaskinen i næste uge.",
            ),
            (
                66,
                "Thomas Brandt",
                (
                    "En af de tre beboere vil hellere have billeder end video. Vi laver en billedserie til "
                    "ham i stedet."
                ),
            ),
        ],
        "decision": None,
        "learnings": "",
        "follows": None,
    },
    {
        "key": "ur-nedtaelling",
        "idea": "Ur med vibration og nedtælling, der varsler skift mellem aktiviteter",
        "workplace": "autismecenter-kastanjehuset",
        "state": "evaluating",
        "hypothesis": (
            "Vi tror, at et ur, der viser nedtællingen som en cirkel og vibrerer fem minutter før et skift, "
            "vil føre til roligere overgange mellem aktiviteter og færre konflikter for de tre beboere, der "
            "er med."
        ),
        "criteria": [
            {
                "axis": "citizens",
                "description": "Færre episoder med uro ved skift.",
                "measure": (
                    "Registrering af uro ved skift i dagbogen fire uger før og i forsøgets sidste fire uger."
                ),
                "result": None,
                "evidence": "",
            },
            {
                "axis": "quality",
                "description": "Beboeren kan selv se, hvor lang tid der er tilbage.",
                "measure": "Kontaktpersonernes observationer og beboernes egen vurdering med piktogrammer.",
                "result": None,
                "evidence": "",
            },
            {
                "axis": "routines",
                "description": "Vi skal ikke varsle hvert skift mundtligt.",
                "measure": "Personalets vurdering på teammødet.",
                "result": None,
                "evidence": "",
            },
        ],
        "start_days_ago": 105,
        "duration_days": 90,
        "hours": 40,
        "budget_dkk": 6000,
        "equipment": "Tre smarture koblet til piktogram-appen og en timer-brik til lommen",
        "participants": ["Jakob Lind", "Charlotte Riis", "Maria Jepsen"],
        "stop_rule": (
            "Vi stopper for den enkelte beboer, hvis uret giver ubehag eller mere uro, eller hvis beboeren "
            "ikke vil have det på."
        ),
        "safety": {
            "personal_data": True,
            "personal_data_which": "Beboerens dagsplan vises på uret. Urets GPS og pulsmåling er slået fra.",
            "legal_basis": (
                "Beboerens eget samtykke eller værgens samtykke og den pædagogiske plan for beboeren."
            ),
            "dpo_contact": "Databeskyttelsesrådgiver Anne Marie Skov, Fjordby Kommune",
            "vulnerable_citizens": True,
            "consent_how": (
                "Beboerne prøvede uret i korte perioder og valgte selv, om de ville være med. Værgerne for "
                "to af beboerne har givet skriftligt samtykke, og de pårørende er orienteret."
            ),
            "needs_it": True,
            "it_what": "IT har koblet urene til piktogram-appen og slået GPS og helbredsfunktioner fra.",
        },
        "log": [
            (
                7,
                "Jakob Lind",
                (
                    "Beboerne har prøvet uret i korte perioder. To vil gerne have det på, den tredje tager "
                    "det af efter ti minutter."
                ),
            ),
            (18, "Charlotte Riis", "En af beboerne vil hellere have den i lommen – kan den vibrere der?"),
            (
                25,
                "Jakob Lind",
                "Vi prøver med en lille timer-brik i lommen til ham i stedet. Det går meget bedre.",
            ),
            (
                80,
                "Maria Jepsen",
                "Opladningen står nu på aftenplanen, og uret er kun blevet glemt én gang på en måned.",
            ),
        ],
        "decision": None,
        "learnings": "",
        "follows": None,
    },
    {
        "key": "dagsplan-app",
        "idea": "Dagsplan med piktogrammer i en app på beboernes tablets",
        "workplace": "autismecenter-kastanjehuset",
        "state": "concluded",
        "hypothesis": (
            "Vi tror, at en dagsplan med piktogrammer i en app på beboerens egen tablet vil føre til mere "
            "forudsigelighed og selvstændighed – også uden for huset – og til, at vi slipper for at laminere "
            "nye piktogrammer, hver gang noget ændrer sig."
        ),
        "criteria": [
            {
                "axis": "citizens",
                "description": "Beboerne har planen med sig og ved, hvad der skal ske.",
                "measure": (
                    "Beboernes egen vurdering med piktogrammer og kontaktpersonernes observationer efter en "
                    "måned."
                ),
                "result": "met",
                "evidence": (
                    "Fem af de seks beboere brugte appen hver dag, og én tog for første gang selv bussen til "
                    "værkstedet med planen i hånden."
                ),
            },
            {
                "axis": "quality",
                "description": "Ændringer bliver vist med det samme og forklaret personligt.",
                "measure": "Gennemgang af ændringer i appen og i dagbogen på teammødet.",
                "result": "partly",
                "evidence": (
                    "Ændringerne kom hurtigt ind, men to gange blev en ændring ikke forklaret personligt, og "
                    "det gav uro."
                ),
            },
            {
                "axis": "routines",
                "description": "Mindre tid på at lave og laminere piktogrammer.",
                "measure": "Personalets skøn over tidsforbruget før og efter.",
                "result": "met",
                "evidence": "Vi bruger omkring to timer mindre om ugen på at lave og laminere piktogrammer.",
            },
        ],
        "start_days_ago": 206,
        "duration_days": 56,
        "hours": 60,
        "budget_dkk": 9000,
        "equipment": "Licens til piktogram-appen og tre ekstra tablets",
        "participants": ["Maria Jepsen", "Helle Poulsen", "Nadia Hansen", "Susanne Krogh"],
        "stop_rule": (
            "Vi stopper for den enkelte beboer, hvis appen giver mere uro end tavlen. Tavlen bliver hængende "
            "for dem, der foretrækker den."
        ),
        "safety": {
            "personal_data": True,
            "personal_data_which": (
                "Beboerens dagsplan med aftaler, fx lægebesøg og besøg af pårørende, og billeder af "
                "beboerens egne ting og steder."
            ),
            "legal_basis": (
                "Beboerens eget samtykke eller værgens samtykke. Data ligger hos leverandøren med en "
                "databehandleraftale."
            ),
            "dpo_contact": "Databeskyttelsesrådgiver Anne Marie Skov, Fjordby Kommune",
            "vulnerable_citizens": True,
            "consent_how": (
                "Hver beboer blev spurgt med piktogrammer sammen med sin kontaktperson og kunne prøve appen, "
                "før de sagde ja. Værgerne gav skriftligt samtykke, og de pårørende hjalp med at tage "
                "billederne."
            ),
            "needs_it": True,
            "it_what": (
                "IT satte tablets og licens op, indgik databehandleraftalen med leverandøren og gav kontoret "
                "adgang til at redigere planerne."
            ),
        },
        "log": [
            (
                5,
                "Maria Jepsen",
                "Seks beboere er med. De pårørende har hjulpet med billeder af beboernes egne ting.",
            ),
            (
                19,
                "Helle Poulsen",
                (
                    "En af mine beboere har for første gang selv taget bussen til værkstedet med planen i "
                    "hånden."
                ),
            ),
            (
                33,
                "Susanne Krogh",
                "Husk, at planen er beboerens – vi ændrer den sammen med dem, ikke hen over hovedet på dem.",
            ),
            (
                54,
                "Maria Jepsen",
                (
                    "Vi anbefaler at fortsætte og tilbyde appen til flere. Tavlen bliver hængende for dem, "
                    "der vil have den."
                ),
            ),
        ],
        "decision": "adopt",
        "learnings": (
            "Appen virker, når hver beboer har én kontaktperson, der ejer planen og ændrer den sammen med "
            "beboeren. Det gik galt de to gange, hvor en ændring kun stod i appen. Ikke alle vil have en "
            "skærm, og det skal være i orden – tavlen er stadig et godt redskab."
        ),
        "follows": None,
    },
    {
        "key": "ask-app",
        "idea": "Talende tablet (ASK-app) til beboere uden talesprog",
        "workplace": "autismecenter-kastanjehuset",
        "state": "concluded",
        "hypothesis": (
            "Vi tror, at en talende tablet med en ASK-app og et ordforråd bygget af billeder af beboerens "
            "egne ting og steder vil føre til, at beboere uden talesprog kan sige til og fra og fortælle, "
            "når de har ondt, og til færre episoder med frustration og selvskade."
        ),
        "criteria": [
            {
                "axis": "citizens",
                "description": "Beboerne bruger tabletten til at udtrykke ønsker, behov og smerte.",
                "measure": (
                    "Registrering af, hvor mange gange om dagen hver beboer bruger tabletten på eget "
                    "initiativ."
                ),
                "result": "met",
                "evidence": (
                    "Alle fire beboere brugte den på eget initiativ hver dag i den sidste uge, i gennemsnit "
                    "12 gange."
                ),
            },
            {
                "axis": "quality",
                "description": "Færre episoder med frustration og selvskade.",
                "measure": "Episoder i dagbogen i tre uger før og i de tre uger, forsøget varede.",
                "result": "partly",
                "evidence": (
                    "Episoderne faldt fra 19 til 11, men tre uger er kort tid, og én beboer havde en svær "
                    "periode af andre grunde."
                ),
            },
            {
                "axis": "routines",
                "description": "Alle kolleger – også vikarer – kan bruge tabletten sammen med beboeren.",
                "measure": "Tjekliste over, hvem der har fået oplæring.",
                "result": "partly",
                "evidence": "Alle faste medarbejdere er oplært, men vikarerne har kun en førstehjælpsseddel.",
            },
        ],
        "start_days_ago": 69,
        "duration_days": 21,
        "hours": 50,
        "budget_dkk": 0,
        "equipment": "Fire tablets med ASK-app via hjælpemiddelområdet og støtte fra kommunikationscentret",
        "participants": ["Helle Poulsen", "Jakob Lind", "Maria Jepsen"],
        "stop_rule": (
            "Vi stopper for den enkelte beboer, hvis tabletten giver mere frustration, end den hjælper, "
            "eller hvis beboeren viser, at han eller hun ikke vil have den."
        ),
        "safety": {
            "personal_data": True,
            "personal_data_which": (
                "Ordforrådet indeholder billeder af beboerens familie, hjem og ting og ord om helbred og "
                "følelser."
            ),
            "legal_basis": (
                "Beboerens eller værgens udtrykkelige samtykke (databeskyttelsesforordningens art. 9, stk. "
                "2, litra a). Tabletterne er bevilget som hjælpemiddel."
            ),
            "dpo_contact": "Databeskyttelsesrådgiver Anne Marie Skov, Fjordby Kommune",
            "vulnerable_citizens": True,
            "consent_how": (
                "Værgerne gav skriftligt samtykke efter et møde med kommunikationscentret. De pårørende var "
                "med til at vælge billeder, og vi ser efter beboerens egne tegn på ja og nej, hver gang "
                "tabletten tages frem."
            ),
            "needs_it": True,
            "it_what": (
                "IT og hjælpemiddelområdet har sat tabletterne op med ASK-appen og backup af ordforrådet i "
                "kommunens system."
            ),
        },
        "log": [
            (
                2,
                "Helle Poulsen",
                "Kommunikationscentret har hjulpet med at sætte de første 40 ord op til hver beboer.",
            ),
            (
                9,
                "Jakob Lind",
                "I går trykkede en beboer 'ondt' og 'tand'. Det havde vi aldrig fundet ud af ellers.",
            ),
            (
                15,
                "Maria Jepsen",
                "Vi skal huske at bruge tabletten selv, når vi taler med dem – så lærer de den hurtigere.",
            ),
            (
                20,
                "Helle Poulsen",
                (
                    "Alle fire beboere bruger den hver dag. Vi anbefaler at fortsætte og laver en "
                    "førstehjælpsseddel til vikarer."
                ),
            ),
        ],
        "decision": "adopt",
        "learnings": (
            "Det vigtigste var, at vi selv brugte tabletten, når vi talte med beboerne – ellers blev den et "
            "legetøj i stedet for et sprog. Ordforrådet skal bygges af billeder af beboerens egne ting og "
            "opdateres løbende, og det tager tid. Vikarerne er det svage led, så en kort førstehjælpsseddel "
            "er nødvendig."
        ),
        "follows": None,
    },
    {
        "key": "sengesensor-anfald",
        "idea": "Sensor i sengen, der varsler ved epileptiske anfald om natten",
        "workplace": "autismecenter-kastanjehuset",
        "state": "concluded",
        "hypothesis": (
            "Vi tror, at en sensor under madrassen, der giver nattevagten besked ved rystelser fra et "
            "anfald, vil føre til bedre søvn for beboeren, fordi vi kan gå færre runder, og til hurtigere "
            "hjælp, når der sker noget."
        ),
        "criteria": [
            {
                "axis": "citizens",
                "description": "Beboeren bliver forstyrret færre gange om natten.",
                "measure": "Antal gange nattevagten går ind i værelset før og under forsøget.",
                "result": "partly",
                "evidence": (
                    "Runderne faldt fra hver time til hver tredje time, men de falske alarmer betød, at vi "
                    "alligevel gik ind mange gange."
                ),
            },
            {
                "axis": "quality",
                "description": "Alle anfald bliver opdaget.",
                "measure": (
                    "Sammenligning af alarmerne med nattevagtens observationer og beboerens tilstand om "
                    "morgenen."
                ),
                "result": "met",
                "evidence": "Sensoren fangede begge anfald i perioden.",
            },
            {
                "axis": "routines",
                "description": "Nattevagten kan stole på alarmen.",
                "measure": "Antal falske alarmer pr. nat.",
                "result": "not_met",
                "evidence": (
                    "I gennemsnit tre falske alarmer pr. nat, fordi beboeren bevæger sig meget i søvne."
                ),
            },
        ],
        "start_days_ago": 115,
        "duration_days": 21,
        "hours": 20,
        "budget_dkk": 0,
        "equipment": "En demo-sensor lånt af hjælpemiddelområdet og nattevagtens telefon",
        "participants": ["Oliver Schmidt", "Rasmus Vinther", "Susanne Krogh"],
        "stop_rule": (
            "Vi går straks tilbage til runder hver time, hvis sensoren overser et anfald eller giver så "
            "mange falske alarmer, at nattevagten ikke kan stole på den."
        ),
        "safety": {
            "personal_data": True,
            "personal_data_which": (
                "Helbredsoplysninger om beboerens anfald og bevægelser om natten, sendt som alarm til "
                "nattevagtens telefon."
            ),
            "legal_basis": (
                "Værgens udtrykkelige samtykke (databeskyttelsesforordningens art. 9, stk. 2, litra a) og "
                "anbefaling fra beboerens læge."
            ),
            "dpo_contact": "Databeskyttelsesrådgiver Anne Marie Skov, Fjordby Kommune",
            "vulnerable_citizens": True,
            "consent_how": (
                "Beboerens værge og forældre holdt møde med os og epilepsisygeplejersken og gav skriftligt "
                "samtykke. Beboeren så sensoren og sengen sammen med sin kontaktperson før start."
            ),
            "needs_it": True,
            "it_what": (
                "IT satte alarmen op på nattevagtens telefon og sikrede, at data ikke gemmes hos "
                "leverandøren."
            ),
        },
        "log": [
            (
                1,
                "Oliver Schmidt",
                "Sensoren ligger under madrassen. Den første uge går vi stadig runder hver time.",
            ),
            (
                6,
                "Rasmus Vinther",
                "Tre falske alarmer i nat – han vender sig meget. Sensoren kan ikke indstilles finere.",
            ),
            (13, "Oliver Schmidt", "Sensoren fangede et anfald kl. 3.40, og vi var der inden for et minut."),
            (
                20,
                "Susanne Krogh",
                (
                    "Vi stopper forsøget. Sensoren skal vælges til den enkelte beboer, og det skal "
                    "hjælpemiddelområdet vurdere."
                ),
            ),
        ],
        "decision": "stop",
        "learnings": (
            "Sensoren fangede anfaldene, men den model, vi lånte, passede ikke til en beboer, der bevæger "
            "sig meget i søvne, og de falske alarmer gjorde nattevagten mere utryg. En anfaldsalarm skal "
            "vælges til den enkelte, så vi har søgt hjælpemiddelområdet om en individuel vurdering for begge "
            "beboere – og forsøget gav os et godt grundlag for ansøgningerne."
        ),
        "follows": None,
    },
    {
        "key": "video-mitid",
        "idea": "Video-vejledning til MitID på skærmen i venteområdet",
        "workplace": "borgerservice",
        "state": "concluded",
        "hypothesis": (
            "Vi tror, at korte videoer med undertekster om MitID og Digital Post på skærmen i venteområdet – "
            "og QR-koder, så de kan ses igen derhjemme – vil føre til, at borgerne kommer bedre forberedt "
            "til skranken, og at vi bruger mindre tid på at forklare det samme igen og igen."
        ),
        "criteria": [
            {
                "axis": "citizens",
                "description": "Borgerne lærer noget, mens de venter, og kan se det igen derhjemme.",
                "measure": "Antal visninger via QR-koderne og fem korte interview om ugen i venteområdet.",
                "result": "met",
                "evidence": (
                    "QR-koderne gav 412 visninger på seks uger, og 22 af 30 interviewede havde set mindst én "
                    "video."
                ),
            },
            {
                "axis": "routines",
                "description": "Kortere samtaler ved skranken om MitID-appen.",
                "measure": "Tidtagning af MitID-samtaler i to uger før og i forsøgets sidste to uger.",
                "result": "partly",
                "evidence": (
                    "Samtalerne blev i gennemsnit 2 minutter kortere, men kun for de borgere, der havde set "
                    "en video."
                ),
            },
            {
                "axis": "quality",
                "description": "Borgerne får den samme korrekte forklaring hver gang.",
                "measure": "Gennemgang af videoerne mod de officielle vejledninger.",
                "result": "met",
                "evidence": (
                    "Alle videoer bygger på de officielle vejledninger, og Christian gennemgår dem hvert "
                    "kvartal."
                ),
            },
        ],
        "start_days_ago": 222,
        "duration_days": 42,
        "hours": 35,
        "budget_dkk": 3000,
        "equipment": (
            "Skærmen i venteområdet, officielle videoer og to egne videoer optaget med telefon og stativ"
        ),
        "participants": ["Dorthe Lassen", "Christian Hald", "Katrine Lynge"],
        "stop_rule": (
            "Vi stopper, hvis borgerne oplever videoerne som en måde at blive sendt væk fra skranken på."
        ),
        "safety": {
            "personal_data": False,
            "personal_data_which": "",
            "legal_basis": "",
            "dpo_contact": "",
            "vulnerable_citizens": False,
            "consent_how": "",
            "needs_it": True,
            "it_what": (
                "IT satte skærmen op til at afspille vores playliste og lavede QR-koder til kommunens "
                "videoside."
            ),
        },
        "log": [
            (3, "Dorthe Lassen", "Fire videoer kører nu i loop uden lyd og med store undertekster."),
            (
                16,
                "Katrine Lynge",
                (
                    "En ældre herre så videoen om at skifte telefon to gange og klarede det selv ved "
                    "skranken bagefter."
                ),
            ),
            (
                29,
                "Christian Hald",
                (
                    "Jeg har tilføjet en video om, hvordan man får post fra det offentlige på papir – den "
                    "bliver set meget."
                ),
            ),
            (
                40,
                "Dorthe Lassen",
                "Vi anbefaler, at videoerne kører fast, og at de bliver opdateret hvert kvartal.",
            ),
        ],
        "decision": "adopt",
        "learnings": (
            "Videoerne erstatter ikke skranken, men de gør samtalen kortere og bedre, fordi borgeren har set "
            "det én gang. Undertekster er et must – ingen vil have lyd i venteområdet. Vores egen video om "
            "papirpost blev den mest sete, så vi skal lytte til, hvad borgerne faktisk spørger om."
        ),
        "follows": None,
    },
    {
        "key": "tidsbestilling-uden-sms",
        "idea": "Tidsbestilling på nettet med SMS-påmindelse til pas og kørekort",
        "workplace": "borgerservice",
        "state": "concluded",
        "hypothesis": (
            "Vi tror, at tidsbestilling på nettet til pas og kørekort vil føre til kortere ventetid og en "
            "jævnere fordeling af borgerne over dagen, uden at borgere, der ikke er digitale, bliver tabere."
        ),
        "criteria": [
            {
                "axis": "citizens",
                "description": "Kortere ventetid til pas og kørekort.",
                "measure": "Ventetid fra køsystemet før og under forsøget.",
                "result": "met",
                "evidence": "Ventetiden til pas faldt fra 24 til 9 minutter i gennemsnit.",
            },
            {
                "axis": "routines",
                "description": "Jævnere travlhed over dagen.",
                "measure": "Antal betjeninger pr. time fra køsystemet.",
                "result": "partly",
                "evidence": (
                    "Eftermiddagene blev bedre udnyttet, men 15 % af de bestilte tider blev ikke brugt."
                ),
            },
            {
                "axis": "quality",
                "description": "Færre sager, der må laves om, fordi noget mangler.",
                "measure": "Optælling ved skranken af borgere, der manglede foto eller gammelt pas.",
                "result": "not_met",
                "evidence": (
                    "Lige så mange manglede papirer som før – borgerne vidste ikke, hvad de skulle have med."
                ),
            },
        ],
        "start_days_ago": 253,
        "duration_days": 35,
        "hours": 50,
        "budget_dkk": 8000,
        "equipment": "Bookingsystem på kommunens hjemmeside",
        "participants": ["Søren Eriksen", "Yasmin Ali", "Ib Mølgaard"],
        "stop_rule": (
            "Vi stopper, hvis borgere, der ikke kan bestille selv, venter længere end før, eller hvis mere "
            "end hver femte tid står tom."
        ),
        "safety": {
            "personal_data": True,
            "personal_data_which": "Navn, telefonnummer og e-mail på de borgere, der bestiller en tid.",
            "legal_basis": (
                "Databeskyttelsesforordningens art. 6, stk. 1, litra e (myndighedsopgave). Bookingen slettes "
                "30 dage efter tiden."
            ),
            "dpo_contact": "Databeskyttelsesrådgiver Anne Marie Skov, Fjordby Kommune",
            "vulnerable_citizens": False,
            "consent_how": "",
            "needs_it": True,
            "it_what": (
                "IT og webredaktionen satte bookingsystemet op på hjemmesiden og koblede det til vores "
                "kalender."
            ),
        },
        "log": [
            (
                2,
                "Søren Eriksen",
                (
                    "Bookingen er åben. Den åbne skranke hver formiddag bliver, og man kan stadig ringe og "
                    "få en tid."
                ),
            ),
            (12, "Yasmin Ali", "Omkring 15 % af de bestilte tider bliver ikke brugt. Folk glemmer dem."),
            (20, "Ib Mølgaard", "De ældre borgere er glade for, at de stadig kan ringe og få en tid."),
            (
                33,
                "Søren Eriksen",
                (
                    "Ventetiden er faldet markant, men udeblivelser og manglende papirer trækker ned. Vi "
                    "prøver igen med en SMS-påmindelse dagen før."
                ),
            ),
        ],
        "decision": "adjust",
        "learnings": (
            "Tidsbestillingen i sig selv virker: Ventetiden faldt med mere end det halve. Men uden en "
            "påmindelse glemmer folk både tiden og det, de skal have med. Næste forsøg skal have en SMS "
            "dagen før med en kort tjekliste."
        ),
        "follows": None,
    },
    {
        "key": "tidsbestilling-med-sms",
        "idea": "Tidsbestilling på nettet med SMS-påmindelse til pas og kørekort",
        "workplace": "borgerservice",
        "state": "concluded",
        "hypothesis": (
            "Vi tror, at en SMS dagen før med tidspunktet og en kort liste over, hvad man skal have med, vil "
            "føre til færre udeblivelser og færre borgere, der må komme igen, fordi de mangler foto eller "
            "gammelt pas."
        ),
        "criteria": [
            {
                "axis": "routines",
                "description": "Under 7 % udeblivelser.",
                "measure": "Andel ubrugte tider fra bookingsystemet.",
                "result": "met",
                "evidence": "Udeblivelserne faldt fra cirka 15 % til 5 %.",
            },
            {
                "axis": "quality",
                "description": "Færre borgere, der mangler papirer.",
                "measure": "Optælling ved skranken med samme metode som i første forsøg.",
                "result": "met",
                "evidence": (
                    "Andelen, der manglede foto eller gammelt pas, faldt fra 1 ud af 8 til 1 ud af 25."
                ),
            },
            {
                "axis": "citizens",
                "description": "Borgere uden smartphone kan stadig få en tid.",
                "measure": "Antal tider bestilt over telefonen og ventetiden ved den åbne skranke.",
                "result": "met",
                "evidence": (
                    "En tredjedel af tiderne til borgere over 75 år blev bestilt over telefonen, og "
                    "ventetiden ved den åbne skranke steg ikke."
                ),
            },
        ],
        "start_days_ago": 212,
        "duration_days": 35,
        "hours": 20,
        "budget_dkk": 4000,
        "equipment": "Kommunens SMS-tjeneste koblet til bookingsystemet",
        "participants": ["Søren Eriksen", "Yasmin Ali", "Ib Mølgaard"],
        "stop_rule": "Vi stopper SMS'erne, hvis de bliver sendt til forkerte numre eller med forkerte tider.",
        "safety": {
            "personal_data": True,
            "personal_data_which": "Navn og telefonnummer til SMS-påmindelsen.",
            "legal_basis": (
                "Databeskyttelsesforordningens art. 6, stk. 1, litra e (myndighedsopgave). Numrene slettes "
                "30 dage efter tiden."
            ),
            "dpo_contact": "Databeskyttelsesrådgiver Anne Marie Skov, Fjordby Kommune",
            "vulnerable_citizens": False,
            "consent_how": "",
            "needs_it": True,
            "it_what": "IT koblede kommunens SMS-tjeneste til bookingsystemet.",
        },
        "log": [
            (
                1,
                "Søren Eriksen",
                "De første SMS'er er sendt. Teksten er på højst 160 tegn med de tre vigtigste ting.",
            ),
            (15, "Yasmin Ali", "Udeblivelserne er faldet fra ca. 15 % til 5 % efter SMS-påmindelsen."),
            (
                34,
                "Søren Eriksen",
                (
                    "Vi anbefaler at gøre det til en fast ordning og flytte én medarbejder fra morgenen til "
                    "eftermiddagen."
                ),
            ),
        ],
        "decision": "adopt",
        "learnings": (
            "Det var kombinationen, der virkede: tidsbestilling plus en kort SMS med en tjekliste. Den åbne "
            "skranke og muligheden for at ringe er afgørende for, at de ældre borgere ikke bliver tabere. "
            "Det var rigtigt at justere i stedet for at opgive efter første forsøg."
        ),
        "follows": "tidsbestilling-uden-sms",
    },
    {
        "key": "skaermdeling-digital-post",
        "idea": "Skærmdeling over video, så vi kan hjælpe borgere med Digital Post hjemmefra",
        "workplace": "borgerservice",
        "state": "running",
        "hypothesis": (
            "Vi tror, at videosamtaler med skærmdeling på to faste tider om ugen vil føre til, at ældre og "
            "borgere med handicap kan få hjælp til Digital Post hjemmefra og lærer at klare opgaven selv."
        ),
        "criteria": [
            {
                "axis": "citizens",
                "description": "Borgeren klarer opgaven selv ved slutningen af samtalen.",
                "measure": "Afkrydsning efter hver samtale: Klarede borgeren det selv (ja, delvist, nej)?",
                "result": None,
                "evidence": "",
            },
            {
                "axis": "routines",
                "description": "Færre af de samme borgere kommer ind ved skranken.",
                "measure": "Antal borgere, der kommer igen med samme spørgsmål inden for en måned.",
                "result": None,
                "evidence": "",
            },
            {
                "axis": "quality",
                "description": "Vi ser præcis, hvor det går galt, og bruger det i vores vejledning.",
                "measure": "Fælles liste over typiske problemer, som vi gennemgår hver anden uge.",
                "result": None,
                "evidence": "",
            },
        ],
        "start_days_ago": 85,
        "duration_days": 90,
        "hours": 60,
        "budget_dkk": 2000,
        "equipment": "Kommunens godkendte videoløsning og to headset",
        "participants": ["Yasmin Ali", "Hanne Juul", "Birgitte Holm Sørensen"],
        "stop_rule": (
            "Vi stopper, hvis vi kommer til at se eller notere oplysninger, vi ikke skal, eller hvis under "
            "halvdelen af borgerne kan få forbindelsen til at virke."
        ),
        "safety": {
            "personal_data": True,
            "personal_data_which": (
                "Vi kan se borgerens skærm, herunder Digital Post og andre personlige oplysninger, mens vi "
                "guider. Vi noterer intet om indholdet."
            ),
            "legal_basis": (
                "Borgerens samtykke til skærmdelingen (databeskyttelsesforordningens art. 6, stk. 1, litra "
                "a). Samtalerne bliver ikke optaget."
            ),
            "dpo_contact": "Databeskyttelsesrådgiver Anne Marie Skov, Fjordby Kommune",
            "vulnerable_citizens": True,
            "consent_how": (
                "Borgeren siger ja til skærmdelingen i starten af samtalen og kan afbryde når som helst. Har "
                "borgeren svært ved at overskue det, deltager en pårørende eller den, der har digital "
                "fuldmagt."
            ),
            "needs_it": True,
            "it_what": (
                "IT har givet os adgang til kommunens godkendte videoløsning og sat headset op på to pc'er."
            ),
        },
        "log": [
            (
                8,
                "Yasmin Ali",
                (
                    "Første fire samtaler: To borgere kunne ikke få linket til at virke. Nu sender vi en "
                    "kort vejledning med billeder sammen med SMS'en."
                ),
            ),
            (
                30,
                "Hanne Juul",
                (
                    "Ugens samtaler: 6 ud af 8 borgere klarede opgaven selv til sidst. En sagde, at det var "
                    "første gang, hun havde læst sin post selv."
                ),
            ),
            (
                52,
                "Yasmin Ali",
                (
                    "Vi beder nu altid borgeren om at lukke andre vinduer, før skærmen deles. Én gang lå et "
                    "brev fra lægen åbent."
                ),
            ),
            (
                71,
                "Birgitte Holm Sørensen",
                "Det her kunne blive en sag til kommunens case-bibliotek, hvis resultatet holder.",
            ),
        ],
        "decision": None,
        "learnings": "",
        "follows": None,
    },
    {
        "key": "ring-op",
        "idea": "Bliv ringet op i stedet for at vente i telefonkøen",
        "workplace": "borgerservice",
        "state": "evaluating",
        "hypothesis": (
            "Vi tror, at det at slå 'bliv ringet op' til, når ventetiden er over fem minutter, vil føre til "
            "kortere ventetid med telefonen ved øret og færre borgere, der lægger på og ringer igen."
        ),
        "criteria": [
            {
                "axis": "citizens",
                "description": "Kortere gennemsnitlig ventetid i telefonen.",
                "measure": "Tal fra telefonsystemet for de seks uger før og de seks uger under forsøget.",
                "result": None,
                "evidence": "",
            },
            {
                "axis": "routines",
                "description": "Færre genopkald fra de samme numre samme dag.",
                "measure": "Andel af opkald fra numre, der allerede har ringet samme dag.",
                "result": None,
                "evidence": "",
            },
            {
                "axis": "quality",
                "description": "Roligere samtaler med borgerne.",
                "measure": "Medarbejdernes vurdering i læringsloggen hver fredag.",
                "result": None,
                "evidence": "",
            },
        ],
        "start_days_ago": 48,
        "duration_days": 42,
        "hours": 15,
        "budget_dkk": 0,
        "equipment": "Funktionen i det eksisterende telefonsystem og en ny velkomstbesked",
        "participants": ["Hanne Juul", "Søren Eriksen", "Julie Fogh"],
        "stop_rule": (
            "Vi slår funktionen fra, hvis mere end hver femte borger ikke tager telefonen, når vi ringer op, "
            "eller hvis ventetiden bliver længere for dem, der bliver i køen."
        ),
        "safety": {
            "personal_data": True,
            "personal_data_which": "Borgerens telefonnummer gemmes, indtil vi har ringet op.",
            "legal_basis": (
                "Databeskyttelsesforordningens art. 6, stk. 1, litra e (myndighedsopgave). Numrene slettes "
                "efter et døgn."
            ),
            "dpo_contact": "Databeskyttelsesrådgiver Anne Marie Skov, Fjordby Kommune",
            "vulnerable_citizens": False,
            "consent_how": "",
            "needs_it": True,
            "it_what": (
                "IT slog tilbageopkald til i telefonsystemet og fik vores udgående nummer til at vise "
                "'Fjordby Kommune'."
            ),
        },
        "log": [
            (4, "Julie Fogh", "Nu viser nummeret 'Fjordby Kommune', så folk tager den, når vi ringer."),
            (21, "Søren Eriksen", "Uge 3: Den gennemsnitlige ventetid er faldet fra 18 til 9 minutter."),
            (
                35,
                "Hanne Juul",
                "8 % tog ikke telefonen første gang. Efter andet forsøg og en SMS nåede vi næsten alle.",
            ),
            (43, "Hanne Juul", "Forsøget er slut. Vi fremlægger tallene på personalemødet på tirsdag."),
        ],
        "decision": None,
        "learnings": "",
        "follows": None,
    },
    {
        "key": "ventetid-hjemmeside",
        "idea": "Vis den aktuelle ventetid ved skranken på hjemmesiden",
        "workplace": "borgerservice",
        "state": "running",
        "hypothesis": (
            "Vi tror, at det at vise den aktuelle ventetid ved skranken på hjemmesiden og ved indgangen vil "
            "føre til, at flere borgere kommer, når der er mindst travlt, så køen om formiddagen bliver "
            "kortere."
        ),
        "criteria": [
            {
                "axis": "citizens",
                "description": "Kortere ventetid i de travleste timer.",
                "measure": "Ventetiden kl. 9-11 fra køsystemet før og under forsøget.",
                "result": None,
                "evidence": "",
            },
            {
                "axis": "routines",
                "description": "Jævnere travlhed over dagen.",
                "measure": "Antal borgere pr. time fra køsystemet.",
                "result": None,
                "evidence": "",
            },
            {
                "axis": "quality",
                "description": "Tallet på hjemmesiden passer med den faktiske ventetid.",
                "measure": "Stikprøver to gange om dagen ved skranken.",
                "result": None,
                "evidence": "",
            },
        ],
        "start_days_ago": 35,
        "duration_days": 56,
        "hours": 15,
        "budget_dkk": 5000,
        "equipment": "Udtræk fra køsystemet, en lille visning på hjemmesiden og skærmen ved indgangen",
        "participants": ["Julie Fogh", "Frederik Munk", "Christian Hald"],
        "stop_rule": (
            "Vi fjerner visningen, hvis tallet er mere end ti minutter forkert i mere end hver tiende "
            "stikprøve."
        ),
        "safety": {
            "personal_data": False,
            "personal_data_which": "",
            "legal_basis": "",
            "dpo_contact": "",
            "vulnerable_citizens": False,
            "consent_how": "",
            "needs_it": True,
            "it_what": "Webredaktionen og IT har lavet udtrækket fra køsystemet og visningen på hjemmesiden.",
        },
        "log": [
            (
                3,
                "Julie Fogh",
                (
                    "Ventetiden vises nu på hjemmesiden og ved indgangen med 'ca.' og tidspunktet for sidste "
                    "opdatering."
                ),
            ),
            (16, "Frederik Munk", "Chatbotten kunne også linke til ventetiden, hvis den bliver til noget."),
            (
                30,
                "Julie Fogh",
                (
                    "Halvvejs: Køen kl. 9-10 er lidt kortere, men nu kommer flere lige før lukketid. Vi "
                    "holder øje med det."
                ),
            ),
        ],
        "decision": None,
        "learnings": "",
        "follows": None,
    },
    {
        "key": "proev-selv-tablets",
        "idea": "'Prøv selv'-tablets i forhallen med en frivillig hjælper to dage om ugen",
        "workplace": "borgerservice",
        "state": "planned",
        "hypothesis": (
            "Vi tror, at to 'Prøv selv'-tablets i forhallen med en frivillig hjælper to dage om ugen vil "
            "føre til, at borgerne lærer at klare Digital Post og borger.dk selv, og at skranken får mere "
            "tid til de svære sager."
        ),
        "criteria": [
            {
                "axis": "citizens",
                "description": "Borgerne klarer opgaven selv med lidt hjælp.",
                "measure": (
                    "De frivilliges afkrydsning efter hver borger: klarede det selv, med hjælp eller henvist "
                    "til skranken."
                ),
                "result": None,
                "evidence": "",
            },
            {
                "axis": "routines",
                "description": "Færre borgere kommer igen ved skranken med det samme spørgsmål.",
                "measure": "Optælling ved skranken i forsøgsperioden sammenlignet med de otte uger før.",
                "result": None,
                "evidence": "",
            },
            {
                "axis": "quality",
                "description": "Ingen borgeres oplysninger bliver liggende på tabletterne.",
                "measure": "Ugentligt tjek af, at tabletterne er nulstillet.",
                "result": None,
                "evidence": "",
            },
        ],
        "start_days_ago": -10,
        "duration_days": 56,
        "hours": 30,
        "budget_dkk": 6000,
        "equipment": "To tablets i gæstetilstand, et bord i forhallen og skilte",
        "participants": ["Ib Mølgaard", "Anne Kathrine Berg", "Birgitte Holm Sørensen"],
        "stop_rule": (
            "Vi stopper med det samme, hvis en borgers oplysninger bliver liggende på en tablet, eller hvis "
            "en frivillig giver råd om en konkret sag."
        ),
        "safety": {
            "personal_data": True,
            "personal_data_which": (
                "Borgerne logger selv på med MitID og kan have Digital Post og CPR-nummer på skærmen; de "
                "frivillige kan se det, når de hjælper."
            ),
            "legal_basis": (
                "Borgerens eget login og samtykke til hjælpen. De frivillige skriver under på en "
                "tavshedserklæring."
            ),
            "dpo_contact": "Databeskyttelsesrådgiver Anne Marie Skov, Fjordby Kommune",
            "vulnerable_citizens": False,
            "consent_how": "",
            "needs_it": True,
            "it_what": (
                "IT skal sætte tabletterne op i gæstetilstand, så de nulstilles automatisk, når borgeren "
                "logger ud."
            ),
        },
        "log": [],
        "decision": None,
        "learnings": "",
        "follows": None,
    },
]

ADOPTION_PLANS = [
    {
        "experiment": "ekg-foer-ankomst",
        "affected": (
            "Alle ambulancebehandlere og paramedicinere på stationen: De sender nu EKG og vitale værdier fra "
            "tabletten, så snart de er taget, og bekræfter modtagelsen over radioen. Overleveringen i "
            "akutmodtagelsen bliver kortere, fordi tallene ikke skal læses op. Akutmodtagelsen og "
            "hjerteafdelingen skal holde øje med, hvad der kommer ind."
        ),
        "training": (
            "Line giver alle et kvarters oplæring i bilen ved vagtskifte, og der ligger en lamineret guide i "
            "tabletcoveret. Nye medarbejdere får det med i deres introduktion."
        ),
        "communication": (
            "Henrik fortalte om resultaterne fra forsøget på personalemødet og i nyhedsbrevet. "
            "Akutmodtagelsen og hjerteafdelingen fik et brev med datoen for opstart og navnet på vores "
            "kontaktperson."
        ),
        "go_live_days_ago": 100,
        "responsible": "Line Thomsen",
        "checkpoints": [
            {
                "days": 30,
                "recorded": True,
                "users": 7,
                "affected": 9,
                "values": {"citizens": 3, "quality": 2, "routines": 2},
                "notes": (
                    "7 af 9 sender fast. De to sidste var på ferie under forsøget og har nu fået oplæring. "
                    "Data kom frem på 88 % af turene."
                ),
                "adjusted": (
                    "Vi har tilføjet en linje i guiden om, hvad man gør, når forbindelsen falder ud i "
                    "yderområderne."
                ),
            },
            {
                "days": 90,
                "recorded": True,
                "users": 9,
                "affected": 9,
                "values": {"citizens": 3, "quality": 3, "routines": 2},
                "notes": (
                    "Alle sender nu fast. Opfølgningen viser i gennemsnit 8 minutter kortere fra ankomst til "
                    "behandling for patienter med blodprop i hjertet."
                ),
                "adjusted": (
                    "Ingen ændringer i arbejdsgangen. Vi tager tallene med til regionens kvalitetsmøde."
                ),
            },
        ],
    },
    {
        "experiment": "ask-app",
        "affected": (
            "De fire beboere uden talesprog, der nu har tabletten med sig hele dagen, og alle medarbejdere i "
            "deres bo-enheder, som skal bruge tabletten aktivt, når de taler med beboerne. Vikarer skal "
            "kende de vigtigste ord."
        ),
        "training": (
            "Helle holder en kort oplæring på hvert personalemøde, og kommunikationscentret kommer to gange "
            "og hjælper med ordforrådet. Vikarerne får en førstehjælpsseddel med de ti vigtigste ord, og "
            "hvordan tabletten tændes."
        ),
        "communication": (
            "Susanne orienterede pårørende og værger med et brev og på pårørendeaftenen. I personalegruppen "
            "fortæller vi om nye ord på morgenmødet."
        ),
        "go_live_days_ago": 40,
        "responsible": "Helle Poulsen",
        "checkpoints": [
            {
                "days": 30,
                "recorded": True,
                "users": 8,
                "affected": 10,
                "values": {"citizens": 3, "quality": 2, "routines": 1},
                "notes": (
                    "Alle fire beboere bruger tabletten hver dag. 8 af 10 medarbejdere bruger den aktivt, "
                    "men en vikar vidste ikke, hvor tabletten var om aftenen."
                ),
                "adjusted": (
                    "Tabletten har nu en fast plads i hver bolig, og førstehjælpssedlen hænger i vagtrummet."
                ),
            },
            {
                "days": 90,
                "recorded": False,
                "users": 0,
                "affected": 0,
                "values": {"citizens": 0, "quality": 0, "routines": 0},
                "notes": "",
                "adjusted": "",
            },
        ],
    },
]

CASES = [
    {
        "workplace": "praehospitalt-center",
        "idea": "QR-koder på udstyrstaskerne med tjekliste og udløbsdatoer",
        "summary": (
            "Hver udstyrstaske i ambulancerne har fået en QR-kode. Når man scanner den med vagttelefonen, "
            "kommer den aktuelle tjekliste frem, og systemet giver besked en uge før, medicin eller udstyr "
            "udløber. Laminaterne er væk, og det samme er fundene af udløbet medicin."
        ),
        "value_achieved": (
            "Borgerne: Det rigtige udstyr er med, når det gælder – ingen afvigelser om manglende udstyr, "
            "siden vi indførte det. Faglig kvalitet: Ingen fund af udløbet medicin i stikprøverne mod fire "
            "fund i de seks uger før. Hverdagen: Tjekket ved vagtskifte tager 6 minutter i stedet for 11."
        ),
        "what_it_took": (
            "Omkring 25 timer til forsøg og opsætning, 1.800 kr. til holdbare QR-mærker og kommunens "
            "formularværktøj, som vi allerede havde. Vigtigst var en tovholder, der holder tjeklisterne "
            "opdaterede, når leverandøren skifter varer."
        ),
        "learnings": (
            "Uden en fast ejer af listerne er man lige vidt efter et halvt år. Test mærkerne i vaskehallen, "
            "før I sætter dem på alle tasker. Start med to biler, og lad dem, der bruger listerne, forbedre "
            "dem."
        ),
        "contact": "Kasper Dahl",
        "published_days_ago": 110,
    },
    {
        "workplace": "boernehuset-solsikken",
        "idea": "Bee-Bot-robotter til de største børn",
        "summary": (
            "Førskolebørnene programmerer små robotter med pile og får dem til at køre hen til billeder og "
            "bogstaver på gulvbaner. Børnene arbejder to og to i faste par, så alle kommer til. Robotterne "
            "er nu en fast del af førskolegruppens uge."
        ),
        "value_achieved": (
            "Børnene: Alle 16 førskolebørn styrede robotten, også dem, der ikke plejer at melde sig. Faglig "
            "kvalitet: 14 af 16 børn bruger selv ord som frem, tilbage, højre og venstre mod 6 ved start, og "
            "robotterne indgår i arbejdet med læreplanen. Hverdagen: Når banerne er lavet, er aktiviteten "
            "sat i gang på fem minutter."
        ),
        "what_it_took": (
            "Fire Bee-Bots og to gulvmåtter for 4.800 kr., omkring 30 timer til at lave baner og prøve af og "
            "en kort introduktion for personalet. Det kræver ingen særlige IT-kompetencer."
        ),
        "learnings": (
            "De faste par er det vigtigste – uden dem bliver det de hurtigste børns leg. Lav baner med "
            "billeder og ord på børnenes egne sprog. Brug robotterne som et redskab til sprog og samarbejde, "
            "ikke som et mål i sig selv."
        ),
        "contact": "Bente Kristiansen",
        "published_days_ago": 100,
    },
    {
        "workplace": "lys-og-signal",
        "idea": "QR-kode på signalskabe og lygtepæle, så borgerne kan melde fejl med præcis placering",
        "summary": (
            "Vi har sat et lille skilt med QR-kode og nummer på over 4.000 lygtepæle og signalskabe. Når "
            "borgeren scanner koden, åbner kommunens fejlmeldingsformular med anlægsnummeret udfyldt, og "
            "fejlen lander direkte i vores fejlsystem."
        ),
        "value_achieved": (
            "Borgerne: Det er nemt at melde en fejl, og 40 % af fejlmeldingerne kommer nu via QR-koden. "
            "Faglig kvalitet: Vi ved præcis, hvilket anlæg det drejer sig om, og 95 % af meldingerne kan "
            "behandles uden at ringe til borgeren. Hverdagen: Ingen forgæves ture på meldinger med QR-kode."
        ),
        "what_it_took": (
            "Omkring 70 timer til forsøget og mange flere til at sætte skilte op i hele kommunen, cirka "
            "15.000 kr. til de første 1.200 skilte og hjælp fra webredaktionen og IT til at koble formularen "
            "til fejlsystemet."
        ),
        "learnings": (
            "Sæt skiltene i 2,5 meters højde, og læg en plan for hærværk og overmaling. Formularen skal være "
            "kort – tre valg er nok. Behold telefonen til fejlmeldinger, for ikke alle bruger QR-koder."
        ),
        "contact": "Kim Søndergaard",
        "published_days_ago": 70,
    },
    {
        "workplace": "autismecenter-kastanjehuset",
        "idea": "Dagsplan med piktogrammer i en app på beboernes tablets",
        "summary": (
            "Beboere, der ønsker det, har deres dagsplan med piktogrammer i en app på tablet eller telefon. "
            "Planen kan ændres fra kontoret – altid sammen med beboeren – og viser, hvad der sker nu, og "
            "hvad der kommer bagefter. Syv beboere bruger den nu, og tavlen er der stadig for dem, der "
            "foretrækker den."
        ),
        "value_achieved": (
            "Beboerne: Mere forudsigelighed og selvstændighed – en beboer tager nu selv bussen til "
            "værkstedet med planen i hånden. Faglig kvalitet: Planen tilpasses hver beboer og opdateres med "
            "det samme. Hverdagen: Omkring to timer mindre om ugen på at lave og laminere piktogrammer."
        ),
        "what_it_took": (
            "Licens til piktogram-appen og tre ekstra tablets for cirka 9.000 kr., omkring 60 timer i "
            "forsøget, en databehandleraftale via IT og pårørende, der hjalp med billederne. Hver beboer har "
            "en kontaktperson, der ejer planen."
        ),
        "learnings": (
            "Planen er beboerens: Ændringer skal forklares personligt og ikke kun stå i appen. Ikke alle vil "
            "have en skærm, og det skal være i orden. Brug billeder af beboerens egne ting og steder – det "
            "gør planen genkendelig."
        ),
        "contact": "Maria Jepsen",
        "published_days_ago": 120,
    },
    {
        "workplace": "borgerservice",
        "idea": "Video-vejledning til MitID på skærmen i venteområdet",
        "summary": (
            "Skærmen i venteområdet viser korte videoer med undertekster om MitID og Digital Post, og "
            "QR-koder ved siden af gør det muligt at se dem igen derhjemme. Borgerne kommer bedre forberedt "
            "til skranken, og vi forklarer ikke det samme igen og igen."
        ),
        "value_achieved": (
            "Borgerne: Over 400 visninger via QR-koderne på seks uger, og mange lærer noget, mens de venter. "
            "Faglig kvalitet: Alle får den samme korrekte forklaring, bygget på de officielle vejledninger. "
            "Hverdagen: Samtaler om MitID ved skranken er i gennemsnit 2 minutter kortere for borgere, der "
            "har set videoen."
        ),
        "what_it_took": (
            "En skærm, vi allerede havde, de officielle videoer og to egne videoer optaget med telefon og "
            "stativ. Omkring 35 timer og 3.000 kr. til forsøget og en gennemgang hvert kvartal, så videoerne "
            "passer til den nyeste version af appen."
        ),
        "learnings": (
            "Undertekster er et must, for ingen vil have lyd i venteområdet. Lyt til, hvad borgerne spørger "
            "om – vores egen video om papirpost blev den mest sete. Videoerne er et supplement til skranken, "
            "aldrig en måde at sende borgerne væk på."
        ),
        "contact": "Dorthe Lassen",
        "published_days_ago": 130,
    },
]

CASE_TRIALS = [
    {
        "case_workplace": "borgerservice",
        "idea": "Video-vejledning til MitID på skærmen i venteområdet",
        "target_workplace": "autismecenter-kastanjehuset",
        "status": "qualifying",
        "days_ago": 45,
    },
    {
        "case_workplace": "autismecenter-kastanjehuset",
        "idea": "Dagsplan med piktogrammer i en app på beboernes tablets",
        "target_workplace": "boernehuset-solsikken",
        "status": "new",
        "days_ago": 60,
    },
    {
        "case_workplace": "praehospitalt-center",
        "idea": "QR-koder på udstyrstaskerne med tjekliste og udløbsdatoer",
        "target_workplace": "lys-og-signal",
        "status": "qualifying",
        "days_ago": 30,
    },
]
