"""The editorial workflow: draft → in review → published (→ archived), with who and when.

Transitions are the only way to publish a record, so the checks live here once: the state it
must be in, the permission it needs, and what a record must have to be published. Every path
that changes a record (the change form, a revert, an import) asks `review_edit` and
`check_still_publishable` so that the workflow holds there too.
"""

from dataclasses import dataclass

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

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
        Transition("submit", gettext_lazy("Submit for review"), frozenset({DRAFT}), REVIEW, False),
        Transition(
            "return_to_draft", gettext_lazy("Return to draft"), frozenset({REVIEW}), DRAFT, False
        ),
        Transition(
            "publish",
            gettext_lazy("Publish"),
            frozenset({DRAFT, REVIEW, ARCHIVED}),
            PUBLISHED,
            True,
        ),
        Transition(
            "unpublish", gettext_lazy("Unpublish (to draft)"), frozenset({PUBLISHED}), DRAFT, True
        ),
        Transition(
            "archive",
            gettext_lazy("Archive"),
            frozenset({PUBLISHED, DRAFT, REVIEW}),
            ARCHIVED,
            True,
        ),
    ]
}


def may_publish(user, model):
    """Whether the user may publish records of the model (an instance will do)."""
    return user.has_perm(f"{model._meta.app_label}.publish_{model._meta.model_name}")


SENT_TO_REVIEW = gettext_lazy("Sent back to review: changed by someone who may not publish")


def review_edit(record, *, user):
    """Before a change to a published record is saved: if the user may not publish, the record
    goes back to review (who and when recorded, with the reason in its history), so nothing
    they change is public until a publisher publishes it again. Returns whether it did.

    Why not a pending revision that keeps the published version public meanwhile: a record is
    its own row plus its relations (places, roles, figures, citations), so a revision would
    need a shadow copy of all of them and every public query, export and feed reading from the
    right one. Taking the record off the public site until review is one rule that holds on
    every path; a publisher's own edits stay live, so corrections by publishers are not held.
    """
    if record.state != State.PUBLISHED or (user is not None and may_publish(user, record)):
        return False
    record.state = State.REVIEW
    record.state_changed_at = timezone.now()
    record.state_changed_by = user
    record._change_reason = str(SENT_TO_REVIEW)
    return True


def lacking(record):
    """What a stored record that is published lacks to be published, as text (nothing for a
    new or unpublished record): taken before a change, for `check_still_publishable`."""
    if record is None or record.pk is None or record.state != State.PUBLISHED:
        return set()
    return {str(problem) for problem in record.publication_problems()}


def check_still_publishable(record, *, lacked_before):
    """After a change to a record that stays published, its relations written: refuse the
    change (inside its transaction) if it takes away something publishing needs, such as the
    last place, role or citation of a case. What the record lacked already does not hold up
    other changes: records loaded from the papers may lack a role, and a publisher fixing a
    typo in one is not asked to classify it first."""
    if record.state != State.PUBLISHED:
        return
    lost = [str(p) for p in record.publication_problems() if str(p) not in lacked_before]
    if lost:
        raise SaveRefused(
            _(
                "“%(record)s” is published and would no longer be publishable: %(problems)s. "
                "Nothing was saved: keep what is missing, or unpublish the record first."
            )
            % {"record": record, "problems": "; ".join(lost)}
        )


def deletion_refusal(record, *, user):
    """Why the user may not delete the record, or None if they may (given the permission to
    delete). What the public sees is archived instead: reversible, and its history stays with
    a record that still exists. An archived record was a publisher's decision to take it off
    the site, so deleting it for good is a publisher's too."""
    if record.state == State.PUBLISHED:
        return _(
            "“%(record)s” is published, so it is not deleted: a publisher archives it instead "
            "(the Archive action in the list), which takes it off the public site and keeps its "
            "history."
        ) % {"record": record}
    if record.state == State.ARCHIVED and not may_publish(user, record):
        return _("“%(record)s” is archived: only publishers may delete it.") % {"record": record}
    return None


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
