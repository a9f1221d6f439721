"""Reads for organisations, workplaces and memberships; each scoped to a person, workplace or organisation."""

from dataclasses import dataclass
from datetime import timedelta
from functools import reduce
from operator import or_

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import router
from django.db.models import Count, Exists, F, Max, OuterRef, Prefetch, Q, Subquery, Value
from django.db.models.functions import Coalesce
from django.http import Http404
from django.utils.translation import gettext as _

from frontloeber.accounts.models import FORMER_PERSON_EMAIL
from frontloeber.core.access import at_most_one, one_or_404
from frontloeber.core.compiled import fetch_with_ids

from .models import (
    AddressApproval,
    AuditEntry,
    DomainClaim,
    Invitation,
    Membership,
    MembershipChange,
    MembershipChangeKind,
    MembershipOrigin,
    Organisation,
    OrganisationAdmin,
    OrganisationDomain,
    Role,
    SafetyContact,
    StaffImport,
    Workplace,
)


def membership_for_user(*, user, workplace_slug):
    """The person's membership of the workplace with that slug, or None (missing and forbidden alike)."""
    if not user.is_authenticated:
        return None
    return at_most_one(
        Membership.objects.select_related("workplace__organisation").filter(
            user=user, workplace__slug=workplace_slug
        )
    )


# What the header's switcher and the person's home page read of each; the rest loads if a page asks.
_SWITCHER_FIELDS = {
    Membership: ("id", "organisation_id", "workplace_id", "user_id", "role"),
    Workplace: ("id", "organisation_id", "name", "slug", "sector"),
    Organisation: ("id", "name", "slug"),
}


_FIELDS = [(m, m._meta.get_field(name)) for m, names in _SWITCHER_FIELDS.items() for name in names]


def _switcher_union(user_id):
    paths = {Membership: "", Workplace: "workplace__", Organisation: "workplace__organisation__"}
    memberships = (
        Membership.objects.filter(user_id=user_id)
        .order_by()
        .values(
            _administered=Value(False),
            _name=F("workplace__name"),
            **{f"c{n}": F(paths[model] + field.attname) for n, (model, field) in enumerate(_FIELDS)},
        )
    )
    administered = (
        Organisation.objects.filter(admins__user_id=user_id)
        .order_by()
        .values(
            _administered=Value(True),
            _name=F("name"),
            **{
                f"c{n}": F(field.attname) if model is Organisation else Value(None, output_field=field)
                for n, (model, field) in enumerate(_FIELDS)
            },
        )
    )
    return memberships.union(administered, all=True).order_by("_administered", "_name")


def _switcher_rows(user_id):
    """The union's rows as dicts. Django took ~6 ms to build this SQL on every page, for a query the database
    answers in a fraction of that; it is the same SQL for everyone but the person, so it is built once per
    database and process (core/compiled.py). Its 13 columns need no conversion from what the driver gives
    (ids and text)."""
    alias = router.db_for_read(Membership)
    names, rows = fetch_with_ids(
        "header switcher", lambda ids: _switcher_union(ids["user"]), using=alias, ids={"user": user_id}
    )
    return alias, [dict(zip(names, row, strict=True)) for row in rows]


def memberships_and_organisations(*, user):
    """The person's memberships by workplace name (workplace and organisation loaded) and the organisations
    they administer by name, in one query: the header shows both on every page."""
    alias, rows = _switcher_rows(user.pk)

    def instance(model, row):
        names = [field.attname for m, field in _FIELDS if m is model]
        values = [row[f"c{n}"] for n, (m, _) in enumerate(_FIELDS) if m is model]
        return model.from_db(alias, names, values)

    mine, organisations = [], []
    for row in rows:
        organisation = instance(Organisation, row)
        if row["_administered"]:
            organisations.append(organisation)
        else:
            workplace = instance(Workplace, row)
            workplace.organisation = organisation
            membership = instance(Membership, row)
            membership.workplace, membership.organisation = workplace, organisation
            mine.append(membership)
    return mine, organisations


def organisations_administered(*, user):
    if not user.is_authenticated:
        return Organisation.objects.none()
    return Organisation.objects.filter(admins__user=user).order_by("name")


def organisation_for_admin(*, user, org_slug):
    return organisations_administered(user=user).filter(slug=org_slug).first()


def organisation_admins(*, organisation_id):
    """The organisation's admins as people, by name."""
    return [
        admin.user
        for admin in OrganisationAdmin.objects.filter(organisation_id=organisation_id)
        .select_related("user")
        .order_by("user__full_name", "user__email")
    ]


def user_is_organisation_admin(*, user, organisation):
    return OrganisationAdmin.objects.filter(organisation=organisation, user=user).exists()


def user_is_workplace_leader(*, user, workplace):
    return Membership.objects.filter(workplace=workplace, user=user, role=Role.LEADER).exists()


def workplace_contributor_ids(*, workplace, users):
    """Of ``users``, the ids of the workplace's employees and leaders (not observers), in one query."""
    ids = [user.pk for user in users if user is not None]
    if not ids:
        return set()
    return set(
        Membership.objects.filter(
            workplace=workplace, user_id__in=ids, role__in=[Role.EMPLOYEE, Role.LEADER]
        ).values_list("user_id", flat=True)
    )


def workplace_members(*, workplace):
    return Membership.objects.select_related("user").of(workplace).order_by("user__full_name", "user__email")


def workplace_role_counts(*, workplace):
    counts = dict(Membership.objects.of(workplace).values_list("role").annotate(n=Count("id")))
    return {role: counts.get(role, 0) for role in Role.values}


def access_membership(*, workplace, membership_id):
    """A membership of this workplace by id; 404 for another workplace's id as for a missing one."""
    membership = (
        Membership.objects.select_related("user", "workplace").of(workplace).filter(pk=membership_id).first()
    )
    if membership is None:
        raise Http404
    return membership


def organisation_workplaces(*, organisation):
    """The organisation's workplaces with member counts and their leaders, in a fixed number of queries."""
    leaders = Membership.objects.filter(role=Role.LEADER).select_related("user").order_by("user__full_name")

    def members(**only):
        # A count per shown workplace, not a GROUP BY over every membership of the organisation: the page
        # shows 50 of a thousand workplaces, and its paginator's count then needs no join at all.
        counted = Membership.objects.filter(workplace=OuterRef("pk"), **only).order_by().values("workplace")
        return Coalesce(Subquery(counted.annotate(n=Count("pk")).values("n")), 0)

    return (
        Workplace.objects.filter(organisation=organisation)
        .annotate(member_count=members(), leader_count=members(role=Role.LEADER))
        .prefetch_related(Prefetch("memberships", queryset=leaders, to_attr="leader_memberships"))
        .order_by("name")
    )


def access_organisation_workplace(*, organisation, workplace_slug):
    workplace = Workplace.objects.filter(organisation=organisation, slug=workplace_slug).first()
    if workplace is None:
        raise Http404
    return workplace


# --- Where memberships came from, for the survey's eligibility rule ---------------------------------------


def workplace_leader_ids(*, workplace):
    leaders = Membership.objects.filter(workplace=workplace, role=Role.LEADER)
    return set(leaders.values_list("user_id", flat=True))


def membership_changes_between(*, workplace, start, end):
    """Every join, role change and leaving in the workplace from ``start`` to ``end``, oldest first, as
    (kind, member id, actor id or None, role, previous role)."""
    return list(
        MembershipChange.objects.of(workplace)
        .filter(at__gte=start, at__lte=end)
        .order_by("at", "pk")
        .values_list("kind", "user_id", "actor_id", "role", "previous_role")
    )


def latest_membership_changes(*, workplace, start, end):
    """{member id: when they last joined or had their role changed} in the workplace from ``start`` to
    ``end``."""
    return dict(
        MembershipChange.objects.of(workplace)
        .filter(at__gte=start, at__lte=end)
        .exclude(kind=MembershipChangeKind.LEFT)
        .values("user_id")
        .annotate(latest=Max("at"))
        .values_list("user_id", "latest")
    )


def changes_made_by(*, actor, workplace_ids):
    """(workplace id, when) of every join and role change ``actor`` (a person, or a list of people) made in
    those workplaces."""
    actors = actor if isinstance(actor, list | tuple) else [actor]
    return list(
        MembershipChange.objects.filter(actor__in=actors, workplace_id__any_of=list(workplace_ids))
        .exclude(kind=MembershipChangeKind.LEFT)
        .values_list("workplace_id", "at")
    )


def organisation_admin_ids(*, organisation_id):
    admins = OrganisationAdmin.objects.filter(organisation_id=organisation_id)
    return set(admins.values_list("user_id", flat=True))


def organisation_domain_list(*, organisation):
    return OrganisationDomain.objects.filter(organisation=organisation).select_related("added_by")


def domain_claims_pending(*, organisation):
    return DomainClaim.objects.filter(organisation=organisation, decided_at__isnull=True)


def access_organisation_domain(*, organisation, domain_id):
    domain = OrganisationDomain.objects.filter(organisation=organisation, pk=domain_id).first()
    if domain is None:
        raise Http404
    return domain


def access_organisation_person(*, organisation, user_id):
    """A person who is a member of one of the organisation's workplaces; 404 for anyone else."""
    person = (
        get_user_model().objects.filter(pk=user_id, memberships__organisation=organisation).distinct().first()
    )
    if person is None:
        raise Http404
    return person


def organisation_domains(*, organisation):
    return list(OrganisationDomain.objects.filter(organisation=organisation).values_list("domain", flat=True))


def dns_form(domain: str) -> str:
    """A domain as DNS writes it: æøå-domains in their xn-- form, as the organisation's domains are stored."""
    domain = domain.strip().lower()
    try:
        return domain.encode("idna").decode("ascii")
    except UnicodeError:
        return domain


def _unicode_form(domain: str) -> str:
    try:
        return domain.encode("ascii").decode("idna")
    except UnicodeError:
        return domain


def address_domain(email: str) -> str:
    return dns_form(email.rpartition("@")[2])


def outside_domains(email: str, domains) -> bool:
    """Whether the address is outside the organisation's domains (never, when it has named none)."""
    return bool(domains) and address_domain(email) not in set(domains)


def address_approvals(*, organisation, user_ids):
    """{person id: id of the admin who approved their address, or None} for those of ``user_ids`` approved."""
    return dict(
        AddressApproval.objects.filter(organisation=organisation, user_id__in=list(user_ids)).values_list(
            "user_id", "approved_by_id"
        )
    )


def people_outside_domains(*, organisation, domains):
    """The organisation's members whose address is outside its ``domains``, with their workplaces here and
    when an admin approved them; unapproved first. None when the organisation names no domains."""
    if not domains:
        return get_user_model().objects.none()
    # Addresses keep their æøå as typed; the domains are stored in their xn-- form: match either.
    spellings = set(domains) | {_unicode_form(domain) for domain in domains}
    inside = reduce(or_, (Q(email__iendswith=f"@{spelling}") for spelling in spellings))
    here = Membership.objects.filter(organisation=organisation)
    approval = AddressApproval.objects.filter(organisation=organisation, user=OuterRef("pk"))
    return (
        get_user_model()
        .objects.filter(Exists(here.filter(user=OuterRef("pk"))))
        .exclude(inside)
        .annotate(approved_at=Subquery(approval.values("approved_at")[:1]))
        .prefetch_related(
            Prefetch(
                "memberships",
                queryset=here.select_related("workplace").order_by("workplace__name"),
                to_attr="memberships_here",
            )
        )
        .order_by(F("approved_at").asc(nulls_first=True), "full_name", "email")
    )


def invitations_pending(*, workplace):
    return Invitation.objects.pending().of(workplace).select_related("invited_by").order_by("-created_at")


def access_invitation(*, workplace, invitation_id):
    invitation = Invitation.objects.of(workplace).filter(pk=invitation_id).select_related("workplace").first()
    if invitation is None:
        raise Http404
    return invitation


# --- Who reviews experiments' safety checks ------------------------------------------------------------


def safety_contacts(*, organisation):
    """The people named to review safety checks, by role then name."""
    return list(
        SafetyContact.objects.filter(organisation=organisation)
        .select_related("user")
        .order_by("role", "user__full_name", "user__email")
    )


def access_safety_contact(*, organisation, contact_id):
    return one_or_404(
        SafetyContact.objects.filter(organisation=organisation, pk=contact_id).select_related("user")
    )


def _reviewer_ids(*, organisation_id, role, exclude_ids):
    named = list(
        SafetyContact.objects.filter(organisation_id=organisation_id, role=role)
        .still_belonging()
        .exclude(user_id__in=exclude_ids)
        .values_list("user_id", flat=True)
    )
    if named:
        return named
    admins = OrganisationAdmin.objects.filter(organisation_id=organisation_id, user__is_active=True)
    return list(admins.exclude(user_id__in=exclude_ids).values_list("user_id", flat=True))


def safety_reviewers(*, organisation_id, role, exclude_ids=()):
    """Who reviews a safety check of this role: the people named for it who still belong to the
    organisation, or its admins where none is; never ``exclude_ids`` (the experiment's own leadership, who
    would approve their own plan). May be empty."""
    ids = _reviewer_ids(organisation_id=organisation_id, role=role, exclude_ids=exclude_ids)
    return list(get_user_model().objects.filter(pk__in=ids).order_by("full_name", "email")) if ids else []


def may_be_reviewed(*, organisation_id, role, exclude_ids=()) -> bool:
    """Whether anybody (outside ``exclude_ids``) can review a safety check of this role."""
    return bool(_reviewer_ids(organisation_id=organisation_id, role=role, exclude_ids=exclude_ids))


def may_review_safety(*, user, organisation_id, role, exclude_ids=()) -> bool:
    return user.pk in _reviewer_ids(organisation_id=organisation_id, role=role, exclude_ids=exclude_ids)


def organisation_for_safety_reviewer(*, user, org_slug):
    """The organisation, for a person named to review its safety checks who still belongs to it, or one of
    its admins; else None."""
    if not user.is_authenticated:
        return None
    admin = OrganisationAdmin.objects.filter(organisation=OuterRef("pk"), user=user)
    contact = SafetyContact.objects.filter(organisation=OuterRef("pk"), user=user).still_belonging()
    return at_most_one(Organisation.objects.filter(slug=org_slug).filter(Exists(admin) | Exists(contact)))


# --- People not seen, people who left, the audit log and the retention periods (issue 19) -----------------


def people_not_seen(*, organisation, now):
    """The organisation's active members who have not signed in for its ``inactive_after_days`` (those who
    never did, counted from when they joined), longest unseen first, with their workplaces here."""
    cutoff = now - timedelta(days=organisation.inactive_after_days)
    here = Membership.objects.filter(organisation=organisation)
    return (
        get_user_model()
        .objects.annotate(seen_at=Coalesce("last_login", "date_joined"))
        .filter(Exists(here.filter(user=OuterRef("pk"))), is_active=True, seen_at__lt=cutoff)
        .prefetch_related(
            Prefetch(
                "memberships",
                queryset=here.select_related("workplace").order_by("workplace__name"),
                to_attr="memberships_here",
            )
        )
        .order_by("seen_at", "pk")
    )


def people_not_seen_chosen(*, organisation, now, user_ids):
    return list(people_not_seen(organisation=organisation, now=now).filter(pk__in=list(user_ids)))


def people_who_left(*, organisation):
    """People who left the organisation's workplaces and belong to none of them now, whose accounts still
    exist: last left first. ``other_places`` says whether they belong elsewhere in Frontløber (then only
    their place here was theirs to end, and their account is not the organisation's to erase)."""
    left = MembershipChange.objects.filter(organisation=organisation, kind=MembershipChangeKind.LEFT)
    return (
        get_user_model()
        .objects.filter(Exists(left.filter(user=OuterRef("pk"))))
        .exclude(Exists(Membership.objects.filter(organisation=organisation, user=OuterRef("pk"))))
        .annotate(
            left_at=Subquery(left.filter(user=OuterRef("pk")).order_by("-at").values("at")[:1]),
            other_places=Exists(Membership.objects.filter(user=OuterRef("pk")))
            | Exists(OrganisationAdmin.objects.filter(user=OuterRef("pk"))),
        )
        .order_by("-left_at", "pk")
    )


def access_person_of_organisation(*, organisation, user_id):
    """A person who is or was a member of one of the organisation's workplaces; 404 for anyone else."""
    person = (
        get_user_model()
        .objects.filter(pk=user_id)
        .filter(
            Exists(Membership.objects.filter(organisation=organisation, user=OuterRef("pk")))
            | Exists(MembershipChange.objects.filter(organisation=organisation, user=OuterRef("pk")))
        )
        .first()
    )
    if person is None or person.is_former_person:
        raise Http404
    return person


def audit_entries(*, organisation, action=""):
    entries = AuditEntry.objects.filter(organisation=organisation).select_related(
        "actor", "subject", "in_workplace"
    )
    if action:
        entries = entries.filter(action=action)
    return entries


def retention_periods(*, organisation=None):
    """The retention periods (label, days) of ``organisation``, or the defaults."""
    periods = []
    for name in Organisation.RETENTION_FIELDS:
        if name == "inactive_after_days":  # when to look at someone, not how long anything is kept
            continue
        field = Organisation._meta.get_field(name)
        periods.append((field.verbose_name, getattr(organisation, name) if organisation else field.default))
    return periods


def retention_periods_for_privacy_page(request):
    """For the privacy page: the periods of each organisation the reader belongs to, or the defaults."""
    user = getattr(request, "user", None)
    organisations = []
    if user is not None and user.is_authenticated:
        organisations = list(organisations_of_person(user=user).order_by("name"))
    return {
        "retention": [
            (organisation.name, retention_periods(organisation=organisation))
            for organisation in organisations
        ]
        or [("", retention_periods())]
    }


# --- Staff lists (issue 19, point 3) ---------------------------------------------------------------------

ROLE_WORDS = {
    "": Role.EMPLOYEE,
    "medarbejder": Role.EMPLOYEE,
    "employee": Role.EMPLOYEE,
    "ansat": Role.EMPLOYEE,
    "leder": Role.LEADER,
    "leader": Role.LEADER,
    "observatør": Role.OBSERVER,
    "observatoer": Role.OBSERVER,
    "observer": Role.OBSERVER,
    "med": Role.OBSERVER,
}


class Outcome:
    NEW = "new"
    CHANGED = "changed"
    UNCHANGED = "unchanged"
    ERROR = "error"


@dataclass
class StaffRow:
    line: int
    name: str
    email: str
    workplace_text: str
    role_text: str
    outcome: str = Outcome.UNCHANGED
    reason: str = ""
    workplace: object = None
    role: str = ""
    user_id: int | None = None
    membership_id: int | None = None
    previous_role: str = ""
    # An account that belongs elsewhere in Frontløber is never joined without its owner's say: it is invited.
    invite: bool = False

    @property
    def is_new(self):
        return self.outcome == Outcome.NEW

    @property
    def is_changed(self):
        return self.outcome == Outcome.CHANGED

    @property
    def is_unchanged(self):
        return self.outcome == Outcome.UNCHANGED


def _chunks(values, size=1000):
    values = list(values)
    for start in range(0, len(values), size):
        yield values[start : start + size]


def staff_import_rows(*, staff_import) -> list[StaffRow]:
    """Each row of the list with what applying it would do today: a new person (an account is made, or, for
    an address whose account has never belonged to the organisation, an invitation is sent), changed (added
    to the workplace, or a new role there), unchanged, or an error with the reason. A new person and an
    invited one read alike, so the preview does not tell whether an address has an account elsewhere. Reads
    the organisation's workplaces once and the people, memberships and invitations a thousand at a time."""
    organisation_id = staff_import.organisation_id
    workplaces = {}
    for workplace in Workplace.objects.filter(organisation_id=organisation_id).only("pk", "name", "slug"):
        workplaces[workplace.name.strip().lower()] = workplace
        workplaces[workplace.slug.lower()] = workplace
    rows = [
        StaffRow(line, name, email.strip().lower(), place, role)
        for line, name, email, place, role in staff_import.rows
    ]
    emails = {row.email for row in rows if row.email}
    users = {}
    for chunk in _chunks(emails):
        for pk, email in get_user_model().objects.filter(email__in=chunk).values_list("pk", "email"):
            users[email] = pk
    memberships = {}
    belongs = set()  # people who are or were of the organisation: their accounts may be joined directly
    for chunk in _chunks(users.values()):
        for pk, user_id, workplace_id, role in Membership.objects.filter(
            organisation_id=organisation_id, user_id__in=chunk
        ).values_list("pk", "user_id", "workplace_id", "role"):
            memberships[(user_id, workplace_id)] = (pk, role)
        belongs.update(
            MembershipChange.objects.filter(organisation_id=organisation_id, user_id__in=chunk)
            .order_by()
            .values_list("user_id", flat=True)
            .union(
                OrganisationAdmin.objects.filter(organisation_id=organisation_id, user_id__in=chunk)
                .order_by()
                .values_list("user_id", flat=True)
            )
        )
    belongs.update(user_id for user_id, _workplace_id in memberships)
    invited = set()
    for chunk in _chunks(emails):
        invited.update(
            Invitation.objects.pending()
            .filter(organisation_id=organisation_id, email__in=chunk)
            .values_list("email", "workplace_id")
        )
    seen = {}
    for row in rows:
        role = ROLE_WORDS.get(row.role_text.strip().lower())
        workplace = workplaces.get(row.workplace_text.strip().lower())
        if not row.email:
            row.outcome, row.reason = Outcome.ERROR, _("No e-mail address.")
        else:
            try:
                validate_email(row.email)
            except ValidationError:
                row.outcome, row.reason = (
                    Outcome.ERROR,
                    _("%(email)s is not an e-mail address.") % {"email": row.email},
                )
        if row.outcome != Outcome.ERROR and row.email == FORMER_PERSON_EMAIL:
            row.outcome, row.reason = Outcome.ERROR, _("This address cannot be used.")
        if row.outcome == Outcome.ERROR:
            continue
        if workplace is None:
            row.outcome = Outcome.ERROR
            row.reason = _("No workplace of the organisation is called “%(name)s”.") % {
                "name": row.workplace_text
            }
            continue
        if role is None:
            row.outcome = Outcome.ERROR
            row.reason = _("“%(role)s” is not a role: write medarbejder, leder or observatør.") % {
                "role": row.role_text
            }
            continue
        key = (row.email, workplace.pk)
        if key in seen:
            row.outcome = Outcome.ERROR
            row.reason = _("The same person and workplace are on line %(line)s too.") % {"line": seen[key]}
            continue
        seen[key] = row.line
        row.workplace, row.role = workplace, role
        row.user_id = users.get(row.email)
        if row.user_id is not None and row.user_id not in belongs:
            row.user_id, row.invite = None, True
            if (row.email, workplace.pk) in invited:
                row.outcome, row.reason = Outcome.UNCHANGED, _("invited, not yet accepted")
            else:
                row.outcome = Outcome.NEW
            continue
        if row.user_id is None:
            if not row.name:
                row.outcome, row.reason = Outcome.ERROR, _("A new person needs a name.")
            else:
                row.outcome = Outcome.NEW
            continue
        membership = memberships.get((row.user_id, workplace.pk))
        if membership is None:
            row.outcome, row.reason = (
                Outcome.CHANGED,
                _("joins %(workplace)s") % {"workplace": workplace.name},
            )
        elif membership[1] != role:
            row.membership_id, row.previous_role = membership
            row.outcome = Outcome.CHANGED
            row.reason = _("%(before)s → %(after)s") % {
                "before": Role(row.previous_role).label,
                "after": Role(role).label,
            }
        else:
            row.membership_id = membership[0]
    return rows


def staff_import_counts(rows) -> dict:
    counts = dict.fromkeys((Outcome.NEW, Outcome.CHANGED, Outcome.UNCHANGED, Outcome.ERROR), 0)
    for row in rows:
        counts[row.outcome] += 1
    return counts


def access_staff_import(*, organisation, import_id):
    staff_import = StaffImport.objects.filter(organisation=organisation, pk=import_id).first()
    if staff_import is None:
        raise Http404
    return staff_import


def staff_imports(*, organisation):
    return StaffImport.objects.filter(organisation=organisation).defer("rows").select_related("uploaded_by")


def staff_import_absent(*, staff_import):
    """The members of the workplaces the list names whom the list leaves out: those who may have left."""
    rows = staff_import_rows(staff_import=staff_import)
    workplace_ids = {row.workplace.pk for row in rows if row.workplace is not None}
    listed = {(row.email, row.workplace.pk) for row in rows if row.workplace is not None}
    absent = []
    for membership in (
        Membership.objects.filter(
            organisation_id=staff_import.organisation_id, workplace_id__in=workplace_ids
        )
        .select_related("user", "workplace")
        .order_by("workplace__name", "user__full_name", "pk")
    ):
        if (membership.user.email.lower(), membership.workplace_id) not in listed:
            absent.append(membership)
    return absent


def organisations_of_person(*, user):
    """The organisations the person is a member or an admin of."""
    return Organisation.objects.filter(Q(memberships__user=user) | Q(admins__user=user)).distinct()


def password_login_refusal(*, user) -> str | None:
    """Why the person may not sign in with a password: one of their organisations has switched it off."""
    strict = organisations_of_person(user=user).filter(password_login=False).order_by("name").first()
    if strict is None:
        return None
    return _(
        "%(organisation)s signs its people in through its own sign-in. Use “Log in with %(organisation)s” "
        "above."
    ) % {"organisation": strict.name}


def mapped_membership_changes(*, memberships, wanted: dict) -> list[tuple]:
    """What the organisation's sign-in mapping would change (issue 19, point 2): ``wanted`` maps workplace
    ids to roles; ``memberships`` are the person's in the organisation. Only memberships the identity
    provider made follow the mapping: one made by hand, an invitation or a staff list is never changed or
    removed by it. Returns ``(kind, workplace_id, role, previous_role, membership)`` rows, kind being
    "joins", "role" or "leaves"."""
    changes = []
    held = {m.workplace_id: m for m in memberships}
    for workplace_id, role in wanted.items():
        membership = held.get(workplace_id)
        if membership is None:
            changes.append(("joins", workplace_id, role, "", None))
        elif membership.origin == MembershipOrigin.IDENTITY_PROVIDER and membership.role != role:
            changes.append(("role", workplace_id, role, membership.role, membership))
    for workplace_id, membership in held.items():
        if workplace_id not in wanted and membership.origin == MembershipOrigin.IDENTITY_PROVIDER:
            changes.append(("leaves", workplace_id, "", membership.role, membership))
    return changes
