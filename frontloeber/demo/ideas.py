"""Load the demo's challenges and ideas (``ideas_content.py``) with a history spread over the last year.

Rows are written directly rather than through the services because the history must carry past dates;
the search index, counters and follows are kept exactly as the services keep them. Idempotent: a challenge
or idea whose title already exists in its workplace is left alone.
"""

import datetime
import random

from django.utils import timezone

from frontloeber.ideas import search, services
from frontloeber.ideas.models import (
    Challenge,
    Comment,
    EventKind,
    Follow,
    Idea,
    IdeaEvent,
    IdeaStatus,
    Support,
    Tag,
)
from frontloeber.ideas.notification_kinds import Kind
from frontloeber.notifications.models import Notification, subject_fields

from .ideas_content import CHALLENGES, IDEAS

MERGED_DEMO_WORKPLACE = "lys-og-signal"
RECENT = datetime.timedelta(days=60)

# The steps an idea took to reach its status, after the leader's first response.
PATHS = {
    IdeaStatus.NEW: [],
    IdeaStatus.NEEDS_INFO: [],
    IdeaStatus.QUALIFYING: [IdeaStatus.QUALIFYING],
    IdeaStatus.EXPERIMENTING: [IdeaStatus.QUALIFYING, IdeaStatus.EXPERIMENTING],
    IdeaStatus.ADOPTED: [IdeaStatus.QUALIFYING, IdeaStatus.EXPERIMENTING, IdeaStatus.ADOPTED],
    IdeaStatus.PARKED: [IdeaStatus.QUALIFYING, IdeaStatus.PARKED],
    IdeaStatus.NOT_PURSUED: [IdeaStatus.NOT_PURSUED],
    IdeaStatus.WITHDRAWN: [],
}


def seed(*, workplaces, people, now=None):
    """``workplaces``: slug → Workplace; ``people``: full name → User. Returns how many rows were created."""
    now = now or timezone.now()
    created = 0
    challenges = {}
    for spec in CHALLENGES:
        workplace = workplaces[spec["workplace"]]
        challenge = Challenge.objects.filter(workplace=workplace, title=spec["title"]).first()
        if challenge is None:
            opens = (now - datetime.timedelta(days=spec["opened_days_ago"])).date()
            challenge = Challenge.objects.create(
                organisation_id=workplace.organisation_id,
                workplace=workplace,
                title=spec["title"],
                description=spec["description"],
                opens_on=opens,
                closes_on=opens + datetime.timedelta(days=spec["open_days"]),
                created_by=_leader_of(workplace, people),
                created_at=now - datetime.timedelta(days=spec["opened_days_ago"]),
            )
            created += 1
        challenges[(spec["workplace"], spec["key"])] = challenge

    for number, spec in enumerate(IDEAS):
        workplace = workplaces[spec["workplace"]]
        if Idea.objects.filter(workplace=workplace, title=spec["title"]).exists():
            continue
        _seed_idea(number, spec, workplace, people, challenges, now)
        created += 1
    _merge_one_duplicate(workplaces)
    return created


def _merge_one_duplicate(workplaces):
    """One duplicate is already merged, to show how that looks; the others are left for a leader to try."""
    spec = next((s for s in IDEAS if s.get("duplicate_of") and s["workplace"] == MERGED_DEMO_WORKPLACE), None)
    if spec is None:
        return
    workplace = workplaces[spec["workplace"]]
    duplicate = Idea.objects.filter(workplace=workplace, title=spec["title"], status=IdeaStatus.NEW).first()
    original = Idea.objects.filter(workplace=workplace, title=spec["duplicate_of"]).first()
    leader = workplace.memberships.filter(role="leader").select_related("user").first()
    if duplicate and original and leader:
        services.idea_merge(actor=leader.user, idea=duplicate, into=original)


def _leader_of(workplace, people):
    membership = workplace.memberships.filter(role="leader").select_related("user").first()
    return membership.user if membership else None


def _seed_idea(number, spec, workplace, people, challenges, now):
    rng = random.Random(number)  # noqa: S311 — demo data, the same on every run
    leader = _leader_of(workplace, people)
    author = people[spec["author"]]
    status = IdeaStatus(spec["status"])
    submitted = now - datetime.timedelta(days=spec["days_ago"], hours=rng.randint(0, 8))
    responded_after = spec.get("responded_after_days")
    first_response = None
    if responded_after is not None:
        first_response = min(submitted + datetime.timedelta(days=responded_after, hours=2), now)
    values = spec.get("values", {})  # an axis the spec leaves out is not rated, as on the form
    axes = ("citizens", "quality", "routines")
    qualification = spec.get("qualification") or {}
    idea = Idea.objects.create(
        organisation_id=workplace.organisation_id,
        workplace=workplace,
        author=author,
        challenge=challenges.get((spec["workplace"], spec.get("challenge"))),
        title=spec["title"],
        need=spec["need"],
        description=spec["description"],
        concerns=spec.get("concerns", ""),
        **{f"value_{axis}": values.get(axis, (None, ""))[0] for axis in axes},
        **{f"value_{axis}_why": values.get(axis, (None, ""))[1] for axis in axes},
        status=status,
        status_before_question=IdeaStatus.NEW if status == IdeaStatus.NEEDS_INFO else "",
        responsible=people.get(spec.get("responsible")) if spec.get("responsible") else None,
        qualification_benefit=qualification.get("benefit", ""),
        qualification_requirements=qualification.get("requirements", ""),
        qualification_risks=qualification.get("risks", ""),
        qualification_measures=qualification.get("measures", ""),
        ready_to_test=bool(qualification.get("ready_to_test")),
        created_at=submitted,
        last_activity_at=submitted,
        first_response_at=first_response if status != IdeaStatus.WITHDRAWN else None,
        awaiting_leader_since=submitted if status == IdeaStatus.NEW and first_response is None else None,
    )
    tags = [
        Tag.objects.get_or_create(
            organisation_id=workplace.organisation_id, key=name.lower(), defaults={"name": name}
        )[0]
        for name in spec.get("tags", [])
    ]
    idea.set_tags(tags)
    search.index(idea, [tag.name for tag in tags])

    def event(kind, when, actor, **fields):
        IdeaEvent.objects.create(
            organisation_id=workplace.organisation_id,
            workplace=workplace,
            idea=idea,
            kind=kind,
            actor=actor,
            created_at=when,
            **fields,
        )
        return when

    last = event(EventKind.SUBMITTED, submitted, author, to_status=IdeaStatus.NEW)
    news = []  # (kind, actor, detail, when) for the author, if it happened in the last RECENT days
    message = spec.get("leader_message", "")
    if status == IdeaStatus.WITHDRAWN:
        last = event(
            EventKind.WITHDRAWN,
            submitted + datetime.timedelta(days=2),
            author,
            from_status=IdeaStatus.NEW,
            to_status=IdeaStatus.WITHDRAWN,
        )
    elif first_response is not None:
        if status == IdeaStatus.NEW:
            last = event(
                EventKind.ACKNOWLEDGED, first_response, leader, message=message or "Tak, vi kigger på den."
            )
        elif status == IdeaStatus.NEEDS_INFO:
            question = message or "Kan du fortælle lidt mere om behovet?"
            if first_response >= now - RECENT:
                news.append((Kind.IDEA_QUESTION, leader, question, first_response))
            last = event(
                EventKind.ASKED,
                first_response,
                leader,
                from_status=IdeaStatus.NEW,
                to_status=IdeaStatus.NEEDS_INFO,
                message=question,
            )
        else:
            path = PATHS[status]
            span = max((now - first_response).days, len(path))
            step_days = max(span // (len(path) + 1), 1)
            before = IdeaStatus.NEW
            for step, to_status in enumerate(path):
                when = min(first_response + datetime.timedelta(days=step * step_days), now)
                if idea.responsible_id and to_status == IdeaStatus.QUALIFYING:
                    event(EventKind.ASSIGNED, when, leader, other_person=idea.responsible)
                if to_status == IdeaStatus.EXPERIMENTING and idea.ready_to_test:
                    event(EventKind.READY, when, leader)
                is_last = step == len(path) - 1
                last = event(
                    EventKind.MOVED,
                    when,
                    leader,
                    from_status=before,
                    to_status=to_status,
                    message=message if is_last else "",
                )
                if is_last and when >= now - RECENT:
                    news.append((Kind.IDEA_STATUS, leader, (message, to_status), when))
                before = to_status

    people_here = [
        m.user for m in workplace.memberships.filter(role__in=["employee", "leader"]).select_related("user")
    ]
    others = [person for person in people_here if person.pk != author.pk]
    supporters = rng.sample(others, min(spec.get("supporters", 0), len(others)))
    Support.objects.bulk_create(
        Support(
            organisation_id=workplace.organisation_id,
            workplace=workplace,
            idea=idea,
            user=person,
            created_at=submitted + datetime.timedelta(hours=rng.randint(1, 200)),
        )
        for person in supporters
    )
    followers = {author.pk: author}
    comments = spec.get("comments", [])
    for index, (name, body) in enumerate(comments, start=1):
        writer = people[name]
        # Discussion goes on over the idea's life: comments spread from its submission until today.
        when = submitted + (now - submitted) * index / (len(comments) + 1)
        Comment.objects.create(
            organisation_id=workplace.organisation_id,
            workplace=workplace,
            idea=idea,
            author=writer,
            body=body,
            by_leader=writer == leader,
            created_at=when,
        )
        followers[writer.pk] = writer
        last = max(last, when)
        if writer != author and when >= now - RECENT:
            news.append((Kind.IDEA_COMMENT, writer, body, when))
    if idea.responsible_id:
        followers[idea.responsible_id] = idea.responsible
    Follow.objects.bulk_create(
        Follow(organisation_id=workplace.organisation_id, workplace=workplace, idea=idea, user=person)
        for person in followers.values()
    )
    Idea.objects.filter(pk=idea.pk).update(
        support_count=len(supporters), comment_count=len(comments), last_activity_at=last
    )

    # Recent news, as the services would have told it, unread.
    for kind, actor, detail, when in news:
        detail, status = detail if isinstance(detail, tuple) else (detail, "")
        Notification.objects.create(
            organisation_id=workplace.organisation_id,
            workplace=workplace,
            recipient=author,
            kind=kind,
            actor=actor,
            **subject_fields(idea),
            detail=detail[:200],
            status=status,
            created_at=when,
        )
    if idea.awaiting_leader_since and leader:
        Notification.objects.create(
            organisation_id=workplace.organisation_id,
            workplace=workplace,
            recipient=leader,
            kind=Kind.IDEA_NEW,
            actor=author,
            **subject_fields(idea),
            created_at=submitted,
        )
