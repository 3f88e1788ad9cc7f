"""The public's “Suggest a practice” form: a suggestion becomes a draft case for the editors.

Nothing suggested is public until an editor reviews and publishes it; the public pages and the
API only ever show published cases.
"""

import logging

from django import forms
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.core.validators import URLValidator
from django.db.models import Q
from django.http import HttpResponseRedirect
from django.urls import reverse, reverse_lazy
from django.utils.text import format_lazy, slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView, TemplateView

from atlas.limits import wait_seconds
from atlas.models import State
from cases.models import Case, CaseRedirect

logger = logging.getLogger(__name__)

EDITOR_GROUPS = ["Editors", "Publishers"]
PERIODS = {
    "s": gettext_lazy("second"),
    "m": gettext_lazy("minute"),
    "h": gettext_lazy("hour"),
    "d": gettext_lazy("day"),
}


class WebLinkField(forms.URLField):
    # Only links a browser opens as a page; Django's own check also lets ftp:// through.
    default_validators = [URLValidator(schemes=["http", "https"])]


class SuggestionForm(forms.Form):
    name = forms.CharField(label=gettext_lazy("Name of the practice"), max_length=250)
    place = forms.CharField(
        label=gettext_lazy("Place"),
        max_length=200,
        help_text=gettext_lazy("The city, region or other local government that carries it."),
    )
    description = forms.CharField(
        label=gettext_lazy("Description"),
        min_length=20,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=gettext_lazy("What the practice does, for whom, since when."),
    )
    source = WebLinkField(
        label=gettext_lazy("Source link"),
        max_length=500,
        required=False,
        assume_scheme="https",
        help_text=gettext_lazy("A page or paper that describes the practice."),
    )
    email = forms.EmailField(
        label=gettext_lazy("Your email"),
        required=False,
        help_text=gettext_lazy("Only for the editors, should they have a question. Never shown."),
    )
    # The honeypot: hidden from people by CSS and out of the tab order, so only bots fill it.
    website = forms.CharField(
        label=gettext_lazy("Leave this empty"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    # The case field each form field becomes: the case's own validators (no control
    # characters, …) check the suggestion as they check the admin and the import.
    CASE_FIELDS = {
        "name": "title",
        "place": "suggested_place",
        "description": "description",
        "source": "suggested_source",
        "email": "suggester_email",
    }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # A field is required unless its label says "optional" (the page says so above).
        for name in self.CASE_FIELDS:
            field = self.fields[name]
            if not field.required:
                field.label = format_lazy("{} ({})", field.label, gettext_lazy("optional"))

    def clean_name(self):
        # The name goes into a mail subject, where a line break is refused.
        return " ".join(self.cleaned_data["name"].split())

    def clean(self):
        cleaned = super().clean()
        values = {
            self.CASE_FIELDS[name]: cleaned[name] for name in self.CASE_FIELDS if name in cleaned
        }
        case_field_names = {case_field: name for name, case_field in self.CASE_FIELDS.items()}
        excluded = [field.name for field in Case._meta.fields if field.name not in values]
        try:
            Case(**values).clean_fields(exclude=excluded)
        except ValidationError as invalid:
            for case_field, messages in invalid.message_dict.items():
                self.add_error(case_field_names[case_field], messages)
        return cleaned


def unique_slug(name):
    """The name's slug, numbered (-2, -3, …) past every case's slug and every old slug."""
    base = slugify(name)[:110].strip("-") or "suggestion"
    taken = set(Case.objects.filter(slug__startswith=base).values_list("slug", flat=True))
    taken |= set(
        CaseRedirect.objects.filter(old_slug__startswith=base).values_list("old_slug", flat=True)
    )
    slug, number = base, 2
    while slug in taken:
        slug, number = f"{base}-{number}", number + 1
    return slug


def create_suggestion(data):
    return Case.objects.create(
        title=data["name"],
        slug=unique_slug(data["name"]),
        description=data["description"],
        state=State.DRAFT,
        is_suggestion=True,
        suggested_place=data["place"],
        suggested_source=data["source"],
        suggester_email=data["email"],
    )


def editor_emails():
    """Who hears of a suggestion: the configured addresses and every active editor."""
    editors = (
        get_user_model()
        .objects.filter(is_active=True)
        .filter(Q(groups__name__in=EDITOR_GROUPS) | Q(is_superuser=True))
        .exclude(email="")
        .values_list("email", flat=True)
    )
    return sorted(set(settings.ATLAS_EDITOR_EMAILS) | set(editors))


def notify_editors(case, *, admin_url):
    recipients = editor_emails()
    if not recipients:
        return
    subject = _("Suggested practice: %(name)s") % {"name": case.title}
    lines = [
        _("Someone suggested a practice for the atlas. It is a draft until you publish it."),
        "",
        _("Name: %(value)s") % {"value": case.title},
        _("Place: %(value)s") % {"value": case.suggested_place},
        _("Source: %(value)s") % {"value": case.suggested_source or "—"},
        _("Contact: %(value)s") % {"value": case.suggester_email or "—"},
        "",
        case.description,
        "",
        _("Review it: %(url)s") % {"url": admin_url},
    ]
    try:
        send_mail(subject, "\n".join(lines), None, recipients)
    except OSError:
        # The suggestion is saved and listed in the admin; a mail server that is down must not
        # turn the suggester's success into an error page.
        logger.exception("Could not notify the editors of suggestion %s", case.pk)


class SuggestView(FormView):
    template_name = "cases/suggest.html"
    form_class = SuggestionForm
    success_url = reverse_lazy("cases:suggest-thanks")

    def post(self, request, *args, **kwargs):
        if request.POST.get("website"):
            # Answered like a success, so that a bot learns nothing from it.
            return self.thanks()
        return super().post(request, *args, **kwargs)

    def form_valid(self, form):
        # Only suggestions that would be saved count against the address's share.
        wait = wait_seconds(self.request, "suggest")
        if wait:
            limit, period = settings.ATLAS_RATE_LIMITS["suggest"].split("/")
            form.add_error(
                None,
                _(
                    "You have sent %(limit)s suggestions in the past %(period)s, as many as we "
                    "accept. Please try again in %(minutes)d minutes; your text is still here."
                )
                % {"limit": limit, "period": PERIODS[period], "minutes": -(-wait // 60)},
            )
            response = self.render_to_response(self.get_context_data(form=form), status=429)
            response["Retry-After"] = str(wait)
            return response
        case = create_suggestion(form.cleaned_data)
        admin_url = reverse("admin:cases_case_change", args=[case.pk])
        notify_editors(case, admin_url=self.request.build_absolute_uri(admin_url))
        return self.thanks()

    def form_invalid(self, form):
        return self.render_to_response(self.get_context_data(form=form), status=400)

    def thanks(self):
        # 303: the browser fetches the thank-you page with GET, and reloading it resends nothing.
        return HttpResponseRedirect(self.get_success_url(), status=303)


class SuggestThanksView(TemplateView):
    template_name = "cases/suggest_thanks.html"
