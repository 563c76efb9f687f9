"""Schemathesis hooks of test/integration/schemathesis.test.ts (ADR 0021), via SCHEMATHESIS_HOOKS."""

import atexit
import os

import schemathesis


@schemathesis.check
def positive_data_passes_validation(ctx, response, case):
    """A request the document calls valid is never refused at the edge.

    positive_data_acceptance takes a 400 (schemathesis.toml) for the rules no schema can state, such
    as an agency that does not exist. The edge's refusals (apps/api/src/common/validation.ts) are
    the ones whose `details` lists the fields that failed: a schema-valid request must not get one.
    """
    meta = case.meta
    if meta is None or not meta.generation.mode.is_positive or response.status_code != 400:
        return None
    try:
        body = response.json()
    except ValueError:
        body = None
    details = body.get("details") if isinstance(body, dict) else None
    if isinstance(details, list):
        raise AssertionError(
            f"A schema-valid request was refused at the edge: {response.text[:1000]}"
        )
    return None


_SESSION_POOL = os.environ.get("DONDOC_SESSION_POOL")

if _SESSION_POOL:

    @schemathesis.auth(refresh_interval=None, retry_on=[])
    class FreshSession:
        """Each test case on a session of its own (the session-ending runs of the test).

        Logout, logout-all and the password change end the session they are called with, or every
        session of its account: the test writes one account and session per line of the file
        DONDOC_SESSION_POOL names, and each case takes the next one.
        """

        def __init__(self):
            with open(_SESSION_POOL, encoding="utf-8") as f:
                self.tokens = f.read().split()
            self.used = 0
            atexit.register(lambda: print(f"[session pool] {self.used} of {len(self.tokens)} used"))

        def get(self, case, ctx):
            if self.used >= len(self.tokens):
                raise RuntimeError(f"session pool exhausted ({len(self.tokens)}): mint more")
            self.used += 1
            return self.tokens[self.used - 1]

        def set(self, case, data, ctx):
            case.headers = {**(case.headers or {}), "Authorization": f"Bearer {data}"}
