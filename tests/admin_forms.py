"""Fill an admin change form the way a browser would: every field and inline as rendered."""


def form_data(response):
    """The POST data an editor's browser would send back for an admin add/change page."""
    context = response.context
    data = {}
    data.update(_form_values(context["adminform"].form))
    inlines = context.get("inline_admin_formsets", [])
    for inline in inlines:
        formset = inline.formset
        data.update(_form_values(formset.management_form))
        for form in formset.forms:
            data.update(_form_values(form))
    return data


def _form_values(form):
    values = {}
    for name in form.fields:
        key = form.add_prefix(name)
        value = form[name].value()
        if value is None:
            continue
        if isinstance(value, list | tuple):
            values[key] = [str(getattr(v, "pk", v)) for v in value]
        elif isinstance(value, bool):
            if value:
                values[key] = "on"
        else:
            values[key] = str(getattr(value, "pk", value))
    return values
