"""The team view: several members' own exports from the Track page, read together in the manager's browser.

``load`` reads one chosen file into the members it names; ``model`` holds the team (members, their files,
merging); ``stats`` works out what the team's readings show; ``chart`` draws it; ``report`` writes it as CSV
and text; ``store`` is the text kept in the browser when the manager asks; ``view`` and ``mode`` are the page.
"""
