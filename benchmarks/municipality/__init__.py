"""A large municipality's data on PostgreSQL, built with set-based SQL (issue 16).

On top of the demo: 1,000 more workplaces in the demo's organisation, 30,000 people (30 in each, one of them
its leader), 300,000 ideas (5,000 in the busiest workplace), five supports and about one comment per idea
(200 on one idea of the busiest workplace), tags. Around them, what a year of the rest of the product leaves:
two sealed survey rounds per workplace (12 of its 29 employees answered each, about 480,000 answers), everyone
but one per workplace has rated the skills catalogue (348,000 ratings with their history), experiments,
adoption plans and cases for some of the ideas being tried out or adopted, challenges, workshop sessions and
learning activities. Every row is made by ``INSERT … SELECT`` over ``generate_series`` in PostgreSQL, not
saved one by one: the whole set takes a few minutes on this machine.

    python -m benchmarks.municipality            # DATABASE_URL names an empty, migrated database

Each column of a table comes from the SQL given for it here, or else from the model field's own default
(NULL, the default value, or an empty text), so a column added later needs no change unless it has no
default.
"""

from . import sizes  # noqa: F401 - tests set the sizes here
from .generate import build, counts  # noqa: F401
from .sizes import BUSY_SLUG, DOMAIN, PASSWORD, RARE_WORD  # noqa: F401
