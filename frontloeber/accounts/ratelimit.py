def login_username(request, credentials):
    """The e-mail a login attempt is counted against: trimmed and lower-case, as logins ignore case."""
    value = (credentials or {}).get("username") or request.POST.get("username", "")
    return value.strip().lower()
