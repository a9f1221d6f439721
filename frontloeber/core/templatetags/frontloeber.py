from django import forms, template

from frontloeber.core.fragments import cached_fragment

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


@register.simple_tag(takes_context=True)
def page_url(context, number):
    """The current address with another page number, keeping every filter in the query string."""
    query = context["request"].GET.copy()
    query["side"] = number
    return "?" + query.urlencode()


@register.filter
def markdown(text):
    """A person's Markdown as sanitised HTML: no scripts, no styles, links made safe. It comes in a block of
    its own that takes its direction from its text (dir="auto") and wraps words longer than the screen
    (.fl-user-text), so a right-to-left override typed in it reverses nothing outside it."""
    from frontloeber.core.markdown import render

    return user_html(render(text))


@register.filter
def user_html(html):
    """HTML that was made from a person's Markdown and sanitised when it was stored (a comment's
    ``html``), in the same block as ``markdown`` gives."""
    from django.utils.html import format_html

    return format_html('<div class="fl-user-text" dir="auto">{}</div>', html)


@register.filter
def bdi(text):
    """A person's name (or other short text they typed) inside a line of ours, isolated in <bdi>: a
    right-to-left override (U+202E) in it cannot reverse the words and dates after it."""
    from django.utils.html import format_html

    return format_html("<bdi>{}</bdi>", "" if text is None else text)


@register.filter
def css_string(value):
    """Text for the inside of a double-quoted CSS string (`content: "{{ name|css_string }}"` in a PDF's
    <style>): every character but letters, digits and spaces as a CSS escape, a backslash, its hex code and
    a space, so quotes, backslashes, line breaks and `<`, `>`, `&` can neither end the string nor the
    <style> element. (`escapejs` writes JavaScript's `\\u0026`, which CSS reads as the letter u.)"""
    from django.utils.safestring import mark_safe

    text = "" if value is None else str(value)
    # NUL has no CSS escape (it reads as U+FFFD); it has no place in a name either.
    escaped = "".join(ch if ch.isalnum() or ch == " " else f"\\{ord(ch):X} " for ch in text if ch != "\x00")
    return mark_safe(escaped)  # noqa: S308 - nothing but letters, digits, spaces and escapes is left


@register.filter
def timedelta_days(delta):
    """A duration as whole days (or "less than a day"), in the active language."""
    from django.utils.translation import gettext, ngettext

    if delta is None:
        return ""
    days = delta.days
    if days < 1:
        return gettext("less than a day")
    return ngettext("%(n)d day", "%(n)d days", days) % {"n": days}


class KeptNode(template.Node):
    def __init__(self, nodelist, key):
        self.nodelist = nodelist
        self.key = key

    def render(self, context):
        key = self.key.resolve(context)
        if not key:
            return self.nodelist.render(context)
        return cached_fragment(key, lambda: self.nodelist.render(context))


@register.tag
def kept(parser, token):
    """``{% kept key %}…{% endkept %}``: the block rendered once per ``key`` and then kept in the worker's
    memory (core/fragments.py). The key, from ``fragment_key``, must hold every value the block shows; the
    language and the time zone it holds of itself. Without a key the block is rendered each time."""
    bits = token.split_contents()
    if len(bits) != 2:
        raise template.TemplateSyntaxError("{% kept %} takes one argument: the fragment's key.")
    nodelist = parser.parse(("endkept",))
    parser.delete_first_token()
    return KeptNode(nodelist, parser.compile_filter(bits[1]))


@register.filter
def leading(label):
    """A field's label leading a message ("Title: …"); a label that is a question keeps its question mark
    instead of taking a colon after it ("Which personal data? …", not "…?: …")."""
    label = str(label)
    return label if label.rstrip().endswith(("?", ":")) else f"{label}:"


@register.simple_tag(takes_context=True)
def practice_label(context, code, name):
    """A practice's code and name, linked to its page in the practice guide where the page belongs to a
    workplace (not in a PDF, where an address of the site leads nowhere)."""
    from django.utils.html import format_html

    from frontloeber.core.practices import practice_guide_url

    request = context.get("request")
    workplace = getattr(request, "workplace", None)
    url = ""
    if workplace is not None and "pdf_font_dir" not in context:
        url = practice_guide_url(workplace_slug=workplace.slug, code=code)
    if url:
        return format_html('<a href="{}">{} {}</a>', url, code, name)
    return format_html("{} {}", code, name)
