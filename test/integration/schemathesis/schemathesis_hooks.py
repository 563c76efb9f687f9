"""Schemathesis hooks of test/integration/schemathesis.test.ts (ADR 0021), via SCHEMATHESIS_HOOKS."""

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
