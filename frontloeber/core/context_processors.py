from django.utils.functional import SimpleLazyObject

from frontloeber.organisations import selectors


def navigation(request):
    """The header's workplace switcher and admin links, loaded once and only when a template asks."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    return {
        "my_memberships": SimpleLazyObject(lambda: list(selectors.memberships_for_user(user=user))),
        "my_admin_organisations": SimpleLazyObject(
            lambda: list(selectors.organisations_administered(user=user))
        ),
    }
