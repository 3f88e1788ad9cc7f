"""The editorial workflow: draft → in review → published (→ archived), with who and when.

Transitions are the only way a record changes state, so the checks live here once: the
state it must be in, the permission it needs, and what a record must have to be published.
"""

from dataclasses import dataclass

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _l

from atlas.models import SaveRefused, State


class TransitionRefused(SaveRefused):
    """A transition that may not happen; the message says why, for the editor."""


@dataclass(frozen=True)
class Transition:
    name: str
    label: str
    sources: frozenset
    target: str
    needs_publisher: bool


DRAFT, REVIEW, PUBLISHED, ARCHIVED = State.DRAFT, State.REVIEW, State.PUBLISHED, State.ARCHIVED
TRANSITIONS = {
    t.name: t
    for t in [
        Transition("submit", _l("Submit for review"), frozenset({DRAFT}), REVIEW, False),
        Transition("return_to_draft", _l("Return to draft"), frozenset({REVIEW}), DRAFT, False),
        Transition("publish", _l("Publish"), frozenset({DRAFT, REVIEW, ARCHIVED}), PUBLISHED, True),
        Transition("unpublish", _l("Unpublish (to draft)"), frozenset({PUBLISHED}), DRAFT, True),
        Transition("archive", _l("Archive"), frozenset({PUBLISHED, DRAFT, REVIEW}), ARCHIVED, True),
    ]
}


def may_publish(user, model):
    """Whether the user may publish records of the model (an instance will do)."""
    return user.has_perm(f"{model._meta.app_label}.publish_{model._meta.model_name}")


def transition(record, *, name, user):
    """Move a record to the transition's state, recording who and when; or refuse, saying why."""
    step = TRANSITIONS[name]
    if step.needs_publisher and not may_publish(user, record):
        raise TransitionRefused(
            _("“%(record)s”: only publishers may %(action)s.")
            % {"record": record, "action": str(step.label).lower()}
        )
    if record.state not in step.sources:
        raise TransitionRefused(
            _("“%(record)s” is %(state)s; it cannot be moved to “%(target)s”.")
            % {
                "record": record,
                "state": record.get_state_display().lower(),
                "target": State(step.target).label,
            }
        )
    if step.target == State.PUBLISHED:
        problems = record.publication_problems()
        if problems:
            raise TransitionRefused(
                _("“%(record)s” cannot be published: %(problems)s.")
                % {"record": record, "problems": "; ".join(str(p) for p in problems)}
            )
    record.state = step.target
    record.state_changed_at = timezone.now()
    record.state_changed_by = record.updated_by = user
    record._change_reason = str(step.label)
    record.save()
    return record
