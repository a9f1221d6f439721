"""Dialogue workshop library, version 1.

Transcribed from the content file shared/content/dialogue-tools.md ("Dialogue tools: the workshop library,
version 1"): ten workshop formats, two for each of the five practices, in the file's order. Names, practice,
length, group size, every step with its kind and minutes, the number of groups and dots where the file
gives them, and the Danish participant prompts in quotes are verbatim from that file. The Danish purposes
are the ones in reflection/workshop_formats.py. The rest of the Danish is written out from the file's
English; facilitator cues the file does not give are written for this library.

A step's "posts" says whether participants post during it ("vote" steps never post: participants place
their dots on the posts already there). Its "becomes" is what the facilitator turns the step's posts into
afterwards, mapped from the file's "becomes: ..." to one of BECOMES ("" when the file names nothing); when
the file names two outputs, the main one is the value and the other is named in the description.

NEVER EDIT THIS FILE once a workshop uses it: every session keeps the version number of the library it was
run with, and its steps and outputs must keep meaning what they meant. Any change, however small, is a new
version in a new module (library_v2.py, ...).
"""

VERSION = 1

STEP_KINDS = ("plenary", "individual", "groups", "vote")

# What the facilitator turns a step's posts into afterwards ("" = nothing).
BECOMES = (
    "challenges",
    "idea_assessment",
    "action_items",
    "ideas",
    "qualification",
    "experiment_draft",
    "experiment",
    "barriers",
    "learning_activities",
    "adoption_plan",
    "follow_up_record",
    "case_draft",
)

FORMATS = [
    {
        "number": 1,
        "slug": "kerneopgave-kompasset",
        "practice": "P1",
        "name_da": "Kerneopgave-kompasset",
        "name_en": "The core-task compass",
        "minutes": 60,
        "min_people": 4,
        "max_people": 20,
        "purpose_da": (
            "Bliv enige om, hvor digital hjælp ville betyde mest for dem, arbejdspladsen er til for."
        ),
        "purpose_en": "Agree where digital help would matter most for the people the workplace exists for.",
        "output_da": (
            "Op til tre prioriterede behov, der hver bliver offentliggjort som en udfordring "
            "(“Hvordan kan vi …?”), som idéer kan svare på."
        ),
        "output_en": (
            "Up to three prioritised needs, each published as a challenge (“Hvordan kan vi …?”) "
            "that ideas answer."
        ),
        "follow_up_da": (
            "Udfordringerne står åbne for idéer i en fast periode (som standard 30 dage). "
            "Lederen melder tilbage."
        ),
        "follow_up_en": (
            "The challenges stay open for ideas for a set period (default 30 days); the leader reports back."
        ),
        "steps": [
            {
                "kind": "plenary",
                "minutes": 5,
                "groups": None,
                "dots": None,
                "title_da": "Kerneopgaven læses op",
                "title_en": "Read the core task aloud",
                "description_da": "Lederen læser arbejdspladsens beskrivelse af kerneopgaven højt.",
                "description_en": "The leader reads the workplace's core-task statement aloud.",
                "cue_da": "Spørg, om den stadig passer.",
                "cue_en": "Ask whether it still fits.",
                "prompt_da": "",
                "prompt_en": "",
                "posts": False,
                "becomes": "",
            },
            {
                "kind": "individual",
                "minutes": 10,
                "groups": None,
                "dots": None,
                "title_da": "Hvor kommer vi til kort?",
                "title_en": "Where we fall short",
                "description_da": (
                    "Alle skriver i stilhed om øjeblikke i hverdagen, hvor I ikke gør det så godt, "
                    "som I gerne ville. Ét øjeblik pr. opslag."
                ),
                "description_en": (
                    "Everyone writes in silence about moments in daily work where we fall short. "
                    "One moment per post."
                ),
                "cue_da": "Bed om konkrete øjeblikke, ikke om generelle klager.",
                "cue_en": "Ask for concrete moments, not general complaints.",
                "prompt_da": "Et øjeblik i hverdagen, hvor vi ikke gør det så godt, som vi gerne ville",
                "prompt_en": "A moment in daily work where we don't do as well as we would like",
                "posts": True,
                "becomes": "",
            },
            {
                "kind": "groups",
                "minutes": 15,
                "groups": 3,
                "dots": None,
                "title_da": "Hvem mærker det?",
                "title_en": "Who feels it?",
                "description_da": (
                    "Grupperne sorterer opslagene efter, hvem der mærker det: borgerne/brugerne, "
                    "vores faglige kvalitet eller vores daglige arbejdsgange."
                ),
                "description_en": (
                    "The groups sort the posts by who feels it: citizens/users, our professional quality "
                    "or our daily routines."
                ),
                "cue_da": (
                    "Det vigtigste er samtalen om, hvem det rammer. Lad grupperne flytte opslagene frit."
                ),
                "cue_en": "The talk about who it affects matters most. Let the groups move the posts freely.",
                "prompt_da": (
                    "Sortér opslagene: borgerne/brugerne, vores faglige kvalitet, vores daglige arbejdsgange"
                ),
                "prompt_en": "Sort the posts: citizens/users, our professional quality, our daily routines",
                "posts": True,
                "becomes": "",
            },
            {
                "kind": "vote",
                "minutes": 10,
                "groups": None,
                "dots": 3,
                "title_da": "Hvad betyder mest?",
                "title_en": "What matters most?",
                "description_da": (
                    "Hver deltager har 3 prikker og sætter dem på de øjeblikke, der betyder mest "
                    "for kerneopgaven."
                ),
                "description_en": (
                    "Each participant has 3 dots and places them on the moments that matter most "
                    "for the core task."
                ),
                "cue_da": "Mind om, at I stemmer ud fra kerneopgaven – ikke ud fra, hvad der irriterer mest.",
                "cue_en": "Remind everyone to vote for the core task, not for what annoys them most.",
                "prompt_da": "",
                "prompt_en": "",
                "posts": False,
                "becomes": "",
            },
            {
                "kind": "plenary",
                "minutes": 15,
                "groups": None,
                "dots": None,
                "title_da": "Tre “Hvordan kan vi …?”",
                "title_en": "Three “How can we …?” questions",
                "description_da": (
                    "I formulerer de tre øjeblikke med flest prikker som “Hvordan kan vi …?”-spørgsmål. "
                    "De bliver til udfordringer."
                ),
                "description_en": (
                    "Together, phrase the top three moments as “How can we …?” questions. "
                    "They become challenges."
                ),
                "cue_da": "Hold spørgsmålene åbne, så de ikke allerede peger på én løsning.",
                "cue_en": "Keep the questions open, so they don't already point to one solution.",
                "prompt_da": "",
                "prompt_en": "",
                "posts": False,
                "becomes": "challenges",
            },
            {
                "kind": "plenary",
                "minutes": 5,
                "groups": None,
                "dots": None,
                "title_da": "Ejere og dato",
                "title_en": "Owners and a date",
                "description_da": (
                    "I aftaler, hvem der ejer hver udfordring, og hvornår teamet ser på de idéer, "
                    "den har samlet."
                ),
                "description_en": (
                    "Agree who owns each challenge and when the team looks at the ideas it has gathered."
                ),
                "cue_da": "Sæt datoen i kalenderen, før I går.",
                "cue_en": "Put the date in the calendar before you leave.",
                "prompt_da": "",
                "prompt_en": "",
                "posts": False,
                "becomes": "",
            },
        ],
    },
    {
        "number": 2,
        "slug": "teknologi-tjekket",
        "practice": "P1",
        "name_da": "Teknologi-tjekket",
        "name_en": "The technology check",
        "minutes": 45,
        "min_people": 3,
        "max_people": 12,
        "purpose_da": (
            "Vurder én foreslået teknologi alene ud fra kerneopgaven, med plads til både begejstring og "
            "sund skepsis."
        ),
        "purpose_en": (
            "Weigh one proposed technology on the core task alone, with room for both enthusiasm and healthy "
            "scepticism."
        ),
        "output_da": (
            "En vurdering af idéen: værdi på de tre akser, risici og en beslutning "
            "(gå videre, justér eller stop)."
        ),
        "output_en": (
            "A recorded assessment on the idea (value on the three axes, risks, decision: "
            "pursue / adjust / drop)."
        ),
        "follow_up_da": "",
        "follow_up_en": "",
        "steps": [
            {
                "kind": "plenary",
                "minutes": 5,
                "groups": None,
                "dots": None,
                "title_da": "Teknologien og behovet",
                "title_en": "The technology and the need",
                "description_da": (
                    "Den, der foreslår teknologien, viser den og fortæller, hvilket behov den svarer på."
                ),
                "description_en": "The proposer shows the technology and the need it answers.",
                "cue_da": "Hold fokus på behovet – ikke på alle funktionerne.",
                "cue_en": "Keep the focus on the need, not on every feature.",
                "prompt_da": "",
                "prompt_en": "",
                "posts": False,
                "becomes": "",
            },
            {
                "kind": "individual",
                "minutes": 5,
                "groups": None,
                "dots": None,
                "title_da": "Hvad giver den os?",
                "title_en": "What does it give us?",
                "description_da": (
                    "Alle skriver i stilhed, hvad teknologien giver, i tre kolonner: borgerne, "
                    "vores faglige arbejde og vores arbejdsgange."
                ),
                "description_en": (
                    "Everyone writes in silence what the technology gives, in three columns: citizens, "
                    "our professional work and our routines."
                ),
                "cue_da": "Én pointe pr. opslag, i den kolonne, den hører til.",
                "cue_en": "One point per post, in the column it belongs to.",
                "prompt_da": (
                    "Hvad giver den borgerne? Hvad giver den vores faglige arbejde? "
                    "Hvad giver den vores arbejdsgange?"
                ),
                "prompt_en": (
                    "What does it give citizens? What does it give our professional work? "
                    "What does it give our routines?"
                ),
                "posts": True,
                "becomes": "",
            },
            {
                "kind": "individual",
                "minutes": 5,
                "groups": None,
                "dots": None,
                "title_da": "Bekymringer og risici",
                "title_en": "Concerns and risks",
                "description_da": ("Alle skriver bekymringer, risici og det, teknologien kan tage fra jer."),
                "description_en": (
                    "Everyone writes concerns, risks and what the technology could take from us."
                ),
                "cue_da": "Inviter skeptikerne først.",
                "cue_en": "Invite the sceptics first.",
                "prompt_da": "Hvad bekymrer dig? Hvilke risici ser du? Hvad kan den tage fra os?",
                "prompt_en": "What worries you? What risks do you see? What could it take from us?",
                "posts": True,
                "becomes": "",
            },
            {
                "kind": "plenary",
                "minutes": 15,
                "groups": None,
                "dots": None,
                "title_da": "Point på de tre akser",
                "title_en": "Score the three axes",
                "description_da": (
                    "I gennemgår både gevinster og bekymringer og giver sammen hver akse 0–3 point."
                ),
                "description_en": (
                    "Go through both the gains and the concerns, and score each axis 0–3 together."
                ),
                "cue_da": "Tag bekymringerne lige så alvorligt som gevinsterne.",
                "cue_en": "Take the concerns as seriously as the gains.",
                "prompt_da": "",
                "prompt_en": "",
                "posts": False,
                "becomes": "",
            },
            {
                "kind": "plenary",
                "minutes": 10,
                "groups": None,
                "dots": None,
                "title_da": "Beslut og begrund",
                "title_en": "Decide and say why",
                "description_da": (
                    "I beslutter: gå videre (modning eller afprøvning), justér eller stop – og siger "
                    "hvorfor. "
                    "Det bliver til en vurdering af idéen, og idéen skifter status."
                ),
                "description_en": (
                    "Decide: pursue (qualify or experiment), adjust or drop, and say why. "
                    "It becomes an assessment on the idea, and the idea changes status."
                ),
                "cue_da": "Et stop med en god begrundelse er også et godt resultat.",
                "cue_en": "A well-argued “drop” is a good result too.",
                "prompt_da": "",
                "prompt_en": "",
                "posts": False,
                "becomes": "idea_assessment",
            },
            {
                "kind": "plenary",
                "minutes": 5,
                "groups": None,
                "dots": None,
                "title_da": "Næste skridt",
                "title_en": "Next step",
                "description_da": (
                    "I aftaler næste skridt, hvem der ejer det, og hvornår. Det bliver til en opgave."
                ),
                "description_en": "Agree the next step, its owner and a date. It becomes an action item.",
                "cue_da": "Ét skridt, én ejer, én dato.",
                "cue_en": "One step, one owner, one date.",
                "prompt_da": "",
                "prompt_en": "",
                "posts": False,
                "becomes": "action_items",
            },
        ],
    },
    {
        "number": 3,
        "slug": "idevinduet",
        "practice": "P2",
        "name_da": "Idévinduet",
        "name_en": "The idea window",
        "minutes": 70,
        "min_people": 6,
        "max_people": 30,
        "purpose_da": "Saml mange idéer hurtigt, og find dem, der giver mest værdi for mindst indsats.",
        "purpose_en": "Gather many ideas fast and find those that give the most value for the least effort.",
        "output_da": (
            "Nye idéer i Frontløber, hver placeret efter værdi × indsats. "
            "De hurtige gevinster får et næste skridt."
        ),
        "output_en": (
            "Ideas in the pipeline, each placed on value × effort; the quick wins get a next step."
        ),
        "follow_up_da": (
            "Alle idéer, der bliver skrevet, får et svar inden for arbejdspladsens svarfrist – "
            "også dem, der ikke blev valgt."
        ),
        "follow_up_en": (
            "Every idea posted gets a response in the pipeline within the workplace's response target, "
            "also those not picked."
        ),
        "steps": [
            {
                "kind": "plenary",
                "minutes": 5,
                "groups": None,
                "dots": None,
                "title_da": "Rammen for i dag",
                "title_en": "The frame for today",
                "description_da": "Du sætter rammen: én udfordring eller kerneopgaven generelt.",
                "description_en": "Set the frame: one challenge, or the core task in general.",
                "cue_da": "Vis rammen, så alle kan se den hele tiden.",
                "cue_en": "Show the frame where everyone can see it all the time.",
                "prompt_da": "",
                "prompt_en": "",
                "posts": False,
                "becomes": "",
            },
            {
                "kind": "individual",
                "minutes": 10,
                "groups": None,
                "dots": None,
                "title_da": "Skriv idéer",
                "title_en": "Write ideas",
                "description_da": (
                    "Alle skriver idéer i stilhed. Én idé pr. opslag, og ingen vurderer endnu."
                ),
                "description_en": "Everyone writes ideas in silence. One idea per post, and no judging yet.",
                "cue_da": "Mængde før kvalitet. Skøre idéer er velkomne.",
                "cue_en": "Quantity before quality. Wild ideas are welcome.",
                "prompt_da": "Din idé – én pr. opslag",
                "prompt_en": "Your idea – one per post",
                "posts": True,
                "becomes": "",
            },
            {
                "kind": "groups",
                "minutes": 15,
                "groups": None,
                "dots": None,
                "title_da": "Byg videre",
                "title_en": "Build on each other",
                "description_da": ("Grupperne bygger videre på hinandens idéer og lægger dubletter sammen."),
                "description_en": "The groups build on each other's ideas and merge duplicates.",
                "cue_da": "Sig “ja, og …” i stedet for “ja, men …”.",
                "cue_en": "Say “yes, and …” rather than “yes, but …”.",
                "prompt_da": "Byg videre på en idé, eller læg to ens idéer sammen",
                "prompt_en": "Build on an idea, or merge two that are the same",
                "posts": True,
                "becomes": "",
            },
            {
                "kind": "groups",
                "minutes": 15,
                "groups": None,
                "dots": None,
                "title_da": "Placér idéerne i vinduet",
                "title_en": "Place the ideas in the window",
                "description_da": (
                    "Grupperne placerer hver idé i vinduet: værdi for kerneopgaven (lav/høj) × "
                    "indsats (lav/høj)."
                ),
                "description_en": (
                    "The groups place each idea in the window: value for the core task (low/high) × "
                    "effort (low/high)."
                ),
                "cue_da": "Værdi betyder værdi for kerneopgaven – ikke det, der er sjovest.",
                "cue_en": "Value means value for the core task, not what is most fun.",
                "prompt_da": "Placér hver idé: værdi for kerneopgaven (lav/høj) × indsats (lav/høj)",
                "prompt_en": "Place each idea: value for the core task (low/high) × effort (low/high)",
                "posts": True,
                "becomes": "",
            },
            {
                "kind": "plenary",
                "minutes": 15,
                "groups": None,
                "dots": None,
                "title_da": "Grupperne fremlægger",
                "title_en": "The groups present",
                "description_da": (
                    "Hver gruppe viser sit hjørne med høj værdi og lav indsats. I taler om, hvad det "
                    "betyder for borgerne, arbejdsgangene og den faglige identitet."
                ),
                "description_en": (
                    "Each group presents its high-value/low-effort corner; discuss the consequences "
                    "for citizens, routines and professional identity."
                ),
                "cue_da": "Spørg: Hvem mærker forandringen først?",
                "cue_en": "Ask: who will feel the change first?",
                "prompt_da": "",
                "prompt_en": "",
                "posts": False,
                "becomes": "",
            },
            {
                "kind": "plenary",
                "minutes": 10,
                "groups": None,
                "dots": None,
                "title_da": "Vælg idéer",
                "title_en": "Pick ideas",
                "description_da": (
                    "I vælger de idéer, I tager videre. Opslagene bliver til idéer med værdi og indsats, "
                    "og de valgte idéer får en opgave med næste skridt."
                ),
                "description_en": (
                    "Pick the ideas to take forward. The posts become ideas with value and effort, "
                    "and the ideas picked get an action item for the next step."
                ),
                "cue_da": "Sig højt, at alle idéer får et svar – også dem, I ikke vælger i dag.",
                "cue_en": "Say out loud that every idea gets a response, also those not picked today.",
                "prompt_da": "",
                "prompt_en": "",
                "posts": False,
                "becomes": "ideas",
            },
        ],
    },
    {
        "number": 4,
        "slug": "ideklinikken",
        "practice": "P2",
        "name_da": "Idéklinikken",
        "name_en": "The idea clinic",
        "minutes": 45,
        "min_people": 4,
        "max_people": 10,
        "purpose_da": "Hjælp en eller to løse idéer med at modne, til de kan afprøves.",
        "purpose_en": "Help one or two rough ideas mature until they can be tested.",
        "output_da": (
            "En udfyldt modning (hvem får gavn af det, hvad kræver det, hvad kan gå galt, "
            "hvordan ved vi, at det virker) og et besluttet næste skridt."
        ),
        "output_en": (
            "A filled qualification (who benefits, what it takes, what could go wrong, how we will know "
            "it works) and a decided next step."
        ),
        "follow_up_da": "",
        "follow_up_en": "",
        "steps": [
            {
                "kind": "plenary",
                "minutes": 5,
                "groups": None,
                "dots": None,
                "title_da": "Idéen præsenteres",
                "title_en": "Pitch the idea",
                "description_da": "Den, der har fået idéen, præsenterer den på tre minutter.",
                "description_en": "The idea's author pitches it in three minutes.",
                "cue_da": "Hold tiden. Tre minutter er nok.",
                "cue_en": "Keep time. Three minutes is enough.",
                "prompt_da": "",
                "prompt_en": "",
                "posts": False,
                "becomes": "",
            },
            {
                "kind": "individual",
                "minutes": 5,
                "groups": None,
                "dots": None,
                "title_da": "Kun spørgsmål",
                "title_en": "Questions only",
                "description_da": "Alle skriver spørgsmål til idéen. Kun spørgsmål – ingen råd.",
                "description_en": "Everyone writes questions about the idea. Questions only, no advice.",
                "cue_da": "Et råd kan altid skrives om til et spørgsmål.",
                "cue_en": "Any piece of advice can be turned into a question.",
                "prompt_da": "Dit spørgsmål til idéen (ingen råd)",
                "prompt_en": "Your question about the idea (no advice)",
                "posts": True,
                "becomes": "",
            },
            {
                "kind": "plenary",
                "minutes": 15,
                "groups": None,
                "dots": None,
                "title_da": "De fire modningsspørgsmål",
                "title_en": "The four qualifying questions",
                "description_da": (
                    "I besvarer sammen de fire spørgsmål: Hvem får gavn af det? Hvad kræver det? "
                    "Hvad kan gå galt? Hvordan ved vi, at det virker? Svarene bliver til idéens modning."
                ),
                "description_en": (
                    "Answer the four qualifying questions together: who benefits, what it takes, what could "
                    "go wrong, how we will know it works. The answers become the qualification on the idea."
                ),
                "cue_da": "Brug spørgsmålene fra før som afsæt.",
                "cue_en": "Use the questions from the previous step as a starting point.",
                "prompt_da": "",
                "prompt_en": "",
                "posts": False,
                "becomes": "qualification",
            },
            {
                "kind": "plenary",
                "minutes": 10,
                "groups": None,
                "dots": None,
                "title_da": "Den mindste afprøvning",
                "title_en": "The smallest test",
                "description_da": (
                    "I finder den mindst mulige afprøvning: hvad, hvem og hvor længe. "
                    "Det bliver til et udkast til en afprøvning."
                ),
                "description_en": (
                    "Find the smallest possible test: what, who, how long. It becomes a draft experiment."
                ),
                "cue_da": "Gør den mindre, end I tror: få uger og få personer.",
                "cue_en": "Make it smaller than you think: a few weeks, a few people.",
                "prompt_da": "",
                "prompt_en": "",
                "posts": False,
                "becomes": "experiment_draft",
            },
            {
                "kind": "plenary",
                "minutes": 5,
                "groups": None,
                "dots": None,
                "title_da": "Hvad idéen får",
                "title_en": "What the idea gets",
                "description_da": "Lederen siger, hvad idéen får: tid, penge, udstyr og en dato.",
                "description_en": "The leader states what the idea gets: time, money, equipment, a date.",
                "cue_da": "Vær konkret. “Vi ser på det” er ikke nok.",
                "cue_en": "Be specific. “We'll look into it” is not enough.",
                "prompt_da": "",
                "prompt_en": "",
                "posts": False,
                "becomes": "",
            },
            {
                "kind": "plenary",
                "minutes": 5,
                "groups": None,
                "dots": None,
                "title_da": "Afsluttende runde",
                "title_en": "Closing round",
                "description_da": "En runde: Hvad fik idéens ophavsperson ud af det her?",
                "description_en": "A round: what did the author get from this?",
                "cue_da": "Lad ophavspersonen tale til sidst.",
                "cue_en": "Let the author speak last.",
                "prompt_da": "",
                "prompt_en": "",
                "posts": False,
                "becomes": "",
            },
        ],
    },
    {
        "number": 5,
        "slug": "barrierejagten",
        "practice": "P3",
        "name_da": "Barrierejagten",
        "name_en": "The barrier hunt",
        "minutes": 95,
        "min_people": 9,
        "max_people": 18,
        "purpose_da": (
            "Find ud af, hvorfor den digitale innovation, vi ønsker, ikke sker af sig selv – og hvem der kan "
            "fjerne hvad."
        ),
        "purpose_en": (
            "Find why the digital innovation we want does not happen by itself, and who can remove what."
        ),
        "output_da": "Et barriereregister med korte handleplaner for de mest kritiske barrierer.",
        "output_en": "A barrier register with short action plans for the most critical barriers.",
        "follow_up_da": "Barriereregistret bliver gennemgået på et personalemøde inden for seks uger.",
        "follow_up_en": "The barrier register is reviewed at a staff meeting within six weeks.",
        "steps": [
            {
                "kind": "plenary",
                "minutes": 10,
                "groups": None,
                "dots": None,
                "title_da": "Tre slags barrierer",
                "title_en": "Three kinds of barriers",
                "description_da": (
                    "Du præsenterer tre slags barrierer: tid (hvad spiser vores tid), bekymringer "
                    "(hvad får os til at tøve) og vaner (hvad gør vi, fordi vi altid har gjort det)."
                ),
                "description_en": (
                    "Three kinds of barriers: time (what eats our time), worries (what makes us hesitate), "
                    "habits (what we do because we always did)."
                ),
                "cue_da": "Giv et eksempel på hver slags fra jeres egen hverdag.",
                "cue_en": "Give an example of each kind from your own daily work.",
                "prompt_da": "",
                "prompt_en": "",
                "posts": False,
                "becomes": "",
            },
            {
                "kind": "groups",
                "minutes": 20,
                "groups": 3,
                "dots": None,
                "title_da": "Jagt på barrierer",
                "title_en": "Hunt for barriers",
                "description_da": (
                    "I deler jer i tre grupper, én for hver slags barriere. "
                    "Hver gruppe skriver barrierer af sin slags."
                ),
                "description_en": (
                    "Split into three groups, one per kind of barrier. Each group posts barriers of its kind."
                ),
                "cue_da": "Beskriv barrieren – ikke hvem der har skylden.",
                "cue_en": "Describe the barrier, not who is to blame.",
                "prompt_da": "En barriere af jeres slags: tid, bekymringer eller vaner",
                "prompt_en": "A barrier of your group's kind: time, worries or habits",
                "posts": True,
                "becomes": "",
            },
            {
                "kind": "groups",
                "minutes": 10,
                # The file gives no number here; "each group" is the same three groups as in step 2.
                "groups": 3,
                "dots": None,
                "title_da": "De to mest kritiske",
                "title_en": "The two most critical",
                "description_da": "Hver gruppe vælger sine to mest kritiske barrierer.",
                "description_en": "Each group picks its two most critical barriers.",
                "cue_da": "Kritisk betyder: står mest i vejen for kerneopgaven.",
                "cue_en": "Critical means: gets most in the way of the core task.",
                "prompt_da": "Markér jeres to mest kritiske barrierer",
                "prompt_en": "Mark your two most critical barriers",
                "posts": True,
                "becomes": "",
            },
            {
                "kind": "groups",
                "minutes": 25,
                # The same three groups as in step 2, each working on its own two barriers.
                "groups": 3,
                "dots": None,
                "title_da": "Hvem kan fjerne hvad?",
                "title_en": "Who can remove what?",
                "description_da": (
                    "For hver af de to barrierer: Hvad kan vi selv gøre? Hvad kræver lederen? Hvad kræver "
                    "den øvrige organisation? Det bliver til barrierer i registret med opgaver knyttet til."
                ),
                "description_en": (
                    "For each of the two barriers: what can we do ourselves, what needs the leader, what "
                    "needs the wider organisation? It becomes barriers in the register, with action items "
                    "attached."
                ),
                "cue_da": "Start med det, I selv kan gøre.",
                "cue_en": "Start with what you can do yourselves.",
                "prompt_da": (
                    "Hvad kan vi selv gøre? Hvad kræver lederen? Hvad kræver den øvrige organisation?"
                ),
                "prompt_en": (
                    "What can we do ourselves? What needs the leader? What needs the wider organisation?"
                ),
                "posts": True,
                "becomes": "barriers",
            },
            {
                "kind": "plenary",
                "minutes": 20,
                "groups": None,
                "dots": None,
                "title_da": "Grupperne fremlægger",
                "title_en": "The groups present",
                "description_da": "Grupperne fremlægger deres barrierer og forslag. De andre supplerer.",
                "description_en": "The groups present their barriers and proposals; the others add.",
                "cue_da": "Giv hver gruppe lige meget tid.",
                "cue_en": "Give each group the same time.",
                "prompt_da": "",
                "prompt_en": "",
                "posts": False,
                "becomes": "",
            },
            {
                "kind": "plenary",
                "minutes": 10,
                "groups": None,
                "dots": None,
                "title_da": "Ejere og datoer",
                "title_en": "Owners and dates",
                "description_da": (
                    "I sætter en ejer og en dato på hver handling. Det bliver til opgaver med ejer og frist."
                ),
                "description_en": (
                    "Put an owner and a date on each action. It becomes action items with owners and "
                    "due dates."
                ),
                "cue_da": "Ingen handling uden en ejer.",
                "cue_en": "No action without an owner.",
                "prompt_da": "",
                "prompt_en": "",
                "posts": False,
                "becomes": "action_items",
            },
        ],
    },
    {
        "number": 6,
        "slug": "forsoegsrammen",
        "practice": "P3",
        "name_da": "Forsøgsrammen",
        "name_en": "The experiment charter",
        "minutes": 60,
        "min_people": 3,
        "max_people": 12,
        "purpose_da": "Giv en afprøvning klare rammer, før den begynder – også retten til at stoppe den.",
        "purpose_en": "Give an experiment clear frames before it starts, including the right to stop it.",
        "output_da": (
            "En afprøvning med hypotese, succeskriterier, tidsramme, ressourcer, deltagere og stopregel."
        ),
        "output_en": (
            "An experiment record: hypothesis, success criteria, time box, resources, participants, stop "
            "rule."
        ),
        "follow_up_da": "",
        "follow_up_en": "",
        "steps": [
            {
                "kind": "plenary",
                "minutes": 5,
                "groups": None,
                "dots": None,
                "title_da": "Idéen og behovet",
                "title_en": "The idea and the need",
                "description_da": "I genopfrisker idéen og det behov, den svarer på.",
                "description_en": "Recap the idea and the need it answers.",
                "cue_da": "Start med behovet, ikke med løsningen.",
                "cue_en": "Start with the need, not with the solution.",
                "prompt_da": "",
                "prompt_en": "",
                "posts": False,
                "becomes": "",
            },
            {
                "kind": "plenary",
                "minutes": 15,
                "groups": None,
                "dots": None,
                "title_da": "Skriv hypotesen",
                "title_en": "Write the hypothesis",
                # The file names no posts here: the hypothesis is written together, so its Danish
                # sentence frame is in the description, not in the prompt.
                "description_da": "I skriver hypotesen sammen: “Vi tror, at … vil føre til …”.",
                "description_en": "Write the hypothesis together: “We believe that … will lead to …”.",
                "cue_da": "Én hypotese. Skriv den, så den kan vise sig at være forkert.",
                "cue_en": "One hypothesis, written so that it can turn out to be wrong.",
                "prompt_da": "",
                "prompt_en": "",
                "posts": False,
                "becomes": "",
            },
            {
                "kind": "individual",
                "minutes": 10,
                "groups": None,
                "dots": None,
                "title_da": "Hvordan mærker vi det?",
                "title_en": "How would we notice?",
                "description_da": (
                    "Alle skriver, hvordan I vil kunne mærke, at det virker. Ét kriterium pr. opslag, "
                    "knyttet til borgerne, den faglige kvalitet eller hverdagen og arbejdsgangene."
                ),
                "description_en": (
                    "Everyone writes how we would notice it works. One criterion per post, tied to a value "
                    "axis: citizens, professional quality or daily routines."
                ),
                "cue_da": "Spørg: Hvad kan vi se, tælle eller høre?",
                "cue_en": "Ask: what can we see, count or hear?",
                "prompt_da": (
                    "Hvordan vil vi kunne mærke, at det virker? "
                    "(Ét kriterium pr. opslag, knyttet til en værdi)"
                ),
                "prompt_en": "How would we notice it works? (One criterion per post, tied to a value axis)",
                "posts": True,
                "becomes": "",
            },
            {
                "kind": "plenary",
                "minutes": 15,
                "groups": None,
                "dots": None,
                "title_da": "Kriterier og ressourcer",
                "title_en": "Criteria and resources",
                "description_da": (
                    "I vælger 2–4 kriterier og aftaler tidsramme, timer, budget, udstyr og hvem der er med."
                ),
                "description_en": (
                    "Pick 2–4 criteria; agree the time box, hours, budget, equipment and who takes part."
                ),
                "cue_da": "Få, klare kriterier er bedre end mange.",
                "cue_en": "A few clear criteria beat many.",
                "prompt_da": "",
                "prompt_en": "",
                "posts": False,
                "becomes": "",
            },
            {
                "kind": "plenary",
                "minutes": 10,
                "groups": None,
                "dots": None,
                "title_da": "Stopregel og læring",
                "title_en": "Stop rule and learning",
                "description_da": (
                    "I aftaler en stopregel, og hvad I gør med det, I har lært, hvis afprøvningen ikke "
                    "lykkes."
                ),
                "description_en": "Agree the stop rule and what you do with the learning if it fails.",
                "cue_da": "At stoppe i tide er en del af planen, ikke et nederlag.",
                "cue_en": "Stopping in time is part of the plan, not a defeat.",
                "prompt_da": "",
                "prompt_en": "",
                "posts": False,
                "becomes": "",
            },
            {
                "kind": "plenary",
                "minutes": 5,
                "groups": None,
                "dots": None,
                "title_da": "Aftal startdatoen",
                "title_en": "Agree the start date",
                "description_da": "I aftaler startdatoen. Det hele bliver til en afprøvning.",
                "description_en": "Agree the start date. It all becomes an experiment.",
                "cue_da": "Aftal, hvem der giver besked til kollegerne, når afprøvningen starter.",
                "cue_en": "Agree who tells colleagues when the experiment starts.",
                "prompt_da": "",
                "prompt_en": "",
                "posts": False,
                "becomes": "experiment",
            },
        ],
    },
    {
        "number": 7,
        "slug": "kompetencekortet",
        "practice": "P4",
        "name_da": "Kompetencekortet",
        "name_en": "The skills map",
        "minutes": 60,
        "min_people": 4,
        "max_people": 25,
        "purpose_da": (
            "Se, hvilke digitale kompetencer teamet har, hvem der kan hjælpe hvem, og hvad der mangler."
        ),
        "purpose_en": "See what digital skills the team has, who can help whom, and what is missing.",
        "output_da": (
            "Opdaterede kompetencevurderinger, navngivne hjælpere og læringsaktiviteter, der skal planlægges."
        ),
        "output_en": "Updated skill ratings, named helpers, and learning activities to plan.",
        "follow_up_da": "",
        "follow_up_en": "",
        "steps": [
            {
                "kind": "plenary",
                "minutes": 5,
                "groups": None,
                "dots": None,
                "title_da": "Kompetencer, der tæller",
                "title_en": "Skills that matter",
                "description_da": (
                    "Du gennemgår de kompetencer, der betyder noget for jeres aktuelle idéer og afprøvninger."
                ),
                "description_en": "Go through the skills that matter for our current ideas and experiments.",
                "cue_da": "Hold listen kort: de kompetencer, I har brug for nu.",
                "cue_en": "Keep the list short: the skills you need now.",
                "prompt_da": "",
                "prompt_en": "",
                "posts": False,
                "becomes": "",
            },
            {
                "kind": "individual",
                "minutes": 10,
                "groups": None,
                "dots": None,
                "title_da": "Vurder dig selv",
                "title_en": "Rate yourself",
                # The ratings are made directly in the product, not as posts; the file names no "becomes".
                "description_da": (
                    "Hver vurderer sine egne kompetencer og markerer, hvad man gerne vil lære. "
                    "Det sker direkte i Frontløber på telefonen."
                ),
                "description_en": (
                    "Each person rates their own skills and marks what they want to learn, in the product "
                    "on their phone."
                ),
                "cue_da": "Sig, at vurderingen handler om at finde hjælp – ikke om at blive bedømt.",
                "cue_en": "Say that the rating is about finding help, not about being judged.",
                "prompt_da": "",
                "prompt_en": "",
                "posts": False,
                "becomes": "",
            },
            {
                "kind": "plenary",
                "minutes": 15,
                "groups": None,
                "dots": None,
                "title_da": "Teamets kompetencekort",
                "title_en": "The team's skills map",
                "description_da": (
                    "I ser på teamets kompetencekort sammen: Hvor er I stærke, og hvor er I tynde?"
                ),
                "description_en": "Look at the team's skills map together: where are we strong, where thin?",
                "cue_da": "Se på teamet, ikke på den enkelte.",
                "cue_en": "Look at the team, not at individuals.",
                "prompt_da": "",
                "prompt_en": "",
                "posts": False,
                "becomes": "",
            },
            {
                "kind": "groups",
                "minutes": 15,
                "groups": None,
                "dots": None,
                "title_da": "Lærende og hjælpere",
                "title_en": "Learners and helpers",
                "description_da": (
                    "Dem, der gerne vil lære noget, bliver sat sammen med dem, der kan lære fra sig."
                ),
                "description_en": "Pair those who want to learn with those who can teach.",
                "cue_da": "Spørg også dem, der ikke selv melder sig som hjælpere.",
                "cue_en": "Also ask those who don't volunteer as helpers.",
                "prompt_da": "",
                "prompt_en": "",
                "posts": False,
                "becomes": "",
            },
            {
                "kind": "plenary",
                "minutes": 15,
                "groups": None,
                "dots": None,
                "title_da": "Planlæg læringsaktiviteter",
                "title_en": "Plan learning activities",
                "description_da": (
                    "I planlægger læringsaktiviteter. De bliver til læringsaktiviteter med en vært og en "
                    "dato."
                ),
                "description_en": (
                    "Plan learning activities. They become learning activities with hosts and dates."
                ),
                "cue_da": "Små aktiviteter tæller også: en halv time sammen ved skærmen er læring.",
                "cue_en": "Small activities count too: half an hour together at a screen is learning.",
                "prompt_da": "",
                "prompt_en": "",
                "posts": False,
                "becomes": "learning_activities",
            },
        ],
    },
    {
        "number": 8,
        "slug": "legestuen",
        "practice": "P4",
        "name_da": "Legestuen",
        "name_en": "The tech playground",
        "minutes": 90,
        "min_people": 6,
        "max_people": 30,
        "purpose_da": (
            "Prøv teknologi med hænderne uden en opgave, der skal løses, og kobl den bagefter til "
            "kerneopgaven."
        ),
        "purpose_en": (
            "Try technology hands-on without a task to solve, and connect it to the core task afterwards."
        ),
        "output_da": (
            "Idéer, der opstod under legen, og kompetencevurderinger, der er opdateret ud fra det, "
            "deltagerne prøvede."
        ),
        "output_en": "Ideas raised while playing, and skill ratings updated by what was tried.",
        "follow_up_da": "",
        "follow_up_en": "",
        "steps": [
            {
                "kind": "plenary",
                "minutes": 10,
                "groups": None,
                "dots": None,
                "title_da": "Stationerne præsenteres",
                "title_en": "The stations",
                "description_da": (
                    "Du viser stationerne og fortæller, hvad der er ved hver (udstyr, apps, robotter)."
                ),
                "description_en": "Show the stations and what is at each (devices, apps, robots).",
                "cue_da": "Sig tydeligt, at der ingen opgave er. Det er lov at lege.",
                "cue_en": "Say clearly that there is no task to solve. Playing is allowed.",
                "prompt_da": "",
                "prompt_en": "",
                "posts": False,
                "becomes": "",
            },
            {
                "kind": "groups",
                "minutes": 45,
                "groups": None,
                "dots": None,
                "title_da": "Rundt på stationerne",
                "title_en": "Round the stations",
                "description_da": ("Grupperne går rundt mellem stationerne og prøver teknologien."),
                "description_en": "The groups rotate between the stations and try the technology.",
                "cue_da": "Flyt grupperne videre hvert 15. minut.",
                "cue_en": "Move the groups on every 15 minutes.",
                "prompt_da": "",
                "prompt_en": "",
                "posts": False,
                "becomes": "",
            },
            {
                "kind": "individual",
                "minutes": 10,
                "groups": None,
                "dots": None,
                "title_da": "Det kunne hjælpe os",
                "title_en": "This could help us",
                "description_da": "Alle skriver, hvad det, de har prøvet, kunne hjælpe jer med.",
                "description_en": "Everyone writes what the things they tried could help us with.",
                "cue_da": "Kobl til kerneopgaven: Hvem ville mærke det?",
                "cue_en": "Connect it to the core task: who would feel it?",
                "prompt_da": "Det her kunne hjælpe os med …",
                "prompt_en": "This could help us with …",
                "posts": True,
                "becomes": "",
            },
            {
                "kind": "plenary",
                "minutes": 20,
                "groups": None,
                "dots": None,
                "title_da": "Gennemgå opslagene",
                "title_en": "Go through the posts",
                "description_da": "I gennemgår opslagene sammen. De bliver til idéer.",
                "description_en": "Go through the posts together. They become ideas.",
                "cue_da": "Læg ens opslag sammen, så idéerne bliver få og tydelige.",
                "cue_en": "Merge posts that say the same, so the ideas are few and clear.",
                "prompt_da": "",
                "prompt_en": "",
                "posts": False,
                "becomes": "ideas",
            },
            {
                "kind": "plenary",
                "minutes": 5,
                "groups": None,
                "dots": None,
                "title_da": "Hvem vil gå videre?",
                "title_en": "Who explores further?",
                "description_da": ("I aftaler, hvem der vil udforske hvad nærmere. Det bliver til opgaver."),
                "description_en": "Agree who wants to explore which further. It becomes action items.",
                # The format's output names updated skill ratings, but no step in the file does it;
                # this cue asks for them.
                "cue_da": "Bed alle om at opdatere deres kompetencevurdering ud fra det, de har prøvet.",
                "cue_en": "Ask everyone to update their skill ratings by what they tried.",
                "prompt_da": "",
                "prompt_en": "",
                "posts": False,
                "becomes": "action_items",
            },
        ],
    },
    {
        "number": 9,
        "slug": "forandringsrejsen",
        "practice": "P5",
        "name_da": "Forandringsrejsen",
        "name_en": "The change journey",
        "minutes": 75,
        "min_people": 4,
        "max_people": 20,
        "purpose_da": "Planlæg, hvordan en implementeret løsning bliver hverdag for alle, den berører.",
        "purpose_en": "Plan how an adopted solution becomes everyday practice for everyone it touches.",
        "output_da": (
            "En implementeringsplan: hvem der bliver berørt, hvad der ændrer sig, oplæring, kommunikation, "
            "dato for idriftsættelse og datoer for opfølgning."
        ),
        "output_en": (
            "An adoption plan: who is affected, what changes, training, communication, go-live date, "
            "follow-up dates."
        ),
        "follow_up_da": "",
        "follow_up_en": "",
        "steps": [
            {
                "kind": "plenary",
                "minutes": 10,
                "groups": None,
                "dots": None,
                "title_da": "Hvad og hvorfor",
                "title_en": "What and why",
                "description_da": (
                    "I ser på, hvad I ændrer, og hvorfor: den værdi for kerneopgaven, "
                    "løsningen gav i afprøvningen."
                ),
                "description_en": (
                    "What we are changing and why: the core-task value it gave in the experiment."
                ),
                "cue_da": "Vis resultaterne fra afprøvningen.",
                "cue_en": "Show the results from the experiment.",
                "prompt_da": "",
                "prompt_en": "",
                "posts": False,
                "becomes": "",
            },
            {
                "kind": "groups",
                "minutes": 15,
                "groups": None,
                "dots": None,
                "title_da": "Hvem bliver berørt?",
                "title_en": "Who is affected?",
                "description_da": (
                    "Grupperne skriver, hvem der bliver berørt, og hvordan deres hverdag ændrer sig."
                ),
                "description_en": "The groups post who is affected, and how their day changes.",
                "cue_da": "Tænk også på dem, der ikke er i rummet: borgere, pårørende og andre vagtlag.",
                "cue_en": "Think of those not in the room too: citizens, relatives, other shifts.",
                "prompt_da": "Hvem bliver berørt, og hvordan ændrer deres hverdag sig?",
                "prompt_en": "Who is affected, and how does their day change?",
                "posts": True,
                "becomes": "",
            },
            {
                "kind": "groups",
                "minutes": 15,
                "groups": None,
                "dots": None,
                "title_da": "Bekymringer og støtte",
                "title_en": "Worries and support",
                "description_da": (
                    "Grupperne skriver bekymringer, og hvilken støtte hver gruppe af berørte har brug for."
                ),
                "description_en": "The groups post worries and what support each affected group needs.",
                "cue_da": "Tag bekymringerne alvorligt. De viser, hvor der skal støtte til.",
                "cue_en": "Take the worries seriously. They show where support is needed.",
                "prompt_da": "Hvad bekymrer dem? Hvilken støtte har de brug for?",
                "prompt_en": "What worries them? What support do they need?",
                "posts": True,
                "becomes": "",
            },
            {
                "kind": "plenary",
                "minutes": 20,
                "groups": None,
                "dots": None,
                "title_da": "Planen for implementeringn",
                "title_en": "The adoption plan",
                "description_da": (
                    "I aftaler oplæring, kommunikation, dato for idriftsættelse og hvem der er ansvarlig. "
                    "Det bliver til implementeringsplanen."
                ),
                "description_en": (
                    "Agree training, communication, the go-live date and who is responsible. "
                    "It becomes the adoption plan."
                ),
                "cue_da": "Én person har ansvaret for planen.",
                "cue_en": "One person is responsible for the plan.",
                "prompt_da": "",
                "prompt_en": "",
                "posts": False,
                "becomes": "adoption_plan",
            },
            {
                "kind": "plenary",
                "minutes": 15,
                "groups": None,
                "dots": None,
                "title_da": "Hvornår følger vi op?",
                "title_en": "When do we follow up?",
                "description_da": (
                    "I aftaler, hvornår I tjekker, at løsningen er landet (efter 30 og 90 dage), "
                    "og hvad I ser på. Det bliver til opfølgningerne i implementeringsplanen."
                ),
                "description_en": (
                    "Agree when to check that it has landed (after 30 and 90 days) and what you look at. "
                    "It becomes the adoption plan's follow-up checkpoints."
                ),
                "cue_da": "Sæt datoerne i kalenderen nu.",
                "cue_en": "Put the dates in the calendar now.",
                "prompt_da": "",
                "prompt_en": "",
                "posts": False,
                # The file says "becomes: follow-up checkpoints"; the checkpoints are part of the plan.
                "becomes": "adoption_plan",
            },
        ],
    },
    {
        "number": 10,
        "slug": "er-det-landet",
        "practice": "P5",
        "name_da": "Er det landet?",
        "name_en": "Has it landed?",
        "minutes": 45,
        "min_people": 3,
        "max_people": 15,
        "purpose_da": (
            "Tjek, om en implementeret løsning faktisk bliver brugt og giver den værdi, den lovede – "
            "og beslut, om den skal spredes."
        ),
        "purpose_en": (
            "Check whether an adopted solution is really used and gives the value it promised; decide "
            "whether to spread it."
        ),
        "output_da": (
            "En opfølgning (hvor mange der bruger løsningen, hvilken værdi I ser, hvad der skal justeres) "
            "og – hvor den virker – en case til andre arbejdspladser."
        ),
        "output_en": (
            "A follow-up record (used by how many, value seen, what to adjust) and, where it works, "
            "a case for other workplaces."
        ),
        "follow_up_da": "",
        "follow_up_en": "",
        "steps": [
            {
                "kind": "plenary",
                "minutes": 5,
                "groups": None,
                "dots": None,
                "title_da": "Løftet fra afprøvningen",
                "title_en": "The promise from the experiment",
                "description_da": "I genopfrisker løftet: succeskriterierne fra afprøvningen.",
                "description_en": "Recall the promise: the criteria from the experiment.",
                "cue_da": "Vis kriterierne, så alle kan se dem.",
                "cue_en": "Show the criteria where everyone can see them.",
                "prompt_da": "",
                "prompt_en": "",
                "posts": False,
                "becomes": "",
            },
            {
                "kind": "individual",
                "minutes": 10,
                "groups": None,
                "dots": None,
                "title_da": "Hvor virker det?",
                "title_en": "Where does it work?",
                "description_da": (
                    "Alle skriver, hvor løsningen virker, hvor den ikke gør, og hvilke omveje folk har "
                    "fundet."
                ),
                "description_en": (
                    "Everyone writes where it works, where it does not, and the workarounds people have made."
                ),
                "cue_da": "Omvejene er guld værd. De viser, hvad der skal justeres.",
                "cue_en": "Workarounds are gold. They show what to adjust.",
                "prompt_da": "Hvor virker det? Hvor virker det ikke? Hvilke omveje har folk fundet?",
                "prompt_en": "Where does it work? Where does it not? What workarounds have people made?",
                "posts": True,
                "becomes": "",
            },
            {
                "kind": "plenary",
                "minutes": 15,
                "groups": None,
                "dots": None,
                "title_da": "Værdi og justeringer",
                "title_en": "Value and adjustments",
                "description_da": (
                    "I vurderer den værdi, I ser – for borgerne, for den faglige kvalitet og for hverdagen "
                    "og arbejdsgangene – og hvad der skal justeres. Det bliver til en opfølgning."
                ),
                "description_en": (
                    "Weigh the value seen on each axis and what to adjust. It becomes a follow-up record."
                ),
                "cue_da": "Hold jer til det, I faktisk har set.",
                "cue_en": "Stick to what you have actually seen.",
                "prompt_da": "",
                "prompt_en": "",
                "posts": False,
                "becomes": "follow_up_record",
            },
            {
                "kind": "plenary",
                "minutes": 10,
                "groups": None,
                "dots": None,
                "title_da": "Skal andre vide det?",
                "title_en": "Should others know?",
                "description_da": (
                    "I drøfter, om andre arbejdspladser bør kende til løsningen. "
                    "Hvis ja, bliver det til et udkast til en case."
                ),
                "description_en": (
                    "Should other workplaces know about this? If so, it becomes a case draft."
                ),
                "cue_da": "Tag også det svære med. Det er det, andre lærer mest af.",
                "cue_en": "Include what was hard too. That is what others learn most from.",
                "prompt_da": "",
                "prompt_en": "",
                "posts": False,
                "becomes": "case_draft",
            },
            {
                "kind": "plenary",
                "minutes": 5,
                "groups": None,
                "dots": None,
                "title_da": "Justeringer og ejere",
                "title_en": "Adjustments and owners",
                "description_da": "I aftaler justeringer, ejere og datoer. Det bliver til opgaver.",
                "description_en": "Agree adjustments, owners and dates. They become action items.",
                "cue_da": "Ingen justering uden en ejer og en dato.",
                "cue_en": "No adjustment without an owner and a date.",
                "prompt_da": "",
                "prompt_en": "",
                "posts": False,
                "becomes": "action_items",
            },
        ],
    },
]
