"""Evaluation of triage's stages against annotated data."""
