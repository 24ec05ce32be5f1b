"""Keeping drafts and links: ciphertext, ids and times only, below this line.

Nothing here reads a request, a session or the app's settings: callers pass the store,
the keys and the lifetimes in.
"""
