"""Load test of a running Patient Service (Locust), open loop at a target arrival rate.

Each virtual user creates its own patient in `on_start` and then, paced by
`constant_throughput`, sends a mix of reads and writes: GET of its patient, a family-name
search, a keyed POST, and a PUT with the `If-Match` it last saw (so a correct service never
answers 412). Many users each at a low rate keep the arrival rate independent of latency:
a user's interval (USERS / RATE seconds) is far above any acceptable response time, so a
slow service does not slow the load down (no coordinated omission) until it breaks the
targets anyway, and the achieved rate is checked too.

When the run ends, `check_thresholds` sets the exit code: the spec's p95 targets (GET <= 50
ms, POST/PUT <= 200 ms), no failed request, and at least 90 % of the target rate reached.

Env: BASE_URL, API_KEY (a key with patient:read and patient:write), RATE (requests/s, all
users together), USERS. Bodies are synthetic and carry no phone number: the fictional
ranges are too small for random draws across repeated runs, and a real-looking number
could be someone's. Run it only against environments that hold synthetic data.
"""

import os
import random
import uuid

from locust import HttpUser, constant_throughput, events, task

RATE = float(os.environ.get("RATE", "50"))
USERS = int(os.environ.get("USERS", "100"))
P95_LIMIT_MS = {"GET": 50.0, "POST": 200.0, "PUT": 200.0}
MIN_RATE_FRACTION = 0.9

GIVEN = ["Ada", "Grace", "Alan", "Edsger", "Barbara", "Donald", "Frances", "Ken", "Radia", "Tim"]
FAMILY = ["Loadtest", "Benchmark", "Steadystate", "Throughput", "Latency"]
SEXES = [("female", "woman"), ("male", "man"), ("unknown", "nonbinary")]


def new_patient():
    given, family = random.choice(GIVEN), random.choice(FAMILY)
    sex, gender = random.choice(SEXES)
    return {
        "given_name": given,
        "middle_name": None,
        "family_name": family,
        "date_of_birth": f"{random.randint(1940, 2015)}-{random.randint(1, 12):02d}-{random.randint(1, 28):02d}",
        "sex_at_birth": sex,
        "gender_identity": gender,
        "email": f"load.{uuid.uuid4().hex}@example.org",
        "address": {
            "line1": f"{random.randint(1, 9999)} Bench Street",
            "line2": None,
            "city": "Springfield",
            "state_province": "IL",
            "postal_code": f"{random.randint(1000, 99950):05d}",
            "country": "US",
        },
        "preferred_language": "en-US",
        "consent_to_contact": True,
    }


class Clinician(HttpUser):
    wait_time = constant_throughput(RATE / USERS)

    def on_start(self):
        self.client.headers.update({"x-api-key": os.environ["API_KEY"], "Accept": "application/json"})
        self.body = new_patient()
        self.patient_id = self.etag = None
        self.create(self.body, name="POST /api/v1/patients (setup)")

    def create(self, body, name="POST /api/v1/patients"):
        headers = {"Idempotency-Key": str(uuid.uuid4())}
        with self.client.post("/api/v1/patients", json=body, headers=headers, name=name, catch_response=True) as r:
            if r.status_code != 201:
                r.failure(f"status {r.status_code}")
                return None
            if self.patient_id is None:
                self.patient_id, self.etag = r.json()["patient_id"], r.headers["ETag"]
            return r

    @task(6)
    def read(self):
        if self.patient_id:
            self.client.get(f"/api/v1/patients/{self.patient_id}", name="GET /api/v1/patients/{id}")

    @task(2)
    def search(self):
        self.client.get(
            "/api/v1/patients",
            params={"family_name": random.choice(FAMILY), "limit": 20},
            name="GET /api/v1/patients?family_name",
        )

    @task(1)
    def create_another(self):
        self.create(new_patient())

    @task(1)
    def replace(self):
        if not self.patient_id:
            return
        self.body["consent_to_contact"] = not self.body["consent_to_contact"]
        self.body["address"]["line1"] = f"{random.randint(1, 9999)} Bench Street"
        with self.client.put(
            f"/api/v1/patients/{self.patient_id}",
            json=self.body,
            headers={"If-Match": self.etag},
            name="PUT /api/v1/patients/{id}",
            catch_response=True,
        ) as r:
            if r.status_code == 200:
                self.etag = r.headers["ETag"]
            else:
                r.failure(f"status {r.status_code}")


@events.quitting.add_listener
def check_thresholds(environment, **_kwargs):
    stats = environment.stats
    problems = []
    for entry in stats.entries.values():
        if entry.name.endswith("(setup)") or entry.num_requests == 0:
            continue
        p95 = entry.get_response_time_percentile(0.95)
        limit = P95_LIMIT_MS.get(entry.method)
        line = f"{entry.method} {entry.name}: {entry.num_requests} requests, p95 {p95:.0f} ms"
        if limit is not None and p95 > limit:
            problems.append(f"{line} > {limit:.0f} ms")
        else:
            print(f"threshold ok: {line}" + (f" <= {limit:.0f} ms" if limit else ""))
    total = stats.total
    if total.num_failures:
        problems.append(f"{total.num_failures} of {total.num_requests} requests failed")
    duration = max(total.last_request_timestamp - total.start_time, 1e-9) if total.last_request_timestamp else 0
    achieved = total.num_requests / duration if duration else 0.0
    if achieved < MIN_RATE_FRACTION * RATE:
        problems.append(f"achieved {achieved:.1f} rps < {MIN_RATE_FRACTION:.0%} of the target {RATE:.0f} rps")
    else:
        print(f"threshold ok: achieved {achieved:.1f} rps (target {RATE:.0f})")
    for problem in problems:
        print(f"threshold FAILED: {problem}")
    environment.process_exit_code = 1 if problems else 0
