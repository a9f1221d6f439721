from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser, BaseUserManager, PermissionsMixin
from django.db import models
from django.db.models import F, Value
from django.db.models.functions import Coalesce, NullIf
from django.utils import timezone
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext_lazy as _

# The one account that erased people's kept contributions point at (issue 19, point 4): it has no password,
# no membership and cannot sign in, and it is the same for everyone erased, so nothing groups one person's
# contributions once they are gone.
FORMER_PERSON_EMAIL = "tidligere-medarbejder@frontloeber.invalid"
FORMER_PERSON_NAME = "Tidligere medarbejder"


class UserManager(BaseUserManager):
    use_in_migrations = True

    def _create_user(self, email, password, **extra_fields):
        if not email:
            raise ValueError("An e-mail address is required.")
        user = self.model(email=self.normalize_email(email).lower(), **extra_fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", False)
        extra_fields.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra_fields)

    def create_superuser(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", True)
        extra_fields.setdefault("is_superuser", True)
        return self._create_user(email, password, **extra_fields)

    def get_by_natural_key(self, username):
        return self.get(**{f"{self.model.USERNAME_FIELD}__iexact": username})


class User(AbstractBaseUser, PermissionsMixin):
    """A person. The e-mail address is the login; addresses are stored lower-case."""

    email = models.EmailField(_("e-mail address"), unique=True)
    full_name = models.CharField(_("full name"), max_length=150)
    is_active = models.BooleanField(_("active"), default=True)
    is_staff = models.BooleanField(_("staff"), default=False)
    date_joined = models.DateTimeField(_("joined"), default=timezone.now)
    # Raised by "sign out everywhere": it is part of the hash every session of the person carries, so each of
    # them stops being valid at its next request (as a changed password does).
    session_epoch = models.PositiveIntegerField(default=0, editable=False)

    objects = UserManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS = ["full_name"]

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
        ordering = ["full_name", "email"]
        # When a person was last seen (signed in, or joined if never): the admin's list of people not seen
        # for a long time reads its first page from this, not by sorting a municipality's 30,000 people.
        indexes = [models.Index(Coalesce("last_login", "date_joined"), "id", name="user_seen_at")]

    def __str__(self):
        if self.is_former_person:
            return str(_("Former employee"))
        return self.full_name or self.email

    @staticmethod
    def shown_name(path=""):
        """``str(user)`` as an SQL expression, of the person at ``path`` ("leader__"), for lists too long to
        load each person for."""
        return Coalesce(
            NullIf(F(f"{path}full_name"), Value("")), F(f"{path}email"), output_field=models.CharField()
        )

    def _get_session_auth_hash(self, secret=None):
        # Epoch 0 hashes exactly as Django does, so sessions made before the epoch existed stay valid.
        value = self.password if not self.session_epoch else f"{self.password}:{self.session_epoch}"
        key_salt = "django.contrib.auth.models.AbstractBaseUser.get_session_auth_hash"
        return salted_hmac(key_salt, value, secret=secret, algorithm="sha256").hexdigest()

    @property
    def is_former_person(self):
        return self.email == FORMER_PERSON_EMAIL

    def clean(self):
        super().clean()
        self.email = self.__class__.objects.normalize_email(self.email).lower()

    def get_full_name(self):
        return self.full_name

    def get_short_name(self):
        return self.full_name.split(" ")[0] if self.full_name else self.email


class SignInMethod(models.TextChoices):
    PASSWORD = "password", _("Password")
    SAML = "saml", _("SAML single sign-on")
    OIDC = "oidc", _("OpenID Connect single sign-on")


class SignIn(models.Model):
    """A sign-in: when and how. Kept for the organisation's retention period for login records, then purged
    at night; the person's data export lists theirs."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="sign_ins")
    method = models.CharField(max_length=10, choices=SignInMethod.choices, default=SignInMethod.PASSWORD)
    at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-at", "-pk"]
        indexes = [models.Index(fields=["user", "at"]), models.Index(fields=["at"])]

    def __str__(self):
        return f"{self.user_id} {self.at:%Y-%m-%d %H:%M}"
