"""Hypothesis settings for the property tests: 200 examples an endpoint, no deadline (a view's
first request is slow), and under CI the same examples on every run, so a failure there can
be reproduced here with `CI=true`."""

from hypothesis import HealthCheck, settings

from config.env import env_bool

settings.register_profile(
    "atlas",
    max_examples=200,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
settings.register_profile(
    "ci", parent=settings.get_profile("atlas"), derandomize=True, database=None
)
settings.load_profile("ci" if env_bool("CI", default=False) else "atlas")
