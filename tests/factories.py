"""Boring factories for records a test builds itself, on top of the loaded atlas."""

import ipaddress
import secrets

import factory
from django.contrib.auth.models import Group, User

from atlas.models import State
from cases.models import Case, Place
from pathways.models import Citation, Network, Publication, Recommendation


class PlaceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Place

    name = factory.Sequence(lambda n: f"Testville {n}")
    slug = factory.Sequence(lambda n: f"testville-{n}")
    level = Place.Level.CITY
    country = "CO"


class CaseFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Case

    title = factory.Sequence(lambda n: f"Test practice {n}")
    slug = factory.Sequence(lambda n: f"test-practice-{n}")
    summary = "A practice made up for a test."
    state = State.PUBLISHED


class NetworkFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Network

    name = factory.Sequence(lambda n: f"Test network {n}")
    slug = factory.Sequence(lambda n: f"test-network-{n}")
    scope = Network.Scope.GLOBAL
    state = State.PUBLISHED


class RecommendationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Recommendation

    headline = factory.Sequence(lambda n: f"Test recommendation {n}")
    slug = factory.Sequence(lambda n: f"test-recommendation-{n}")
    state = State.PUBLISHED


def cite(record, publication_slug="brokering-solutions", section="D. RECOMMENDATIONS"):
    return Citation.objects.create(
        cited_record=record,
        publication=Publication.objects.get(slug=publication_slug),
        section=section,
    )


def member(group, name=None):
    """A staff account in one of the editors' groups (Editors, Publishers)."""
    user = User.objects.create_user(name or group.lower(), password="x", is_staff=True)
    user.groups.add(Group.objects.get(name=group))
    return user


def fresh_address():
    """A client address no other test uses (in 198.18.0.0/15, kept for testing), so that no
    other request, in this worker or another sharing the cache, counts against its limits."""
    return str(ipaddress.IPv4Address("198.18.0.0") + secrets.randbelow(2**17))
