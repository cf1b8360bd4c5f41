"""Loads catapult's pytest plugin for this repository's own tests.

Installed users get it through the ``pytest11`` entry point; here that entry point is
disabled (setup.cfg) because it would import catapult before coverage starts measuring.
"""

pytest_plugins = ["catapult.testing"]
