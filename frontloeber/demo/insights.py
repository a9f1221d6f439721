"""The demo's six quarters of work behind the overview of the five practices (issue 18, point 8).

On top of the ideas, experiments, skills and workshops the other demo modules load (mostly from the last
months), each workplace gets a history over the last six quarters that tells its own story:

- Børnehuset Solsikken is strong on ideas (P2: many, answered within days, most of the team takes part) and
  weak on leading the change (P5: nothing adopted goes live, checkpoints are missed);
- Præhospitalt Center is the reverse: few ideas, answered late, but what it tries lands and spreads (P5);
- Lys og Signal tries things and removes its barriers (P3) but holds almost no learning (P4);
- Autismecenter Kastanjehuset learns together every month (P4) while its barriers stay open (P3);
- Borgerservice weighs every idea against the core task and meets its success criteria (P1).

It also forms a leader group of three workplaces and raises two barriers to the organisation, one answered.
Rows are written directly with past dates. Idempotent: a workplace whose history is there is left alone.
"""

import datetime
import random

from django.utils import timezone

from frontloeber.actions.models import Barrier, BarrierChange, BarrierStatus, Escalation
from frontloeber.competences.models import LearningActivity, Signup
from frontloeber.experiments.models import (
    AdoptionPlan,
    AdoptionState,
    Case,
    Checkpoint,
    Experiment,
    ExperimentState,
    SuccessCriterion,
)
from frontloeber.ideas import search
from frontloeber.ideas.models import EventKind, Idea, IdeaEvent, IdeaStatus, Support
from frontloeber.insights.periods import Quarter
from frontloeber.organisations.models import CoreTaskRevision, LeaderGroup, LeaderGroupMember, Role

QUARTERS = 6
GROUP = "Ledergruppe Nord"
GROUP_WORKPLACES = ["boernehuset-solsikken", "autismecenter-kastanjehuset", "borgerservice"]
# What each workplace's story does per quarter: ideas brought, days to the first answer, the share of ideas
# weighing all three values, experiments concluded (and stopped with learning), barriers raised and how many
# days one stays open, learning activities held, adoptions going live, checkpoints kept on time, cases.
STORIES = {
    "boernehuset-solsikken": {
        "ideas": 9, "answer_days": 3, "all_values": 0.5, "experiments": 1, "stopped": 0, "barriers": 1,
        "barrier_days": 30, "activities": 1, "plans": 0, "checkpoints_on_time": 0, "cases": 0,
    },
    "praehospitalt-center": {
        "ideas": 2, "answer_days": 24, "all_values": 0.5, "experiments": 1, "stopped": 0, "barriers": 1,
        "barrier_days": 40, "activities": 1, "plans": 1, "checkpoints_on_time": 1, "cases": 1,
    },
    "lys-og-signal": {
        "ideas": 4, "answer_days": 8, "all_values": 0.5, "experiments": 3, "stopped": 1, "barriers": 2,
        "barrier_days": 12, "activities": 0, "plans": 0, "checkpoints_on_time": 0, "cases": 0,
    },
    "autismecenter-kastanjehuset": {
        "ideas": 3, "answer_days": 10, "all_values": 0.34, "experiments": 0, "stopped": 0, "barriers": 2,
        "barrier_days": None, "activities": 3, "plans": 0, "checkpoints_on_time": 0, "cases": 0,
    },
    "borgerservice": {
        "ideas": 4, "answer_days": 6, "all_values": 1.0, "experiments": 1, "stopped": 0, "barriers": 1,
        "barrier_days": 25, "activities": 0, "plans": 1, "checkpoints_on_time": 0, "cases": 0,
    },
}  # fmt: skip

# What the history's ideas are about, per workplace: (technology, what it is for). Titles are built from
# them in order, so each is used once.
SUBJECTS = {
    "boernehuset-solsikken": (
        ["Tablet", "Fælles digital kalender", "QR-koder", "Lydoptager", "Digital fotovæg", "Billedordbog",
         "Beskedskabelon i Aula", "Bevægelsesspil på storskærm", "Mikroskop med kamera", "Madplan-app"],
        ["forældresamtaler", "sprogarbejdet på stuen", "turdage", "sovetiden", "overleveringen til SFO",
         "garderoben om morgenen"],
    ),
    "praehospitalt-center": (
        ["Digital tjekliste", "Tablet i ambulancen", "Talebesked til vagtcentralen", "Fælles vagtplan-app",
         "Stregkodescanner", "Videokonsultation"],
        ["lageret på stationen", "overleveringen til akutmodtagelsen", "vagtskiftet", "rengøring af bilen",
         "oplæring af nye kolleger"],
    ),
    "lys-og-signal": (
        ["Fjernaflæsning", "Foto-app", "Digitalt kort", "Sensor", "Fælles fejllog", "Tablet i servicebilen"],
        ["signalanlæggene", "gadebelysningen", "vinterberedskabet", "borgerhenvendelser om fejl",
         "planlægning af ruter"],
    ),
    "autismecenter-kastanjehuset": (
        ["Visuel dagsplan", "Timer-app", "Billedkort på tablet", "Sensorlampe", "Fælles dagbog",
         "Video-modellering"],
        ["morgenrutinen", "overgange mellem aktiviteter", "samarbejdet med pårørende", "aftenvagten"],
    ),
    "borgerservice": (
        ["Selvbetjeningsguide", "Digital kønummer-skærm", "Chatbot", "Videovejledning",
         "Tidsbestilling online", "Skabelon til svarbreve"],
        ["pas og kørekort", "NemID og MitID", "pensionssager", "flytninger", "ældre borgere uden computer"],
    ),
}  # fmt: skip

CRITERIA_AXES = ["citizens", "quality", "routines"]


def seed(*, workplaces, people, now=None):
    """``workplaces``: slug → Workplace; ``people``: full name → User. Returns how many rows were created."""
    now = now or timezone.now()
    created = 0
    quarters = Quarter.current(timezone.localdate(now)).back(QUARTERS)
    for slug, story in STORIES.items():
        workplace = workplaces[slug]
        if CoreTaskRevision.objects.filter(workplace=workplace).exists():
            continue  # the history is there
        created += _history(workplace, story, quarters, now)
    created += _leader_group(workplaces)
    created += _raised_barriers(workplaces, now)
    return created


def _titles(slug):
    """Each workplace's titles, each used once: every technology for every purpose, said three ways."""
    tools, uses = SUBJECTS[slug]
    for pattern in ("{tool} til {use}", "Kan {tool_lower} hjælpe med {use}?", "Prøv {tool_lower} til {use}"):
        for use in uses:
            for tool in tools:
                lower = tool if tool[:2].isupper() else tool[0].lower() + tool[1:]  # "QR-koder" stays
                yield pattern.format(tool=tool, tool_lower=lower, use=use)


def history_titles():
    """Every title the history may give an idea: what the other demo modules' tests leave out."""
    return {title for slug in SUBJECTS for title in _titles(slug)}


def _members(workplace):
    memberships = workplace.memberships.select_related("user").order_by("pk")
    leader = next(m.user for m in memberships if m.role == Role.LEADER)
    return leader, [m.user for m in memberships if m.role == Role.EMPLOYEE]


def _history(workplace, story, quarters, now):
    rng = random.Random(workplace.slug)  # noqa: S311 — demo data, the same on every run
    leader, team = _members(workplace)
    titles = _titles(workplace.slug)
    created = 0
    first = quarters[0].bounds()[0]
    CoreTaskRevision.objects.create(
        workplace=workplace,
        text=workplace.core_task,
        revised_by=leader,
        revised_at=first + datetime.timedelta(days=20),
    )
    for index, quarter in enumerate(quarters):
        start, end = quarter.bounds()
        last = min(end, now) - datetime.timedelta(hours=1)
        span = (last - start).days
        if span < 7:
            continue

        def moment(fraction, start=start, span=span):
            return start + datetime.timedelta(days=int(span * fraction), hours=9 + rng.randint(0, 6))

        # Ideas (P1, P2): a steady number, answered after the story's days, closed one way or another.
        count = story["ideas"] + (1 if index % 2 else 0)
        for n in range(count):
            submitted = moment((n + 0.5) / (count + 1) * 0.8)
            all_values = n < round(story["all_values"] * count)
            idea = _idea(
                workplace, next(titles), rng.choice(team), submitted, story["answer_days"], all_values, now
            )
            created += 1
            for supporter in rng.sample(team, k=min(len(team), 2 + (n % 3))):
                if supporter.pk != idea.author_id:
                    Support.objects.create(
                        workplace=workplace,
                        idea=idea,
                        user=supporter,
                        created_at=submitted + datetime.timedelta(days=1),
                    )
            Idea.objects.filter(pk=idea.pk).update(support_count=idea.supports.count())
            if n == count - 1 and not all_values:  # a "no", with its reason
                _say_no(idea, leader, submitted + datetime.timedelta(days=story["answer_days"]))
        # Experiments (P1, P3): concluded in the quarter, criteria met as the story goes.
        for n in range(story["experiments"]):
            stopped = n < story["stopped"]
            created += _experiment(
                workplace, next(titles), leader, team, rng, moment(0.1), moment(0.85), stopped, now
            )
        # Barriers (P3): raised in the quarter, removed after the story's days (or left open).
        for n in range(story["barriers"]):
            raised = moment(0.2 + 0.3 * n)
            barrier = Barrier.objects.create(
                workplace=workplace,
                kind=["time", "worry", "habit"][(index + n) % 3],
                description=_barrier_text(workplace.slug, index + n),
                created_by=rng.choice(team),
                created_at=raised,
                updated_at=raised,
            )
            created += 1
            if story["barrier_days"] is not None:
                removed = raised + datetime.timedelta(days=story["barrier_days"])
                if removed < now:
                    BarrierChange.objects.create(
                        workplace=workplace,
                        barrier=barrier,
                        field=BarrierChange.Field.STATUS,
                        from_value=BarrierStatus.OPEN,
                        to_value=BarrierStatus.REMOVED,
                        actor=leader,
                        at=removed,
                    )
                    Barrier.objects.filter(pk=barrier.pk).update(
                        status=BarrierStatus.REMOVED, updated_at=removed
                    )
        # Learning (P4): activities held, most of those signed up came and rated them.
        for n in range(story["activities"]):
            created += _activity(
                workplace, leader, team, rng, moment((n + 1) / (story["activities"] + 1)), now
            )
        # Adoptions and cases (P5).
        for n in range(story["plans"]):
            created += _adoption(
                workplace,
                next(titles),
                leader,
                team,
                rng,
                moment(0.3),
                story["checkpoints_on_time"],
                now,
                publish=n < story["cases"],
            )
    return created


def _idea(workplace, title, author, submitted, answer_days, all_values, now):
    answered = submitted + datetime.timedelta(days=answer_days, hours=2)
    values = (2, 1, 1) if all_values else (2, None, None)
    status = IdeaStatus.PARKED if answered < now else IdeaStatus.NEW
    idea = Idea.objects.create(
        workplace=workplace,
        author=author,
        title=title,
        need="Det tager tid i hverdagen, og vi tror, det kan gøres lettere.",
        description=f"{title}: vi vil prøve det i lille skala og se, om det hjælper.",
        value_citizens=values[0],
        value_citizens_why="Borgerne mærker det" if values[0] else "",
        value_quality=values[1],
        value_quality_why="Fagligt bedre" if values[1] is not None else "",
        value_routines=values[2],
        value_routines_why="Lettere hverdag" if values[2] is not None else "",
        concerns="Det må ikke tage tid fra kerneopgaven." if all_values else "",
        status=status,
        created_at=submitted,
        last_activity_at=min(answered, now),
        first_response_at=answered if answered < now else None,
        awaiting_leader_since=None if answered < now else submitted,
    )
    search.index(idea, [])
    IdeaEvent.objects.create(
        workplace=workplace, idea=idea, actor=author, kind=EventKind.SUBMITTED, created_at=submitted
    )
    if answered < now:
        IdeaEvent.objects.create(
            workplace=workplace,
            idea=idea,
            kind=EventKind.MOVED,
            from_status=IdeaStatus.NEW,
            to_status=IdeaStatus.PARKED,
            message="Vi gemmer den til næste planlægningsdag.",
            created_at=answered,
        )
    return idea


def _say_no(idea, leader, at):
    Idea.objects.filter(pk=idea.pk).update(status=IdeaStatus.NOT_PURSUED)
    IdeaEvent.objects.create(
        workplace=idea.workplace,
        idea=idea,
        actor=leader,
        kind=EventKind.MOVED,
        from_status=IdeaStatus.PARKED,
        to_status=IdeaStatus.NOT_PURSUED,
        message="Det passer ikke med vores kerneopgave lige nu.",
        created_at=at,
    )


def _weighed_idea(workplace, title, author, *, need, description, status, brought, answered, last):
    """An idea that was tried: every value weighed, answered, indexed for search."""
    idea = Idea.objects.create(
        workplace=workplace,
        author=author,
        title=title,
        need=need,
        description=description,
        **{f"value_{axis}": 2 for axis in CRITERIA_AXES},
        **{f"value_{axis}_why": "Det gør en forskel for borgerne og for os" for axis in CRITERIA_AXES},
        status=status,
        created_at=brought,
        last_activity_at=last,
        first_response_at=answered,
    )
    search.index(idea, [])
    return idea


def _experiment(workplace, title, leader, team, rng, started, concluded, stopped, now):
    if concluded >= now:
        return 0
    idea = _weighed_idea(
        workplace,
        title,
        rng.choice(team),
        need="Vi vil vide, om det virker hos os.",
        description=f"{title}, afprøvet i fire uger.",
        status=IdeaStatus.PARKED if stopped else IdeaStatus.ADOPTED,
        brought=started - datetime.timedelta(days=21),
        answered=started - datetime.timedelta(days=18),
        last=concluded,
    )
    experiment = Experiment.objects.create(
        workplace=workplace,
        idea=idea,
        hypothesis=f"Vi tror, at “{title}” gør hverdagen lettere for os og borgerne.",
        starts_on=started.date(),
        ends_on=(started + datetime.timedelta(days=28)).date(),
        stop_rule="Vi stopper, hvis det tager tid fra borgerne.",
        state=ExperimentState.CONCLUDED,
        decision="stop" if stopped else "adopt",
        learnings="Vi lærte, hvad der skal til, før det kan bruges."
        if stopped
        else "Det virkede for de fleste.",
        personal_data=False,
        vulnerable_citizens=False,
        needs_it=False,
        safety_confirmed_by=leader,
        safety_confirmed_at=started - datetime.timedelta(days=2),
        created_by=leader,
        created_at=started - datetime.timedelta(days=7),
        started_at=started,
        concluded_at=concluded,
    )
    for position, axis in enumerate(CRITERIA_AXES[:2]):
        SuccessCriterion.objects.create(
            workplace=workplace,
            experiment=experiment,
            axis=axis,
            description="Det gør en forskel",
            measure="Vi spørger dem, det handler om",
            result="not_met" if stopped else ("met" if position == 0 else "partly"),
            evidence="Svarene viser det.",
            position=position,
        )
    return 2


def _activity(workplace, leader, team, rng, starts, now):
    if starts >= now:
        return 0
    activity = LearningActivity.objects.create(
        workplace=workplace,
        kind="peer",
        title="Legestue: prøv det selv",
        starts_at=starts,
        minutes=60,
        place="Personalerummet",
        host=leader,
        created_by=leader,
        created_at=starts - datetime.timedelta(days=14),
    )
    for n, person in enumerate(team[:6]):
        came = n < 5
        Signup.objects.create(
            workplace=workplace,
            activity=activity,
            user=person,
            signed_up_at=starts - datetime.timedelta(days=7),
            attended=came,
            rating=4 + (n % 2) if came else None,
            feedback="Godt at prøve det i hænderne sammen." if came else "",
        )
    return 1


def _adoption(workplace, title, leader, team, rng, live, on_time, now, *, publish):
    if live >= now:
        return 0
    idea = _weighed_idea(
        workplace,
        title,
        rng.choice(team),
        need="Det tog for lang tid før.",
        description=f"{title}, som vi nu bruger hver dag.",
        status=IdeaStatus.ADOPTED,
        brought=live - datetime.timedelta(days=80),
        answered=live - datetime.timedelta(days=75),
        last=live,
    )
    plan = AdoptionPlan.objects.create(
        workplace=workplace,
        idea=idea,
        affected="Hele holdet",
        training="En legestue",
        communication="Personalemøde",
        go_live_on=live.date(),
        responsible=leader,
        state=AdoptionState.LIVE,
        live_at=live,
        created_at=live - datetime.timedelta(days=14),
    )
    for days in (30, 90):
        due = live + datetime.timedelta(days=days)
        if due >= now:
            continue
        recorded = due + datetime.timedelta(days=2 if on_time else 20)
        Checkpoint.objects.create(
            workplace=workplace,
            plan=plan,
            days=days,
            due_on=due.date(),
            users=8,
            affected=10,
            value_citizens=2,
            value_quality=2,
            value_routines=1,
            notes="Det bruges af de fleste.",
            recorded_by=leader,
            recorded_at=min(recorded, now - datetime.timedelta(hours=1)),
        )
    if publish:
        Case.objects.create(
            workplace=workplace,
            idea=idea,
            summary=f"{title}.",
            value_achieved="Mindre ventetid og færre fejl.",
            what_it_took="En tablet og to legestuer.",
            learnings="Start i det små.",
            contact=leader,
            published_by=leader,
            published_at=live + datetime.timedelta(days=40),
        )
    return 2


BARRIERS = [
    "Vi har ikke tid til at prøve noget nyt i travle perioder.",
    "Nogle er bekymrede for, om data om borgerne er sikre.",
    "Vi plejer at gøre det på papir, og det er svært at ændre.",
    "Det tager lang tid at få IT til at installere noget.",
    "Vi ved ikke, hvem der må godkende et nyt værktøj.",
    "Der er ikke afsat timer til at lære det nye.",
]


def _barrier_text(slug, n):
    return BARRIERS[n % len(BARRIERS)]


def _leader_group(workplaces):
    organisation = workplaces[GROUP_WORKPLACES[0]].organisation
    if LeaderGroup.objects.filter(organisation=organisation, name=GROUP).exists():
        return 0
    group = LeaderGroup.objects.create(organisation=organisation, name=GROUP)
    for slug in GROUP_WORKPLACES:
        LeaderGroupMember.objects.create(group=group, workplace=workplaces[slug])
    return 1 + len(GROUP_WORKPLACES)


def _raised_barriers(workplaces, now):
    """Two barriers raised to the organisation: the ambulance station's, answered; the technical unit's,
    taken up and waiting."""
    created = 0
    for slug, text, kind, answered in (
        ("praehospitalt-center", "Vi må ikke installere apps på tablets i ambulancerne.", "it", True),
        (
            "lys-og-signal",
            "Vi har ingen budgetpost til sensorer, når en afprøvning er slut.",
            "budget",
            False,
        ),
    ):
        workplace = workplaces[slug]
        if Barrier.objects.filter(workplace=workplace, description=text).exists():
            continue
        leader, _team = _members(workplace)
        admin = workplace.organisation.admins.select_related("user").first()
        admin = admin.user if admin else leader
        raised = now - datetime.timedelta(days=40 if answered else 25)
        barrier = Barrier.objects.create(
            workplace=workplace,
            kind="habit",
            description=text,
            created_by=leader,
            created_at=raised,
            updated_at=raised,
            escalation=Escalation.RAISED,
            raised_kind=kind,
            raised_by=leader,
            raised_at=raised,
            raised_why="Det kræver en beslutning i forvaltningen; vi kan ikke selv ændre det.",
        )
        steps = [("", Escalation.RAISED, leader, raised, "Det kræver en beslutning i forvaltningen.")]
        taken = raised + datetime.timedelta(days=3)
        due = (taken + datetime.timedelta(days=21)).date()
        answerer = "IT-afdelingen" if kind == "it" else "Økonomichefen"
        steps.append((Escalation.RAISED, Escalation.TAKEN, admin, taken, f"{answerer} · {due.isoformat()}"))
        fields = {"escalation": Escalation.TAKEN, "answerer": answerer, "answer_due_on": due}
        if answered:
            at = taken + datetime.timedelta(days=14)
            answer = "Godkendt: IT opretter en profil til ambulancernes tablets med de apps, I har brug for."
            steps.append((Escalation.TAKEN, Escalation.RESOLVED, admin, at, answer))
            fields.update(escalation=Escalation.RESOLVED, answer=answer, answered_at=at)
        for from_value, to_value, actor, at, note in steps:
            BarrierChange.objects.create(
                workplace=workplace,
                barrier=barrier,
                field=BarrierChange.Field.ESCALATION,
                from_value=from_value,
                to_value=to_value,
                actor=actor,
                at=at,
                note=note,
            )
        Barrier.objects.filter(pk=barrier.pk).update(**fields)
        created += 1
    return created
