from frontloeber.core.registry import Registry

person_units = Registry(
    """Callables ``(*, organisation, user) -> list[str]``: more values of the person the sign-in rules match,
    besides what the identity provider says at a sign-in (provisioning: the SCIM groups they are in). A
    sign-in follows all of them, so it never takes away a workplace another source's group gives."""
)
