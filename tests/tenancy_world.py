"""The two workplaces the tenant-isolation test (tests/test_tenancy.py) builds, and how to reach each
tenant URL pattern of theirs: ``TENANT_URLS`` names, for every pattern, its tenant kwargs, the objects it is
about and what a POST to it sends. A new app's views get their entries here."""

from dataclasses import dataclass
from datetime import timedelta

from django.utils import timezone

from frontloeber.actions import services as action_services
from frontloeber.api import services as api_services
from frontloeber.competences import services as competence_services
from frontloeber.experiments import services as experiment_services
from frontloeber.ideas import services as idea_services
from frontloeber.organisations import services as organisation_services
from frontloeber.organisations.models import LeaderGroup, LeaderGroupMember, OrganisationDomain, Role
from frontloeber.provisioning import services as provisioning_services
from frontloeber.reflection import services as reflection_services
from frontloeber.sso.models import IdentityProvider, LinkRequest, MappingRule
from frontloeber.webhooks import services as webhook_services
from frontloeber.workshops import services as workshop_services
from frontloeber.workshops.models import WorkshopFormat
from tests.factories import (
    InvitationFactory,
    OrganisationAdminFactory,
    WorkplaceFactory,
    adopt_idea,
    answer_round,
    live_session,
    make_challenge,
    make_experiment,
    make_idea,
    member,
    open_round,
    png_upload,
    publish_case,
    run_experiment,
)

# URL namespaces whose views belong to a workplace or an organisation. Later apps add theirs here.
TENANT_NAMESPACES = {
    "organisations",
    "ideas",
    "experiments",
    "actions",
    "reflection",
    "workshops",
    "competences",
    "insights",
    "webhooks",
}
# Parameters that mark a URL as a tenant URL wherever it is registered.
TENANT_PARAMETERS = {"workplace_slug", "org_slug"}
# Pages in those namespaces that name no workplace or organisation: the person's own list of workplaces, and
# the two pages a signed link in an e-mail opens (its signature names the one invitation or idea).
NOT_TENANT_URLS = {"organisations:home", "organisations:invitation_accept", "ideas:unfollow"}


@dataclass
class Tenant:
    organisation: object
    workplace: object
    leader: object
    employee: object
    observer: object
    admin: object
    invitation: object
    challenge: object
    idea: object
    comment: object
    image: object
    experiment: object
    log_entry: object
    plan: object
    checkpoint: object
    case: object
    survey_round: object
    survey_secret: str
    workshop_session: object
    live_session: object
    live_post: object
    live_participant: object
    barrier: object
    action_item: object
    skill: object
    activity: object
    domain: object
    safety_contact: object
    staff_import: object
    safety_review: object
    leader_group: object
    raised_barrier: object
    mapping_rule: object
    link_request: object
    scim_token: object
    webhook_endpoint: object
    api_token: object


def make_tenant():
    workplace = WorkplaceFactory()
    leader = member(workplace, Role.LEADER)
    employee = member(workplace, Role.EMPLOYEE)
    challenge = make_challenge(workplace, leader=leader.user)
    idea = make_idea(workplace, author=employee.user, challenge=challenge, images=[png_upload()])
    comment = idea_services.comment_create(actor=employee.user, idea=idea, body="Godt tænkt")
    # A running experiment with a photo in its log, on a second idea; the first goes all the way to a case.
    tried = make_idea(workplace, author=employee.user, title="Lydmåler på stuen")
    experiment = make_experiment(tried, actor=leader.user, participants=[employee.user])
    experiment = run_experiment(experiment, leader=leader.user)
    log_entry = experiment_services.log_entry_add(
        actor=employee.user,
        experiment=experiment,
        entry_date=timezone.localdate(),
        text="Dag 1",
        photo=png_upload(),
    )
    plan = adopt_idea(idea, leader=leader.user)
    case = publish_case(idea, leader=leader.user)
    # An open survey round: one employee has answered, the other holds a link not used yet.
    waiting = member(workplace, Role.EMPLOYEE)
    survey_round = open_round(workplace, leader=leader.user)
    answer_round(survey_round, employee.user)
    survey_secret = reflection_services.answer_link_issue(user=waiting.user, round_=survey_round)
    workshop_session = workshop_services.session_plan(
        actor=leader.user,
        workplace=workplace,
        format=WorkshopFormat.objects.get(slug="idevinduet"),
        starts_at=timezone.now() + timedelta(days=7),
        facilitator=leader.user,
        invited=[employee.user],
    )
    # A second session under way, with a participant's post on its board, a barrier and an action item.
    live = live_session(workplace, leader=leader.user)
    live = workshop_services.session_step(actor=leader.user, session=live, action="next")
    participant = workshop_services.participant_join(session=live, user=employee.user)
    live_post = workshop_services.post_create(participant=participant, text="Fælles kalender")
    barrier = workshop_services.barrier_create(
        actor=leader.user, workplace=workplace, kind="time", description="Ingen tid til at prøve"
    )
    action_item = workshop_services.action_item_create(
        actor=leader.user,
        workplace=workplace,
        what="Spørg IT",
        owner=employee.user,
        due_on=timezone.localdate() + timedelta(days=7),
        barrier=barrier,
    )
    # The skills catalogue with one skill of the workplace's own, a rating and a coming learning activity.
    catalogue = competence_services.catalogue_start(actor=leader.user, workplace=workplace)
    skill = competence_services.skill_add(actor=leader.user, workplace=workplace, area="devices", name="Aula")
    competence_services.skills_rate(
        actor=employee.user,
        user=employee.user,
        workplace=workplace,
        ratings={skill.pk: (2, True)},
        visible_to_team=True,
        willing_to_help=True,
    )
    activity = competence_services.activity_plan(
        actor=leader.user,
        workplace=workplace,
        kind="peer",
        title="Videomøder",
        skills=[catalogue[4]],
        starts_at=timezone.now() + timedelta(days=3),
        host=leader.user,
    )
    competence_services.signup_create(actor=employee.user, activity=activity)
    # A planned experiment touching personal data, sent to the organisation's data protection adviser.
    admin = OrganisationAdminFactory(organisation=workplace.organisation)
    safety_contact = organisation_services.safety_contact_add(
        actor=admin.user, organisation=workplace.organisation, email=admin.user.email, role="dpo"
    )
    reviewed = make_experiment(
        make_idea(workplace, author=employee.user, title="Billeder af dagen"), actor=leader.user
    )
    experiment_services.experiment_safety_update(
        actor=leader.user,
        experiment=reviewed,
        personal_data=True,
        personal_data_which="Billeder",
        legal_basis="Samtykke",
        dpo_contact="DPO",
        vulnerable_citizens=False,
        needs_it=False,
    )
    return Tenant(
        organisation=workplace.organisation,
        workplace=workplace,
        leader=leader,
        employee=employee,
        observer=member(workplace, Role.OBSERVER),
        admin=admin,
        invitation=InvitationFactory(workplace=workplace),
        challenge=challenge,
        idea=idea,
        comment=comment,
        image=idea.images.get(),
        experiment=experiment,
        log_entry=log_entry,
        plan=plan,
        checkpoint=plan.checkpoints.first(),
        case=case,
        survey_round=survey_round,
        survey_secret=survey_secret,
        workshop_session=workshop_session,
        live_session=live,
        live_post=live_post,
        live_participant=participant,
        barrier=barrier,
        action_item=action_item,
        skill=skill,
        activity=activity,
        domain=OrganisationDomain.objects.create(
            organisation=workplace.organisation, domain=f"{workplace.slug}.example"
        ),
        safety_contact=safety_contact,
        staff_import=organisation_services.staff_import_create(
            actor=admin.user,
            organisation=workplace.organisation,
            filename="personale.csv",
            data=f"Navn;E-mail;Arbejdsplads\nNy;ny@{workplace.slug}.example;{workplace.name}\n".encode(),
        ),
        safety_review=reviewed.safety_reviews.get(),
        leader_group=_leader_group(workplace),
        raised_barrier=_raised_barrier(workplace, leader.user),
        **_sign_in(workplace, employee.user),
        scim_token=provisioning_services.scim_token_create(
            actor=admin.user, organisation=workplace.organisation, name="Entra ID"
        )[0],
        webhook_endpoint=webhook_services.webhook_endpoint_create(
            actor=admin.user,
            organisation=workplace.organisation,
            name="Teams",
            url="http://127.0.0.1:9/hook",
            format="teams",
            events=["idea.created"],
        )[0],
        api_token=api_services.organisation_token_create(
            actor=admin.user, organisation=workplace.organisation, name="Power BI", scopes=["ideas"]
        )[0],
    )


def _sign_in(workplace, person):
    """The organisation's own sign-in (OpenID Connect, not in use), a rule and a link request."""
    organisation = workplace.organisation
    IdentityProvider.objects.create(
        organisation=organisation,
        key=organisation.slug,
        protocol="oidc",
        issuer="https://login.example/tenant",
        client_id="frontloeber",
        client_secret="secret",
        email_attribute="email",
    )
    return {
        "mapping_rule": MappingRule.objects.create(
            organisation=organisation,
            kind="workplace",
            value=f"unit-{workplace.pk}",
            target_workplace=workplace,
        ),
        "link_request": LinkRequest.objects.create(
            organisation=organisation, user=person, uid=f"uid-{person.pk}"
        ),
    }


def _raised_barrier(workplace, leader):
    """A barrier of the register raised to the organisation."""
    barrier = action_services.barrier_create(
        actor=leader, workplace=workplace, kind="habit", description="Vi må ikke installere apps"
    )
    return action_services.barrier_raise(actor=leader, barrier=barrier, kind="it", why="Kræver IT")


def _leader_group(workplace):
    """A leader group of the workplace and a second workplace of its organisation."""
    group = LeaderGroup.objects.create(organisation=workplace.organisation, name=f"Gruppe {workplace.slug}")
    other = WorkplaceFactory(organisation=workplace.organisation)
    for each in (workplace, other):
        LeaderGroupMember.objects.create(group=group, workplace=each)
    return group


ACTIVITY_POST = {
    "kind": "course",
    "title": "Hacked",
    "skills": "1",
    "starts_at": "2030-01-01T10:00",
    "minutes": "60",
    "host": "1",
}


def group_of(t):
    return {"group_id": t.leader_group.pk}


def activity_of(t):
    return {"activity_id": t.activity.pk}


def wp(t):
    return {"workplace_slug": t.workplace.slug}


def org(t):
    return {"org_slug": t.organisation.slug}


def no_objects(t):
    return {}


def org_wp(t):
    return {"org_slug": t.organisation.slug, "workplace_slug": t.workplace.slug}


# name -> (kwargs for tenant t, object kwargs for tenant t, POST data that would change something)
TENANT_URLS = {
    "organisations:workplace_home": (wp, no_objects, {}),
    "organisations:workplace_edit": (wp, no_objects, {"name": "Hacked", "sector": "other", "core_task": "x"}),
    "organisations:members": (wp, no_objects, {}),
    "organisations:member_invite": (wp, no_objects, {"email": "intruder@example.dk", "role": "leader"}),
    "organisations:member_role": (wp, lambda t: {"membership_id": t.employee.pk}, {"role": "leader"}),
    "organisations:member_remove": (wp, lambda t: {"membership_id": t.employee.pk}, {}),
    "organisations:invitation_revoke": (wp, lambda t: {"invitation_id": t.invitation.pk}, {}),
    "organisations:organisation_home": (org, no_objects, {}),
    "organisations:organisation_workplace_create": (org, no_objects, {"name": "New", "sector": "other"}),
    "organisations:organisation_workplace": (org_wp, no_objects, {}),
    "organisations:organisation_workplace_edit": (org_wp, no_objects, {"name": "Hacked", "sector": "other"}),
    "organisations:organisation_invite": (
        org_wp,
        no_objects,
        {"email": "intruder@example.dk", "role": "leader"},
    ),
    "organisations:organisation_member_role": (
        org_wp,
        lambda t: {"membership_id": t.employee.pk},
        {"role": "leader"},
    ),
    "organisations:organisation_member_remove": (org_wp, lambda t: {"membership_id": t.employee.pk}, {}),
    "organisations:organisation_invitation_revoke": (
        org_wp,
        lambda t: {"invitation_id": t.invitation.pk},
        {},
    ),
    "organisations:domains": (org, no_objects, {"domain": "hacked.example"}),
    "organisations:domain_remove": (org, lambda t: {"domain_id": t.domain.pk}, {}),
    "organisations:safety_contacts": (org, no_objects, {"email": "x@example.dk", "role": "it"}),
    "organisations:safety_contact_remove": (org, lambda t: {"contact_id": t.safety_contact.pk}, {}),
    "organisations:addresses": (org, no_objects, {}),
    "organisations:people_not_seen": (org, no_objects, {}),
    "organisations:leavers_confirm": (
        org,
        no_objects,
        {"people": [str(pk) for pk in range(1, 80)], "confirmed": "yes"},
    ),
    "organisations:people_who_left": (org, no_objects, {}),
    "organisations:person_erase": (
        org,
        lambda t: {"user_id": t.employee.user.pk},
        {"contributions": "remove"},
    ),
    "organisations:retention": (org, no_objects, {"retain_notifications_days": "30"}),
    "organisations:audit_log": (org, no_objects, {}),
    "organisations:staff_imports": (org, no_objects, {}),
    "organisations:staff_import": (org, lambda t: {"import_id": t.staff_import.pk}, {}),
    "organisations:staff_import_apply": (org, lambda t: {"import_id": t.staff_import.pk}, {}),
    "organisations:staff_import_absent": (org, lambda t: {"import_id": t.staff_import.pk}, {}),
    "organisations:address_approve": (org, lambda t: {"user_id": t.employee.user.pk}, {}),
    "sso:settings": (org, no_objects, {}),
    "sso:create": (org, no_objects, {"protocol": "saml"}),
    "sso:metadata": (org, no_objects, {"metadata_url": "https://idp.example/metadata"}),
    "sso:oidc": (org, no_objects, {"issuer": "https://idp.example", "client_id": "x", "client_secret": "y"}),
    "sso:attributes": (org, no_objects, {"email_attribute": "mail", "default_role": "leader"}),
    "sso:switch": (org, no_objects, {"what": "enable"}),
    "sso:link_decide": (org, lambda t: {"request_id": t.link_request.pk}, {"decision": "confirm"}),
    "sso:mapping": (org, no_objects, {"kind": "role", "value": "x", "role": "leader", "confirmed": "yes"}),
    "sso:mapping_rule_remove": (org, lambda t: {"rule_id": t.mapping_rule.pk}, {}),
    "organisations:address_approval_withdraw": (org, lambda t: {"user_id": t.employee.user.pk}, {}),
    "provisioning:tokens": (org, no_objects, {"name": "Hacked"}),
    "provisioning:token_revoke": (org, lambda t: {"token_id": t.scim_token.pk}, {}),
    "api_pages:organisation_tokens": (
        org,
        no_objects,
        {"kind": "api", "token-name": "Hacked", "token-scopes": ["ideas"], "token-valid_days": "30"},
    ),
    "api_pages:organisation_token_revoke": (org, lambda t: {"token_id": t.api_token.pk}, {}),
    "webhooks:endpoints": (org, no_objects, {}),
    "webhooks:endpoint_create": (
        org,
        no_objects,
        {"name": "Hacked", "url": "http://127.0.0.1:9/x", "format": "json", "events": ["idea.created"]},
    ),
    "webhooks:endpoint_detail": (org, lambda t: {"endpoint_id": t.webhook_endpoint.pk}, {}),
    "webhooks:endpoint_edit": (
        org,
        lambda t: {"endpoint_id": t.webhook_endpoint.pk},
        {"name": "Hacked", "events": ["case.published"], "active": "on"},
    ),
    "webhooks:endpoint_delete": (org, lambda t: {"endpoint_id": t.webhook_endpoint.pk}, {}),
    "webhooks:endpoint_test": (org, lambda t: {"endpoint_id": t.webhook_endpoint.pk}, {}),
}

IDEA_POST = {
    "title": "Hacked",
    "need": "x",
    "description": "x",
    "value_citizens": "0",
    "value_quality": "0",
    "value_routines": "0",
}
CHALLENGE_POST = {"title": "Hacked?", "opens_on": "2026-01-01", "closes_on": "2026-12-31"}


def idea_of(t):
    return {"idea_id": t.idea.pk}


TENANT_URLS.update(
    {
        "ideas:board": (wp, no_objects, {}),
        "ideas:idea_create": (wp, no_objects, IDEA_POST),
        "ideas:similar": (wp, no_objects, {}),
        "ideas:idea_detail": (wp, idea_of, {}),
        "ideas:idea_edit": (wp, idea_of, IDEA_POST),
        "ideas:idea_withdraw": (wp, idea_of, {}),
        "ideas:idea_image": (wp, lambda t: {"idea_id": t.idea.pk, "image_id": t.image.pk}, {}),
        "ideas:idea_image_delete": (wp, lambda t: {"idea_id": t.idea.pk, "image_id": t.image.pk}, {}),
        "ideas:idea_support": (wp, idea_of, {"on": "1"}),
        "ideas:idea_follow": (wp, idea_of, {"on": "0"}),
        "ideas:comment_create": (wp, idea_of, {"body": "Hacked"}),
        "ideas:comment_edit": (
            wp,
            lambda t: {"idea_id": t.idea.pk, "comment_id": t.comment.pk},
            {"body": "Hacked"},
        ),
        "ideas:idea_acknowledge": (wp, idea_of, {"message": "Hacked"}),
        "ideas:idea_move": (wp, idea_of, {"to_status": "parked", "message": "Hacked"}),
        "ideas:idea_ask": (wp, idea_of, {"question": "Hacked?"}),
        "ideas:idea_answer": (wp, idea_of, {"answer": "Hacked"}),
        "ideas:idea_assign": (wp, idea_of, {"responsible": ""}),
        "ideas:idea_qualify": (wp, idea_of, {"benefit": "Hacked"}),
        "ideas:idea_merge": (wp, idea_of, {"into": "1"}),
        "ideas:inbox": (wp, no_objects, {"days": "3"}),
        "ideas:challenge_list": (wp, no_objects, {}),
        "ideas:challenge_create": (wp, no_objects, CHALLENGE_POST),
        "ideas:challenge_detail": (wp, lambda t: {"challenge_id": t.challenge.pk}, {}),
        "ideas:challenge_edit": (wp, lambda t: {"challenge_id": t.challenge.pk}, CHALLENGE_POST),
    }
)


EXPERIMENT_POST = {
    "hypothesis": "Hacked",
    "starts_on": "2026-01-01",
    "ends_on": "2026-02-01",
    "hours": "1",
    "budget_dkk": "1",
    "stop_rule": "x",
    "criterion_0_axis": "citizens",
    "criterion_0_description": "x",
    "criterion_0_measure": "x",
}


def experiment_of(t):
    return {"experiment_id": t.experiment.pk}


def plan_of(t):
    return {"plan_id": t.plan.pk}


def case_of(t):
    return {"case_id": t.case.pk}


TENANT_URLS.update(
    {
        "experiments:experiment_list": (wp, no_objects, {}),
        "experiments:learned": (wp, no_objects, {}),
        "experiments:experiment_create": (wp, idea_of, EXPERIMENT_POST),
        "experiments:experiment_detail": (wp, experiment_of, {}),
        "experiments:experiment_edit": (wp, experiment_of, EXPERIMENT_POST),
        "experiments:experiment_cancel": (wp, experiment_of, {}),
        "experiments:experiment_safety": (
            wp,
            experiment_of,
            {"personal_data": "no", "vulnerable_citizens": "no", "needs_it": "no"},
        ),
        "experiments:experiment_safety_confirm": (wp, experiment_of, {}),
        "experiments:experiment_start": (wp, experiment_of, {}),
        "experiments:experiment_safety_send": (wp, experiment_of, {}),
        "experiments:experiment_review_pdf": (
            wp,
            lambda t: {"experiment_id": t.safety_review.experiment_id, "review_id": t.safety_review.pk},
            {},
        ),
        "experiments:safety_reviews": (org, no_objects, {}),
        "experiments:safety_review": (
            org,
            lambda t: {"review_id": t.safety_review.pk},
            {"decision": "approve", "comment": "OK"},
        ),
        "experiments:safety_review_pdf": (org, lambda t: {"review_id": t.safety_review.pk}, {}),
        "experiments:experiment_skills": (wp, experiment_of, {"skills": "1"}),
        "experiments:experiment_evaluate": (wp, experiment_of, {}),
        "experiments:log_entry_create": (wp, experiment_of, {"entry_date": "2026-01-01", "text": "Hacked"}),
        "experiments:log_photo": (
            wp,
            lambda t: {"experiment_id": t.experiment.pk, "entry_id": t.log_entry.pk},
            {},
        ),
        "experiments:experiment_conclude": (wp, experiment_of, {"decision": "stop", "learnings": "Hacked"}),
        "experiments:adoption_create": (wp, idea_of, {"affected": "x", "go_live_on": "2026-01-01"}),
        "experiments:adoption_detail": (wp, plan_of, {}),
        "experiments:adoption_edit": (wp, plan_of, {"affected": "Hacked", "go_live_on": "2026-01-01"}),
        "experiments:adoption_go_live": (wp, plan_of, {}),
        "experiments:adoption_skills": (wp, plan_of, {"skills": "1"}),
        "experiments:checkpoint_record": (
            wp,
            lambda t: {"plan_id": t.plan.pk, "checkpoint_id": t.checkpoint.pk},
            {
                "users": "1",
                "affected": "2",
                "value_citizens": "1",
                "value_quality": "1",
                "value_routines": "1",
            },
        ),
        "experiments:case_list": (wp, no_objects, {}),
        "experiments:case_detail": (wp, case_of, {}),
        "experiments:case_image": (wp, lambda t: {"case_id": t.case.pk, "image_id": t.image.pk}, {}),
        "experiments:case_try": (wp, case_of, {}),
        "experiments:case_publish": (
            wp,
            idea_of,
            {"summary": "x", "value_achieved": "x", "what_it_took": "x", "learnings": "x"},
        ),
    }
)


def round_of(t):
    return {"round_id": t.survey_round.pk}


SURVEY_POST = {"opens_on": "2026-01-01", "closes_on": "2026-01-20", "item_1": "5", "threshold": "3"}

TENANT_URLS.update(
    {
        "reflection:home": (wp, no_objects, {}),
        "reflection:round_create": (wp, no_objects, SURVEY_POST),
        "reflection:link_open": (wp, lambda t: {"secret": t.survey_secret}, {}),
        "reflection:round_detail": (wp, round_of, {}),
        "reflection:round_pdf": (wp, round_of, {}),
        "reflection:round_csv": (wp, round_of, {}),
        "reflection:self_assessment": (wp, round_of, SURVEY_POST),
        "reflection:round_remind": (wp, round_of, {}),
        "reflection:round_close": (wp, round_of, {}),
        "reflection:round_request_close": (wp, round_of, {}),
        "reflection:round_sharing": (wp, round_of, {"audiences": ["team", "med"]}),
        "reflection:answer": (wp, round_of, SURVEY_POST),
        "reflection:answer_start": (wp, round_of, {}),
        "reflection:rollup": (org, no_objects, {}),
        "reflection:threshold_edit": (org, no_objects, SURVEY_POST),
        "reflection:organisation_round": (org, round_of, {}),
        "reflection:organisation_round_pdf": (org, round_of, {}),
        "reflection:superior_assessment": (org, round_of, SURVEY_POST),
        "reflection:organisation_round_close": (org, round_of, {}),
    }
)


def session_of(t):
    return {"session_id": t.workshop_session.pk}


def live_of(t):
    return {"session_id": t.live_session.pk}


def post_of(t):
    return {**live_of(t), "post_id": t.live_post.pk}


def participant_of(t):
    return {**live_of(t), "participant_id": t.live_participant.pk}


def guest_of(t):
    """A guest in the live session (only guests can be removed), joined the first time it is asked for."""
    guest = t.live_session.participants.filter(user=None).first()
    if guest is None:
        guest = workshop_services.participant_join(session=t.live_session, display_name="Gæst")
    return {**live_of(t), "participant_id": guest.pk}


SESSION_POST = {
    "format": "idevinduet",
    "starts_at": "2030-01-01T10:00",
    "facilitator": "1",
    "place": "Hacked",
}

TENANT_URLS.update(
    {
        # The library is the same for every organisation: what matters is that only members reach it.
        "workshops:library": (wp, no_objects, {}),
        "workshops:format_detail": (lambda t: {**wp(t), "format_slug": "idevinduet"}, no_objects, {}),
        "workshops:session_list": (wp, no_objects, {}),
        "workshops:session_plan": (wp, no_objects, SESSION_POST),
        "workshops:session_detail": (wp, session_of, {}),
        "workshops:session_edit": (wp, session_of, SESSION_POST),
        "workshops:session_cancel": (wp, session_of, {}),
        "workshops:session_start": (wp, session_of, {}),
        "workshops:session_live": (wp, live_of, {}),
        "workshops:session_live_board": (wp, live_of, {}),
        "workshops:session_present": (wp, live_of, {}),
        "workshops:session_present_board": (wp, live_of, {}),
        "workshops:session_posts_to_ideas": (wp, live_of, {"post": "1"}),
        "workshops:session_control": (wp, live_of, {"action": "next"}),
        "workshops:post_arrange": (wp, post_of, {"group": "1"}),
        "workshops:post_remove": (wp, post_of, {}),
        "workshops:participant_group": (wp, participant_of, {"group": "1"}),
        "workshops:participant_remove": (wp, guest_of, {}),
        "workshops:session_outputs": (wp, live_of, {}),
        "workshops:post_convert": (
            wp,
            lambda t: {**post_of(t), "kind": "barrier"},
            {"kind": "time", "description": "Hacked"},
        ),
        "workshops:session_learning_activity": (wp, live_of, ACTIVITY_POST),
        "workshops:session_summary": (wp, live_of, {}),
        "workshops:session_summary_pdf": (wp, live_of, {}),
        "workshops:format_materials": (lambda t: {**wp(t), "format_slug": "idevinduet"}, no_objects, {}),
        "actions:barrier_list": (wp, no_objects, {"kind": "time", "description": "Hacked"}),
        "actions:barrier_edit": (wp, lambda t: {"barrier_id": t.barrier.pk}, {"status": "removed"}),
        "actions:barrier_raise": (
            wp,
            lambda t: {"barrier_id": t.barrier.pk},
            {"kind": "it", "why": "Hacked"},
        ),
        "actions:organisation_barriers": (org, no_objects, {}),
        "actions:organisation_barrier": (
            org,
            lambda t: {"barrier_id": t.raised_barrier.pk},
            {"action": "answer", "outcome": "resolved", "answer": "Hacked"},
        ),
        "actions:action_items": (
            wp,
            no_objects,
            {"what": "Hacked", "owner": "1", "due_on": "2030-01-01"},
        ),
        "actions:action_item_edit": (wp, lambda t: {"item_id": t.action_item.pk}, {"status": "done"}),
        "competences:map": (wp, no_objects, {}),
        "competences:rate": (wp, no_objects, {"visible_to_team": "on"}),
        "competences:catalogue": (wp, no_objects, {"area": "devices", "name": "Hacked"}),
        "competences:catalogue_start": (wp, no_objects, {}),
        "competences:skill_retire": (wp, lambda t: {"skill_id": t.skill.pk}, {}),
        "competences:activity_list": (wp, no_objects, {}),
        "competences:activity_create": (wp, no_objects, ACTIVITY_POST),
        "competences:activity_detail": (wp, activity_of, {}),
        "competences:activity_edit": (wp, activity_of, ACTIVITY_POST),
        "competences:activity_cancel": (wp, activity_of, {}),
        "competences:signup": (wp, activity_of, {"action": "leave"}),
        "competences:attendance": (wp, activity_of, {"attended": "1"}),
        "competences:feedback": (wp, activity_of, {"rating": "5"}),
        "insights:overview": (wp, no_objects, {}),
        "insights:overview_csv": (wp, no_objects, {}),
        "insights:overview_xlsx": (wp, no_objects, {}),
        "insights:overview_pdf": (wp, no_objects, {}),
        "insights:practice_guide": (lambda t: {**wp(t), "code": "P3"}, no_objects, {}),
        "insights:leader_group": (wp, group_of, {}),
        "insights:leader_group_csv": (wp, group_of, {}),
        "insights:leader_group_xlsx": (wp, group_of, {}),
        "insights:organisation_overview": (org, no_objects, {}),
        "insights:organisation_csv": (org, no_objects, {}),
        "insights:organisation_xlsx": (org, no_objects, {}),
        "insights:leader_groups": (org, no_objects, {"name": "Hacked", "workplaces": ["1", "2"]}),
        "insights:leader_group_edit": (org, group_of, {"name": "Hacked", "workplaces": ["1", "2"]}),
        "insights:leader_group_delete": (org, group_of, {}),
    }
)

# Shared devices (issue 21, point 4): the device to forget is named in the form, and looked up in the
# workplace of the address.
TENANT_URLS.update(
    {
        "devices:shared_device": (wp, no_objects, {"action": "idle", "minutes": "5"}),
        "devices:shared_device_forget": (wp, no_objects, {"device": "1"}),
        "devices:organisation_shared_device": (org_wp, no_objects, {"action": "mark", "label": "Hacked"}),
        "devices:organisation_shared_device_forget": (org_wp, no_objects, {"device": "1"}),
    }
)
