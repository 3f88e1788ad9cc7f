"""What every curated record's admin shares: who saved it, its history, the workflow actions,
refusal of stale saves, and Markdown with a live preview."""

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.actions import delete_selected as delete_without_refusals
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models, router, transaction
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse, reverse_lazy
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from modeltranslation.admin import TranslationAdmin
from simple_history.admin import SimpleHistoryAdmin

from atlas.history import record_related, restore_related
from atlas.models import SaveRefused, StaleRecord, State
from atlas.workflow import (
    TRANSITIONS,
    check_still_publishable,
    deletion_refusal,
    lacking,
    may_publish,
    review_edit,
    transition,
)

admin.site.site_header = gettext_lazy("City Pathways Atlas — editors")
admin.site.site_title = gettext_lazy("City Pathways Atlas")
admin.site.index_title = gettext_lazy("Curate the atlas")


class MarkdownTextarea(forms.Textarea):
    """A Markdown field with a preview rendered by the public pages' own sanitiser."""

    template_name = "admin/widgets/markdown.html"

    class Media:
        js = ["js/markdown-preview.js"]

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        context["preview_url"] = reverse_lazy("atlas:markdown-preview")
        return context


class LabelledControls:
    """For a tabular inline, which names its fields only in the table's header: assistive
    technology does not tie a column's header to the controls below it, so each control
    carries its field's name itself."""

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        field = super().formfield_for_dbfield(db_field, request, **kwargs)
        if field is not None and not field.widget.is_hidden:
            field.widget.attrs.setdefault("aria-label", capfirst(field.label))
        return field

    def get_formset(self, request, obj=None, **kwargs):
        formset = super().get_formset(request, obj, **kwargs)

        class LabelledFormSet(formset):
            def add_fields(self, form, index):
                super().add_fields(form, index)
                if "DELETE" in form.fields:
                    form.fields["DELETE"].widget.attrs["aria-label"] = _("Delete this row")

        LabelledFormSet.__name__ = formset.__name__
        return LabelledFormSet


MISSING_VERSION = gettext_lazy(
    "This form does not say which version of the record it was opened at, so saving it could "
    "overwrite someone else's changes. Nothing was saved: reload the page and apply your "
    "changes again."
)


class VersionedForm(forms.ModelForm):
    """Carries the version of the record the editor opened, so that the save writes only over
    that version (`Publishable.save` refuses atomically otherwise), and shows why the admin's
    last attempt to save this very POST was refused."""

    seen_version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    refusal = None

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["seen_version"].initial = self.opened_version()

    def opened_version(self):
        return self.instance.version

    def clean(self):
        cleaned = super().clean()
        if self.refusal:
            raise ValidationError(self.refusal)
        # A form without the version would skip the check, so it is not saved at all.
        if self.instance.pk is not None and cleaned.get("seen_version") is None:
            raise ValidationError(MISSING_VERSION)
        return cleaned

    def save(self, commit=True):
        if self.instance.pk is not None:
            self.instance.version = self.cleaned_data["seen_version"]
        return super().save(commit)


class RevertForm:
    """A revert's form holds an old version of the record; what the revert writes over is the
    version stored when the editor opened the revert page."""

    def opened_version(self):
        stored = type(self.instance)._base_manager.filter(pk=self.instance.pk)
        return stored.values_list("version", flat=True).first()


def stale_save_message(current, seen_version):
    """Who changed what since the editor's version, in one sentence an editor can act on."""
    changes = []
    later = current.history.filter(version__gt=seen_version).order_by("history_date")
    for record in later:
        previous = record.prev_record
        fields = changed_fields(record, previous) if previous else []
        who = record.history_user or _("someone")
        when = record.history_date.strftime("%Y-%m-%d %H:%M")
        changes.append(
            _("%(who)s changed %(fields)s at %(when)s")
            % {"who": who, "fields": ", ".join(fields) or _("the record"), "when": when}
        )
    return _(
        "This record was saved by someone else after you opened it (%(changes)s). Your changes "
        "were not saved, so nothing was overwritten: copy what you changed, reload the page, "
        "and apply it again."
    ) % {"changes": "; ".join(changes) or _("a newer version exists")}


def refusal_message(refusal):
    if isinstance(refusal, StaleRecord):
        current = type(refusal.record)._base_manager.filter(pk=refusal.record.pk).first()
        if current is not None:
            return stale_save_message(current, refusal.seen_version)
    return str(refusal)


def changed_fields(version, previous):
    """The fields, and the relations, one version changed from the one before."""
    fields = [change.field for change in version.diff_against(previous).changes]
    related = getattr(version, "related", {})
    earlier = getattr(previous, "related", {})
    fields += [name for name in related if related[name] != earlier.get(name)]
    return [f for f in fields if f not in ("version", "updated_at", "updated_by", "related")]


def workflow_action(name):
    step = TRANSITIONS[name]

    def action(modeladmin, request, queryset):
        done = 0
        for record in queryset:
            try:
                transition(record, name=name, user=request.user)
                done += 1
            except SaveRefused as refusal:  # not allowed, or saved by someone else meanwhile
                modeladmin.message_user(request, str(refusal), messages.ERROR)
        if done:
            modeladmin.message_user(
                request, _("%(action)s: %(count)d done.") % {"action": step.label, "count": done}
            )

    action.__name__ = name
    action.short_description = step.label
    return action


@admin.action(
    permissions=["delete"], description=gettext_lazy("Delete selected %(verbose_name_plural)s")
)
def delete_selected(modeladmin, request, queryset):
    """Django's bulk delete, unless a selected record may not be deleted: then nothing is
    deleted and each refusal says why (for a published record: archive it instead)."""
    refusals = [deletion_refusal(record, user=request.user) for record in queryset]
    for refusal in filter(None, refusals):
        modeladmin.message_user(request, refusal, messages.ERROR)
    if any(refusals):
        return None
    return delete_without_refusals(modeladmin, request, queryset)


def keep_workflow_state(obj):
    """A revert restores what a record says, not where it is in the workflow: it stays
    published, unpublished or archived as it is now. (Its version moves on from the stored
    one, never back: see `RevertForm`.)"""
    current = type(obj).objects.get(pk=obj.pk)
    for name in ("state", "state_changed_at", "state_changed_by"):
        setattr(obj, name, getattr(current, name))


def archived_instead_message(record):
    return _(
        "“%(record)s” was archived instead of deleted: it is off the public site, and its "
        "history is kept. A publisher can publish it again."
    ) % {"record": record}


def sent_to_review_message(record):
    return _(
        "“%(record)s” was published: your change sends it back to review, and the public sees "
        "it again once a publisher publishes it."
    ) % {"record": record}


class WorkflowAdmin(TranslationAdmin, SimpleHistoryAdmin):
    """Admin of a curated record: history, workflow actions, who saved it, stale-save guard,
    and a field per language for each translated text (django-modeltranslation)."""

    form = VersionedForm
    formfield_overrides = {
        models.TextField: {"widget": MarkdownTextarea},
        # Editors paste links without a scheme; https is the safe guess.
        models.URLField: {"assume_scheme": "https"},
    }
    actions = [delete_selected, *(workflow_action(name) for name in TRANSITIONS)]
    workflow_fields = ["state", "state_changed_at", "state_changed_by", "created_by",
                       "updated_by", "created_at", "updated_at"]  # fmt: skip

    def get_readonly_fields(self, request, obj=None):
        # State changes go through the workflow actions, never through the form.
        return [*super().get_readonly_fields(request, obj), *self.workflow_fields]

    def get_actions(self, request):
        actions = super().get_actions(request)
        if not may_publish(request.user, self.model):
            for name, step in TRANSITIONS.items():
                if step.needs_publisher:
                    actions.pop(name, None)
        return actions

    def has_delete_permission(self, request, obj=None):
        if obj is not None and deletion_refusal(obj, user=request.user):
            return self.archives_on_delete(request, obj) and super().has_delete_permission(
                request, obj
            )
        return super().has_delete_permission(request, obj)

    def archives_on_delete(self, request, obj):
        """A publisher's "Delete" of a published record leads to archiving it (`delete_view`)."""
        return obj.state == State.PUBLISHED and may_publish(request.user, obj)

    def delete_view(self, request, object_id, extra_context=None):
        # Deleting a published record archives it: a publisher confirms, and the record leaves
        # the public site with its history kept. Anyone else is told who can take it off.
        record = self.get_object(request, unquote(object_id))
        if record is None or record.state != State.PUBLISHED:
            return super().delete_view(request, object_id, extra_context)
        opts = self.model._meta
        if not may_publish(request.user, record):
            self.message_user(request, deletion_refusal(record, user=request.user), messages.ERROR)
            return redirect(reverse(f"admin:{opts.app_label}_{opts.model_name}_change",
                                    args=[record.pk]))  # fmt: skip
        if request.method == "POST" and request.POST.get("post"):
            try:
                transition(record, name="archive", user=request.user)
            except SaveRefused as refusal:
                self.message_user(request, refusal_message(refusal), messages.ERROR)
            else:
                self.message_user(request, archived_instead_message(record))
            return redirect(reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist"))
        context = {**self.admin_site.each_context(request), "opts": opts, "object": record,
                   "title": _("Archive instead of deleting")}  # fmt: skip
        return TemplateResponse(request, "admin/archive_instead_of_deleting.html", context)

    def save_model(self, request, obj, form, change):
        if not change:
            obj.created_by = request.user
        obj.updated_by = request.user
        if getattr(request, "reverting", None):
            keep_workflow_state(obj)
        if change:
            request.lacked_before = lacking(type(obj)._base_manager.get(pk=obj.pk))
        sent_to_review = change and review_edit(obj, user=request.user)
        super().save_model(request, obj, form, change)
        if sent_to_review:
            self.message_user(request, sent_to_review_message(obj), messages.WARNING)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        check_still_publishable(form.instance, lacked_before=getattr(request, "lacked_before", ()))
        record_related(form.instance)

    def response_change(self, request, obj):
        if version_id := getattr(request, "reverting", None):
            # The revert's form saved the record's own fields; its relations come back from
            # the version's snapshot here, before any message to the editor, so that a refusal
            # still undoes the whole revert.
            restore_related(obj, obj.history.get(history_id=version_id))
            check_still_publishable(obj, lacked_before=request.lacked_before)
        return super().response_change(request, obj)

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        return self.refusable(super().changeform_view, request, object_id, form_url, extra_context)

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        # simple-history lets whoever may view the history post a revert; a revert is a change.
        record = self.get_object(request, unquote(object_id))
        if request.method == "POST" and not self.has_change_permission(request, record):
            raise PermissionDenied
        request.reverting = version_id
        view = super().history_form_view
        return self.refusable(view, request, object_id, version_id, extra_context)

    def refusable(self, view, request, *args):
        """Run a view that saves in one transaction; if the save is refused, run it again with
        the refusal as the form's error, on the POSTed data. Nothing of the refused attempt is
        kept, and a refusal comes before any message to the editor."""
        if request.method != "POST":
            return view(request, *args)
        try:
            with transaction.atomic(using=router.db_for_write(self.model)):
                return view(request, *args)
        except SaveRefused as refusal:
            request.save_refused = refusal_message(refusal)
            return view(request, *args)

    def get_form(self, request, obj=None, change=False, **kwargs):
        # By keyword: modeltranslation's get_form takes `change` only so.
        form = super().get_form(request, obj, change=change, **kwargs)
        if getattr(request, "reverting", None):
            form = type(form.__name__, (RevertForm, form), {})
        if refusal := getattr(request, "save_refused", None):
            form = type(form.__name__, (form,), {"refusal": refusal})
        return form
