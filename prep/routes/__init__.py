"""Blueprints: information pages, the question pages, and (later) the outputs."""
