"""``field__any_of=[...]``: the IN lookup for long lists of values, sent to PostgreSQL as one array.

psycopg parses a query's text for its placeholders on every execution unless the text is short enough to be
cached (4 KB): an IN list of a thousand ids is a thousand placeholders parsed again on every request (13 ms
for the organisation's roll-up, three such queries). ``= ANY(%s)`` with the list as one parameter keeps the
text short and the same for any number of ids. Other databases get Django's own IN.
"""

from django.db.models import Field, ForeignObject, Lookup
from django.db.models.lookups import In


# Registered on ForeignObject too: related fields keep lookups of their own (``round_id__any_of``).
@ForeignObject.register_lookup
@Field.register_lookup
class AnyOf(Lookup):
    lookup_name = "any_of"
    prepare_rhs = False

    def as_sql(self, compiler, connection):
        # As IN takes them: an object stands for its key, and None matches nothing.
        values = [getattr(value, "pk", value) for value in self.rhs if value is not None]
        if connection.vendor != "postgresql":
            return In(self.lhs, values).as_sql(compiler, connection)
        lhs, lhs_params = self.process_lhs(compiler, connection)
        field = self.lhs.output_field
        prepared = [field.get_db_prep_value(value, connection, prepared=False) for value in values]
        return f"{lhs} = ANY(%s)", [*lhs_params, prepared]
