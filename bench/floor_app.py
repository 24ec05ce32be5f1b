"""The least a question page can do with this stack, for ``throughput.py --floor``.

A GET reads the signed session cookie, reads and decrypts the draft, and answers with the
page's bytes. A Continue also reads the posted form, encrypts the draft and writes it, and
answers with the redirect. No form token, no validation, no flow, no language, no
security headers, no request log: what is left is the cost of the session cookie, the
database and the encryption, the parts a real page cannot leave out. Its rate against the
bare view's is the best ratio the app could reach.
"""

from __future__ import annotations

import os

from flask import Flask, Response, redirect, request, session

from prep import crypto
from prep.session_cookie import SessionInterface
from prep.store import Store

app = Flask(__name__)
app.secret_key = os.environ["SECRET_KEY"]
# The app's cookie settings: its name (so the draft is found), and no re-signing on reads.
app.config.update(SESSION_COOKIE_NAME="prep", SESSION_REFRESH_EACH_REQUEST=False)
app.session_interface = SessionInterface()
store = Store(os.environ["DATABASE_URL"])
with open(os.environ["FLOOR_PAGE"], "rb") as f:
    PAGE = f.read()
NEXT = os.environ["FLOOR_NEXT"]


@app.route("/questions/goals", methods=["GET", "POST"])
def page() -> Response:
    ref = session.get("draft")
    if not isinstance(ref, dict):  # the readiness check, without a cookie
        if request.cookies:
            raise LookupError("a cookie came but its draft was not found")  # a 500: no rate
        return Response(PAGE, mimetype="text/html")
    data = crypto.decrypt(ref["key"], ref["id"], store.load_draft(ref["id"], 10**9))
    if request.method == "POST":
        data["answers"]["goals"] = request.form["goals"]
        store.save_draft(ref["id"], crypto.encrypt(ref["key"], ref["id"], data))
        return redirect(NEXT)
    return Response(PAGE, mimetype="text/html")
