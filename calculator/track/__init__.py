"""The tracker: saved readings, what they show, and reading the SSI page a person pastes."""
