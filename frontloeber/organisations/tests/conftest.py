import pytest

from tests.factories import OrganisationAdminFactory


@pytest.fixture
def admin(workplace):
    """An admin of the workplace's organisation, as a person (some files here want the admin row instead and
    define their own)."""
    return OrganisationAdminFactory(organisation=workplace.organisation).user
