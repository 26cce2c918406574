#!/usr/bin/env python3
"""The specification's first acceptance criterion, against a running stack over HTTP.

    acceptance.py first STATE_FILE    create, read, replace with If-Match, soft-delete and
                                      search; records what it made in STATE_FILE
    acceptance.py restarted STATE_FILE  after `down` and a second `up`: everything made by
                                      `first` is still there, the deleted patient restorable

BASE_URL and API_KEY (scopes patient:read, patient:write, audit:read) come from the
environment. Standard library only. Ends with one "N passed, N failed" line.
"""
import json
import os
import sys
import urllib.error
import urllib.parse
import urllib.request
import uuid

BASE_URL = os.environ["BASE_URL"].rstrip("/")
API_KEY = os.environ["API_KEY"]

passed = 0
failed = 0


class Abort(Exception):
    """A failure that leaves nothing further to check."""


def check(condition, what):
    global passed, failed
    if condition:
        passed += 1
        print(f"ok - {what}")
    else:
        failed += 1
        print(f"FAIL - {what}")
    return condition


class Response:
    def __init__(self, status, headers, body):
        self.status = status
        self.headers = headers
        self.body = body

    def json(self):
        return json.loads(self.body) if self.body else None

    def code(self):
        body = self.json()
        return body.get("code") if isinstance(body, dict) else None


def call(method, path, body=None, headers=None, key=API_KEY):
    request = urllib.request.Request(BASE_URL + path, method=method)
    if key is not None:
        request.add_header("X-API-Key", key)
    for name, value in (headers or {}).items():
        request.add_header(name, value)
    data = None
    if body is not None:
        data = json.dumps(body).encode()
        request.add_header("Content-Type", "application/json")
    try:
        with urllib.request.urlopen(request, data, timeout=10) as response:
            return Response(response.status, response.headers, response.read())
    except urllib.error.HTTPError as error:
        return Response(error.code, error.headers, error.read())


def patient(given, family, dob, **extra):
    body = {
        "given_name": given,
        "family_name": family,
        "date_of_birth": dob,
        "sex_at_birth": "female",
        "gender_identity": "woman",
    }
    body.update(extra)
    return body


def search(**filters):
    query = "&".join(f"{name}={urllib.parse.quote(value)}" for name, value in filters.items())
    response = call("GET", f"/api/v1/patients?{query}")
    ids = [p["patient_id"] for p in response.json()["items"]] if response.status == 200 else None
    return response.status, ids


def first(state_file):
    check(call("GET", "/healthz", key=None).status == 200, "GET /healthz is 200 without credentials")
    check(call("GET", "/readyz", key=None).status == 200, "GET /readyz is 200: database reachable, migrations applied")
    check(call("GET", "/api/v1/patients", key=None).status == 401, "the API requires an API key")

    run = uuid.uuid4().hex[:8]
    # Names allow no digits: the run's tag in letters, for family names unique to this run.
    tag = "".join(chr(ord("a") + int(c, 16)) for c in run[:6])
    family = f"Acceptance-{tag}"
    email = f"acceptance.{run}@example.org"
    # A fictional number (NANP 555-01xx) in an area code the seed data does not use.
    phone = f"+120255501{int(run[:4], 16) % 100:02d}"
    body = patient(
        "María",
        family,
        "1984-03-15",
        email=email.upper(),
        phone_e164=f"+1 202 555 01{phone[-2:]}",
        address={"line1": "123 Main St", "city": "San Francisco", "state_province": "CA",
                 "postal_code": "94103", "country": "US"},
        preferred_language="es-mx",
        consent_to_contact=True,
    )
    key = {"Idempotency-Key": f"acceptance-{run}"}
    created = call("POST", "/api/v1/patients", body, key)
    if not check(created.status == 201, "POST /api/v1/patients returns 201"):
        raise Abort(f"the create answered {created.status} {created.code()}; nothing else can be checked")
    pid = created.json()["patient_id"]
    check(created.headers.get("ETag") == '"1"', "the created patient's ETag is \"1\"")
    check(created.headers.get("Location") == f"/api/v1/patients/{pid}", "Location names the new patient")
    replay = call("POST", "/api/v1/patients", body, key)
    check(replay.status == 201 and replay.headers.get("Idempotent-Replayed") == "true"
          and replay.json()["patient_id"] == pid, "a retry with the same Idempotency-Key replays the 201")

    read = call("GET", f"/api/v1/patients/{pid}")
    check(read.status == 200, "GET /api/v1/patients/{id} returns 200")
    stored = read.json()
    check(read.headers.get("ETag") == '"1"', "GET carries the ETag")
    check(stored["email"] == email and stored["phone_e164"] == phone
          and stored["preferred_language"] == "es-MX", "email, phone and language are stored normalized")

    replacement = patient("María", f"{family}-Soto", "1984-03-15", email=email, phone_e164=phone)
    no_match = call("PUT", f"/api/v1/patients/{pid}", replacement)
    check(no_match.status == 428 and no_match.code() == "precondition_required", "PUT without If-Match is 428")
    stale = call("PUT", f"/api/v1/patients/{pid}", replacement, {"If-Match": '"7"'})
    check(stale.status == 412 and stale.code() == "precondition_failed", "PUT with a stale If-Match is 412")
    unchanged = call("GET", f"/api/v1/patients/{pid}").json()
    check(unchanged["family_name"] == family and unchanged["version"] == 1, "a refused PUT changes nothing")
    replaced = call("PUT", f"/api/v1/patients/{pid}", replacement, {"If-Match": '"1"'})
    check(replaced.status == 200 and replaced.headers.get("ETag") == '"2"'
          and replaced.json()["family_name"] == f"{family}-Soto", "PUT with the current ETag is 200 with ETag \"2\"")
    again = call("PUT", f"/api/v1/patients/{pid}", replacement, {"If-Match": '"1"'})
    check(again.status == 412, "the old ETag no longer matches")

    other = call("POST", "/api/v1/patients", patient("Kenji", f"Search-{tag}", "1990-07-01", gender_identity="man",
                                                       sex_at_birth="male", email=f"kenji.{run}@example.org"))
    check(other.status == 201, "a second patient is created")
    other_id = other.json()["patient_id"]
    status, ids = search(family_name=f"search-{tag}", dob="1990-07-01")
    check(status == 200 and ids == [other_id], "search by family_name (any case) and dob finds exactly that patient")
    status, ids = search(email=f"KENJI.{run}@example.org")
    check(status == 200 and ids == [other_id], "search by email ignores case")
    status, ids = search(phone=phone)
    check(status == 200 and ids == [pid], "search by phone finds the patient by its E.164 number")
    status, _ = search(family_nmae="x")
    check(status == 400, "a misspelled filter is refused, never a wider search")

    deleted = call("DELETE", f"/api/v1/patients/{pid}")
    check(deleted.status == 204, "DELETE returns 204")
    check(call("GET", f"/api/v1/patients/{pid}").status == 404, "a deleted patient reads as 404")
    status, ids = search(phone=phone)
    check(status == 200 and ids == [], "search leaves the deleted patient out")
    audit = call("GET", f"/api/v1/patients/{pid}/audit")
    actions = [entry["action"] for entry in audit.json()["items"]] if audit.status == 200 else None
    check(actions == ["create", "update", "delete"], "the deletion is soft: the audit trail holds create, update, delete")

    with open(state_file, "w") as f:
        json.dump({"deleted": pid, "kept": other_id, "kept_body": other.json(), "family": f"{family}-Soto"}, f)


def restarted(state_file):
    with open(state_file) as f:
        state = json.load(f)
    check(call("GET", "/readyz", key=None).status == 200, "the API is ready again after down and up")
    kept = call("GET", f"/api/v1/patients/{state['kept']}")
    check(kept.status == 200 and kept.json() == state["kept_body"], "a patient created before down is still there, unchanged")
    check(call("GET", f"/api/v1/patients/{state['deleted']}").status == 404, "the deleted patient is still deleted")
    restored = call("POST", f"/api/v1/patients/{state['deleted']}:restore")
    check(restored.status == 200 and restored.json()["family_name"] == state["family"]
          and restored.headers.get("ETag") == '"4"', "the soft-deleted patient is restored with its replaced data")


def main():
    if len(sys.argv) != 3 or sys.argv[1] not in ("first", "restarted"):
        sys.exit(__doc__)
    try:
        {"first": first, "restarted": restarted}[sys.argv[1]](sys.argv[2])
    except Abort as error:
        print(f"acceptance: {error}")
    except Exception as error:  # a crash is a failure, reported like one
        check(False, f"unexpected {type(error).__name__}: {error}")
    print(f"acceptance: {passed} passed, {failed} failed")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
