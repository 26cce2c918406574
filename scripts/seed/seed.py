#!/usr/bin/env python3
"""`make seed`: loads a synthetic patient population (population.py) through the public API.

    SEED_COUNT=200 SEED=1 BASE_URL=http://127.0.0.1:8080 API_KEY=... scripts/seed/seed.py

Defaults: 200 patients of population 1, the API of `make up` / `make run` on
127.0.0.1:${API_PORT:-8080}, and the development key in .local/dev-api-key. SEED_CONCURRENCY
(default 4) requests run at once.

Idempotent: every patient is created with its own Idempotency-Key, so a rerun within the
service's retention window (24 h by default) replays instead of creating; after that, the
unique email (or, without one, the same name and date of birth already on record) marks a
patient as present. A rerun therefore creates only what is missing. Standard library only.
Nothing it prints quotes patient data: failures name the patient's index and the API's
error code and field paths.
"""
import concurrent.futures
import json
import os
import pathlib
import sys
import time
import urllib.error
import urllib.parse
import urllib.request

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
import population  # noqa: E402

ROOT = pathlib.Path(__file__).resolve().parents[2]


def setting(name, default):
    value = os.environ.get(name, "").strip()
    return value or default


def api_key():
    key = os.environ.get("API_KEY", "").strip()
    if key:
        return key
    path = ROOT / ".local" / "dev-api-key"
    if path.is_file():
        return path.read_text().strip()
    sys.exit("seed: set API_KEY (a key with scopes patient:read and patient:write), or start the stack with "
             "'make up' or 'make run', which create .local/dev-api-key")


class Api:
    def __init__(self, base_url, key):
        self.base_url = base_url.rstrip("/")
        self.key = key

    def request(self, method, path, body=None, headers=None):
        request = urllib.request.Request(self.base_url + path, method=method)
        request.add_header("X-API-Key", self.key)
        for name, value in (headers or {}).items():
            request.add_header(name, value)
        data = None if body is None else json.dumps(body).encode()
        if data is not None:
            request.add_header("Content-Type", "application/json")
        # Retried on a lost connection or a 503 (the same Idempotency-Key makes a retry safe),
        # and after the Retry-After of a 429 (the per-key rate limit).
        attempt = 0
        while True:
            wait = 0.5 * 2 ** attempt
            try:
                with urllib.request.urlopen(request, data, timeout=30) as response:
                    return response.status, response.headers, json.loads(response.read() or b"null")
            except urllib.error.HTTPError as error:
                payload = error.read()
                if error.code == 429 and attempt < 60:
                    wait = int(error.headers.get("Retry-After", "1"))
                elif error.code != 503 or attempt >= 3:
                    return error.code, error.headers, json.loads(payload) if payload else None
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                if attempt >= 3:
                    raise
            attempt += 1
            time.sleep(wait)


def already_on_record(api, body):
    """Without an email to collide on: the same names and date of birth are already there."""
    query = urllib.parse.urlencode({"family_name": body["family_name"], "dob": body["date_of_birth"], "limit": 100})
    status, _, page = api.request("GET", f"/api/v1/patients?{query}")
    return status == 200 and any(p["given_name"] == body["given_name"] for p in page["items"])


def seed_one(api, seed, index, body):
    """'created', 'present', or a failure description without patient data."""
    if "email" not in body and already_on_record(api, body):
        return "present"
    key = f"seed-v{population.GENERATOR_VERSION}-{seed}-{index}"
    status, headers, response = api.request("POST", "/api/v1/patients", body, {"Idempotency-Key": key})
    code = response.get("code") if isinstance(response, dict) else None
    if status == 409 and code == "duplicate_phone":
        # Another population holds this fictional number (the ranges are small): this
        # patient goes without a phone, under its own key so reruns replay it.
        body = {name: value for name, value in body.items() if name != "phone_e164"}
        status, headers, response = api.request("POST", "/api/v1/patients", body, {"Idempotency-Key": f"{key}-no-phone"})
        code = response.get("code") if isinstance(response, dict) else None
    if status == 201:
        return "present" if headers.get("Idempotent-Replayed") == "true" else "created"
    if status == 409 and code == "duplicate_email":
        return "present"
    fields = sorted({d.get("field", "?") for d in (response or {}).get("details", []) or [] if isinstance(d, dict)})
    return f"patient {index}: HTTP {status} {code or ''} {' '.join(fields)}".strip()


def main():
    count = int(setting("SEED_COUNT", "200"))
    seed = int(setting("SEED", "1"))
    workers = int(setting("SEED_CONCURRENCY", "4"))
    base_url = setting("BASE_URL", f"http://127.0.0.1:{setting('API_PORT', '8080')}")
    api = Api(base_url, api_key())
    try:
        status, _, _ = api.request("GET", "/readyz")
    except (urllib.error.URLError, ConnectionError, TimeoutError) as error:
        sys.exit(f"seed: no API at {base_url} ({error}); start it with 'make up' or 'make run'")
    if status != 200:
        sys.exit(f"seed: {base_url}/readyz answered {status}; the API is not ready")

    patients = population.population(seed, count)
    outcomes = {"created": 0, "present": 0}
    failures = []
    started = time.monotonic()
    with concurrent.futures.ThreadPoolExecutor(max_workers=workers) as pool:
        for outcome in pool.map(lambda item: seed_one(api, seed, *item), enumerate(patients)):
            if outcome in outcomes:
                outcomes[outcome] += 1
            else:
                failures.append(outcome)
    for failure in failures[:20]:
        print(f"seed: failed: {failure}", file=sys.stderr)
    countries = len({p["address"]["country"] for p in patients if "address" in p})
    print(f"seed: {outcomes['created']} created, {outcomes['present']} already present, {len(failures)} failed "
          f"(population {seed}, {count} patients, addresses in {countries} countries, {base_url}, "
          f"{time.monotonic() - started:.1f} s)")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
