"""Test set-up: no third-party plugin may change a result, and hypothesis profiles.

The environment variable is set before cnquant is imported anywhere, so the
default extractor only sees the first-party plugins of this repository.
"""

from __future__ import annotations

import os

os.environ["CNQUANT_DISABLE_PLUGIN_AUTOLOAD"] = "1"

from hypothesis import HealthCheck, settings

# CI draws the same 2000 examples on every run (derandomize), so that a result never
# depends on the draw; the dev profile keeps exploring new ones
settings.register_profile("ci", max_examples=2000, deadline=None, derandomize=True,
                          suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("dev", max_examples=200, deadline=None)
# "ci" (2000 examples per property) when HYPOTHESIS_PROFILE says so (.ci/run) or when
# a CI service sets CI; "dev" (200) otherwise
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci" if os.environ.get("CI") else "dev"))

# example_plugin is a distribution of its own (tests/test_example_plugin.py builds it)
collect_ignore = ["tools", "example_plugin"]
