"""Fill an admin change form the way a browser would: every field and inline as rendered."""

from django.urls import reverse


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


def in_english(response, changes):
    """Changes named by a model's field, put where the form shows them: a translated text has
    one field per language (`title_en`, `title_es`, …), and the tests write its English."""
    fields = response.context["adminform"].form.fields
    return {
        f"{name}_en" if name not in fields and f"{name}_en" in fields else name: value
        for name, value in changes.items()
    }


def post_form(client, url, **changes):
    """Open an admin form, change some of its fields as an editor would, and save it."""
    page = client.get(url)
    data = form_data(page)
    data.update(in_english(page, changes))
    return client.post(url, data)


def delete_inline_row(data, prefix):
    """Tick “Delete” on an inline's first row, as an editor removing that row would."""
    data[f"{prefix}-0-DELETE"] = "on"
    return data


def delete_in_the_admin(client, record):
    """Confirm the record's admin delete page, as an editor would; it must then be gone."""
    opts = record._meta
    url = reverse(f"admin:{opts.app_label}_{opts.model_name}_delete", args=[record.pk])
    client.post(url, {"post": "yes"})
    assert not type(record).objects.filter(pk=record.pk).exists()
