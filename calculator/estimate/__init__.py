"""Estimating a score from habits (our model, not LinkedIn's), and planning the next weeks from it."""
