"""``is_<value>`` questions on a model for each value of one of its choices fields.

Templates ask ``experiment.is_running`` or ``idea.is_merged`` rather than compare a field with a string
literal that a renamed value would silently stop matching; the value comes from the enum, in one place.
"""


def with_questions(field, choices, prefix="is_"):
    """A class decorator: for every value of ``choices``, a property ``<prefix><value>`` on the model that
    says whether ``field`` holds it. A name the model already has is an error, not a silent shadow."""

    def decorate(model):
        for value in choices.values:
            name = f"{prefix}{value}"
            if hasattr(model, name):
                raise TypeError(f"{model.__name__}.{name} exists already")
            setattr(model, name, property(lambda self, value=value: getattr(self, field) == value))
        return model

    return decorate
