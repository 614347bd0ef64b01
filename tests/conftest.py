"""Settings shared by every test layer."""

import sys

from hypothesis import HealthCheck, settings

IN_PYODIDE = sys.platform == "emscripten"

# No deadlines: these machines are shared and noisy; speed is measured by scripts/bench, not asserted here.
settings.register_profile("native", deadline=None)
settings.register_profile("pyodide", deadline=None, max_examples=25,
                          suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("pyodide" if IN_PYODIDE else "native")
