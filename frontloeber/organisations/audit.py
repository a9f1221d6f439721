"""The audit log (issue 19, point 4): writing an entry, naming its people, and saying what it records.

A person is recorded by foreign key and by a pseudonym made from their e-mail address with the site's secret
key: the same person has the same pseudonym in every entry (an invitation, before any account exists,
included), and once they are erased the pseudonym is all that is left of them in the log.
"""

from django.utils import timezone
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .models import AuditAction, AuditEntry, MembershipOrigin, Organisation, Role, SafetyRole

_PSEUDONYM_SALT = "frontloeber.organisations.audit.person"


def person_ref(email) -> str:
    if not email:
        return ""
    digest = salted_hmac(_PSEUDONYM_SALT, email.strip().lower(), algorithm="sha256").hexdigest()
    return f"P-{digest[:12].upper()}"


def audit_record(
    *, organisation, action, actor=None, subject=None, subject_email="", workplace=None, detail=None, now=None
) -> AuditEntry:
    if action not in AuditAction.values:
        raise ValueError(f"Unknown audit action {action!r}")
    return AuditEntry.objects.create(
        organisation_id=organisation.pk if hasattr(organisation, "pk") else organisation,
        in_workplace_id=getattr(workplace, "pk", workplace),
        action=action,
        actor=actor,
        actor_ref=person_ref(getattr(actor, "email", "")),
        subject=subject,
        subject_ref=person_ref(getattr(subject, "email", "") or subject_email),
        detail=detail or {},
        at=now or timezone.now(),
    )


def _field_label(name):
    try:
        return str(Organisation._meta.get_field(name).verbose_name)
    except Exception:  # noqa: BLE001 — a period since renamed is shown by its old name
        return name


def _role(value):
    return Role(value).label if value in Role.values else value


_SSO_CHANGES = {
    "created": gettext_lazy("set up"),
    "metadata": gettext_lazy("the identity provider's metadata read"),
    "openid_connect": gettext_lazy("the OpenID Connect provider saved"),
    "attributes": gettext_lazy("the names of its answers changed"),
    "enabled": gettext_lazy("put in use"),
    "disabled": gettext_lazy("no longer in use"),
    "prepared": gettext_lazy("a new certificate made"),
    "switched": gettext_lazy("switched to the new certificate"),
    "added": gettext_lazy("rule added"),
    "removed": gettext_lazy("rule removed"),
}
_MAPPED = {
    "joins": gettext_lazy("joined"),
    "role": gettext_lazy("role changed in"),
    "leaves": gettext_lazy("left"),
}
_BY = {
    "password": gettext_lazy("by their password"),
    "admin": gettext_lazy("by an admin"),
    "operator": gettext_lazy("by the platform operator"),
}


def audit_detail_text(entry) -> str:
    """The entry's detail in words: the role before and after, the domain, the periods that changed."""
    detail = entry.detail or {}
    parts = []
    if "previous_role" in detail and "role" in detail:
        parts.append(f"{_role(detail['previous_role'])} → {_role(detail['role'])}")
    elif detail.get("role"):
        parts.append(_("as %(role)s") % {"role": str(_role(detail["role"])).lower()})
    if "domain" in detail:
        parts.append(detail["domain"])
    if "origin" in detail:
        origin = detail["origin"]
        label = MembershipOrigin(origin).label if origin in MembershipOrigin.values else origin
        parts.append(_("source: %(origin)s") % {"origin": str(label).lower()})
    if "safety_role" in detail:
        role = detail["safety_role"]
        parts.append(str(SafetyRole(role).label) if role in SafetyRole.values else role)
    if "changed" in detail:
        parts.append(
            ", ".join(
                f"{_field_label(name)}: {before} → {after}"
                for name, (before, after) in detail["changed"].items()
            )
        )
    if detail.get("contributions") == "removed":
        parts.append(_("their ideas and comments removed"))
    elif detail.get("contributions") == "kept":
        parts.append(_("their contributions kept as “Former employee”"))
    if "count" in detail:
        parts.append(_("%(count)s people") % {"count": detail["count"]})
    if "group" in detail:
        parts.append(_("group %(group)s") % {"group": detail["group"]})
    if detail.get("change") in _SSO_CHANGES:
        parts.append(str(_SSO_CHANGES[detail["change"]]))
    if "value" in detail:  # a sign-in rule: the value and what it gives
        gives = detail.get("workplace") or (str(_role(detail["role"])) if detail.get("role") else "")
        parts.append(f"“{detail['value']}” → {gives}" if gives else f"“{detail['value']}”")
    if "password_login" in detail:
        parts.append(_("password login on") if detail["password_login"] else _("password login off"))
    if "changes" in detail:  # what a sign-in's rules did: joined, role changed, left, per workplace
        parts.append(
            ", ".join(
                f"{_MAPPED.get(kind, kind)} {workplace}" for kind, workplace, *_rest in detail["changes"]
            )
        )
    if detail.get("by") in _BY:
        parts.append(str(_BY[detail["by"]]))
    if detail.get("refused"):
        parts.append(_("refused"))
    if detail.get("token") and not detail.get("via"):  # an API token made or revoked: which one
        parts.append(_("token “%(token)s”") % {"token": detail["token"]})
    if detail.get("scopes"):
        parts.append(_("scopes: %(scopes)s") % {"scopes": ", ".join(detail["scopes"])})
    if detail.get("via"):
        # Which system did it, and with which of its credentials (provisioning: "SCIM" and the token's name).
        via = detail["via"]
        if detail.get("token"):
            via = _("%(via)s, token “%(token)s”") % {"via": via, "token": detail["token"]}
        parts.append(_("by %(via)s") % {"via": via})
    return "; ".join(str(part) for part in parts)
