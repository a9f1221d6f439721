"""Reading an identity provider's SAML metadata, and the key pair Frontløber signs its requests with.

python3-saml reads the XML (its parser forbids DTDs and entities) and checks the metadata's signature;
nothing here handles signatures by hand. What an admin gets wrong gets a ``MetadataError`` with a message
they can act on.
"""

import datetime

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.x509.oid import NameOID
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext as _
from onelogin.saml2.constants import OneLogin_Saml2_Constants
from onelogin.saml2.idp_metadata_parser import OneLogin_Saml2_IdPMetadataParser
from onelogin.saml2.utils import OneLogin_Saml2_Utils
from onelogin.saml2.xml_utils import OneLogin_Saml2_XML

# KOMBIT's Context Handler metadata is about 10 KB, Entra ID's about 25 KB (several certificates).
MAX_METADATA_BYTES = 512 * 1024
SP_CERTIFICATE_YEARS = 3


class MetadataError(ValueError):
    pass


def _valid_until(dom):
    value = dom.get("validUntil")
    if not value:
        return None
    moment = parse_datetime(value.replace("Z", "+00:00"))
    if moment is None:
        raise MetadataError(
            _("The metadata's validUntil is not a date and time: %(value)s") % {"value": value}
        )
    if timezone.is_naive(moment):
        moment = timezone.make_aware(moment, datetime.UTC)
    return moment


def metadata_read(content: bytes, *, now=None) -> dict:
    """The IdP's entity ID, sign-in and sign-out addresses and signing certificates, from its metadata."""
    now = now or timezone.now()
    if not content or not content.strip():
        raise MetadataError(_("The metadata is empty. Upload the XML file your identity provider gives you."))
    if len(content) > MAX_METADATA_BYTES:
        raise MetadataError(
            _("The metadata is larger than %(size)s KB, which no identity provider's is. Check the file.")
            % {"size": MAX_METADATA_BYTES // 1024}
        )
    try:
        dom = OneLogin_Saml2_XML.to_etree(content)
    except Exception as error:  # noqa: BLE001 — lxml and the parser's own refusals alike
        raise MetadataError(
            _("The file is not SAML metadata (XML) that can be read: %(reason)s")
            % {"reason": str(error)[:200]}
        ) from error
    if not OneLogin_Saml2_XML.query(dom, "//md:IDPSSODescriptor"):
        raise MetadataError(
            _(
                "The file is XML but holds no identity provider (no IDPSSODescriptor). Upload the IdP's "
                "metadata."
            )
        )
    valid_until = _valid_until(dom)
    if valid_until is not None and valid_until <= now:
        raise MetadataError(
            _("The metadata expired on %(date)s. Fetch a current copy from your identity provider.")
            % {"date": timezone.localtime(valid_until).strftime("%Y-%m-%d %H:%M")}
        )
    try:
        redirect = OneLogin_Saml2_IdPMetadataParser.parse(content)
        post = OneLogin_Saml2_IdPMetadataParser.parse(
            content, required_sso_binding=OneLogin_Saml2_Constants.BINDING_HTTP_POST
        )
    except Exception as error:  # noqa: BLE001 — the parser fails on empty elements with whatever it meets
        raise MetadataError(
            _("The identity provider in the metadata cannot be read: %(reason)s")
            % {"reason": str(error)[:200]}
        ) from error
    idp = redirect.get("idp", {})
    sso_url = idp.get("singleSignOnService", {}).get("url") or post.get("idp", {}).get(
        "singleSignOnService", {}
    ).get("url")
    certificates = idp.get("x509certMulti", {}).get("signing") or (
        [idp["x509cert"]] if idp.get("x509cert") else []
    )
    if not idp.get("entityId") or not sso_url:
        raise MetadataError(_("The metadata names no entity ID or no sign-in address (SingleSignOnService)."))
    if not certificates:
        raise MetadataError(
            _("The metadata holds no signing certificate, so no answer from it could be trusted.")
        )
    for certificate in certificates:
        try:
            x509.load_pem_x509_certificate(_pem(certificate).encode())
        except ValueError as error:
            raise MetadataError(
                _("A certificate in the metadata is not a certificate that can be read: %(reason)s")
                % {"reason": str(error)[:200]}
            ) from error
    signed = bool(OneLogin_Saml2_XML.query(dom, "/md:EntityDescriptor/ds:Signature"))
    if signed and not any(
        OneLogin_Saml2_Utils.validate_metadata_sign(content, cert=_pem(certificate))
        for certificate in certificates
    ):
        raise MetadataError(
            _("The metadata is signed, but its signature does not match its certificates: it was changed.")
        )
    return {
        "entity_id": idp["entityId"],
        "sso_url": sso_url,
        "slo_url": idp.get("singleLogoutService", {}).get("url", ""),
        "certificates": certificates,
        "valid_until": valid_until,
        "signed": signed,
    }


def _pem(certificate: str) -> str:
    return OneLogin_Saml2_Utils.format_cert(certificate)


def certificate_fingerprint(certificate: str) -> str:
    """SHA-256 fingerprint, as an admin compares it with the IdP's."""
    cert = x509.load_pem_x509_certificate(_pem(certificate).encode())
    return ":".join(f"{byte:02X}" for byte in cert.fingerprint(hashes.SHA256()))


def certificate_not_after(certificate: str):
    return x509.load_pem_x509_certificate(_pem(certificate).encode()).not_valid_after_utc


def sp_key_pair(*, common_name: str, now=None) -> tuple[str, str]:
    """A new RSA 2048 key (the least OIOSAML asks) and a self-signed certificate for signing requests, as
    PEM strings."""
    now = now or timezone.now()
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, common_name[:64])])
    certificate = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(days=1))
        .not_valid_after(now + datetime.timedelta(days=365 * SP_CERTIFICATE_YEARS))
        .sign(key, hashes.SHA256())
    )
    key_pem = key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    ).decode()
    return key_pem, certificate.public_bytes(serialization.Encoding.PEM).decode()
