"""SSI Field Guide's calculator: pure Python (standard library only).

The same code runs natively (tests, the command line, the site build) and in the browser under Pyodide.
Every mode takes the raw strings a person typed, validates them, computes, and renders an HTML fragment;
:func:`handle_json` is the single entry point the browser calls, :func:`registry` lists the modes.

The layout: a small core here (``web`` the boundary, ``modes`` what a mode is, ``fields`` and ``forms`` the
form fields, ``html`` the markup helpers, ``pillars`` and ``evidence`` the shared facts), and one package per
feature: ``interpret``, ``estimate`` (and the plan), ``outreach``, ``track``.
"""

from .modes import registry
from .web import handle, handle_json

__version__ = "0.1.0"
__all__ = ["__version__", "handle", "handle_json", "registry"]
