"""Tracking readings over time: kept in the browser, imported and exported as files, read from a pasted page.

Entry points for code that builds on the tracker: :func:`.readings.make_reading` (one reading from raw values),
:func:`.paste.parse` (a pasted dashboard page, in any language of :mod:`.dashboard_labels`),
:func:`.csvio.read_file` (an imported CSV or JSON file) and :func:`.storage.load` (the text the browser keeps).
"""
