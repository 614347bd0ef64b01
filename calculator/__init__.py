"""SSI Field Guide's calculator: pure Python (standard library only).

The same code runs natively (tests, the command line, the site build) and in the browser under Pyodide.
Every mode takes the raw strings a person typed, validates them, computes, and renders an HTML fragment;
:mod:`calculator.web` is the single entry point the browser calls.
"""

__version__ = "0.1.0"
