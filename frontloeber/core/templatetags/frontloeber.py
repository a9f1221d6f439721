from django import forms, template

register = template.Library()

_SELECTS = (forms.Select, forms.SelectMultiple)
_CHOICE_INPUTS = (forms.CheckboxInput, forms.RadioSelect, forms.CheckboxSelectMultiple)


@register.simple_tag
def dkfds_widget(field):
    """Render a bound field's widget with dkfds classes and the aria links to its hint and error."""
    widget = field.field.widget
    attrs = {}
    if isinstance(widget, _SELECTS):
        attrs["class"] = "form-select"
    elif not isinstance(widget, _CHOICE_INPUTS):
        attrs["class"] = "form-input"
    described = []
    if field.help_text:
        described.append(f"{field.auto_id}-hint")
    if field.errors:
        described.append(f"{field.auto_id}-error")
        attrs["aria-invalid"] = "true"
    if described:
        attrs["aria-describedby"] = " ".join(described)
    return field.as_widget(attrs=attrs)


@register.simple_tag(takes_context=True)
def people_url(context, name, object_id, key):
    """A member or invitation URL for the people pages, shared by leaders and organisation admins."""
    from django.urls import reverse

    urls = context["people_urls"]
    return reverse(urls[name], kwargs={**urls["kwargs"], key: object_id})
