"""Blueprints: information pages, question pages, the hand-over, the contact person's
pages, resume links and the exports."""
