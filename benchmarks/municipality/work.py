"""Experiments, adoption plans and cases; challenges and workshop sessions; learning activities."""

from . import sizes
from .sql import insert_links, insert_select, pick


def experiments(cursor, step, b):
    """Experiments for some of the ideas being tried out or adopted, as the experiment, adoption and case
    services leave them, each step at a share of the time from the idea to now.

    An adopted idea's experiment concluded "adopt", its adoption plan went live (checkpoints set, the due
    ones reminded and most recorded) and four in five were published as cases. An idea being tried out has
    an experiment planned (safety check not answered yet), running (answered and confirmed by the leader),
    being evaluated, or concluded "adopt" with its plan not yet live. The leader plans and decides; the
    idea's author takes part with a colleague and is responsible for the plan and the case's contact."""
    from frontloeber.experiments.models import AdoptionPlan, Case, Checkpoint, Experiment, SuccessCriterion

    phases = ("running", "running", "running", "evaluating", "planned", "adopting", "running", "evaluating")
    k = f"(i.id - {b.first_idea})"
    leader = b.person(b.w("i.workplace_id"), 0)
    # share(x): the moment x of the way from the idea's submission to now.
    ideas = (
        f"(SELECT i.*, {k}::int AS k, {leader} AS leader, CASE WHEN i.status = 'adopted' THEN 'live'"
        f" ELSE {pick(phases, f'{k} / 96')} END AS phase FROM ideas_idea i"
        f" WHERE i.id BETWEEN %s AND %s AND i.status IN ('experimenting', 'adopted')"
        f" AND mod({k} / 24, 4) = 0) AS i"
    )

    def share(x):
        return f"(i.created_at + (now() - i.created_at) * {x})"

    concluded = "i.phase IN ('adopting', 'live')"
    answered = "i.phase <> 'planned'"
    started = share(0.2)
    ends = (
        f"CASE i.phase WHEN 'planned' THEN current_date + 45 + mod(i.k, 20)"
        f" WHEN 'running' THEN current_date + 7 + mod(i.k, 30)"
        f" WHEN 'evaluating' THEN greatest({started}::date, current_date - 1 - mod(i.k, 5))"
        f" ELSE {share(0.4)}::date END"
    )
    step(
        "experiments",
        insert_select(
            cursor,
            Experiment,
            f"{ideas}, LATERAL (SELECT {ends} AS ends_on) e",
            {
                "organisation_id": "i.organisation_id",
                "workplace_id": "i.workplace_id",
                "idea_id": "i.id",
                "hypothesis": "'Vi tror, at ' || i.title || ' vil give os mere tid sammen med borgerne.'",
                "starts_on": f"CASE WHEN {answered} THEN {started}::date"
                " ELSE current_date + 3 + mod(i.k, 20) END",
                "ends_on": "e.ends_on",
                "hours": "10 + mod(i.k, 40)",
                "budget_dkk": "mod(i.k, 5) * 5000",
                "equipment": "CASE WHEN mod(i.k, 2) = 0 THEN 'To tablets og et stativ' ELSE '' END",
                "stop_rule": "'Vi stopper, hvis det tager tid fra borgerne eller gør nogen utrygge.'",
                "state": f"CASE WHEN {concluded} THEN 'concluded' ELSE i.phase END",
                "personal_data": f"CASE WHEN {answered} THEN mod(i.k, 5) = 0 END",
                "personal_data_which": f"CASE WHEN {answered} AND mod(i.k, 5) = 0"
                " THEN 'Navne og billeder af borgerne' ELSE '' END",
                "legal_basis": f"CASE WHEN {answered} AND mod(i.k, 5) = 0"
                " THEN 'Samtykke fra borgeren' ELSE '' END",
                "dpo_contact": f"CASE WHEN {answered} AND mod(i.k, 5) = 0"
                f" THEN 'dpo@{sizes.DOMAIN}' ELSE '' END",
                "vulnerable_citizens": f"CASE WHEN {answered} THEN false END",
                "needs_it": f"CASE WHEN {answered} THEN mod(i.k, 3) = 0 END",
                "it_what": f"CASE WHEN {answered} AND mod(i.k, 3) = 0"
                " THEN 'Installere appen på afdelingens tablets' ELSE '' END",
                "safety_confirmed_by_id": f"CASE WHEN {answered} THEN i.leader END",
                "safety_confirmed_at": f"CASE WHEN {answered} THEN {share(0.15)} END",
                "decision": f"CASE WHEN {concluded} THEN 'adopt' ELSE '' END",
                "learnings": f"CASE WHEN {concluded} THEN"
                " 'Det virkede, når alle på vagten kendte planen og vidste, hvem de kunne spørge.'"
                " ELSE '' END",
                "started_at": f"CASE WHEN {answered} THEN {started} END",
                "concluded_at": f"CASE WHEN {concluded} THEN {share(0.45)} END",
                # The daily task asked for the evaluation the morning after the last day.
                "evaluation_reminded_at": "CASE WHEN i.phase = 'evaluating' AND e.ends_on < current_date"
                " THEN (e.ends_on + 1)::timestamptz + interval '6 hours' END",
                "created_by_id": "i.leader",
                "created_at": f"CASE WHEN {answered} THEN {share(0.1)} ELSE {share(0.5)} END",
            },
            [b.first_idea, b.first_idea + sizes.TRIED_WITHIN - 1],
        ),
    )
    experiment = f"experiments_experiment x JOIN ideas_idea i ON i.id = x.idea_id WHERE {b.ours('x')}"
    step(
        "success criteria",
        insert_select(
            cursor,
            SuccessCriterion,
            f"experiments_experiment x CROSS JOIN generate_series(0, 1) AS c WHERE {b.ours('x')}",
            {
                "organisation_id": "x.organisation_id",
                "workplace_id": "x.workplace_id",
                "experiment_id": "x.id",
                "axis": "CASE c WHEN 0 THEN 'citizens' ELSE 'routines' END",
                "description": "CASE c WHEN 0 THEN 'Borgerne oplever, at vi har bedre tid'"
                " ELSE 'Vi bruger mindre tid på at lede efter oplysninger' END",
                "measure": "CASE c WHEN 0 THEN 'Vi spørger ti borgere før og efter'"
                " ELSE 'Vi tæller minutterne på tre vagter før og efter' END",
                "result": "CASE WHEN x.state = 'concluded' THEN CASE WHEN c = 0 OR mod(x.id, 3) > 0"
                " THEN 'met' ELSE 'partly' END ELSE '' END",
                "evidence": "CASE WHEN x.state = 'concluded' THEN 'Se læringsloggen.' ELSE '' END",
                "position": "c",
            },
        ),
    )
    colleague = b.person(
        b.w("i.workplace_id"), f"1 + mod({b.p('i.author_id')} + 6, {sizes.PEOPLE_PER_WORKPLACE - 1})"
    )
    step(
        "experiment participants",
        insert_links(
            cursor,
            Experiment.participants,
            f"SELECT x.id, i.author_id FROM {experiment}"
            f" UNION ALL SELECT x.id, {colleague} FROM {experiment}",
        ),
    )
    # The skills the work still ahead needs, so the skills map shows them.
    insert_links(
        cursor,
        Experiment.skills,
        f"SELECT x.id, {b.skill('x.idea_id')} FROM experiments_experiment x"
        f" WHERE {b.ours('x')} AND x.state IN ('planned', 'running')",
    )
    live = "i.status = 'adopted'"
    step(
        "adoption plans",
        insert_select(
            cursor,
            AdoptionPlan,
            f"{experiment} AND x.decision = 'adopt'",
            {
                "organisation_id": "x.organisation_id",
                "workplace_id": "x.workplace_id",
                "idea_id": "i.id",
                "experiment_id": "x.id",
                "affected": "'Alle på dagvagten: de bruger løsningen i stedet for papirlisten.'",
                "training": "'En times introduktion på personalemødet, og en kollega at spørge.'",
                "communication": "'Nyhed på intra og opslag i personalestuen.'",
                "go_live_on": f"CASE WHEN {live} THEN {share(0.6)}::date"
                " ELSE current_date + 14 + mod(i.id, 30)::int END",
                "responsible_id": "i.author_id",
                "state": f"CASE WHEN {live} THEN 'live' ELSE 'planned' END",
                "live_at": f"CASE WHEN {live} THEN {share(0.6)} END",
                "created_at": share(0.5),
            },
        ),
    )
    insert_links(
        cursor,
        AdoptionPlan.skills,
        f"SELECT a.id, {b.skill('a.idea_id + 1')} FROM experiments_adoptionplan a WHERE {b.ours('a')}",
    )
    # Each live plan's two checkpoints; the daily task reminded on the due day, and three in four of those
    # due were recorded two days later by the plan's responsible.
    recorded = "c.due_on < current_date - 2 AND mod(a.id, 4) > 0"
    step(
        "checkpoints",
        insert_select(
            cursor,
            Checkpoint,
            "experiments_adoptionplan a CROSS JOIN LATERAL (VALUES (a.first_checkpoint_days),"
            " (a.second_checkpoint_days)) AS d(days), LATERAL (SELECT a.go_live_on + d.days AS due_on) c"
            f" WHERE {b.ours('a')} AND a.state = 'live'",
            {
                "organisation_id": "a.organisation_id",
                "workplace_id": "a.workplace_id",
                "plan_id": "a.id",
                "days": "d.days",
                "due_on": "c.due_on",
                "users": f"CASE WHEN {recorded} THEN 8 + mod(a.id, 12) END",
                "affected": f"CASE WHEN {recorded} THEN 20 END",
                "value_citizens": f"CASE WHEN {recorded} THEN mod(a.id, 4) END",
                "value_quality": f"CASE WHEN {recorded} THEN mod(a.id / 4, 4) END",
                "value_routines": f"CASE WHEN {recorded} THEN 1 + mod(a.id, 3) END",
                "notes": f"CASE WHEN {recorded} THEN 'Bruges dagligt af de fleste på dagvagten.' ELSE '' END",
                "recorded_by_id": f"CASE WHEN {recorded} THEN a.responsible_id END",
                "recorded_at": f"CASE WHEN {recorded}"
                " THEN (c.due_on + 2)::timestamptz + interval '10 hours' END",
                "reminded_at": "CASE WHEN c.due_on <= current_date"
                " THEN c.due_on::timestamptz + interval '6 hours' END",
            },
        ),
    )
    step(
        "cases",
        insert_select(
            cursor,
            Case,
            "experiments_adoptionplan a JOIN ideas_idea i ON i.id = a.idea_id"
            f" WHERE {b.ours('a')} AND a.state = 'live' AND mod((i.id - {b.first_idea}) / 96, 5) > 0",
            {
                "organisation_id": "a.organisation_id",
                "workplace_id": "a.workplace_id",
                "idea_id": "i.id",
                "summary": "'Vi afprøvede ' || i.title || ' i seks uger, og nu er det en del af hverdagen.'",
                "value_achieved": "'Mindre dobbeltarbejde og mere ro på vagten.'",
                "what_it_took": "'To tablets, en times oplæring og en kollega, der kunne svare.'",
                "learnings": "'Start småt, og aftal på forhånd, hvordan I måler, om det virker.'",
                "contact_id": "a.responsible_id",
                "published_by_id": b.person(b.w("a.workplace_id"), 0),
                "published_at": share(0.8),
            },
        ),
    )


def challenges_and_workshops(cursor, step, b):
    """Three challenges per workplace (two closed, one open now), and two workshop sessions: one ended a few
    weeks ago, one planned. The leader plans and facilitates and invites nine colleagues; in the ended one
    eight were in the room and posted twice each in the first step, and in a Kerneopgave-kompasset session
    the facilitator made one post a challenge (post_to_challenge: open from that day)."""
    from frontloeber.ideas.models import Challenge
    from frontloeber.workshops.models import (
        CODE_ALPHABET,
        CODE_LENGTH,
        Participant,
        Post,
        SessionInvitation,
        SessionOutput,
        WorkshopSession,
    )

    # Challenge c opened 300, 120 or 10 days ago and was open for 45, 30 or 40 days (the last one still is).
    opens = f"current_date - {pick((300, 120, 10), 'c')} - mod(w, 10)"
    step(
        "challenges",
        insert_select(
            cursor,
            Challenge,
            "generate_series(0, %s - 1) AS w CROSS JOIN generate_series(0, 2) AS c,"
            f" LATERAL (SELECT {opens} AS opens) o",
            {
                "organisation_id": str(b.organisation.pk),
                "workplace_id": f"{b.first_workplace} + w",
                "title": pick(sizes.CHALLENGES, "w + c"),
                "description": "'Skriv jeres idé, også hvis den kun er halvt færdig.'",
                "opens_on": "o.opens",
                "closes_on": f"o.opens + {pick((45, 30, 40), 'c')}",
                "created_by_id": b.person("w", 0),
                "created_at": "(o.opens - 1)::timestamptz + interval '10 hours'",
            },
            [sizes.WORKPLACES],
        ),
    )
    # The join code: the session's number in CODE_ALPHABET's digits, so every code is different.
    base = len(CODE_ALPHABET)
    code = " || ".join(
        f"substr('{CODE_ALPHABET}', 1 + mod((n + {base ** (CODE_LENGTH - 1)}) / {base**i}, {base}), 1)"
        for i in range(CODE_LENGTH)
    )
    ended = "mod(n, 2) = 0"
    day = "date_trunc('day', now())"
    formats = (
        "JOIN workshops_workshopformat f ON f.version = (SELECT max(version) FROM workshops_workshopformat)"
        f" AND f.number = CASE WHEN {ended} THEN {pick([1, 3, 5], 'n / 2')} ELSE 1 + mod(n / 2, 10) END"
    )
    start = f"CASE WHEN {ended} THEN {day} - (20 + mod(n, 60)) * interval '1 day'"
    start += f" ELSE {day} + (10 + mod(n, 60)) * interval '1 day' END + interval '12 hours'"
    step(
        "workshop sessions",
        insert_select(
            cursor,
            WorkshopSession,
            f"generate_series(0, %s - 1) AS n {formats}, LATERAL (SELECT {start} AS starts_at) s",
            {
                "organisation_id": str(b.organisation.pk),
                "workplace_id": f"{b.first_workplace} + n / 2",
                "format_id": "f.id",
                "starts_at": "s.starts_at",
                "place": pick(sizes.PLACES, "n"),
                "facilitator_id": b.person("n / 2", 0),
                "state": f"CASE WHEN {ended} THEN 'ended' ELSE 'planned' END",
                "created_by_id": b.person("n / 2", 0),
                "created_at": "least(s.starts_at - interval '14 days', now())",
                "join_code": f"CASE WHEN {ended} THEN {code} END",
                "step_position": f"CASE WHEN {ended} THEN"
                " (SELECT max(position) FROM workshops_workshopstep WHERE format_id = f.id) END",
                "group_count": f"CASE WHEN {ended} THEN 2 + mod(n / 2, 2) ELSE 0 END",
                "revision": f"CASE WHEN {ended} THEN 40 + mod(n, 30) ELSE 0 END",
                "started_at": f"CASE WHEN {ended} THEN s.starts_at END",
                "ended_at": f"CASE WHEN {ended} THEN s.starts_at + interval '80 minutes' END",
            },
            [sizes.WORKPLACES * 2],
        ),
    )
    # Invited: the facilitator (j = 0) and nine colleagues; in the room: the first eight of them.
    w = b.w("s.workplace_id")
    colleague = f"CASE WHEN j = 0 THEN 0 ELSE 1 + mod({w} + 3 * j, {sizes.PEOPLE_PER_WORKPLACE - 1}) END"
    sessions = "workshops_workshopsession s CROSS JOIN generate_series(0, {last}) AS j"
    tenant = {"organisation_id": "s.organisation_id", "workplace_id": "s.workplace_id", "session_id": "s.id"}
    step(
        "workshop invitations",
        insert_select(
            cursor,
            SessionInvitation,
            sessions.format(last=9) + f" WHERE {b.ours('s')}",
            {**tenant, "user_id": b.person(b.w("s.workplace_id"), colleague), "invited_at": "s.created_at"},
        ),
    )
    step(
        "workshop participants",
        insert_select(
            cursor,
            Participant,
            sessions.format(last=7)
            + f" JOIN accounts_user u ON u.id = {b.person(b.w('s.workplace_id'), colleague)}"
            + f" WHERE {b.ours('s')} AND s.state = 'ended'",
            {
                **tenant,
                "user_id": "u.id",
                "display_name": "u.full_name",
                "group": "1 + mod(j, s.group_count)",
                "joined_at": "s.started_at + j * interval '1 minute'",
            },
        ),
    )
    step(
        "workshop posts",
        insert_select(
            cursor,
            Post,
            "workshops_participant pt JOIN workshops_workshopsession s ON s.id = pt.session_id"
            f" CROSS JOIN generate_series(1, 2) AS x WHERE {b.ours('s')} AND pt.user_id <> s.facilitator_id",
            {
                **tenant,
                "step_position": "1",
                "author_id": "pt.id",
                "text": pick(sizes.POSTS, "pt.id + x"),
                "created_at": "s.started_at + (10 + 3 * x) * interval '1 minute'",
            },
        ),
    )
    compass = (
        "workshops_workshopsession s JOIN workshops_workshopformat f ON f.id = s.format_id"
        f" AND f.slug = 'kerneopgave-kompasset' WHERE {b.ours('s')} AND s.state = 'ended'"
    )
    made_at = "s.ended_at - interval '5 minutes'"
    on_the_day = "(s.ended_at AT TIME ZONE 'Europe/Copenhagen')::date"
    insert_select(
        cursor,
        Challenge,
        compass,
        {
            "organisation_id": "s.organisation_id",
            "workplace_id": "s.workplace_id",
            "title": pick(sizes.CHALLENGES, f"{b.w('s.workplace_id')} + 3"),
            "opens_on": on_the_day,
            "closes_on": f"{on_the_day} + 30",
            "created_by_id": "s.facilitator_id",
            "created_at": made_at,
        },
    )
    step(
        "workshop outputs",
        insert_select(
            cursor,
            SessionOutput,
            compass.replace(
                " WHERE",
                " JOIN ideas_challenge ch ON ch.workplace_id = s.workplace_id"
                f" AND ch.created_at = {made_at} WHERE",
            ),
            {
                **tenant,
                "post_id": "(SELECT min(id) FROM workshops_post WHERE session_id = s.id)",
                "kind": "'challenge'",
                "challenge_id": "ch.id",
                "created_by_id": "s.facilitator_id",
                "created_at": made_at,
            },
        ),
    )


def learning(cursor, step, b):
    """Two learning activities per workplace, each building one catalogue skill: one held a month or two ago
    (attendance recorded in most, some feedback), one coming, with six colleagues signed up to each. The
    leader plans; a peer training is hosted by an employee."""
    from frontloeber.competences.models import LearningActivity, Signup

    past = "mod(n, 2) = 0"
    day = "date_trunc('day', now())"
    start = f"CASE WHEN {past} THEN {day} - (30 + mod(n, 40)) * interval '1 day'"
    start += f" ELSE {day} + (7 + mod(n, 40)) * interval '1 day' END + interval '12 hours'"
    kind = pick(sizes.ACTIVITY_KINDS, "n / 2 + mod(n, 2)")
    titles = "CASE a.kind WHEN 'playground' THEN 'Legestue: ' WHEN 'peer' THEN 'Kollega lærer kollega: '"
    titles += " ELSE 'Kursus: ' END || sk.name"
    host = b.person(
        "n / 2", f"CASE WHEN a.kind = 'peer' THEN 1 + mod(n / 2, {sizes.PEOPLE_PER_WORKPLACE - 1}) ELSE 0 END"
    )
    step(
        "learning activities",
        insert_select(
            cursor,
            LearningActivity,
            f"generate_series(0, %s - 1) AS n, LATERAL (SELECT {kind} AS kind, {start} AS starts_at) a,"
            f" competences_skill sk WHERE sk.id = {b.skill('n / 2 + 5 * mod(n, 2)')}",
            {
                "organisation_id": str(b.organisation.pk),
                "workplace_id": f"{b.first_workplace} + n / 2",
                "kind": "a.kind",
                "title": titles,
                "description": "'Vi prøver det af sammen, i vores eget tempo. Tag gerne et spørgsmål med.'",
                "starts_at": "a.starts_at",
                "minutes": pick([60, 90, 120], "n"),
                "place": pick(sizes.PLACES, "n + 1"),
                "host_id": host,
                "seats": "CASE WHEN mod(n, 4) < 2 THEN 12 END",
                "created_by_id": b.person("n / 2", 0),
                "created_at": f"CASE WHEN {past} THEN a.starts_at - interval '21 days'"
                " ELSE now() - mod(n, 7) * interval '1 day' END",
            },
            [sizes.WORKPLACES * 2],
        ),
    )
    # The skill is the one its title names (the same choice from the workplace and whether it is to come).
    coming = "(a.starts_at > now())::int"
    w = b.w("a.workplace_id")
    insert_links(
        cursor,
        LearningActivity.skills,
        f"SELECT a.id, {b.skill(f'{w} + 5 * {coming}')} FROM competences_learningactivity a"
        f" WHERE {b.ours('a')}",
    )
    # Six colleagues signed up (never the peer host: 4 j + 3 is never a multiple of 29 for j up to 6); of a
    # held one, the sixth did not come, and the first three rated it.
    held = "a.starts_at < now()"
    attended = f"CASE WHEN {held} AND mod({w}, 5) > 0 THEN j <> 6 END"
    step(
        "learning sign-ups",
        insert_select(
            cursor,
            Signup,
            f"competences_learningactivity a CROSS JOIN generate_series(1, 6) AS j WHERE {b.ours('a')}",
            {
                "organisation_id": "a.organisation_id",
                "workplace_id": "a.workplace_id",
                "activity_id": "a.id",
                "user_id": b.person(
                    w, f"1 + mod({w} + 4 * j + 3 * {coming}, {sizes.PEOPLE_PER_WORKPLACE - 1})"
                ),
                "signed_up_at": "least(a.created_at + j * interval '1 hour', now())",
                "attended": attended,
                "rating": f"CASE WHEN {held} AND j <= 3 THEN 3 + mod({w} + j, 3) END",
                "feedback": f"CASE WHEN {held} AND j <= 3 THEN {pick(sizes.FEEDBACK, 'j')} ELSE '' END",
            },
        ),
    )
