"""Demo content for the ideas app: challenges and ideas for the five demo workplaces in seed_demo.

Pure data, written in Danish as the workplaces' own people would write it. Names match the leaders and
employees in management/commands/seed_demo.py; times are relative to the day the demo is
loaded (days_ago, responded_after_days). An idea with "duplicate_of" is a near-copy of an earlier idea at
the same workplace, there to show the similar-ideas search.
"""

CHALLENGES = [
    {
        "workplace": "praehospitalt-center",
        "key": "tryghed-ventetid",
        "title": "Hvordan kan vi give borgeren mere tryghed, mens de venter på, at ambulancen når frem?",
        "description": (
            "De minutter, der går fra opkaldet til 112 til vi står i døren, kan føles som en evighed for "
            "patienten og de pårørende. Vi leder efter idéer, der giver borgeren viden, vejledning og ro i "
            "ventetiden – og som hjælper os til at være bedre forberedt, når vi ankommer."
        ),
        "opened_days_ago": 250,
        "open_days": 120,
    },
    {
        "workplace": "praehospitalt-center",
        "key": "overlevering",
        "title": "Hvordan kan vi gøre overleveringen af patienten på hospitalet hurtigere og mere sikker?",
        "description": (
            "Ved overleveringen i akutmodtagelsen går der tid tabt, og vigtige oplysninger kan falde mellem "
            "to stole. Kom med idéer, der gør det lettere for hospitalet at være klar, når vi kommer, og som "
            "sikrer, at intet bliver glemt undervejs."
        ),
        "opened_days_ago": 45,
        "open_days": 60,
    },
    {
        "workplace": "boernehuset-solsikken",
        "key": "sprog-leg",
        "title": "Hvordan kan vi bruge teknologi til at styrke børnenes sprog og nysgerrighed i legen?",
        "description": (
            "Vi vil gerne bruge tablets og andre digitale redskaber aktivt og skabende sammen med børnene – "
            "ikke som passiv skærmtid. Kom med idéer til, hvordan teknologien kan åbne for nye ord, undren "
            "og fælles opdagelser."
        ),
        "opened_days_ago": 280,
        "open_days": 90,
    },
    {
        "workplace": "boernehuset-solsikken",
        "key": "foraeldresamarbejde",
        "title": (
            "Hvordan kan vi give forældrene et bedre indblik i deres barns dag uden at tage tid fra børnene?"
        ),
        "description": (
            "Mange forældre fortæller, at de ikke ved, hvad deres barn har lavet i løbet af dagen, og "
            "hentesituationen er travl. Vi søger idéer, der gør det let for os at dele og for forældrene at "
            "følge med – også for forældre, der ikke læser dansk."
        ),
        "opened_days_ago": 100,
        "open_days": 120,
    },
    {
        "workplace": "lys-og-signal",
        "key": "fejlretning",
        "title": "Hvordan kan vi opdage og rette fejl på gadelys og signaler, før borgerne når at melde dem?",
        "description": (
            "I dag hører vi ofte først om en slukket lampe eller et signal, der blinker gult, når en borger "
            "ringer eller skriver. Vi leder efter idéer, der giver os besked tidligere og sender den rette "
            "montør ud med de rette dele første gang."
        ),
        "opened_days_ago": 300,
        "open_days": 120,
    },
    {
        "workplace": "lys-og-signal",
        "key": "energi",
        "title": (
            "Hvordan kan vi sænke energiforbruget til gadelys, uden at det bliver mindre trygt at færdes om "
            "aftenen?"
        ),
        "description": (
            "Kommunen skal spare på strømmen, men borgerne skal stadig føle sig trygge på stier og veje. Vi "
            "søger idéer til at styre lyset smartere efter, hvornår og hvor der faktisk færdes nogen."
        ),
        "opened_days_ago": 50,
        "open_days": 90,
    },
    {
        "workplace": "autismecenter-kastanjehuset",
        "key": "forudsigelighed",
        "title": "Hvordan kan vi gøre overgange og ændringer i hverdagen mere forudsigelige for beboerne?",
        "description": (
            "Uventede ændringer – en ny vikar, en aflyst tur, et skift mellem aktiviteter – kan give stor "
            "uro for vores beboere. Vi søger idéer, der hjælper den enkelte med at vide, hvad der skal ske, "
            "hvornår og med hvem."
        ),
        "opened_days_ago": 290,
        "open_days": 120,
    },
    {
        "workplace": "autismecenter-kastanjehuset",
        "key": "kommunikation",
        "title": (
            "Hvordan kan vi hjælpe beboerne med at udtrykke deres ønsker og behov – også dem, der ikke "
            "bruger talesprog?"
        ),
        "description": (
            "Flere af vores beboere har ikke et talesprog, og det kan føre til frustration og "
            "misforståelser. Vi leder efter idéer, der giver den enkelte flere måder at sige til og fra på "
            "og at vælge selv."
        ),
        "opened_days_ago": 100,
        "open_days": 120,
    },
    {
        "workplace": "borgerservice",
        "key": "digital-hjaelp",
        "title": (
            "Hvordan kan vi hjælpe borgere, der har svært ved det digitale, til at klare mere selv – trygt "
            "og i eget tempo?"
        ),
        "description": (
            "Mange borgere kommer igen og igen med de samme spørgsmål om MitID og Digital Post. Vi vil gerne "
            "hjælpe dem til at kunne mere selv, uden at nogen føler sig ladt alene med en skærm."
        ),
        "opened_days_ago": 300,
        "open_days": 120,
    },
    {
        "workplace": "borgerservice",
        "key": "ventetid",
        "title": (
            "Hvordan kan vi gøre det hurtigere og lettere for borgerne at få svar – uden lang ventetid i "
            "telefonen og ved skranken?"
        ),
        "description": (
            "Telefonkøen er lang om mandagen, og ved skranken venter borgerne tit på noget, der kunne have "
            "været klaret på fem minutter. Vi leder efter idéer, der giver borgerne svar hurtigere og giver "
            "os ro til dem, der har brug for mere tid."
        ),
        "opened_days_ago": 80,
        "open_days": 100,
    },
]

IDEAS = [
    {
        "workplace": "praehospitalt-center",
        "author": "Camilla Østergaard",
        "challenge": "tryghed-ventetid",
        "title": "Livevideo fra borgerens mobil til vagtcentralen",
        "need": (
            "Når en pårørende ringer 112, skal vagtcentralen vurdere situationen ud fra det, de hører. Vi "
            "ankommer ofte til en situation, der er helt anderledes end beskrevet, og den, der har ringet, "
            "føler sig alene, mens de venter."
        ),
        "description": (
            "Vagtcentralen sender et link på SMS, så den, der ringer, kan åbne kameraet på sin telefon og "
            "vise patienten. Så kan visitator guide i fx hjertemassage eller lejring og give os et bedre "
            "billede, før vi er fremme. Det bruges allerede i andre regioner, så vi behøver ikke opfinde det "
            "selv."
        ),
        "tags": ["video", "app"],
        "values": {
            "citizens": (3, "Borgeren får hjælp og vejledning med det samme i stedet for at vente alene."),
            "quality": (3, "Visitationen bliver bedre, og vi kan forberede os på vej ud."),
            "routines": (1, "Lidt mere viden i bilen, men ikke mindre arbejde for os."),
        },
        "concerns": (
            "Video af en patient i en sårbar situation er følsomme oplysninger – hvor gemmes den, og hvem "
            "kan se den? Opkaldet kan også blive forsinket, hvis teknikken driller."
        ),
        "status": "qualifying",
        "days_ago": 135,
        "responded_after_days": 6,
        "leader_message": (
            "Rigtig god idé, og godt fundet, at det allerede bruges andre steder. Jeg har bedt Peter "
            "undersøge, hvad regionen siger, og hvordan vi kan koble os på."
        ),
        "responsible": "Peter Holm",
        "qualification": {
            "benefit": (
                "Bedre visitation og en mere tryg ventetid for borgeren; vi kan forberede behandlingen "
                "undervejs."
            ),
            "requirements": (
                "Kræver aftale med vagtcentralen og regionens IT om løsningen, en databehandleraftale og "
                "kort oplæring af visitatorerne."
            ),
            "risks": "Databeskyttelse ved video og et længere opkald, hvis linket ikke virker.",
            "measures": (
                "Ingen optagelse – kun live billede. Vi tester først på udvalgte opkald og måler tiden til "
                "første hjælp."
            ),
            "ready_to_test": False,
        },
        "supporters": 6,
        "comments": [
            (
                "Sara Bach",
                (
                    "Vi så det i brug på et kursus i Region Syddanmark. De sagde, at det især hjalp ved børn "
                    "med feberkramper."
                ),
            ),
            (
                "Jonas Kjær",
                (
                    "Husk, at mange ældre ikke kan finde ud af at åbne et link under pres. Visitator skal "
                    "kunne guide **meget** konkret."
                ),
            ),
            ("Henrik Vestergaard", "Jeg tager den med på mødet med vagtcentralen i næste måned."),
        ],
    },
    {
        "workplace": "praehospitalt-center",
        "author": "Mads Rasmussen",
        "challenge": "tryghed-ventetid",
        "title": "SMS med forventet ankomsttid til den, der har ringet 112",
        "need": (
            "Pårørende ringer igen og igen for at høre, hvor ambulancen bliver af. Det gør dem mere utrygge "
            "og binder linjerne på vagtcentralen."
        ),
        "description": (
            "Når vi er sendt af sted, sender systemet automatisk en SMS med forventet ankomsttid ud fra "
            "bilens GPS og en ny besked, hvis tiden ændrer sig meget. Beskeden kan også have et par enkle "
            "råd, fx om at låse døren op og tænde lyset udenfor."
        ),
        "tags": ["sms", "gps"],
        "values": {
            "citizens": (3, "Pårørende ved, hvornår hjælpen kommer, og hvad de selv kan gøre imens."),
            "quality": (1, "En ulåst dør og tændt lys udenfor sparer os tid ved ankomst."),
            "routines": (2, "Færre genopkald til vagtcentralen."),
        },
        "concerns": (
            "Tiden kan være upræcis i myldretiden, eller hvis vi bliver omdirigeret til en mere akut opgave. "
            "Et forkert tidspunkt kan gøre folk mere utrygge."
        ),
        "status": "experimenting",
        "days_ago": 200,
        "responded_after_days": 4,
        "leader_message": (
            "Vi kører et forsøg i tre måneder på dagvagterne i det nordlige område. Tak, Mads – det er "
            "præcis den slags, der gør en forskel for borgeren."
        ),
        "responsible": "Mads Rasmussen",
        "qualification": {
            "benefit": "Mere tryghed for de pårørende og færre genopkald til vagtcentralen.",
            "requirements": (
                "GPS-data fra bilerne findes allerede; det kræver en SMS-kobling fra disponeringssystemet og "
                "regionens godkendelse."
            ),
            "risks": "Upræcise tider og omdirigering til andre opgaver kan skabe forvirring.",
            "measures": (
                "Beskeden siger 'cirka' og opdateres ved ændringer over fem minutter. Vi tæller genopkald "
                "før og efter."
            ),
            "ready_to_test": True,
        },
        "supporters": 7,
        "comments": [
            (
                "Line Thomsen",
                (
                    "Kan vi også skrive, at de skal lukke hunden inde? Det er et **stort** problem ude på "
                    "landet."
                ),
            ),
            (
                "Kasper Dahl",
                "Første uge: to pårørende sagde helt af sig selv, at beskeden gjorde dem roligere.",
            ),
            ("Anja Lauridsen", "Kan beskeden komme på engelsk, hvis nummeret er udenlandsk?"),
        ],
    },
    {
        "workplace": "praehospitalt-center",
        "author": "Line Thomsen",
        "challenge": None,
        "title": "Send EKG og vitale værdier fra tabletten til akutmodtagelsen før ankomst",
        "need": (
            "Akutmodtagelsen får i dag en kort mundtlig melding over radioen, og de vigtigste tal skal "
            "gentages, når vi står i døren. Ved en blodprop i hjertet tæller hvert minut."
        ),
        "description": (
            "Vi bruger tabletten i bilen til at sende EKG, blodtryk, puls og iltmætning direkte til "
            "akutmodtagelsen eller hjerteafdelingen, så de kan se tallene og gøre klar, mens vi kører. "
            "Kardiologen kan ringe tilbage, hvis patienten skal direkte til ballonudvidelse."
        ),
        "tags": ["tablet", "datadeling"],
        "values": {
            "citizens": (3, "Patienter med blodprop i hjertet kommer hurtigere i behandling."),
            "quality": (3, "Den modtagende læge ser de rigtige tal i stedet for en mundtlig gengivelse."),
            "routines": (2, "Mindre gentagelse ved overleveringen."),
        },
        "concerns": "Forbindelsen kan falde ud i yderområderne, så radioen skal stadig være en backup.",
        "status": "adopted",
        "days_ago": 330,
        "responded_after_days": 3,
        "leader_message": (
            "Det er nu fast praksis på alle biler. Stor tak til Line, der har trænet os alle sammen."
        ),
        "responsible": "Line Thomsen",
        "qualification": {
            "benefit": (
                "Kortere tid fra alarm til behandling for hjertepatienter og færre fejl ved overleveringen."
            ),
            "requirements": (
                "Funktionen findes i den præhospitale patientjournal; det kræver opsætning mod de modtagende "
                "afdelinger og oplæring af alle."
            ),
            "risks": (
                "Dårlig dækning i yderområder og risiko for at tro, at data er modtaget, når de ikke er."
            ),
            "measures": (
                "Vi bekræfter altid modtagelsen over radioen, og Line laver en kort guide til bilerne."
            ),
            "ready_to_test": True,
        },
        "supporters": 5,
        "comments": [
            ("Peter Holm", "Hjerteafdelingen har sagt tak flere gange. Det virker!"),
            (
                "Henrik Vestergaard",
                (
                    "Opfølgningen efter 90 dage viser i gennemsnit **8 minutter** kortere fra ankomst til "
                    "behandling."
                ),
            ),
        ],
    },
    {
        "workplace": "praehospitalt-center",
        "author": "Sara Bach",
        "challenge": "overlevering",
        "title": "Tale til tekst, så journalen kan dikteres under transporten",
        "need": (
            "Vi bruger meget tid på at taste i journalen med handsker på i en bil, der kører. Ofte bliver "
            "journalen først færdig efter overleveringen, og så mangler hospitalet noget."
        ),
        "description": (
            "En app på tabletten laver det, jeg siger, om til tekst med kunstig intelligens og sætter det "
            "ind i de rigtige felter i journalen. Jeg læser det igennem og retter, før det sendes. Så er "
            "journalen klar, når vi holder ved akutmodtagelsen."
        ),
        "tags": ["kunstig intelligens", "tale til tekst", "tablet"],
        "values": {
            "citizens": (1, "Indirekte: mere tid og opmærksomhed til patienten under transporten."),
            "quality": (2, "Mere komplet dokumentation ved overleveringen."),
            "routines": (3, "Vi slipper for at taste med handsker i en bil i bevægelse."),
        },
        "concerns": (
            "Det er helbredsoplysninger, så løsningen skal godkendes af regionen, og lyden må ikke sendes "
            "til en server uden for EU. Der er også meget støj i bilen fra sirener og udstyr."
        ),
        "status": "qualifying",
        "days_ago": 40,
        "responded_after_days": 5,
        "leader_message": (
            "Spændende og meget relevant for vores udfordring om overleveringen. Sara, vil du sammen med "
            "Kasper finde ud af, om regionen allerede har et godkendt værktøj?"
        ),
        "responsible": "Sara Bach",
        "qualification": {
            "benefit": (
                "Journalen er klar ved overleveringen, og vi bruger mindre tid på at taste under kørslen."
            ),
            "requirements": (
                "Et godkendt tale-til-tekst-værktøj med databehandleraftale, kobling til journalen og et "
                "headset, der kan fjerne baggrundsstøj."
            ),
            "risks": "Fejl i teksten, fx medicinnavne og doser, og databeskyttelse.",
            "measures": (
                "Alt skal læses igennem før afsendelse. Vi tester først på øvelser, ikke på rigtige "
                "patienter."
            ),
            "ready_to_test": False,
        },
        "supporters": 4,
        "comments": [
            ("Kasper Dahl", "Regionens psykiatri afprøver vist noget lignende. Jeg spørger min kontakt der."),
            ("Camilla Østergaard", "Godt med headset – sirenen overdøver alt andet."),
        ],
    },
    {
        "workplace": "praehospitalt-center",
        "author": "Kasper Dahl",
        "challenge": None,
        "title": "QR-koder på udstyrstaskerne med tjekliste og udløbsdatoer",
        "need": (
            "Ved vagtskifte tjekker vi taskerne efter et laminat, der tit er forældet. Vi har flere gange "
            "fundet udløbet medicin eller manglende udstyr."
        ),
        "description": (
            "Hver taske får en QR-kode. Når man scanner den med vagttelefonen, kommer den aktuelle tjekliste "
            "frem, og man kan krydse af direkte. Systemet husker udløbsdatoer og giver besked en uge før, "
            "noget skal skiftes."
        ),
        "tags": ["qr-kode", "app"],
        "values": {
            "citizens": (1, "Det rigtige udstyr er med, når det gælder."),
            "quality": (2, "Færre fejl med udløbet medicin og manglende udstyr."),
            "routines": (3, "Hurtigere vagtskifte og ingen laminater at opdatere."),
        },
        "concerns": "",
        "status": "adopted",
        "days_ago": 280,
        "responded_after_days": 2,
        "leader_message": (
            "Indført på alle biler. Tak til Kasper for et gennemarbejdet forslag – og for at tage "
            "tovholderrollen."
        ),
        "responsible": "Kasper Dahl",
        "qualification": {
            "benefit": "Sikrer korrekt og ikke-udløbet udstyr og sparer tid ved vagtskifte.",
            "requirements": (
                "Kommunens formularværktøj, holdbare QR-mærker og en person, der vedligeholder tjeklisterne."
            ),
            "risks": "Hvis ingen opdaterer listerne, er vi lige vidt.",
            "measures": "Kasper er ansvarlig for listerne, og vi gennemgår dem hvert kvartal.",
            "ready_to_test": True,
        },
        "supporters": 6,
        "comments": [
            ("Anja Lauridsen", "Kan vi få det samme på iltflaskerne?"),
            ("Kasper Dahl", "Anja: ja, iltflaskerne kommer med i næste runde."),
        ],
    },
    {
        "workplace": "praehospitalt-center",
        "author": "Anja Lauridsen",
        "challenge": "tryghed-ventetid",
        "title": "Oversættelsesapp på tabletten til patienter, der ikke taler dansk",
        "need": (
            "Vi har flere patienter, der hverken taler dansk eller engelsk. Ofte må et barn i familien "
            "oversætte, og det er hverken trygt eller fagligt forsvarligt."
        ),
        "description": (
            "Vi afprøver en oversættelsesapp på tabletten med tale til tale på de sprog, vi møder mest "
            "(arabisk, tyrkisk, polsk, ukrainsk, somali). Vi laver også en lille bank af faste spørgsmål med "
            "billeder, fx 'Hvor gør det ondt?' og 'Tager du medicin?'."
        ),
        "tags": ["tablet", "app", "oversættelse"],
        "values": {
            "citizens": (3, "Patienten kan forklare sig og forstår, hvad der sker."),
            "quality": (2, "Bedre sygehistorie og færre misforståelser om medicin og allergier."),
            "routines": (1, "Vi slipper for at vente på telefontolk ved de enkle spørgsmål."),
        },
        "concerns": (
            "Maskinoversættelse kan tage fejl ved vigtige ting som doser. Telefontolk er stadig nødvendig i "
            "komplekse situationer."
        ),
        "status": "experimenting",
        "days_ago": 160,
        "responded_after_days": 9,
        "leader_message": (
            "Vi prøver det i to måneder på fire biler. Anja samler erfaringerne op, og vi tager stilling på "
            "personalemødet bagefter."
        ),
        "responsible": "Anja Lauridsen",
        "qualification": {
            "benefit": "Tryggere patienter og bedre oplysninger, når der ikke er et fælles sprog.",
            "requirements": (
                "En app, der virker uden netforbindelse og er godkendt til tabletterne, og en spørgebank med "
                "billeder."
            ),
            "risks": (
                "Forkerte oversættelser af medicinske begreber; patientdata må ikke sendes til tjenesten."
            ),
            "measures": (
                "Ingen navne eller CPR-numre i appen. Vigtige svar bekræftes med billeder eller ja/nej."
            ),
            "ready_to_test": True,
        },
        "supporters": 5,
        "comments": [
            (
                "Jonas Kjær",
                (
                    "Brugte den i går hos en ukrainsk kvinde med brystsmerter. Den virkede, men den hører "
                    "dårligt, når der er larm."
                ),
            ),
            ("Line Thomsen", "Kunne vi lave spørgebanken sammen med akutmodtagelsen? De har samme behov."),
        ],
    },
    {
        "workplace": "praehospitalt-center",
        "author": "Peter Holm",
        "challenge": None,
        "title": "Skærm på stationen med ambulancernes position og ventende opgaver",
        "need": (
            "Når vi sidder på stationen, har vi ikke overblik over, hvor travlt der er i området, og hvem "
            "der er tættest på den næste opgave."
        ),
        "description": (
            "En stor skærm i opholdsrummet med et kort over bilerne, deres status og antallet af ventende "
            "opgaver i vores område. Så kan vi gøre os klar, inden vi bliver kaldt."
        ),
        "tags": ["skærm", "dashboard", "gps"],
        "values": {
            "citizens": (1, "Måske lidt hurtigere afgang."),
            "quality": (1, "Bedre overblik over belastningen."),
            "routines": (2, "Vi kan planlægge pauser og påfyldning bedre."),
        },
        "concerns": (
            "Data ejes af regionen, og ventende opgaver kan indeholde oplysninger om borgere, som ikke skal "
            "hænge på en skærm."
        ),
        "status": "parked",
        "days_ago": 240,
        "responded_after_days": 12,
        "leader_message": (
            "Idéen er god, men vi kan ikke få adgang til de levende data endnu. Regionen er ved at skifte "
            "disponeringssystem, og først når det er på plads (forventet næste år), kan vi bede om en "
            "stationsvisning uden borgeroplysninger. Jeg tager den op igen til den tid og giver dig besked, "
            "Peter."
        ),
        "responsible": None,
        "qualification": None,
        "supporters": 3,
        "comments": [
            (
                "Mads Rasmussen",
                "Måske kan vi vise **kun** bilernes status og ikke opgaverne? Så er der ingen borgerdata.",
            ),
        ],
    },
    {
        "workplace": "praehospitalt-center",
        "author": "Jonas Kjær",
        "challenge": None,
        "title": "Træningsdukke med sensor og app, der giver feedback på hjertemassagen",
        "need": (
            "Vi træner genoplivning en gang i kvartalet, men vi ved ikke rigtig, om dybden og takten er god "
            "nok. Det er svært at se med det blotte øje."
        ),
        "description": (
            "Vi køber to træningsdukker med indbygget sensor, som viser dybde, takt og aflastning på en "
            "tablet, mens man trykker. Så kan vi træne korte runder på stationen, når der er stille, og "
            "følge vores egne tal over tid."
        ),
        "tags": ["sensorer", "app", "tablet"],
        "values": {
            "citizens": (2, "Bedre hjertemassage giver større chance for at overleve et hjertestop."),
            "quality": (3, "Vi kan måle og forbedre vores teknik løbende."),
            "routines": (1, "Træningen kan ske i små bidder i stedet for lange kursusdage."),
        },
        "concerns": (
            "Det koster nogle tusinde kroner pr. dukke, og nogen kan føle sig overvåget, hvis tallene bliver "
            "vist for alle."
        ),
        "status": "new",
        "days_ago": 3,
        "responded_after_days": None,
        "leader_message": "",
        "responsible": None,
        "qualification": None,
        "supporters": 2,
        "comments": [
            (
                "Camilla Østergaard",
                (
                    "God idé! Tallene bør være private for den enkelte, så det bliver træning og ikke "
                    "konkurrence."
                ),
            ),
        ],
    },
    {
        "workplace": "praehospitalt-center",
        "author": "Camilla Østergaard",
        "challenge": None,
        "title": "VR-briller til træning i store ulykker med mange tilskadekomne",
        "need": (
            "Vi øver sjældent store ulykker, fordi det kræver mange figuranter og en hel dag. Når det sker i "
            "virkeligheden, er vi ikke skarpe nok på at sortere patienterne."
        ),
        "description": (
            "Vi køber et par VR-briller med et træningsprogram, hvor man går rundt på et ulykkessted og skal "
            "vurdere og prioritere patienterne. Det kan gøres på en halv time på stationen."
        ),
        "tags": ["vr"],
        "values": {
            "citizens": (1, "Bedre prioritering af patienter ved store ulykker."),
            "quality": (2, "Mere træning i en sjælden situation."),
            "routines": (0, ""),
        },
        "concerns": (
            "Dyrt udstyr og licenser, og det er uklart, om programmerne passer til danske procedurer."
        ),
        "status": "not_pursued",
        "days_ago": 190,
        "responded_after_days": 15,
        "leader_message": (
            "Tak for idéen, Camilla. Vi går ikke videre med den her på stationen: Regionens "
            "simulationscenter tilbyder fra i år VR-træning i netop store ulykker, og det koster ikke noget "
            "for os. Jeg har i stedet booket plads til alle hold. Hvis det viser sig, at vi skal træne "
            "oftere, end centret kan tilbyde, tager vi den op igen."
        ),
        "responsible": None,
        "qualification": None,
        "supporters": 4,
        "comments": [
            (
                "Sara Bach",
                (
                    "Fint, at vi kan bruge simulationscentret. Kan vi få lov at låne brillerne til en "
                    "stationsdag?"
                ),
            ),
        ],
    },
    {
        "workplace": "praehospitalt-center",
        "author": "Peter Holm",
        "challenge": None,
        "title": "App til at bytte vagter med hinanden",
        "need": (
            "Vagtbytte foregår i dag via en Messenger-gruppe og en seddel på tavlen, og det ender tit med "
            "misforståelser om, hvem der egentlig møder."
        ),
        "description": (
            "En app, hvor man kan lægge en vagt til bytte, og hvor en kollega kan tage den. Lederen "
            "godkender med et klik, og vagtplanen opdateres automatisk."
        ),
        "tags": ["app"],
        "values": {
            "citizens": (0, ""),
            "quality": (1, "Færre huller i bemandingen."),
            "routines": (3, "Meget mindre bøvl med vagtbytte."),
        },
        "concerns": "Det skal spille sammen med lønsystemet, ellers bliver det dobbeltarbejde.",
        "status": "withdrawn",
        "days_ago": 150,
        "responded_after_days": 7,
        "leader_message": (
            "Peter har selv trukket idéen tilbage, fordi regionens nye vagtplansystem får en byttefunktion. "
            "Tak for et godt input til kravene til det nye system."
        ),
        "responsible": None,
        "qualification": None,
        "supporters": 5,
        "comments": [
            ("Anja Lauridsen", "Det nye system har en byttebørs, så det løser sig heldigvis."),
            (
                "Peter Holm",
                "Ja, derfor trækker jeg den. Jeg har sendt vores ønsker videre til projektgruppen.",
            ),
        ],
    },
    {
        "workplace": "praehospitalt-center",
        "author": "Line Thomsen",
        "challenge": None,
        "title": "Flere hjerteløbere i yderområderne via de lokale foreninger",
        "need": (
            "I de små byer langt fra stationen når vi sjældent frem inden for de første minutter ved "
            "hjertestop. Der er få hjerteløbere derude."
        ),
        "description": (
            "Vi tager ud til idrætsforeninger, brugsen og borgerforeninger og hjælper folk med at hente "
            "Hjerteløber-appen og melde sig til, og vi viser, hvor de nærmeste hjertestartere hænger. Vi "
            "kunne også lave en kort video, som foreningerne kan dele på Facebook."
        ),
        "tags": ["app", "video"],
        "values": {
            "citizens": (3, "Flere får hjælp i de første afgørende minutter."),
            "quality": (1, "Patienten har fået hjertemassage, når vi ankommer."),
            "routines": (0, ""),
        },
        "concerns": "Det tager tid fra vagterne, hvis vi skal køre rundt til møder.",
        "status": "needs_info",
        "days_ago": 55,
        "responded_after_days": 10,
        "leader_message": (
            "Tak, Line – det er vigtigt. Før vi går videre: Hvor mange aftener tænker du, det vil kræve, og "
            "har du talt med kommunens sundhedsafdeling? De laver måske allerede noget lignende, som vi kan "
            "koble os på."
        ),
        "responsible": None,
        "qualification": None,
        "supporters": 3,
        "comments": [
            ("Jonas Kjær", "Jeg vil gerne tage med til et møde i min egen by."),
        ],
    },
    {
        "workplace": "praehospitalt-center",
        "author": "Sara Bach",
        "challenge": None,
        "title": "Doseringer til børn i en app i stedet for laminerede kort",
        "need": (
            "Når vi har et sygt barn, regner vi doser ud fra vægten på et lamineret kort. Det er stressende, "
            "og kortene er ikke altid den nyeste udgave."
        ),
        "description": (
            "En enkel app på vagttelefonen, hvor man indtaster alder eller vægt og får doser for de mest "
            "brugte akutte lægemidler. Indholdet skal komme fra vores lægefaglige instruks og opdateres "
            "centralt."
        ),
        "tags": ["app"],
        "values": {
            "citizens": (2, "Sikrere medicinering af børn."),
            "quality": (3, "Mindre risiko for regnefejl i en presset situation."),
            "routines": (1, "Ingen laminerede kort, der skal skiftes i alle biler."),
        },
        "concerns": (
            "Det er et medicinsk beslutningsværktøj, så det kan kræve CE-mærkning. Vi må ikke lave noget "
            "selv uden lægefaglig godkendelse."
        ),
        "status": "new",
        "days_ago": 9,
        "responded_after_days": 2,
        "leader_message": (
            "Tak, Sara. Jeg har set den og tager den med til vores lægefaglige ansvarlige på fredag, før jeg "
            "svarer dig ordentligt."
        ),
        "responsible": None,
        "qualification": None,
        "supporters": 6,
        "comments": [
            (
                "Mads Rasmussen",
                "Der findes vist allerede godkendte apps til det. Måske skal vi bare vælge én?",
            ),
            ("Anja Lauridsen", "Ja tak! Kortene i bil 3 er flere år gamle."),
        ],
    },
    {
        "workplace": "praehospitalt-center",
        "author": "Henrik Vestergaard",
        "challenge": None,
        "title": "NFC-mærker i ambulancen til at registrere rengøring",
        "need": (
            "Efter patienter med smitsomme sygdomme skal bilen rengøres grundigt, men vi kan ikke "
            "dokumentere hvornår og af hvem. Ved vagtskifte er man i tvivl om, det er gjort."
        ),
        "description": (
            "Vi sætter et NFC-mærke i hver bil. Når rengøringen er færdig, holder man telefonen mod mærket "
            "og vælger type (almindelig eller smitte). Vagtholdet kan se status for alle biler på en enkel "
            "oversigt."
        ),
        "tags": ["nfc", "app"],
        "values": {
            "citizens": (2, "Mindre risiko for smitte mellem patienter."),
            "quality": (2, "Dokumenteret hygiejne."),
            "routines": (2, "Ingen tvivl ved vagtskifte."),
        },
        "concerns": "Endnu en ting at registrere. Hvis det ikke går hurtigt, bliver det ikke gjort.",
        "status": "qualifying",
        "days_ago": 70,
        "responded_after_days": 1,
        "leader_message": "Jonas har sagt ja til at modne idéen og tale med hygiejnesygeplejersken.",
        "responsible": "Jonas Kjær",
        "qualification": {
            "benefit": "Sikker viden om rengøringsstatus og dokumentation, hvis der skal opspores smitte.",
            "requirements": (
                "Billige NFC-mærker, en enkel registrering på vagttelefonen og en oversigt på stationen."
            ),
            "risks": "Registreringen kan blive sprunget over i travle perioder.",
            "measures": "Registreringen skal tage under ti sekunder; vi tester i fire uger på to biler.",
            "ready_to_test": True,
        },
        "supporters": 2,
        "comments": [
            ("Peter Holm", "Kan det kobles til QR-tjeklisten, så vi ikke får to systemer?"),
            ("Henrik Vestergaard", "Godt punkt, Peter. Jonas, tjek det med Kasper."),
        ],
    },
    {
        "workplace": "praehospitalt-center",
        "author": "Kasper Dahl",
        "challenge": "overlevering",
        "title": "Fast ISBAR-skabelon på tabletten til overleveringen",
        "need": (
            "Overleveringen i akutmodtagelsen er forskellig fra kollega til kollega, og personalet spørger "
            "ofte om de samme ting to gange."
        ),
        "description": (
            "Når vi nærmer os hospitalet, åbner tabletten en ISBAR-skabelon (identifikation, situation, "
            "baggrund, vurdering, anbefaling), som er udfyldt med det, der allerede står i journalen. Vi "
            "bruger den som huskeliste ved båren, og personalet i modtagelsen kan se den samme skærm."
        ),
        "tags": ["tablet", "datadeling"],
        "values": {
            "citizens": (2, "Patienten oplever en rolig og ensartet overlevering."),
            "quality": (3, "Færre glemte oplysninger."),
            "routines": (2, "Mindre dobbeltarbejde mellem os og hospitalet."),
        },
        "concerns": "Akutmodtagelsen skal være med, ellers bliver det kun vores skabelon.",
        "status": "new",
        "days_ago": 26,
        "responded_after_days": None,
        "leader_message": "",
        "responsible": None,
        "qualification": None,
        "supporters": 4,
        "comments": [
            ("Line Thomsen", "Det passer fint sammen med præanmeldelsen – data er der jo allerede."),
        ],
    },
    {
        "workplace": "boernehuset-solsikken",
        "author": "Louise Skov",
        "challenge": None,
        "title": "Tablet til billeder af børnenes dag til forældrene",
        "need": (
            "Forældrene spørger ved afhentning, hvad børnene har lavet, og børnene svarer tit 'ingenting'. "
            "Vi tager billeder på vores private telefoner, og det er ikke i orden."
        ),
        "description": (
            "Hver stue får en tablet, som kun bruges til billeder og korte tekster. Vi lægger et par "
            "billeder fra dagen på Aula inden frokost, så forældrene kan tale med barnet om dagen om "
            "aftenen. Billederne slettes fra tabletten hver fredag."
        ),
        "tags": ["tablet", "aula"],
        "values": {
            "citizens": (3, "Forældrene får indblik og kan tale med barnet om dagen."),
            "quality": (2, "Billederne kan bruges til at tale med børnene om det, de har oplevet."),
            "routines": (2, "Ingen private telefoner, og det tager kun få minutter."),
        },
        "concerns": (
            "Vi skal passe på, hvilke børn der er på billederne – nogle forældre har ikke givet samtykke. Og "
            "det må ikke blive en jagt på det perfekte billede."
        ),
        "status": "adopted",
        "days_ago": 330,
        "responded_after_days": 4,
        "leader_message": (
            "Indført på alle stuer. Tak, Louise – og husk samtykkelisten på indersiden af skabet."
        ),
        "responsible": "Louise Skov",
        "qualification": {
            "benefit": "Bedre forældresamarbejde og stop for brug af private telefoner.",
            "requirements": (
                "En tablet pr. stue med Aula-appen, samtykke fra forældrene og faste regler for sletning."
            ),
            "risks": "Billeder af børn uden samtykke og for meget tid bag skærmen.",
            "measures": "Samtykkeliste på hver stue, højst tre billeder om dagen og sletning hver fredag.",
            "ready_to_test": True,
        },
        "supporters": 7,
        "comments": [
            (
                "Tina Winther",
                (
                    "Forældrene på Mælkebøtten er så glade for det. En far sagde, at det er hans bedste "
                    "øjeblik på dagen."
                ),
            ),
            ("Mette Lund", "Husk: **ingen** billeder fra puslerummet eller af børn, der er kede af det."),
        ],
    },
    {
        "workplace": "boernehuset-solsikken",
        "author": "Freja Nygaard",
        "challenge": "foraeldresamarbejde",
        "title": "Billeder fra dagen på tablet, så forældrene kan se, hvad børnene har lavet",
        "need": (
            "I vuggestuen kan børnene ikke selv fortælle, hvad de har lavet, og forældrene vil gerne vide, "
            "hvordan dagen er gået."
        ),
        "description": (
            "Vi tager billeder af børnenes dag på en tablet og sender dem til forældrene, gerne med en lille "
            "tekst om, hvad barnet har leget med og spist. Så kan forældrene se, hvad der sker, uden at vi "
            "skal fortælle det hele ved afhentning."
        ),
        "tags": ["tablet", "aula"],
        "values": {
            "citizens": (3, "Forældrene får et indblik i vuggestuebørnenes dag."),
            "quality": (1, "Billederne kan bruges til at tale med børnene om dagen."),
            "routines": (2, "Færre lange snakke i garderoben, når alle skal hjem."),
        },
        "concerns": "Det må ikke blive sådan, at vi skal skrive noget om hvert barn hver dag.",
        "status": "new",
        "days_ago": 30,
        "responded_after_days": None,
        "leader_message": "",
        "responsible": None,
        "qualification": None,
        "supporters": 2,
        "comments": [
            (
                "Rikke Mortensen",
                (
                    "Gør vi ikke allerede det her på børnehavestuerne? Måske kan vuggestuen bare komme med i "
                    "den ordning."
                ),
            ),
        ],
        "duplicate_of": "Tablet til billeder af børnenes dag til forældrene",
    },
    {
        "workplace": "boernehuset-solsikken",
        "author": "Emil Laursen",
        "challenge": "sprog-leg",
        "title": "Digitalt mikroskop til naturture koblet til tabletten",
        "need": (
            "Børnene finder biller, blade og snegle på turene, men de små detaljer er svære at se og tale om "
            "sammen i en gruppe."
        ),
        "description": (
            "Et lille digitalt mikroskop, der sender billedet til tabletten. Så kan hele gruppen se myrens "
            "ben eller bladets årer i stor størrelse, og vi kan tale om det: Hvad er det? Hvorfor har den "
            "hår? Billederne kan bruges til en lille fælles bog bagefter."
        ),
        "tags": ["tablet", "kamera"],
        "values": {
            "citizens": (2, "Børnene oplever naturen på en ny måde."),
            "quality": (3, "Giver mange nye ord og fælles undren – godt for sprogarbejdet."),
            "routines": (0, ""),
        },
        "concerns": (
            "Udstyret skal kunne tåle regn og sand. Det må ikke tage fokus fra selve det at være ude."
        ),
        "status": "experimenting",
        "days_ago": 210,
        "responded_after_days": 6,
        "leader_message": (
            "Vi afprøver det på to stuer frem til sommerferien. Emil fører en lille logbog over, hvad "
            "børnene siger og gør."
        ),
        "responsible": "Emil Laursen",
        "qualification": {
            "benefit": "Flere ord og mere nysgerrighed i naturarbejdet.",
            "requirements": (
                "Et robust digitalt mikroskop til ca. 800 kr. og en tablet, der kan tages med ud."
            ),
            "risks": "Udstyret går i stykker, eller tabletten bliver det vigtigste på turen.",
            "measures": "Mikroskopet bruges i korte stunder, og tabletten bliver i tasken resten af turen.",
            "ready_to_test": True,
        },
        "supporters": 5,
        "comments": [
            (
                "Ahmad Nasser",
                "Vi kan skrive ordene på flere sprog i bogen – så kan forældrene læse med derhjemme.",
            ),
            ("Bente Kristiansen", "Børnene på Regnbuen har talt om 'snegletænder' i en hel uge."),
        ],
    },
    {
        "workplace": "boernehuset-solsikken",
        "author": "Bente Kristiansen",
        "challenge": "sprog-leg",
        "title": "Bee-Bot-robotter til de største børn",
        "need": (
            "Førskolebørnene mangler udfordringer i det sidste halve år, og vi vil gerne give dem en god "
            "start på tal, retning og samarbejde."
        ),
        "description": (
            "Små robotter, som børnene programmerer med pile. Vi laver baner med bogstaver og billeder på "
            "gulvet, og børnene skal sammen få robotten hen til fx 'æble' eller 'sol'. Det træner sprog om "
            "retning (frem, tilbage, til højre) og samarbejde."
        ),
        "tags": ["robot", "programmering"],
        "values": {
            "citizens": (2, "Børnene får en legende start på skolens matematik."),
            "quality": (3, "Styrker sprog om retning og turtagning i fællesskab."),
            "routines": (1, "Let at sætte i gang, når man først har banerne."),
        },
        "concerns": "Det kan blive en aktivitet for de børn, der i forvejen er gode til den slags.",
        "status": "adopted",
        "days_ago": 270,
        "responded_after_days": 3,
        "leader_message": (
            "Nu en fast del af førskolegruppens uge. Fint arbejde, Bente – vil du vise robotterne frem på "
            "næste forældremøde?"
        ),
        "responsible": "Bente Kristiansen",
        "qualification": {
            "benefit": "Legende læring om retning, tal og samarbejde.",
            "requirements": "Fire Bee-Bots og gulvmåtter samt en kort introduktion for personalet.",
            "risks": "At nogle børn bliver holdt udenfor.",
            "measures": "Børnene arbejder to og to i faste par, som vi voksne sætter sammen.",
            "ready_to_test": True,
        },
        "supporters": 6,
        "comments": [
            (
                "Freja Nygaard",
                "Kan vi låne dem til vuggestuen en dag? De små kan jo bare trykke og se den køre.",
            ),
            ("Mette Lund", "Vi har også fået dem med i læreplansarbejdet om **krop, sanser og bevægelse**."),
        ],
    },
    {
        "workplace": "boernehuset-solsikken",
        "author": "Ahmad Nasser",
        "challenge": None,
        "title": "QR-koder i billedbøgerne, så bøgerne kan høres på børnenes hjemmesprog",
        "need": (
            "Flere af vores børn har et andet modersmål end dansk, og deres forældre kan ikke læse de danske "
            "bøger højt. Børnene går glip af den fælles oplevelse med bøgerne derhjemme."
        ),
        "description": (
            "Vi indtaler vores mest populære billedbøger på de sprog, vi har i huset (arabisk, somali, "
            "tyrkisk, ukrainsk), sammen med forældre, der har lyst. Hver bog får en QR-kode, som forældrene "
            "scanner med telefonen for at høre oplæsningen, mens de bladrer. Bøgerne kan lånes med hjem i en "
            "pose."
        ),
        "tags": ["qr-kode", "lyd"],
        "values": {
            "citizens": (3, "Forældre kan læse med deres barn på deres eget sprog."),
            "quality": (3, "Styrker modersmålet, som også hjælper barnets dansk."),
            "routines": (1, "Bøgerne kan lånes med hjem uden ekstra arbejde for os."),
        },
        "concerns": (
            "Der er ophavsret på bøgerne, så vi skal undersøge, om vi må indtale dem. Lydfilerne skal ligge "
            "et sikkert sted og ikke på en privat konto."
        ),
        "status": "qualifying",
        "days_ago": 75,
        "responded_after_days": 8,
        "leader_message": (
            "Den er helt i tråd med vores sprogarbejde. Ahmad, vil du modne den sammen med biblioteket? De "
            "ved noget om ophavsret."
        ),
        "responsible": "Ahmad Nasser",
        "qualification": {
            "benefit": "Flere fælles læsestunder i hjemmene og et styrket modersmål.",
            "requirements": (
                "Tilladelse fra forlagene eller bøger, der allerede findes som lydbøger, og et sikkert sted "
                "til lydfilerne, fx via biblioteket."
            ),
            "risks": "Ophavsret og for få forældre, der vil indtale.",
            "measures": (
                "Vi starter med fem bøger, som biblioteket allerede har rettigheder til, og spørger "
                "forældrerådet."
            ),
            "ready_to_test": False,
        },
        "supporters": 7,
        "comments": [
            ("Louise Skov", "Min nabo er bibliotekar – jeg spørger hende, om eReolen Junior kan bruges."),
            (
                "Rikke Mortensen",
                (
                    "Flot idé! Vi kunne også lave dansk oplæsning til de forældre, der selv er ved at lære "
                    "dansk."
                ),
            ),
        ],
    },
    {
        "workplace": "boernehuset-solsikken",
        "author": "Tina Winther",
        "challenge": "foraeldresamarbejde",
        "title": "Skærm i garderoben med dagens aktiviteter og et par billeder",
        "need": (
            "Forældrene læser ikke opslagene på papir, og vi når ikke at fortælle alle, hvad vi har lavet, "
            "når mange henter på samme tid."
        ),
        "description": (
            "En skærm ved indgangen til hver afdeling, der viser dagens aktiviteter med piktogrammer og et "
            "par billeder uden børnenes ansigter. Den opdateres fra tabletten i løbet af dagen. "
            "Piktogrammerne gør det lettere for forældre, der ikke læser dansk."
        ),
        "tags": ["skærm", "piktogrammer", "tablet"],
        "values": {
            "citizens": (2, "Alle forældre får lidt viden om dagen, også dem, der ikke læser dansk."),
            "quality": (1, "Børnene kan pege og fortælle ud fra billederne."),
            "routines": (2, "Vi slipper for at skrive på tavlen."),
        },
        "concerns": (
            "Hvis der er billeder af børn, kan andre forældre og besøgende se dem. Det koster også at købe "
            "og sætte skærme op."
        ),
        "status": "qualifying",
        "days_ago": 60,
        "responded_after_days": 5,
        "leader_message": (
            "Vi ser på den sammen med forældrebestyrelsen. Tina, vil du undersøge, hvad en skærm koster, og "
            "hvordan vi undgår børnenes ansigter?"
        ),
        "responsible": "Tina Winther",
        "qualification": {
            "benefit": "Lettere for forældrene at følge med og tale med barnet om dagen.",
            "requirements": (
                "To skærme, en enkel måde at opdatere dem fra tabletten og forældrebestyrelsens opbakning."
            ),
            "risks": "Børn på billeder, som alle kan se, og endnu en ting, der skal opdateres.",
            "measures": "Kun billeder af aktiviteter og ting, ikke ansigter. Vi prøver med én skærm først.",
            "ready_to_test": False,
        },
        "supporters": 4,
        "comments": [
            ("Bente Kristiansen", "Kan vi vise madplanen på den samme skærm?"),
            (
                "Mette Lund",
                "Forældrebestyrelsen var positiv på mødet i går, men vil gerne se et eksempel først.",
            ),
        ],
    },
    {
        "workplace": "boernehuset-solsikken",
        "author": "Rikke Mortensen",
        "challenge": None,
        "title": "Sensorer i barnevognene, der giver besked, når et barn vågner",
        "need": (
            "Vi lader børnene sove ude i barnevogne, og vi skal løbe ud og kigge hele tiden. Når vi er få "
            "voksne, er det svært at holde øje med alle."
        ),
        "description": (
            "En lille sensor i hver barnevogn, der registrerer bevægelse og lyd og giver besked på en "
            "tablet, når barnet vågner. Så kan vi hente barnet med det samme og slipper for at forstyrre de "
            "sovende."
        ),
        "tags": ["sensorer", "app"],
        "values": {
            "citizens": (2, "Børnene bliver hentet, så snart de vågner."),
            "quality": (1, "Vi kan være mere nærværende med de vågne børn."),
            "routines": (2, "Færre ture ud til vognene."),
        },
        "concerns": (
            "Det må aldrig erstatte det faste tilsyn. Og nogle forældre bryder sig ikke om overvågning af "
            "deres barn."
        ),
        "status": "parked",
        "days_ago": 180,
        "responded_after_days": 20,
        "leader_message": (
            "Tak, Rikke. Vi parkerer den for nu: Kommunens retningslinjer for søvn i dagtilbud kræver, at vi "
            "fysisk kigger til børnene med faste mellemrum, så sensorerne ville ikke spare os ture ud, og "
            "flere forældre i bestyrelsen var bekymrede for overvågningen. Hvis retningslinjerne ændres, "
            "eller vi finder et produkt uden kamera og lydoptagelse, tager vi den op igen."
        ),
        "responsible": None,
        "qualification": None,
        "supporters": 3,
        "comments": [
            ("Freja Nygaard", "Jeg forstår godt begrundelsen. Men vinteren er hård med de mange ture."),
        ],
    },
    {
        "workplace": "boernehuset-solsikken",
        "author": "Louise Skov",
        "challenge": None,
        "title": "Lydmåler på stuen, der viser med lys, når larmen bliver for høj",
        "need": (
            "Støjniveauet på stuen er højt, især ved frokost. Både børn og voksne bliver trætte, og vi hører "
            "hinanden dårligt."
        ),
        "description": (
            "En lydmåler formet som et øre eller et trafiklys, der skifter fra grøn til gul og rød, når det "
            "bliver for larmende. Børnene kan selv se det og hjælpe hinanden med at skrue ned, uden at vi "
            "voksne skal sige 'shh' hele tiden."
        ),
        "tags": ["lyd", "sensorer"],
        "values": {
            "citizens": (2, "Roligere stemning for børnene."),
            "quality": (2, "Børnene lærer sammen at regulere lyden."),
            "routines": (2, "Mindre larm og færre trætte voksne sidst på dagen."),
        },
        "concerns": (
            "Det må ikke blive en måde at skælde ud på. Nogle børn kan blive stressede af det røde lys."
        ),
        "status": "experimenting",
        "days_ago": 120,
        "responded_after_days": 3,
        "leader_message": (
            "Vi afprøver den på Regnbuen i seks uger og måler støjen før og efter. Louise er tovholder."
        ),
        "responsible": "Louise Skov",
        "qualification": {
            "benefit": "Lavere støjniveau og mere ro ved måltiderne.",
            "requirements": (
                "En lydmåler med lys (ca. 1.500 kr.) og en snak med børnene om, hvad den betyder."
            ),
            "risks": "At den bliver en kontrol, som børnene oplever negativt.",
            "measures": (
                "Vi taler med børnene om den som en fælles leg og slukker den, hvis den giver uro. "
                "Arbejdsmiljørepræsentanten måler før og efter."
            ),
            "ready_to_test": True,
        },
        "supporters": 6,
        "comments": [
            ("Emil Laursen", "Uge 2: Børnene kalder den 'Øret' og siger selv 'nu bliver den gul'."),
            ("Tina Winther", "Kan vi få en til personalestuen også?"),
        ],
    },
    {
        "workplace": "boernehuset-solsikken",
        "author": "Rikke Mortensen",
        "challenge": None,
        "title": "Tale til tekst til vores observationer af børnenes udvikling",
        "need": (
            "Vi skal skrive observationer til sprogvurderinger og forældresamtaler, men der er sjældent tid "
            "til at sætte sig ved computeren. Meget går tabt, fordi vi ikke når at skrive det ned."
        ),
        "description": (
            "Vi kunne indtale korte observationer på tabletten i løbet af dagen og få dem lavet om til "
            "tekst, som vi så retter og gemmer i barnets mappe. Det kunne være med den kunstige intelligens, "
            "der allerede er i telefonerne."
        ),
        "tags": ["kunstig intelligens", "tale til tekst", "tablet"],
        "values": {
            "citizens": (1, "Bedre forberedte forældresamtaler."),
            "quality": (2, "Flere og mere præcise observationer."),
            "routines": (3, "Sparer tid ved computeren."),
        },
        "concerns": "Det er oplysninger om børn, så det er vigtigt, hvor lydfilerne ender.",
        "status": "needs_info",
        "days_ago": 45,
        "responded_after_days": 11,
        "leader_message": (
            "God tanke, Rikke. Før vi går videre, har jeg brug for at vide: Hvilken app tænker du på, og "
            "hvor bliver lyden og teksten gemt? Oplysninger om børnenes udvikling må kun ligge i vores "
            "godkendte systemer, så tjek det gerne med kommunens IT-support først."
        ),
        "responsible": None,
        "qualification": None,
        "supporters": 3,
        "comments": [
            (
                "Ahmad Nasser",
                "Jeg tror, der er en diktérfunktion i Word, som kommunen har godkendt. Den kan måske bruges.",
            ),
        ],
    },
    {
        "workplace": "boernehuset-solsikken",
        "author": "Bente Kristiansen",
        "challenge": "foraeldresamarbejde",
        "title": "Online booking af forældresamtaler i stedet for sedler på døren",
        "need": (
            "Når vi skal holde forældresamtaler, hænger vi en seddel på døren med tider. Det tager lang tid "
            "at få alle skrevet på, og nogle forældre ser den aldrig."
        ),
        "description": (
            "Vi bruger et bookingsystem, hvor forældrene selv vælger en tid på telefonen og får en "
            "påmindelse dagen før. Vi kan også tilbyde videosamtale til de forældre, der har svært ved at "
            "komme i dagtimerne."
        ),
        "tags": ["booking", "video"],
        "values": {
            "citizens": (2, "Lettere for forældrene, også dem, der har skæve arbejdstider."),
            "quality": (1, "Bedre forberedte samtaler, når tiden er på plads i god tid."),
            "routines": (3, "Vi slipper for at jagte forældre for at få en tid."),
        },
        "concerns": "Ikke alle forældre er vant til den slags, så vi skal stadig kunne booke for dem.",
        "status": "new",
        "days_ago": 8,
        "responded_after_days": 1,
        "leader_message": (
            "Tak, Bente – jeg tjekker, om samtalebookingen i Aula kan bruges, før vi kigger på noget nyt."
        ),
        "responsible": None,
        "qualification": None,
        "supporters": 5,
        "comments": [
            (
                "Tina Winther",
                "Aula har vist en funktion til samtaler i kalenderen. Er der nogen, der har prøvet den?",
            ),
        ],
    },
    {
        "workplace": "boernehuset-solsikken",
        "author": "Emil Laursen",
        "challenge": None,
        "title": "Projektor i hvilerummet, der viser natur og rolige billeder på loftet",
        "need": (
            "Nogle af børnene har svært ved at falde til ro til middagsluren indenfor, og hvilerummet er "
            "mørkt og kedeligt."
        ),
        "description": (
            "En lille projektor, der viser langsomt bevægende billeder af skyer, hav eller stjerner på "
            "loftet med stille lyd. Den kan også bruges til et sanserum om eftermiddagen, hvor børnene kan "
            "lege med skygger og lys."
        ),
        "tags": ["projektor", "lyd"],
        "values": {
            "citizens": (2, "Roligere hvil for de børn, der har svært ved det."),
            "quality": (1, "Kan bruges i arbejdet med sanser og ro."),
            "routines": (1, "Hurtigere ro ved middagsluren."),
        },
        "concerns": "Det er skærmtid for de mindste, selvom det er rolige billeder.",
        "status": "parked",
        "days_ago": 95,
        "responded_after_days": 14,
        "leader_message": (
            "Tak, Emil. Vi parkerer den til næste budgetår: Årets pulje til udstyr er brugt på tablets og "
            "lydmåleren, og jeg vil gerne se resultaterne af dem først. Hvis du finder en brugt projektor "
            "eller en fond, der vil støtte, tager vi den gerne op igen."
        ),
        "responsible": None,
        "qualification": None,
        "supporters": 2,
        "comments": [],
    },
    {
        "workplace": "boernehuset-solsikken",
        "author": "Tina Winther",
        "challenge": None,
        "title": "GPS-ure til børnene, når vi er på tur",
        "need": (
            "Når vi tager på tur i skoven eller til stranden med mange børn, er vi bange for at miste et "
            "barn af syne."
        ),
        "description": (
            "Børnene får et lille GPS-ur på, når vi er på tur, og de voksne kan se i en app, hvor alle er. "
            "Uret kan give alarm, hvis et barn går uden for et bestemt område."
        ),
        "tags": ["gps", "app"],
        "values": {
            "citizens": (1, "Måske mere tryghed for forældrene."),
            "quality": (0, ""),
            "routines": (1, "Lidt hurtigere overblik, når vi samler gruppen."),
        },
        "concerns": "Overvågning af børn og data om, hvor de er. Det kan give en falsk tryghed.",
        "status": "not_pursued",
        "days_ago": 160,
        "responded_after_days": 6,
        "leader_message": (
            "Tak, Tina, fordi du tager sikkerheden på tur alvorligt. Vi går ikke videre med GPS-urene: Det "
            "vil betyde, at vi behandler data om, hvor små børn befinder sig, og både forældrebestyrelsen og "
            "kommunens databeskyttelsesrådgiver frarådede det. Vigtigst er, at urene kan give en falsk "
            "tryghed – vores faste tælleregler og makkerpar er det, der virker. Vi tager i stedet en snak på "
            "personalemødet om, hvordan vi gør turene mere overskuelige, fx med refleksveste i en farve pr. "
            "gruppe."
        ),
        "responsible": None,
        "qualification": None,
        "supporters": 1,
        "comments": [
            ("Louise Skov", "Enig med Mette. Veste i farver er en god idé – det gør det lettere at tælle."),
        ],
    },
    {
        "workplace": "boernehuset-solsikken",
        "author": "Freja Nygaard",
        "challenge": None,
        "title": "Fælles digital idébank med aktiviteter til stuerne",
        "need": (
            "Vi har mange gode aktiviteter i hovedet, men når en kollega er syg, eller vi har vikar, er der "
            "ingen steder at finde dem."
        ),
        "description": (
            "En fælles digital opslagstavle, hvor vi lægger aktiviteter ind med billeder, materialer og "
            "alder. Vikarer kan også bruge den."
        ),
        "tags": ["digital tavle"],
        "values": {
            "citizens": (1, "Børnene får gode aktiviteter, også når der er vikar."),
            "quality": (2, "Flere gode aktiviteter, også når der er vikar."),
            "routines": (2, "Lettere at planlægge."),
        },
        "concerns": "",
        "status": "withdrawn",
        "days_ago": 220,
        "responded_after_days": 5,
        "leader_message": (
            "Freja har selv trukket idéen tilbage, fordi kommunens dagtilbud har lavet en fælles "
            "aktivitetsbank på intranettet. Tak for initiativet – del gerne dine aktiviteter der."
        ),
        "responsible": None,
        "qualification": None,
        "supporters": 2,
        "comments": [
            (
                "Freja Nygaard",
                (
                    "Jeg trækker den, fordi intranettet nu har det samme. Jeg har lagt fem af vores "
                    "aktiviteter derind."
                ),
            ),
        ],
    },
    {
        "workplace": "boernehuset-solsikken",
        "author": "Ahmad Nasser",
        "challenge": None,
        "title": "Madplan med billeder på skærm, så børnene kan se, hvad de skal spise",
        "need": (
            "Nogle børn bliver urolige ved frokosten, fordi de ikke ved, hvad der kommer. Især børn med "
            "særlige behov har brug for at kunne se det på forhånd."
        ),
        "description": (
            "Køkkenet tager et billede af dagens mad og lægger det på tabletten eller skærmen på stuen "
            "sammen med et piktogram. Børnene kan se og tale om maden om formiddagen, og det giver gode ord "
            "om smag, farver og grøntsager."
        ),
        "tags": ["piktogrammer", "skærm", "tablet"],
        "values": {
            "citizens": (2, "Mere ro og forudsigelighed ved frokosten."),
            "quality": (2, "Gode samtaler om mad og nye ord."),
            "routines": (1, "Færre spørgsmål og mindre uro op til frokosten."),
        },
        "concerns": "Køkkenet har travlt om morgenen, så det skal være meget nemt.",
        "status": "new",
        "days_ago": 5,
        "responded_after_days": None,
        "leader_message": "",
        "responsible": None,
        "qualification": None,
        "supporters": 3,
        "comments": [
            (
                "Bente Kristiansen",
                "Hvis Tinas skærm i garderoben bliver til noget, kunne madplanen også være på den.",
            ),
        ],
    },
    {
        "workplace": "lys-og-signal",
        "author": "Niels Mikkelsen",
        "challenge": "fejlretning",
        "title": "Fjernovervågning af gadelamper, der selv melder, når de er gået ud",
        "need": (
            "Vi finder først ud af, at en lampe er gået, når en borger melder det, eller når vi kører den "
            "natlige kontrolrunde en gang om måneden. Nogle lamper er slukkede i ugevis."
        ),
        "description": (
            "Når vi alligevel skifter til LED, monterer vi en lille styreenhed i lampehovedet, der melder "
            "fejl via mobilnettet til en central database. Vi får hver morgen en liste over slukkede lamper "
            "og kan samle reparationerne i ruter."
        ),
        "tags": ["sensorer", "dashboard"],
        "values": {
            "citizens": (3, "Slukkede lamper bliver rettet hurtigere, så vejene er trygge."),
            "quality": (2, "Vi kender tilstanden på hele anlægget."),
            "routines": (3, "Ingen natlige kontrolrunder og bedre planlagte ruter."),
        },
        "concerns": (
            "Styreenhederne koster penge pr. lampe, og vi binder os til én leverandørs system. "
            "Mobildækningen er dårlig ved Skovvejen."
        ),
        "status": "experimenting",
        "days_ago": 260,
        "responded_after_days": 4,
        "leader_message": (
            "Vi afprøver det på 120 lamper i Nordbyen i et halvt år. Niels er ansvarlig og samler op på, "
            "hvilke fejl vi fanger, og hvad det koster."
        ),
        "responsible": "Niels Mikkelsen",
        "qualification": {
            "benefit": (
                "Hurtigere reparation, ingen natlige kontrolrunder og data til planlægning af udskiftning."
            ),
            "requirements": (
                "Styreenheder til lampehovederne, abonnement på den centrale software og oplæring af "
                "montørerne."
            ),
            "risks": "Afhængighed af én leverandør, løbende abonnementsudgift og huller i mobildækningen.",
            "measures": (
                "Vi vælger et system med åben standard, så vi kan skifte leverandør, og afprøver først i ét "
                "område."
            ),
            "ready_to_test": True,
        },
        "supporters": 6,
        "comments": [
            ("Kim Søndergaard", "Første måned: 14 fejl meldt automatisk – kun 3 af dem havde borgere meldt."),
            (
                "Signe Holt",
                (
                    "Kan det samme system måle energiforbruget? Så kan vi også bruge det til "
                    "energi-udfordringen."
                ),
            ),
            ("Lars Bruun", "Godt spørgsmål, Signe. Niels, tag det med i evalueringen."),
        ],
    },
    {
        "workplace": "lys-og-signal",
        "author": "Morten Friis",
        "challenge": None,
        "title": "Automatisk fejlmelding fra gadelamperne i stedet for at vente på borgerne",
        "need": (
            "Når en gadelampe går ud, hører vi først om det, når en borger ringer. Det er dårlig service, og "
            "vi kører tit ud til én lampe ad gangen."
        ),
        "description": (
            "Lamperne kunne selv sende en fejlmelding, når de går ud, fx med en lille sensor. Så kunne vi "
            "samle fejlene og ordne dem på én tur."
        ),
        "tags": ["sensorer"],
        "values": {
            "citizens": (2, "Hurtigere reparation."),
            "quality": (1, "Bedre overblik over, hvilke lamper der fejler."),
            "routines": (2, "Færre ture ud til enkelte lamper."),
        },
        "concerns": "Ved ikke, hvad det koster.",
        "status": "new",
        "days_ago": 5,
        "responded_after_days": None,
        "leader_message": "",
        "responsible": None,
        "qualification": None,
        "supporters": 1,
        "comments": [
            ("Torben Ravn", "Niels kører allerede et forsøg med det i Nordbyen – snak med ham."),
        ],
        "duplicate_of": "Fjernovervågning af gadelamper, der selv melder, når de er gået ud",
    },
    {
        "workplace": "lys-og-signal",
        "author": "Signe Holt",
        "challenge": "energi",
        "title": "Dæmpning af LED-gadelyset om natten efter trafiktal",
        "need": (
            "Gadelyset lyser fuldt hele natten, også på veje, hvor der næsten ingen færdes mellem kl. 1 og "
            "5. Det koster strøm og giver lysforurening."
        ),
        "description": (
            "Vi programmerer LED-armaturerne på de store veje til at dæmpe til 50 % om natten, hvor "
            "trafiktællingerne viser lav trafik. På stier og ved skoler bevarer vi fuldt lys. Vi kan bruge "
            "de trafiktal, vi allerede har fra signalanlæggene."
        ),
        "tags": ["smart lys", "data"],
        "values": {
            "citizens": (1, "Mindre lys ind ad vinduerne, men risiko for utryghed."),
            "quality": (2, "Bedre brug af data, vi allerede har."),
            "routines": (1, "Dæmpningen kører af sig selv, når den først er sat op."),
        },
        "concerns": (
            "Nogle borgere vil opleve det som mindre trygt. Politiet og kommunens trafiksikkerhedsfolk skal "
            "med i beslutningen."
        ),
        "status": "qualifying",
        "days_ago": 45,
        "responded_after_days": 3,
        "leader_message": (
            "Den passer lige ind i energi-udfordringen. Signe, vil du modne den sammen med Jesper og tage "
            "fat i trafiksikkerhedsfolkene?"
        ),
        "responsible": "Signe Holt",
        "qualification": {
            "benefit": "Forventet besparelse på 20-30 % af strømmen på de udvalgte veje.",
            "requirements": (
                "LED-armaturer med dæmpning (de fleste nye har det), trafiktal pr. vej og godkendelse fra "
                "trafiksikkerhed."
            ),
            "risks": "Borgere, der føler sig utrygge og klager, og ældre armaturer, der ikke kan dæmpes.",
            "measures": "Vi starter på tre veje uden fodgængere om natten og spørger beboerne før og efter.",
            "ready_to_test": False,
        },
        "supporters": 5,
        "comments": [
            (
                "Jesper Bak",
                "Armaturerne på Ringvejen kan allerede dæmpes – vi har bare aldrig slået det til.",
            ),
            ("Morten Friis", "Husk busstoppestederne – der skal lyset være fuldt."),
        ],
    },
    {
        "workplace": "lys-og-signal",
        "author": "Torben Ravn",
        "challenge": None,
        "title": "Tablet i servicebilen med kort over anlæg og fejlhistorik",
        "need": (
            "Når vi kører ud til en fejl, ved vi ikke, hvad der er lavet på anlægget før, og tegningerne "
            "ligger i ringbind på værkstedet."
        ),
        "description": (
            "Hver servicebil får en robust tablet med kommunens GIS-kort over alle lamper, skabe og "
            "signalanlæg. Trykker man på et anlæg, ser man tegninger, komponenter og tidligere fejl. Vi kan "
            "også lukke fejlmeldingen på stedet med et foto."
        ),
        "tags": ["tablet", "gis"],
        "values": {
            "citizens": (2, "Fejl bliver rettet første gang, fordi vi har de rigtige dele med."),
            "quality": (3, "Al viden om anlægget samlet ét sted."),
            "routines": (3, "Ingen ture tilbage efter tegninger og ingen papirsedler."),
        },
        "concerns": "Den skal kunne bruges med handsker og i regnvejr.",
        "status": "adopted",
        "days_ago": 350,
        "responded_after_days": 2,
        "leader_message": (
            "Indført i alle fire servicebiler. Stor tak til Torben, der har sørget for, at tegningerne kom "
            "ind i GIS."
        ),
        "responsible": "Torben Ravn",
        "qualification": {
            "benefit": "Hurtigere fejlretning og færre ture frem og tilbage.",
            "requirements": (
                "Fire robuste tablets, adgang til GIS i felten og indscanning af gamle tegninger."
            ),
            "risks": "Dårlig dækning og tablets, der går i stykker.",
            "measures": "Kortet kan gemmes offline, og der ligger en ekstra tablet på værkstedet.",
            "ready_to_test": True,
        },
        "supporters": 6,
        "comments": [
            ("Jesper Bak", "Det har sparet mig mindst en tur om dagen."),
            (
                "Kim Søndergaard",
                "Nu mangler vi kun, at de gamle skabe i Sydbyen kommer ind med deres tegninger.",
            ),
        ],
    },
    {
        "workplace": "lys-og-signal",
        "author": "Kim Søndergaard",
        "challenge": "fejlretning",
        "title": "QR-kode på signalskabe og lygtepæle, så borgerne kan melde fejl med præcis placering",
        "need": (
            "Når borgere melder fejl, skriver de fx 'lampen ved bageren', og vi bruger lang tid på at finde "
            "den rigtige. Nogle gange kører vi forgæves."
        ),
        "description": (
            "Vi sætter et lille skilt med QR-kode og nummer på lygtepæle og signalskabe. Når borgeren "
            "scanner koden, åbner kommunens fejlmeldingsformular med anlægsnummeret udfyldt, og borgeren kan "
            "vælge 'slukket', 'blinker' eller 'beskadiget'. Fejlen lander direkte i vores system."
        ),
        "tags": ["qr-kode", "app"],
        "values": {
            "citizens": (3, "Nemt at melde fejl, og de bliver rettet hurtigere."),
            "quality": (2, "Vi ved præcis, hvilket anlæg det drejer sig om."),
            "routines": (3, "Ingen forgæves ture og ingen tid på at lede."),
        },
        "concerns": "Skiltene kan blive revet af eller malet over. Ikke alle borgere bruger QR-koder.",
        "status": "adopted",
        "days_ago": 300,
        "responded_after_days": 1,
        "leader_message": (
            "Vi har nu mærket over 4.000 lygtepæle. Godt gået, Kim – og tak til alle, der har været med til "
            "at sætte skilte op."
        ),
        "responsible": "Kim Søndergaard",
        "qualification": {
            "benefit": "Præcise fejlmeldinger og hurtigere reparation.",
            "requirements": (
                "Skilte med QR-kode og nummer og en kobling mellem formularen og vores fejlsystem."
            ),
            "risks": "Hærværk på skiltene og borgere, der fortsat ringer.",
            "measures": "Skiltene sættes i 2,5 meters højde, og telefonen tager stadig imod fejlmeldinger.",
            "ready_to_test": True,
        },
        "supporters": 7,
        "comments": [
            ("Niels Mikkelsen", "Tallene viser, at 40 % af fejlmeldingerne nu kommer via QR-koden."),
            ("Morten Friis", "Vi mangler stadig pælene langs havnen. Jeg tager dem i næste uge."),
        ],
    },
    {
        "workplace": "lys-og-signal",
        "author": "Jesper Bak",
        "challenge": None,
        "title": "Radar i krydsene, der giver cyklisterne grønt tidligere i regnvejr",
        "need": (
            "Cyklisterne venter længe for rødt i de store kryds, og i regnvejr kører mange over for rødt. "
            "Bilerne får ofte grønt, selvom der ingen biler er."
        ),
        "description": (
            "Vi sætter radardetektorer op ved cykelstien i tre kryds på Skolevej, så signalet ved, når der "
            "kommer cyklister, og kan give dem grønt tidligere – især når regnsensoren måler nedbør. Der "
            "findes lignende løsninger i de store byer."
        ),
        "tags": ["sensorer", "data"],
        "values": {
            "citizens": (3, "Kortere ventetid og mere trafiksikkerhed for cyklister."),
            "quality": (2, "Signalet styres efter den faktiske trafik."),
            "routines": (1, "Færre klager over ventetid for cyklister."),
        },
        "concerns": (
            "Bilisterne får lidt længere ventetid, og vi skal være sikre på, at radaren ikke fejler i sne."
        ),
        "status": "qualifying",
        "days_ago": 100,
        "responded_after_days": 8,
        "leader_message": (
            "Spændende, Jesper. Vi modner den, og jeg har spurgt vejafdelingen om penge fra cykelpuljen."
        ),
        "responsible": "Jesper Bak",
        "qualification": {
            "benefit": "Kortere ventetid og færre cyklister, der kører over for rødt.",
            "requirements": "Radardetektorer i tre kryds, nye signalprogrammer og en regnsensor.",
            "risks": "Fejl i registreringen om vinteren og klager fra bilister.",
            "measures": "Vi tæller cyklister, der kører over for rødt, før og efter i et af krydsene.",
            "ready_to_test": True,
        },
        "supporters": 4,
        "comments": [
            ("Signe Holt", "Odense har gode erfaringer – jeg har skrevet til deres signalfolk."),
        ],
    },
    {
        "workplace": "lys-og-signal",
        "author": "Lars Bruun",
        "challenge": None,
        "title": "Skærm på værkstedet med åbne fejl, og hvor længe de har ventet",
        "need": (
            "Vi har ikke et fælles overblik over, hvilke fejl der er åbne, og hvor længe borgerne har "
            "ventet. Det afhænger af, hvem der lige har kigget i systemet."
        ),
        "description": (
            "En storskærm på værkstedet viser åbne fejl på et kort, farvet efter hvor længe de har været "
            "åbne, og hvor mange der blev lukket i går. Vi bruger den til morgenmødet."
        ),
        "tags": ["dashboard", "skærm"],
        "values": {
            "citizens": (2, "Fejl, der har ventet længe, bliver ikke glemt."),
            "quality": (2, "Vi kan se mønstre, fx anlæg der fejler igen og igen."),
            "routines": (2, "Morgenmødet bliver kortere og mere konkret."),
        },
        "concerns": "Det må ikke blive en måde at måle den enkelte montør på.",
        "status": "experimenting",
        "days_ago": 90,
        "responded_after_days": 1,
        "leader_message": (
            "Vi prøver den i to måneder ved morgenmøderne. Morten sætter den op sammen med Niels. Vi viser "
            "kun fejl – ikke hvem der har lukket dem."
        ),
        "responsible": "Morten Friis",
        "qualification": {
            "benefit": "Fælles overblik og færre glemte fejl.",
            "requirements": "En skærm på værkstedet og et udtræk fra fejlsystemet, som IT kan lave.",
            "risks": "At nogen oplever det som overvågning af den enkelte.",
            "measures": "Skærmen viser kun fejl og tider, ikke navne.",
            "ready_to_test": True,
        },
        "supporters": 4,
        "comments": [
            (
                "Torben Ravn",
                "Det virker godt. Vi fandt et skab, der havde haft fejl seks gange på to måneder.",
            ),
        ],
    },
    {
        "workplace": "lys-og-signal",
        "author": "Torben Ravn",
        "challenge": None,
        "title": "Drone til at inspicere de høje master ved sportspladserne og motorvejen",
        "need": (
            "Vi skal have en lift ud for at tjekke de høje master ved stadion og motorvejsafkørslerne. Det "
            "er dyrt og tager en hel dag."
        ),
        "description": (
            "Vi køber en drone med kamera og zoom, så vi kan inspicere masterne fra jorden og kun bestille "
            "lift, når der faktisk er noget at lave."
        ),
        "tags": ["drone", "kamera"],
        "values": {
            "citizens": (0, ""),
            "quality": (1, "Bedre billeder af toppen af masterne."),
            "routines": (2, "Færre dage med lift."),
        },
        "concerns": "Droneregler, certifikat og forsikring, og vi kan komme til at filme folk.",
        "status": "not_pursued",
        "days_ago": 200,
        "responded_after_days": 18,
        "leader_message": (
            "Tak, Torben. Vi går ikke videre med dronen: Vi har kun 22 høje master, og liften skal alligevel "
            "ud, når der skal skiftes noget. Droneførerbevis, forsikring og reglerne for at flyve ved "
            "motorvejen ville koste mere end de ture, vi sparer. Hvis vejafdelingen anskaffer en drone, "
            "spørger jeg, om vi kan låne den til de årlige eftersyn."
        ),
        "responsible": None,
        "qualification": None,
        "supporters": 2,
        "comments": [
            ("Kim Søndergaard", "Fair nok. Men spørg endelig vejafdelingen – de har vist talt om det."),
        ],
    },
    {
        "workplace": "lys-og-signal",
        "author": "Niels Mikkelsen",
        "challenge": None,
        "title": "Kameraer med kunstig intelligens, der tæller trafikanter i krydsene",
        "need": (
            "Vores signalplaner bygger på trafiktællinger, der er flere år gamle. Vi ved ikke, hvor mange "
            "fodgængere og cyklister der faktisk krydser."
        ),
        "description": (
            "Kameraer i de ti største kryds, der med kunstig intelligens tæller biler, cykler og fodgængere "
            "uden at gemme billeder. Tallene bruges til at justere signalplanerne, så de passer til den "
            "trafik, der er nu."
        ),
        "tags": ["kunstig intelligens", "kamera", "data"],
        "values": {
            "citizens": (2, "Signaler, der passer til den reelle trafik – også for fodgængere."),
            "quality": (3, "Beslutninger på et ordentligt grundlag."),
            "routines": (1, "Slipper for at bestille manuelle trafiktællinger."),
        },
        "concerns": (
            "Kameraer i det offentlige rum kræver klar hjemmel, og borgerne kan opleve det som overvågning, "
            "selvom billederne ikke gemmes."
        ),
        "status": "parked",
        "days_ago": 130,
        "responded_after_days": 10,
        "leader_message": (
            "Tak, Niels. Vi parkerer den, indtil kommunens databeskyttelsesrådgiver har lavet den fælles "
            "vurdering af kameraer i det offentlige rum, som er på vej til foråret. Hvis den åbner for "
            "løsninger, der behandler billederne i selve kameraet og kun sender tal, tager vi den op igen – "
            "og så skal vi også sørge for skiltning til borgerne."
        ),
        "responsible": None,
        "qualification": None,
        "supporters": 5,
        "comments": [
            ("Jesper Bak", "Radarerne fra cykel-idéen kan måske give os nogle af tallene uden kamera?"),
            ("Lars Bruun", "God pointe, Jesper. Vi ser på det sammen, når cykelforsøget er i gang."),
        ],
    },
    {
        "workplace": "lys-og-signal",
        "author": "Kim Søndergaard",
        "challenge": None,
        "title": "Foto af udført arbejde direkte fra telefonen ind på sagen",
        "need": (
            "Vi tager billeder af reparationer og skader på telefonen, men de bliver liggende der. Når der "
            "kommer en forsikringssag eller en klage, kan vi ikke finde dem."
        ),
        "description": (
            "En enkel måde at sende billederne fra telefonen direkte ind på fejlmeldingen eller sagen med "
            "dato og GPS-placering. Så ligger dokumentationen samme sted som resten."
        ),
        "tags": ["app", "gps"],
        "values": {
            "citizens": (1, "Hurtigere svar, når en borger klager over en skade."),
            "quality": (2, "Dokumentation ved skader og klager."),
            "routines": (2, "Ingen billeder liggende på private telefoner."),
        },
        "concerns": "Hvis der er personer eller nummerplader på billederne, skal vi passe på.",
        "status": "needs_info",
        "days_ago": 35,
        "responded_after_days": 6,
        "leader_message": (
            "Godt, Kim. Kan du beskrive, hvilke situationer det især handler om – skader efter påkørsler "
            "eller alle reparationer? Og tjek lige med Torben, om tabletten i bilen allerede kan det, for så "
            "handler det måske mest om oplæring."
        ),
        "responsible": None,
        "qualification": None,
        "supporters": 3,
        "comments": [
            ("Torben Ravn", "Tabletten kan godt vedhæfte fotos til fejlmeldingen, men telefonen kan ikke."),
        ],
    },
    {
        "workplace": "lys-og-signal",
        "author": "Jesper Bak",
        "challenge": "energi",
        "title": "Bevægelsessensorer på stierne, så lyset skruer op, når der kommer nogen",
        "need": (
            "Stierne gennem parken og langs åen er oplyst hele natten, selvom der kun kommer få forbi. Men "
            "når der kommer nogen, skal de føle sig trygge."
        ),
        "description": (
            "Lyset på stierne dæmpes til 20 % om natten og skruer op til fuldt lys, når en sensor opdager en "
            "fodgænger eller cyklist. Lyset tænder et par lamper frem, så man aldrig går ind i mørke."
        ),
        "tags": ["sensorer", "smart lys"],
        "values": {
            "citizens": (2, "Tryghed, når man færdes, og mindre lys ind i haverne."),
            "quality": (1, "Lyset bruges der, hvor der faktisk er nogen."),
            "routines": (0, ""),
        },
        "concerns": "Hvis sensoren fejler, står folk i mørke. Dyr kan også tænde lyset hele tiden.",
        "status": "qualifying",
        "days_ago": 35,
        "responded_after_days": 4,
        "leader_message": (
            "Flot bud på energi-udfordringen. Jesper, tag den videre sammen med Signe, så jeres to idéer "
            "hænger sammen."
        ),
        "responsible": "Jesper Bak",
        "qualification": {
            "benefit": "Stor strømbesparelse på stier med lidt trafik uden at gå på kompromis med trygheden.",
            "requirements": (
                "Armaturer med sensor eller trådløs styring på én sti som forsøg og information til borgerne."
            ),
            "risks": "Sensorfejl, der giver mørke, og dyr og grene, der udløser lyset.",
            "measures": "Lyset kan aldrig gå under 20 %, og ved fejl går lampen til fuldt lys.",
            "ready_to_test": False,
        },
        "supporters": 4,
        "comments": [
            ("Signe Holt", "Vi kan bruge stien langs åen – den har nye armaturer."),
            (
                "Niels Mikkelsen",
                "Fjernovervågningen fra Nordbyen kan også styre dæmpningen, hvis vi vælger samme system.",
            ),
        ],
    },
    {
        "workplace": "lys-og-signal",
        "author": "Signe Holt",
        "challenge": None,
        "title": "Stregkoder på reservedelene og scanning med telefonen",
        "need": (
            "Vi ved aldrig præcis, hvad vi har på lageret. Der ligger ofte dele i bilerne, som ingen har "
            "registreret, og vi bestiller dele hjem, vi allerede har."
        ),
        "description": (
            "Alle reservedele får en stregkode, og vi scanner med telefonen, når vi tager noget fra lageret "
            "eller lægger det i bilen. Så kan vi se beholdningen og få besked, når noget skal bestilles hjem."
        ),
        "tags": ["stregkode", "app"],
        "values": {
            "citizens": (1, "De rigtige dele er på lager, så fejl rettes hurtigere."),
            "quality": (1, "Vi har styr på, hvilke komponenter der sidder hvor."),
            "routines": (3, "Mindre tid på at lede og bestille."),
        },
        "concerns": "Det kræver disciplin at scanne hver gang, ellers passer tallene ikke.",
        "status": "new",
        "days_ago": 28,
        "responded_after_days": None,
        "leader_message": "",
        "responsible": None,
        "qualification": None,
        "supporters": 3,
        "comments": [
            ("Kim Søndergaard", "Ja tak. Jeg har lige bestilt 10 sikringer, og så fandt Torben 15 i bil 2."),
        ],
    },
    {
        "workplace": "lys-og-signal",
        "author": "Morten Friis",
        "challenge": "energi",
        "title": "Dashboard med energiforbruget for hvert styreskab",
        "need": (
            "Vi ved ikke, hvor strømmen til gadelyset bliver brugt. Regningen kommer samlet, så vi kan ikke "
            "se, hvor der er mest at spare."
        ),
        "description": (
            "Vi henter tallene fra de fjernaflæste målere i styreskabene og viser forbruget pr. skab på et "
            "kort. Så kan vi se, hvor der stadig er gamle lamper, og måle effekten, når vi dæmper eller "
            "udskifter."
        ),
        "tags": ["dashboard", "data"],
        "values": {
            "citizens": (1, "Sparede penge kan bruges på bedre lys andre steder."),
            "quality": (2, "Vi kan prioritere udskiftning der, hvor det giver mest."),
            "routines": (1, "Slipper for at regne forbruget ud i regneark."),
        },
        "concerns": "Vi skal have adgang til målerdata fra elselskabet, og det kan tage tid.",
        "status": "new",
        "days_ago": 12,
        "responded_after_days": 3,
        "leader_message": (
            "Tak, Morten – den kobler jeg til energi-udfordringen. Jeg vender tilbage, når jeg har talt med "
            "økonomi om målerdata."
        ),
        "responsible": None,
        "qualification": None,
        "supporters": 2,
        "comments": [],
    },
    {
        "workplace": "autismecenter-kastanjehuset",
        "author": "Maria Jepsen",
        "challenge": "forudsigelighed",
        "title": "Dagsplan med piktogrammer i en app på beboernes tablets",
        "need": (
            "Vores dagsplaner er laminerede piktogrammer på en tavle. Når noget ændrer sig, skal vi lave "
            "nye, og beboerne kan ikke tage planen med, når de er ude."
        ),
        "description": (
            "Hver beboer, der har lyst, får sin dagsplan i en piktogram-app på tablet eller telefon. Vi kan "
            "ændre planen fra kontoret, og appen viser, hvad der sker nu, og hvad der kommer bagefter. "
            "Beboeren kan selv krydse af, når en aktivitet er færdig."
        ),
        "tags": ["piktogrammer", "app", "tablet"],
        "values": {
            "citizens": (3, "Beboerne har planen med sig overalt og ved, hvad der skal ske."),
            "quality": (3, "Planen kan tilpasses hver beboer og ændres med det samme."),
            "routines": (2, "Ingen laminering og udskrivning af nye piktogrammer."),
        },
        "concerns": (
            "Ikke alle beboere kan lide skærme, så tavlen skal blive for dem, der foretrækker den. Ændringer "
            "i appen skal også fortælles personligt."
        ),
        "status": "adopted",
        "days_ago": 280,
        "responded_after_days": 5,
        "leader_message": (
            "Nu i brug hos syv beboere. Tak til Maria og til de pårørende, der har hjulpet med at tilpasse "
            "billederne."
        ),
        "responsible": "Maria Jepsen",
        "qualification": {
            "benefit": "Mere forudsigelighed og selvstændighed, også uden for huset.",
            "requirements": (
                "Licens til en piktogram-app, tablets til de beboere, der ønsker det, og en fast "
                "kontaktperson, der vedligeholder planen."
            ),
            "risks": (
                "At ændringer kun sker i appen uden at blive forklaret, og at nogle beboere bliver for "
                "afhængige af skærmen."
            ),
            "measures": (
                "Hver beboer har en kontaktperson for planen, og vi følger op på trivslen efter en måned."
            ),
            "ready_to_test": True,
        },
        "supporters": 7,
        "comments": [
            (
                "Helle Poulsen",
                (
                    "En af mine beboere har for første gang selv taget bussen til værkstedet med planen i "
                    "hånden."
                ),
            ),
            (
                "Susanne Krogh",
                (
                    "Husk, at planen er beboerens – vi ændrer den **sammen med** dem, ikke hen over hovedet "
                    "på dem."
                ),
            ),
        ],
    },
    {
        "workplace": "autismecenter-kastanjehuset",
        "author": "Thomas Brandt",
        "challenge": None,
        "title": "Korte videoer, der viser trin for trin, hvordan man vasker tøj eller laver mad",
        "need": (
            "Flere beboere vil gerne klare mere selv, men skriftlige og mundtlige instruktioner er svære at "
            "huske. Hver medarbejder forklarer også tingene lidt forskelligt."
        ),
        "description": (
            "Vi optager korte videoer uden tale, der viser én opgave i små trin, fx at starte vaskemaskinen "
            "eller smøre en madpakke. Beboeren kan se videoen på sin tablet og stoppe efter hvert trin. Vi "
            "optager i beboernes egne køkkener, så det ligner det, de kender."
        ),
        "tags": ["video", "tablet"],
        "values": {
            "citizens": (3, "Beboerne bliver mere selvhjulpne."),
            "quality": (3, "Ens instruktion, uanset hvem der er på vagt."),
            "routines": (1, "Mindre gentagen guidning over tid."),
        },
        "concerns": (
            "Beboere og kolleger må ikke være med i videoerne uden samtykke. Videoerne skal ligge i "
            "kommunens system, ikke på YouTube."
        ),
        "status": "experimenting",
        "days_ago": 150,
        "responded_after_days": 6,
        "leader_message": (
            "Vi prøver det med tre beboere frem til jul. Thomas har ansvaret og laver en kort evaluering "
            "sammen med beboerne."
        ),
        "responsible": "Thomas Brandt",
        "qualification": {
            "benefit": "Større selvstændighed i hverdagens opgaver og ens guidning.",
            "requirements": (
                "Tablets, et stativ og tid til at optage og redigere samt sikker opbevaring i kommunens "
                "system."
            ),
            "risks": "Personer i videoerne uden samtykke og videoer, der passer dårligt til den enkelte.",
            "measures": "Kun hænder og ting i billedet. Videoerne laves sammen med beboeren.",
            "ready_to_test": True,
        },
        "supporters": 5,
        "comments": [
            ("Oliver Schmidt", "Vaskemaskine-videoen er et hit. Kan vi lave en til opvaskemaskinen?"),
            ("Pernille Due", "Tip: Hold hvert trin under 20 sekunder, ellers mister de tråden."),
        ],
    },
    {
        "workplace": "autismecenter-kastanjehuset",
        "author": "Nadia Hansen",
        "challenge": None,
        "title": "Smarte lamper i værelserne, som beboeren selv kan styre med piktogrammer",
        "need": (
            "Mange af vores beboere er meget følsomme over for lys. De skal bede os om at tænde, slukke "
            "eller dæmpe, og det giver både afhængighed og konflikter om aftenen."
        ),
        "description": (
            "Vi installerer smarte pærer, som beboeren kan styre fra tabletten med store piktogrammer: "
            "'hyggelys', 'læselys', 'slukket'. Vi kan også lave en fast aftenrutine, hvor lyset langsomt "
            "dæmpes frem mod sengetid."
        ),
        "tags": ["smart lys", "piktogrammer", "tablet"],
        "values": {
            "citizens": (3, "Beboerne kan selv styre deres omgivelser."),
            "quality": (2, "Bedre døgnrytme og færre konflikter om aftenen."),
            "routines": (1, "Færre opgaver med lys om aftenen."),
        },
        "concerns": (
            "Det trådløse netværk i huset er ikke stabilt. Nogle beboere kan blive optaget af at tænde og "
            "slukke hele tiden."
        ),
        "status": "qualifying",
        "days_ago": 85,
        "responded_after_days": 7,
        "leader_message": (
            "Rigtig god idé, der giver beboerne mere selvbestemmelse. Nadia, modn den sammen med Rasmus, som "
            "ved noget om netværket."
        ),
        "responsible": "Nadia Hansen",
        "qualification": {
            "benefit": "Mere selvbestemmelse og ro i aftentimerne.",
            "requirements": (
                "Smarte pærer og en styreboks, stabilt wifi i boligerne og en app med enkle piktogrammer."
            ),
            "risks": "Ustabilt netværk, og at enkelte beboere får et tvangspræget forbrug.",
            "measures": (
                "Vi afprøver det i to boliger hos beboere, der selv har ønsket det, og de almindelige "
                "kontakter bliver siddende."
            ),
            "ready_to_test": False,
        },
        "supporters": 4,
        "comments": [
            ("Rasmus Vinther", "Netværket i B-fløjen er dårligt, men A-fløjen er fin. Vi kan starte der."),
            ("Charlotte Riis", "Det ville betyde meget for en af mine beboere, som hader loftslampen."),
        ],
    },
    {
        "workplace": "autismecenter-kastanjehuset",
        "author": "Helle Poulsen",
        "challenge": "kommunikation",
        "title": "Talende tablet (ASK-app) til beboere uden talesprog",
        "need": (
            "Flere beboere kan ikke fortælle os, hvad de vil, eller at de har ondt. Vi gætter, og det ender "
            "tit med frustration og selvskade."
        ),
        "description": (
            "Vi giver beboere uden talesprog en tablet med en ASK-app (alternativ og supplerende "
            "kommunikation), hvor de trykker på billeder, og tabletten siger ordene højt. Vi bygger "
            "ordforrådet op sammen med beboeren og de pårørende med billeder af deres egne ting og steder."
        ),
        "tags": ["tablet", "app", "piktogrammer"],
        "values": {
            "citizens": (3, "Beboerne får en stemme og kan sige til og fra."),
            "quality": (3, "Vi forstår beboerne bedre og kan handle på deres egne ønsker."),
            "routines": (1, "Mindre tid på at gætte, hvad beboeren vil."),
        },
        "concerns": (
            "Det tager lang tid at bygge et godt ordforråd, og alle kolleger skal kunne bruge det – også "
            "vikarer."
        ),
        "status": "adopted",
        "days_ago": 95,
        "responded_after_days": 2,
        "leader_message": (
            "Nu i fast brug hos fire beboere. Stor tak til Helle og til kommunikationscentret, der har "
            "hjulpet med opsætningen."
        ),
        "responsible": "Helle Poulsen",
        "qualification": {
            "benefit": "Beboere uden talesprog kan udtrykke ønsker, behov og smerte.",
            "requirements": (
                "ASK-app og tablets via hjælpemiddelområdet, samarbejde med kommunikationscentret og "
                "oplæring af alle."
            ),
            "risks": "At ordforrådet bliver for lille, eller at kun få kolleger bruger det.",
            "measures": (
                "Helle holder korte oplæringer på personalemøderne, og vi laver en 'førstehjælpsseddel' til "
                "vikarer."
            ),
            "ready_to_test": True,
        },
        "supporters": 7,
        "comments": [
            (
                "Jakob Lind",
                "I går trykkede en beboer 'ondt' og 'tand'. Det havde vi aldrig fundet ud af ellers.",
            ),
            (
                "Maria Jepsen",
                "Vi skal huske at bruge tabletten selv, når vi taler med dem – så lærer de den hurtigere.",
            ),
            ("Susanne Krogh", "Det her er præcis det, udfordringen handler om. Tak til alle."),
        ],
    },
    {
        "workplace": "autismecenter-kastanjehuset",
        "author": "Jakob Lind",
        "challenge": "forudsigelighed",
        "title": "Ur med vibration og nedtælling, der varsler skift mellem aktiviteter",
        "need": (
            "Skift mellem aktiviteter er svære. Når vi siger 'om lidt skal vi', ved beboeren ikke, hvor lang "
            "tid 'lidt' er, og det skaber uro."
        ),
        "description": (
            "Beboeren bærer et smartur, der viser en nedtælling som en cirkel, der bliver mindre, og "
            "vibrerer fem minutter før et skift. Urets plan hænger sammen med piktogram-appen, så det er de "
            "samme billeder."
        ),
        "tags": ["smartur", "piktogrammer", "app"],
        "values": {
            "citizens": (3, "Beboeren kan forberede sig og får færre overraskelser."),
            "quality": (2, "Færre konflikter ved skift."),
            "routines": (1, "Vi skal ikke varsle hvert skift mundtligt."),
        },
        "concerns": (
            "Nogle beboere tåler ikke at have noget om håndleddet. Uret skal oplades hver dag, og det kan "
            "blive glemt."
        ),
        "status": "experimenting",
        "days_ago": 175,
        "responded_after_days": 4,
        "leader_message": (
            "Vi afprøver det hos tre beboere i tre måneder. Jakob er ansvarlig og skriver i læringsloggen "
            "hver uge."
        ),
        "responsible": "Jakob Lind",
        "qualification": {
            "benefit": "Roligere overgange og mindre uro.",
            "requirements": (
                "Tre smarture, der kan kobles til piktogram-appen, og faste rutiner for opladning."
            ),
            "risks": "Ubehag ved at bære uret og glemt opladning.",
            "measures": "Beboeren prøver uret i korte perioder først, og opladning kommer på aftenplanen.",
            "ready_to_test": True,
        },
        "supporters": 5,
        "comments": [
            ("Charlotte Riis", "En af beboerne vil hellere have den i lommen – kan den vibrere der?"),
            ("Jakob Lind", "Ja, vi prøver med en lille timer-brik i lommen til ham i stedet."),
        ],
    },
    {
        "workplace": "autismecenter-kastanjehuset",
        "author": "Charlotte Riis",
        "challenge": None,
        "title": "Skærm i fællesrummet med billeder af, hvem der er på vagt i dag",
        "need": (
            "Beboerne spørger mange gange om dagen, hvem der kommer på vagt. Når der kommer en vikar uden "
            "varsel, kan det give en hel dag med uro."
        ),
        "description": (
            "En skærm i fællesrummet viser billeder af de medarbejdere, der er på arbejde nu, og hvem der "
            "kommer til aften. Den henter oplysningerne fra vagtplanen. Kommer der en vikar, vises billede "
            "og fornavn, så beboerne kan forberede sig."
        ),
        "tags": ["skærm", "dashboard"],
        "values": {
            "citizens": (3, "Beboerne ved, hvem de skal være sammen med."),
            "quality": (2, "Færre konflikter ved vagtskifte."),
            "routines": (2, "Vi slipper for at svare på det samme spørgsmål mange gange."),
        },
        "concerns": (
            "Medarbejdere og vikarer skal give samtykke til, at deres billede bruges. Skærmen må ikke vise, "
            "hvem der er syg."
        ),
        "status": "qualifying",
        "days_ago": 50,
        "responded_after_days": 12,
        "leader_message": (
            "God idé, Charlotte. Vi skal have styr på samtykket fra medarbejdere og vikarbureauet, så jeg "
            "har bedt Oliver hjælpe dig med at undersøge, om vagtplanen kan bruges."
        ),
        "responsible": "Charlotte Riis",
        "qualification": {
            "benefit": "Mere forudsigelighed omkring vagtskifte og vikarer.",
            "requirements": "En skærm, en kobling til vagtplanen og samtykke fra alle medarbejdere.",
            "risks": "Manglende samtykke og forkerte oplysninger på skærmen.",
            "measures": (
                "Kun fornavn og billede, intet om fravær. Vi kan starte med at opdatere den i hånden hver "
                "morgen."
            ),
            "ready_to_test": False,
        },
        "supporters": 6,
        "comments": [
            (
                "Oliver Schmidt",
                (
                    "Vagtplanssystemet kan eksportere dagens vagter, men ikke billeder. Dem kan vi lægge ind "
                    "selv."
                ),
            ),
            ("Pernille Due", "Jeg giver gerne samtykke til mit billede."),
        ],
    },
    {
        "workplace": "autismecenter-kastanjehuset",
        "author": "Pernille Due",
        "challenge": None,
        "title": "Digital beskedbog til pårørende i stedet for kinabogen",
        "need": (
            "Vi skriver beskeder til de pårørende i en kinabog, der følger beboeren hjem i weekenden. Den "
            "bliver glemt, og de pårørende kan ikke skrive tilbage i hverdagen."
        ),
        "description": (
            "En sikker app, hvor vi og de pårørende kan skrive korte beskeder og dele et billede fra dagen, "
            "hvis beboeren ønsker det. Beboeren kan også selv bidrage med piktogrammer. Vi deler kun det, "
            "beboeren har sagt ja til."
        ),
        "tags": ["app", "chat"],
        "values": {
            "citizens": (2, "Bedre samarbejde med de pårørende og mere sammenhæng."),
            "quality": (2, "Vigtig viden går ikke tabt mellem hjemmet og bostedet."),
            "routines": (2, "Mindre tid i telefonen med pårørende."),
        },
        "concerns": (
            "Det er følsomme oplysninger, og beboerne er voksne: De skal selv give samtykke til, hvad der "
            "deles. Forventninger om hurtige svar kan også stresse."
        ),
        "status": "qualifying",
        "days_ago": 65,
        "responded_after_days": 9,
        "leader_message": (
            "Vi modner den sammen med pårørenderådet. Pernille, vil du undersøge, om kommunens sikre "
            "beskedløsning kan bruges?"
        ),
        "responsible": "Pernille Due",
        "qualification": {
            "benefit": "Bedre dialog med de pårørende og færre misforståelser.",
            "requirements": (
                "En løsning, der er godkendt til følsomme oplysninger, og en samtykkeerklæring for hver "
                "beboer."
            ),
            "risks": "Deling uden beboerens samtykke og forventning om svar døgnet rundt.",
            "measures": (
                "Beboeren bestemmer selv, hvad der deles, og vi skriver tydeligt, at beskeder besvares i "
                "dagtimerne."
            ),
            "ready_to_test": False,
        },
        "supporters": 4,
        "comments": [
            ("Maria Jepsen", "Nogle pårørende har svært ved apps – kinabogen skal nok blive hos dem."),
        ],
    },
    {
        "workplace": "autismecenter-kastanjehuset",
        "author": "Oliver Schmidt",
        "challenge": None,
        "title": "Sensor i sengen, der varsler ved epileptiske anfald om natten",
        "need": (
            "To beboere har epileptiske anfald om natten. Nattevagten går runde hver time, og det forstyrrer "
            "beboernes søvn – og vi kan stadig risikere at overse et anfald."
        ),
        "description": (
            "En sensor under madrassen, der registrerer de rystelser, et anfald giver, og sender en alarm "
            "til nattevagtens telefon. Så kan vi gå sjældnere ind og forstyrre og alligevel komme hurtigt, "
            "når der sker noget."
        ),
        "tags": ["sensorer", "alarm"],
        "values": {
            "citizens": (3, "Bedre søvn og hurtigere hjælp ved anfald."),
            "quality": (2, "Mere sikkerhed om natten."),
            "routines": (2, "Færre natlige runder."),
        },
        "concerns": (
            "Falske alarmer kan gøre nattevagten utryg. Det kræver en vurdering fra hjælpemiddelområdet og "
            "samtykke fra beboerne."
        ),
        "status": "parked",
        "days_ago": 140,
        "responded_after_days": 16,
        "leader_message": (
            "Vigtigt forslag, Oliver. Vi har parkeret det, fordi anfaldsalarmer bevilges som hjælpemiddel "
            "til den enkelte beboer, og ansøgningerne ligger nu i hjælpemiddelområdet – vi kan ikke selv "
            "købe dem. Når afgørelserne kommer (forventet om et par måneder), tager vi den op igen og laver "
            "en plan for, hvordan nattevagten bruger alarmen."
        ),
        "responsible": None,
        "qualification": None,
        "supporters": 6,
        "comments": [
            ("Rasmus Vinther", "Jeg har ringet til hjælpemiddelområdet – de har modtaget begge ansøgninger."),
        ],
    },
    {
        "workplace": "autismecenter-kastanjehuset",
        "author": "Rasmus Vinther",
        "challenge": None,
        "title": "360-graders video af nye steder, så beboerne kan se dem, før vi tager derhen",
        "need": (
            "Besøg hos tandlæge, læge eller på et nyt ferieophold giver ofte stor angst, fordi beboerne ikke "
            "ved, hvordan der ser ud."
        ),
        "description": (
            "Vi optager en 360-graders video af stedet, fx venteværelset og behandlerstolen, og beboeren kan "
            "se den flere gange på tabletten eller med VR-briller. Så kender de stedet, når de kommer."
        ),
        "tags": ["video", "vr", "tablet"],
        "values": {
            "citizens": (3, "Mindre angst for nye steder."),
            "quality": (2, "Bedre forberedelse af besøg."),
            "routines": (1, "Færre aflyste besøg, der skal bookes om."),
        },
        "concerns": (
            "Vi skal have lov af tandlægen og de andre steder til at filme, og ingen andre patienter må "
            "komme med i billedet. VR-briller passer ikke til alle."
        ),
        "status": "new",
        "days_ago": 10,
        "responded_after_days": 2,
        "leader_message": "Tak, Rasmus – en god idé. Jeg tager den med til teammødet på torsdag.",
        "responsible": None,
        "qualification": None,
        "supporters": 4,
        "comments": [
            (
                "Thomas Brandt",
                (
                    "Tandlægen her i byen har allerede en video på deres hjemmeside. Måske kan vi starte med "
                    "den."
                ),
            ),
        ],
    },
    {
        "workplace": "autismecenter-kastanjehuset",
        "author": "Thomas Brandt",
        "challenge": None,
        "title": "GPS-sporing af beboere, når de går ture alene",
        "need": (
            "Nogle beboere vil gerne gå ture alene, men vi er bange for, at de farer vild. I dag siger vi "
            "tit nej, eller vi må gå med."
        ),
        "description": (
            "Beboeren har en lille GPS-enhed i lommen, så vi kan se i en app, hvor de er, og få besked, hvis "
            "de går uden for et aftalt område."
        ),
        "tags": ["gps", "app"],
        "values": {
            "citizens": (2, "Flere kunne gå ture alene."),
            "quality": (1, "Lidt mere ro for personalet."),
            "routines": (1, "Vi skal ikke altid følge med på ture."),
        },
        "concerns": "Det er et indgreb i beboerens selvbestemmelse og kan være magtanvendelse.",
        "status": "not_pursued",
        "days_ago": 120,
        "responded_after_days": 10,
        "leader_message": (
            "Tak, Thomas – formålet er det rigtige: Flere beboere skal kunne gå ture alene. Men at spore "
            "voksne uden deres eget informerede samtykke kræver en afgørelse efter reglerne om "
            "magtanvendelse, og det står ikke mål med formålet her. Vi går derfor ikke videre med idéen i "
            "denne form. For de beboere, der selv kan give samtykke, kan vi i stedet se på en 'find min "
            "telefon'-løsning, som de selv styrer – tag det gerne op med den enkelte beboer og "
            "kontaktpersonen."
        ),
        "responsible": None,
        "qualification": None,
        "supporters": 2,
        "comments": [
            ("Nadia Hansen", "Enig. Vi kan øve ruterne sammen med beboerne med piktogram-appen i stedet."),
        ],
    },
    {
        "workplace": "autismecenter-kastanjehuset",
        "author": "Maria Jepsen",
        "challenge": "kommunikation",
        "title": "Humør-tjek på tabletten med farver og ansigter",
        "need": (
            "Det er svært for flere beboere at sige, hvordan de har det, før det bliver til en nedsmeltning. "
            "Vi opdager tit uroen for sent."
        ),
        "description": (
            "En enkel app, hvor beboeren morgen og eftermiddag trykker på en farve eller et ansigt for, "
            "hvordan de har det. Kontaktpersonen kan se mønstre over uger, fx om mandage eller bestemte "
            "aktiviteter er svære."
        ),
        "tags": ["app", "tablet", "piktogrammer"],
        "values": {
            "citizens": (3, "Beboerne får en ny måde at sige fra på."),
            "quality": (2, "Vi kan handle tidligere og se mønstre."),
            "routines": (1, "Overlevering mellem vagter bliver lettere."),
        },
        "concerns": (
            "Oplysninger om beboernes humør er følsomme. Det må ikke blive et skema, beboerne føler, de skal "
            "udfylde for vores skyld."
        ),
        "status": "needs_info",
        "days_ago": 20,
        "responded_after_days": 4,
        "leader_message": (
            "Spændende, Maria. Kan du uddybe, hvem der skal se oplysningerne, og hvor de gemmes? Og har du "
            "talt med en eller to beboere om, hvorvidt de har lyst? Så tager vi den op på næste teammøde."
        ),
        "responsible": None,
        "qualification": None,
        "supporters": 3,
        "comments": [
            (
                "Helle Poulsen",
                "ASK-appen har allerede en side med følelser. Måske kan vi bygge videre på den?",
            ),
        ],
    },
    {
        "workplace": "autismecenter-kastanjehuset",
        "author": "Oliver Schmidt",
        "challenge": None,
        "title": "Tale til tekst, når vi skriver dagbogsnotater",
        "need": (
            "Vi bruger op mod en time om dagen på at skrive dagbogsnotater i omsorgssystemet. Den tid vil vi "
            "hellere bruge sammen med beboerne."
        ),
        "description": (
            "Vi indtaler notatet på telefonen lige efter en situation, og kunstig intelligens laver det om "
            "til tekst, som vi retter til og gemmer i omsorgssystemet. Det kunne også hjælpe kolleger med "
            "ordblindhed."
        ),
        "tags": ["kunstig intelligens", "tale til tekst"],
        "values": {
            "citizens": (2, "Mere tid sammen med beboerne."),
            "quality": (2, "Mere præcise notater, skrevet mens vi husker det."),
            "routines": (3, "Sparer tid på dokumentation hver dag."),
        },
        "concerns": (
            "Lyden og teksten indeholder følsomme oplysninger, så løsningen skal være godkendt af kommunen. "
            "Man kan ikke indtale i fællesrummet, hvor beboerne hører det."
        ),
        "status": "new",
        "days_ago": 24,
        "responded_after_days": None,
        "leader_message": "",
        "responsible": None,
        "qualification": None,
        "supporters": 5,
        "comments": [
            ("Jakob Lind", "Ja tak. Vi kunne starte med aftenvagterne, hvor der er mest at skrive."),
        ],
    },
    {
        "workplace": "autismecenter-kastanjehuset",
        "author": "Nadia Hansen",
        "challenge": "kommunikation",
        "title": "Højttaler med stemmestyring, hvor beboeren kan spørge om dagens program",
        "need": (
            "Nogle beboere spørger om dagens program mange gange og bliver urolige, hvis der ikke lige er en "
            "voksen ved hånden til at svare."
        ),
        "description": (
            "En smart højttaler i boligen, hvor beboeren kan sige 'Hvad skal jeg i dag?' og få dagsplanen "
            "læst op fra piktogram-appen. Den kan også spille beroligende musik eller lyde, som beboeren "
            "selv vælger."
        ),
        "tags": ["lyd", "app"],
        "values": {
            "citizens": (2, "Beboeren kan selv få svar når som helst."),
            "quality": (1, "Samme svar hver gang, uanset hvem der er på vagt."),
            "routines": (1, "Færre gentagne spørgsmål til personalet."),
        },
        "concerns": (
            "Smarte højttalere lytter hele tiden, og mange sender lyd til servere uden for EU. Det er et "
            "stort problem i et hjem."
        ),
        "status": "new",
        "days_ago": 4,
        "responded_after_days": None,
        "leader_message": "",
        "responsible": None,
        "qualification": None,
        "supporters": 1,
        "comments": [],
    },
    {
        "workplace": "autismecenter-kastanjehuset",
        "author": "Charlotte Riis",
        "challenge": None,
        "title": "Interaktivt sansegulv med projektor i sanserummet",
        "need": (
            "Sanserummet bliver ikke brugt meget, fordi det er det samme hver gang. Flere beboere har brug "
            "for at få afløb for energi på en rolig måde."
        ),
        "description": (
            "En projektor i loftet, der viser billeder på gulvet, som reagerer, når man bevæger sig – fx "
            "blade, der flyver væk, eller vand, der bølger. Programmerne kan vælges efter, om beboeren har "
            "brug for ro eller aktivitet."
        ),
        "tags": ["projektor", "sensorer"],
        "values": {
            "citizens": (3, "Sjov og sanselig aktivitet, også for beboere med få andre muligheder."),
            "quality": (2, "Kan bruges målrettet til at regulere sanserne."),
            "routines": (0, ""),
        },
        "concerns": "Det er dyrt – omkring 60.000 kr. – og nogle beboere kan blive overstimulerede.",
        "status": "parked",
        "days_ago": 230,
        "responded_after_days": 14,
        "leader_message": (
            "Tak, Charlotte. Vi har ikke pengene i år, så idéen er parkeret. Jeg har søgt en lokal fond om "
            "støtte og får svar i foråret. Får vi pengene, tager vi den op igen og laver en plan for, hvilke "
            "beboere der skal prøve gulvet først. Indtil da kan vi låne et mobilt sansegulv fra dagcentret "
            "en uge ad gangen."
        ),
        "responsible": None,
        "qualification": None,
        "supporters": 5,
        "comments": [
            ("Oliver Schmidt", "Jeg har talt med dagcentret – vi kan låne deres i næste måned."),
        ],
    },
    {
        "workplace": "borgerservice",
        "author": "Dorthe Lassen",
        "challenge": "digital-hjaelp",
        "title": "Video-vejledning til MitID på skærmen i venteområdet",
        "need": (
            "Mange borgere venter i op til 20 minutter og kommer så til skranken med spørgsmål om "
            "MitID-appen, som vi forklarer på præcis samme måde hver gang."
        ),
        "description": (
            "Vi viser korte videoer med undertekster på skærmen i venteområdet: 'Sådan skifter du telefon "
            "med MitID', 'Sådan læser du din Digital Post' osv. Ved siden af skærmen hænger QR-koder, så "
            "borgeren kan se videoen igen derhjemme."
        ),
        "tags": ["video", "skærm", "mitid"],
        "values": {
            "citizens": (2, "Borgerne lærer noget, mens de venter, og kan se det igen derhjemme."),
            "quality": (1, "Borgerne får den samme korrekte forklaring hver gang."),
            "routines": (2, "Kortere samtaler ved skranken om de samme ting."),
        },
        "concerns": "Lyden må ikke genere i venteområdet, så alt skal kunne forstås med undertekster.",
        "status": "adopted",
        "days_ago": 300,
        "responded_after_days": 3,
        "leader_message": (
            "Videoerne kører nu fast i venteområdet, og vi opdaterer dem, når MitID ændrer sig. Tak til "
            "Dorthe og Christian."
        ),
        "responsible": "Dorthe Lassen",
        "qualification": {
            "benefit": "Borgerne bliver bedre rustet, og vi bruger mindre tid på de samme forklaringer.",
            "requirements": (
                "Skærmen findes allerede; vi bruger de officielle videoer om MitID og Digital Post og laver "
                "selv et par korte."
            ),
            "risks": "Forældede videoer, når appen ændrer sig.",
            "measures": "Christian gennemgår videoerne hvert kvartal.",
            "ready_to_test": True,
        },
        "supporters": 6,
        "comments": [
            (
                "Christian Hald",
                (
                    "Jeg har tilføjet en video om, hvordan man får post fra det offentlige på papir – den "
                    "bliver set meget."
                ),
            ),
            ("Hanne Juul", "Kan vi få dem med arabiske og ukrainske undertekster?"),
        ],
    },
    {
        "workplace": "borgerservice",
        "author": "Katrine Lynge",
        "challenge": None,
        "title": "Korte videoer om MitID og Digital Post i ventesalen",
        "need": (
            "Borgerne i ventesalen sidder bare og venter, og mange har spørgsmål om MitID og Digital Post, "
            "som vi kunne svare på, før de kommer til skranken."
        ),
        "description": (
            "Vi kunne vise små videoer på en skærm i ventesalen om, hvordan man bruger MitID og Digital "
            "Post. Så er borgerne bedre forberedt, når det bliver deres tur."
        ),
        "tags": ["video", "skærm", "mitid"],
        "values": {
            "citizens": (2, "Borgerne bliver klogere, mens de venter."),
            "quality": (1, "Den samme forklaring til alle."),
            "routines": (2, "Kortere tid ved skranken."),
        },
        "concerns": "",
        "status": "new",
        "days_ago": 6,
        "responded_after_days": None,
        "leader_message": "",
        "responsible": None,
        "qualification": None,
        "supporters": 0,
        "comments": [
            (
                "Dorthe Lassen",
                (
                    "Hej Katrine – det kører faktisk allerede på skærmen ved indgang B. Men vi mangler "
                    "videoer til skærmen oppe ved pas og kørekort, hvis du vil tage den?"
                ),
            ),
        ],
        "duplicate_of": "Video-vejledning til MitID på skærmen i venteområdet",
    },
    {
        "workplace": "borgerservice",
        "author": "Søren Eriksen",
        "challenge": None,
        "title": "Tidsbestilling på nettet med SMS-påmindelse til pas og kørekort",
        "need": (
            "Borgere møder op og venter længe på at få lavet pas, og nogle går igen uden at være blevet "
            "betjent. Vi har travlt om morgenen og næsten ingenting om eftermiddagen."
        ),
        "description": (
            "Borgerne bestiller selv en tid på kommunens hjemmeside til pas og kørekort og får en SMS dagen "
            "før med, hvad de skal have med (gammelt pas, foto osv.). Vi holder stadig en åben skranke til "
            "dem, der ikke kan bestille selv."
        ),
        "tags": ["booking", "sms"],
        "values": {
            "citizens": (3, "Ingen ventetid, og borgerne har det rigtige med."),
            "quality": (2, "Færre sager, der må laves om, fordi noget mangler."),
            "routines": (3, "Jævnere travlhed hen over dagen."),
        },
        "concerns": (
            "Borgere, der ikke er digitale, må ikke blive tabere. Der er også risiko for, at folk ikke "
            "dukker op."
        ),
        "status": "adopted",
        "days_ago": 340,
        "responded_after_days": 2,
        "leader_message": (
            "Fast ordning nu, og ventetiden for pas er faldet markant. Tak til Søren, der styrede det hele."
        ),
        "responsible": "Søren Eriksen",
        "qualification": {
            "benefit": "Kortere ventetid og bedre forberedte borgere.",
            "requirements": (
                "Et bookingsystem koblet til kommunens hjemmeside og en SMS-tjeneste samt en omlagt vagtplan."
            ),
            "risks": "Ikke-digitale borgere bliver sorteret fra, og udeblivelser spilder tider.",
            "measures": (
                "Åben skranke hver formiddag og mulighed for at bestille tid over telefonen. SMS-påmindelsen "
                "mindsker udeblivelser."
            ),
            "ready_to_test": True,
        },
        "supporters": 7,
        "comments": [
            ("Yasmin Ali", "Udeblivelserne er faldet fra ca. 15 % til 5 % efter SMS-påmindelsen."),
            ("Ib Mølgaard", "De ældre borgere er glade for, at de stadig kan ringe og få en tid."),
        ],
    },
    {
        "workplace": "borgerservice",
        "author": "Frederik Munk",
        "challenge": "ventetid",
        "title": "Chatbot på hjemmesiden til de hyppigste spørgsmål om pas og kørekort",
        "need": (
            "En stor del af opkaldene handler om de samme ting: Hvad koster et pas, hvor lang tid tager det, "
            "hvad skal jeg have med? Borgerne sidder i kø for at få svar, der står på hjemmesiden."
        ),
        "description": (
            "En chatbot på hjemmesiden, der svarer på de 20 mest stillede spørgsmål ud fra vores egne "
            "tekster og linker til tidsbestilling. Hvis den ikke kan svare, tilbyder den, at vi ringer "
            "borgeren op. Den må ikke svare på spørgsmål om den enkeltes sag."
        ),
        "tags": ["chat", "kunstig intelligens"],
        "values": {
            "citizens": (2, "Svar døgnet rundt på enkle spørgsmål."),
            "quality": (1, "Ens svar, når de bygger på vores egne tekster."),
            "routines": (2, "Færre opkald om det, der står på hjemmesiden."),
        },
        "concerns": (
            "Kunstig intelligens kan finde på forkerte svar, og borgerne kan skrive CPR-numre og personlige "
            "oplysninger i chatten. Ældre borgere kan opleve den som endnu en digital mur."
        ),
        "status": "qualifying",
        "days_ago": 40,
        "responded_after_days": 6,
        "leader_message": (
            "Relevant for udfordringen om ventetid. Frederik, modn den sammen med kommunens "
            "digitaliseringsenhed – og se på, hvordan vi undgår, at borgerne skriver personlige oplysninger."
        ),
        "responsible": "Frederik Munk",
        "qualification": {
            "benefit": "Færre opkald om standardspørgsmål, så telefonen er fri til dem med svære sager.",
            "requirements": (
                "En chatløsning, som kommunen allerede har licens til, og vores egne godkendte svar."
            ),
            "risks": "Forkerte svar og borgere, der deler følsomme oplysninger i chatten.",
            "measures": (
                "Botten svarer kun ud fra faste tekster og advarer mod at skrive CPR-nummer. Vi gennemgår "
                "samtalerne hver uge i starten."
            ),
            "ready_to_test": False,
        },
        "supporters": 4,
        "comments": [
            ("Anne Kathrine Berg", "Biblioteket har en chatbot – vi kan spørge dem om deres erfaringer."),
            ("Ib Mølgaard", "Husk et tydeligt telefonnummer i chatten, så ingen føler sig fanget."),
        ],
    },
    {
        "workplace": "borgerservice",
        "author": "Yasmin Ali",
        "challenge": "digital-hjaelp",
        "title": "Skærmdeling over video, så vi kan hjælpe borgere med Digital Post hjemmefra",
        "need": (
            "Mange ældre og borgere med handicap har svært ved at komme ned i Borgerservice, men har brug "
            "for hjælp til Digital Post eller borger.dk. I telefonen kan vi ikke se det, de ser."
        ),
        "description": (
            "Vi tilbyder en videosamtale, hvor borgeren deler sin skærm med os, og vi guider trin for trin. "
            "Vi kan ikke styre deres computer, kun se og forklare, så de gør det selv. Borgeren booker en "
            "tid og får et link på SMS."
        ),
        "tags": ["video", "booking", "digital post"],
        "values": {
            "citizens": (3, "Hjælp uden at skulle ud af huset, og borgeren lærer det selv."),
            "quality": (2, "Vi kan se præcis, hvor det går galt."),
            "routines": (1, "Færre borgere, der skal have hjælp ved skranken."),
        },
        "concerns": (
            "Vi kan komme til at se borgerens post og andre personlige oplysninger. Det kan i sig selv være "
            "svært for borgeren at få videoforbindelsen til at virke."
        ),
        "status": "experimenting",
        "days_ago": 230,
        "responded_after_days": 5,
        "leader_message": (
            "Vi kører forsøg i fire måneder med to faste tider om ugen. Yasmin og Hanne tager samtalerne og "
            "skriver erfaringerne i læringsloggen."
        ),
        "responsible": "Yasmin Ali",
        "qualification": {
            "benefit": "Borgere, der ikke kan komme ind, får hjælp og lærer at klare mere selv.",
            "requirements": (
                "Kommunens godkendte videoløsning, headset og en klar vejledning om, hvad vi må se og gøre."
            ),
            "risks": "At vi ser oplysninger, vi ikke skal se, og at teknikken driller for borgerne.",
            "measures": (
                "Vi beder borgeren lukke andre vinduer først og noterer intet om indholdet. En pårørende må "
                "gerne være med."
            ),
            "ready_to_test": True,
        },
        "supporters": 5,
        "comments": [
            (
                "Hanne Juul",
                (
                    "Ugens samtaler: 6 ud af 8 borgere klarede opgaven selv til sidst. En sagde, at det var "
                    "første gang, hun havde læst sin post selv."
                ),
            ),
            (
                "Birgitte Holm Sørensen",
                "Det her kunne blive en sag til kommunens **case-bibliotek**, hvis resultatet holder.",
            ),
        ],
    },
    {
        "workplace": "borgerservice",
        "author": "Hanne Juul",
        "challenge": "ventetid",
        "title": "Bliv ringet op i stedet for at vente i telefonkøen",
        "need": (
            "Borgerne venter op til 30 minutter i telefonkøen om mandagen. Mange lægger på og ringer igen "
            "senere, så køen bliver endnu længere."
        ),
        "description": (
            "Når der er mere end fem minutters ventetid, kan borgeren trykke 1 og blive ringet op, når det "
            "bliver deres tur, uden at miste pladsen i køen. Telefonsystemet kan det allerede – det er bare "
            "ikke slået til."
        ),
        "tags": ["telefoni"],
        "values": {
            "citizens": (3, "Ingen ventetid med telefonen ved øret."),
            "quality": (1, "Roligere samtaler med borgere, der ikke har ventet sig sure."),
            "routines": (2, "Færre opkald fra de samme borgere og roligere samtaler."),
        },
        "concerns": "Nogle borgere tager ikke telefonen, når vi ringer fra et ukendt nummer.",
        "status": "experimenting",
        "days_ago": 75,
        "responded_after_days": 2,
        "leader_message": (
            "Vi har slået funktionen til i seks uger, og Hanne følger tallene. Godt fundet, at det allerede "
            "var i systemet!"
        ),
        "responsible": "Hanne Juul",
        "qualification": {
            "benefit": "Mindre ventetid og færre genopkald.",
            "requirements": (
                "Funktionen findes i telefonsystemet; det kræver kun opsætning og en ny velkomstbesked."
            ),
            "risks": "Borgere, der ikke tager telefonen, når vi ringer tilbage.",
            "measures": "Vi ringer op to gange og sender en SMS, hvis borgeren ikke svarer.",
            "ready_to_test": True,
        },
        "supporters": 7,
        "comments": [
            ("Julie Fogh", "Vi kan få nummeret til at vise 'Fjordby Kommune', så folk tager den."),
            ("Søren Eriksen", "Uge 3: Den gennemsnitlige ventetid er faldet fra 18 til 9 minutter."),
        ],
    },
    {
        "workplace": "borgerservice",
        "author": "Ib Mølgaard",
        "challenge": None,
        "title": "'Prøv selv'-tablets i forhallen med en frivillig hjælper to dage om ugen",
        "need": (
            "Vi kommer ofte til at gøre tingene for borgerne ved skranken, fordi der ikke er tid til at lære "
            "dem det. Så kommer de igen næste gang med det samme."
        ),
        "description": (
            "To tablets i forhallen, hvor borgeren selv kan logge på borger.dk og Digital Post, mens en "
            "frivillig fra Ældre Sagen eller biblioteket sidder ved siden af og hjælper. Vi henviser borgere "
            "dertil, når de har brug for mere tid, end skranken kan give."
        ),
        "tags": ["tablet", "digital post", "mitid"],
        "values": {
            "citizens": (3, "Borgerne lærer det selv i deres eget tempo."),
            "quality": (2, "Mere hjælp til selvhjælp i stedet for at gøre det for dem."),
            "routines": (2, "Mindre pres på skranken."),
        },
        "concerns": (
            "Frivillige må ikke se CPR-numre og post uden for rammerne, og tablets i et offentligt rum skal "
            "logge helt ud efter hver borger."
        ),
        "status": "qualifying",
        "days_ago": 110,
        "responded_after_days": 8,
        "leader_message": (
            "Godt forslag, Ib. Vil du undersøge, om Ældre Sagen og biblioteket har frivillige, og hvordan vi "
            "sikrer, at tabletterne nulstilles efter hver borger?"
        ),
        "responsible": "Ib Mølgaard",
        "qualification": {
            "benefit": "Borgerne bliver mere selvhjulpne, og skranken får tid til de svære sager.",
            "requirements": (
                "To tablets i gæstetilstand og frivillige med en kort introduktion og tavshedserklæring."
            ),
            "risks": (
                "At borgerens data bliver liggende på tabletten, og at frivillige kommer til at give "
                "forkerte råd."
            ),
            "measures": (
                "Tabletterne nulstilles automatisk ved log ud, og de frivillige henviser altid til os ved "
                "spørgsmål om sager."
            ),
            "ready_to_test": True,
        },
        "supporters": 6,
        "comments": [
            (
                "Katrine Lynge",
                "Biblioteket har allerede IT-hjælp om onsdagen. Måske kan vi flytte den herover?",
            ),
            ("Ib Mølgaard", "Ældre Sagen siger ja til to frivillige. De kan starte, så snart vi er klar."),
        ],
    },
    {
        "workplace": "borgerservice",
        "author": "Anne Kathrine Berg",
        "challenge": None,
        "title": "Oversættelse med tale til tekst ved skranken til borgere, der ikke taler dansk",
        "need": (
            "Vi har mange borgere, der ikke taler dansk eller engelsk. Tolk skal bestilles dage i forvejen, "
            "og ofte bliver et barn brugt som tolk ved skranken."
        ),
        "description": (
            "En skærm ved skranke 4 viser det, vi siger, som tekst på borgerens sprog, og borgeren kan svare "
            "på sit eget sprog. Det er til enkle ting som at aflevere papirer eller få forklaret et brev – "
            "ikke til samtaler, hvor der træffes afgørelser."
        ),
        "tags": ["kunstig intelligens", "tale til tekst", "skærm"],
        "values": {
            "citizens": (3, "Borgerne kan forstå og blive forstået uden at bruge deres børn."),
            "quality": (2, "Færre misforståelser ved enkle henvendelser."),
            "routines": (1, "Færre tolkebestillinger til enkle ting."),
        },
        "concerns": (
            "Maskinoversættelse kan tage fejl, og der må ikke træffes afgørelser ud fra den. Samtalen må "
            "ikke gemmes hos en leverandør uden for EU."
        ),
        "status": "qualifying",
        "days_ago": 55,
        "responded_after_days": 7,
        "leader_message": (
            "Vigtigt – især at vi undgår børn som tolke. Anne Kathrine, vil du sammen med Yasmin undersøge, "
            "hvilke løsninger kommunen har godkendt?"
        ),
        "responsible": "Anne Kathrine Berg",
        "qualification": {
            "benefit": "Enkle henvendelser kan klares uden tolk og uden at bruge børn som tolke.",
            "requirements": (
                "En godkendt oversættelsesløsning med databehandleraftale og en skærm vendt mod borgeren."
            ),
            "risks": "Fejloversættelse og lagring af samtaler uden for EU.",
            "measures": (
                "Kun til enkle henvendelser, aldrig ved afgørelser. Vi bestiller stadig tolk til alle større "
                "samtaler."
            ),
            "ready_to_test": False,
        },
        "supporters": 5,
        "comments": [
            ("Yasmin Ali", "Jeg taler arabisk og kan hjælpe med at teste, hvor godt den oversætter."),
            (
                "Christian Hald",
                "Husk borgere med nedsat hørelse – de kan også have glæde af tekst på skærmen.",
            ),
        ],
    },
    {
        "workplace": "borgerservice",
        "author": "Julie Fogh",
        "challenge": "ventetid",
        "title": "Vis den aktuelle ventetid ved skranken på hjemmesiden",
        "need": (
            "Borgerne ved ikke, om der er 5 eller 45 minutters ventetid, før de kommer. Mange kommer i de "
            "travleste timer, selvom de godt kunne komme en time senere."
        ),
        "description": (
            "Køsystemet har allerede tallene. Vi viser dem live på kommunens hjemmeside og på en skærm ved "
            "indgangen: 'Ventetid lige nu: ca. 15 min.' og en graf over, hvornår på dagen der plejer at være "
            "mindst travlt."
        ),
        "tags": ["dashboard", "skærm"],
        "values": {
            "citizens": (2, "Borgerne kan vælge at komme, når der er mindst ventetid."),
            "quality": (0, ""),
            "routines": (2, "Jævnere travlhed hen over dagen."),
        },
        "concerns": (
            "Hvis tallet er forkert, bliver borgerne sure. Det kræver hjælp fra kommunens webredaktion."
        ),
        "status": "experimenting",
        "days_ago": 60,
        "responded_after_days": 3,
        "leader_message": "Vi afprøver det i otte uger. Julie følger med i, om de travle timer flytter sig.",
        "responsible": "Julie Fogh",
        "qualification": {
            "benefit": "Mindre ventetid og en bedre fordeling af borgerne over dagen.",
            "requirements": (
                "Et udtræk fra køsystemet og en lille visning på hjemmesiden, som webredaktionen kan lave."
            ),
            "risks": "Forkerte tal og borgere, der kommer, lige når køen vokser.",
            "measures": "Vi skriver 'ca.' og viser, hvornår tallet sidst blev opdateret.",
            "ready_to_test": True,
        },
        "supporters": 4,
        "comments": [
            ("Frederik Munk", "Chatbotten kunne også linke til ventetiden."),
        ],
    },
    {
        "workplace": "borgerservice",
        "author": "Christian Hald",
        "challenge": None,
        "title": "Afhentning af pas og kørekort i kodeskabe uden for åbningstid",
        "need": (
            "Mange borgere skal tage fri fra arbejde bare for at hente et færdigt pas, og afhentningerne "
            "fylder en stor del af tiden ved skranken."
        ),
        "description": (
            "Kodeskabe ved indgangen, hvor borgeren kan hente sit pas eller kørekort døgnet rundt med en "
            "kode fra Digital Post og et MitID-login på skabets skærm."
        ),
        "tags": ["mitid", "selvbetjening"],
        "values": {
            "citizens": (3, "Afhentning, når det passer borgeren."),
            "quality": (0, ""),
            "routines": (3, "Meget mindre tid ved skranken på afhentninger."),
        },
        "concerns": "Pas og kørekort er værdifulde dokumenter, og der er krav om sikker udlevering.",
        "status": "parked",
        "days_ago": 180,
        "responded_after_days": 21,
        "leader_message": (
            "Tak, Christian. Vi har parkeret idéen: Reglerne for udlevering af pas kræver i dag, at vi "
            "kontrollerer identiteten ved personligt fremmøde, og det kan et skab ikke. Vi holder øje med, "
            "om reglerne ændrer sig, og så tager vi den op igen. Indtil da flytter vi afhentning til en "
            "hurtigskranke, så borgerne ikke skal trække nummer."
        ),
        "responsible": None,
        "qualification": None,
        "supporters": 6,
        "comments": [
            (
                "Dorthe Lassen",
                "Hurtigskranken har allerede gjort en forskel – en afhentning tager to minutter nu.",
            ),
        ],
    },
    {
        "workplace": "borgerservice",
        "author": "Hanne Juul",
        "challenge": None,
        "title": "Folder med QR-kode til pårørende om digital fuldmagt",
        "need": (
            "Pårørende kommer tit med deres ældre forældres post og MitID og vil gerne hjælpe, men de ved "
            "ikke, at man kan give en digital fuldmagt. Så deler de MitID, og det er hverken lovligt eller "
            "sikkert."
        ),
        "description": (
            "En kort folder med en QR-kode, der fører til en video og en trin-for-trin-vejledning om digital "
            "fuldmagt på borger.dk. Vi giver den til pårørende ved skranken og lægger den på plejecentrene "
            "og hos lægerne."
        ),
        "tags": ["qr-kode", "video", "digital post"],
        "values": {
            "citizens": (3, "Pårørende kan hjælpe lovligt og sikkert."),
            "quality": (2, "Færre tilfælde af delt MitID."),
            "routines": (1, "Færre henvendelser fra pårørende om login."),
        },
        "concerns": "Folderen skal være meget enkel, ellers bliver den ikke læst.",
        "status": "needs_info",
        "days_ago": 25,
        "responded_after_days": 5,
        "leader_message": (
            "God idé, Hanne. Før vi går videre: Har du tjekket, om der allerede findes en officiel folder "
            "eller video, vi kan bruge? Og hvem tænker du skal dele den ud på plejecentrene – har du talt "
            "med ældreområdet?"
        ),
        "responsible": None,
        "qualification": None,
        "supporters": 4,
        "comments": [
            ("Ib Mølgaard", "Jeg har set en fin folder fra Ældre Sagen om netop det."),
        ],
    },
    {
        "workplace": "borgerservice",
        "author": "Søren Eriksen",
        "challenge": None,
        "title": "Telefonrobot med kunstig stemme, der tager de første spørgsmål i telefonen",
        "need": "Vi bruger mange timer på at svare på de samme spørgsmål i telefonen, og køen er lang.",
        "description": (
            "En telefonrobot med kunstig intelligens tager imod alle opkald, svarer på de almindelige "
            "spørgsmål og sender kun de svære videre til os."
        ),
        "tags": ["kunstig intelligens", "telefoni"],
        "values": {
            "citizens": (1, "Hurtigere svar på enkle spørgsmål."),
            "quality": (0, ""),
            "routines": (3, "Færre opkald til os."),
        },
        "concerns": "Ældre og sårbare borgere kan blive forvirrede eller give op.",
        "status": "not_pursued",
        "days_ago": 150,
        "responded_after_days": 9,
        "leader_message": (
            "Tak, Søren – du har ret i, at de gentagne opkald fylder. Men vi går ikke videre med en "
            "telefonrobot: Telefonen er den kanal, som de borgere, der har sværest ved det digitale, bruger, "
            "og vores kerneopgave er netop at hjælpe dem. En robot som det første, de møder, vil ramme dem "
            "hårdest. Vi tager de gentagne spørgsmål med tidsbestilling, tilbageopkald og måske en chatbot "
            "på hjemmesiden i stedet – og du er meget velkommen i den gruppe."
        ),
        "responsible": None,
        "qualification": None,
        "supporters": 2,
        "comments": [
            ("Katrine Lynge", "Enig med Birgitte. Min mor ville lægge på med det samme."),
            ("Søren Eriksen", "Fair nok. Jeg hopper med i chatbot-gruppen sammen med Frederik."),
        ],
    },
    {
        "workplace": "borgerservice",
        "author": "Christian Hald",
        "challenge": None,
        "title": "Fælles vidensbank med søgning til os ved skranken og i telefonen",
        "need": (
            "Reglerne for pas, pension og sundhedskort ændrer sig hele tiden, og vi spørger hinanden eller "
            "leder i gamle mails. Nye kolleger har det svært."
        ),
        "description": (
            "En fælles vidensbank på intranettet med korte svar på de hyppige spørgsmål, links til reglerne "
            "og en dato for, hvornår svaret sidst er tjekket. Alle kan foreslå rettelser, og en fast "
            "redaktør godkender dem."
        ),
        "tags": ["intranet", "søgning"],
        "values": {
            "citizens": (2, "Borgerne får det samme korrekte svar, uanset hvem de taler med."),
            "quality": (3, "Færre fejl og ens svar."),
            "routines": (2, "Mindre tid på at lede og spørge kolleger."),
        },
        "concerns": "Den skal holdes opdateret, ellers bliver den farlig.",
        "status": "new",
        "days_ago": 15,
        "responded_after_days": None,
        "leader_message": "",
        "responsible": None,
        "qualification": None,
        "supporters": 5,
        "comments": [
            ("Frederik Munk", "Ja! Og den kan blive grundlaget for chatbottens svar."),
            ("Julie Fogh", "Jeg vil gerne være med til at skrive de første svar om sundhedskort."),
        ],
    },
    {
        "workplace": "borgerservice",
        "author": "Yasmin Ali",
        "challenge": None,
        "title": "Teleslynge og tekst på skærm ved én skranke til borgere med nedsat hørelse",
        "need": (
            "Borgere med høreapparat har svært ved at høre os gennem glasset og i larmen fra venteområdet. "
            "Vi ender med at råbe, og så hører alle andre deres CPR-nummer."
        ),
        "description": (
            "Vi indretter én skranke med teleslynge og en lille skærm, der viser det, vi siger, som tekst. "
            "Skranken markeres tydeligt, og borgerne kan vælge den, når de trækker nummer."
        ),
        "tags": ["lyd", "tale til tekst", "skærm"],
        "values": {
            "citizens": (3, "Borgere med nedsat hørelse kan følge med og bevare deres privatliv."),
            "quality": (2, "Færre misforståelser."),
            "routines": (1, "Vi slipper for at gentage og råbe."),
        },
        "concerns": "Tale til tekst kan fejle med navne og tal. Det koster at få teleslyngen installeret.",
        "status": "new",
        "days_ago": 33,
        "responded_after_days": None,
        "leader_message": "",
        "responsible": None,
        "qualification": None,
        "supporters": 3,
        "comments": [
            (
                "Christian Hald",
                "Det hænger fint sammen med den oversættelsesskærm, Anne Kathrine arbejder på.",
            ),
        ],
    },
]
