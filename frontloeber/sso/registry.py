from frontloeber.core.registry import Registry

people_units = Registry(
    """Callables ``(*, organisation, user_ids=None) -> dict[int, list[str]]``: more values the sign-in rules
    match, per person, besides what the identity provider says at a sign-in (provisioning: the SCIM groups
    they are in); ``user_ids`` None asks for everyone the source knows in the organisation (the rule
    preview). A sign-in follows all of them, so it never takes away a workplace another source's group
    gives, and the preview shows what a rule does to people provisioned but not yet signed in."""
)

sign_in_refusal = Registry(
    """Callables ``(*, organisation, user) -> str | None``: why a sign-in through the organisation's provider
    must not let this person in, though the provider vouches for them (provisioning: SCIM has deactivated
    them here)."""
)
