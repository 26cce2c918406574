"""Smoke test of the generated Python SDK (`patient_service_client`) against a running Patient
Service: one patient's whole lifecycle, through the SDK only.

    BASE_URL=http://127.0.0.1:8080 API_KEY=... python smoke.py   (run-smoke.sh does this)

Every run uses fresh names, emails and phone numbers, so it can run again and again against the
same database. The steps build on each other: the first failure stops the run.
typescript/smoke.ts checks the same steps with the TypeScript SDK; keep the two in step.
"""

from __future__ import annotations

import os
import secrets
import string
import sys
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any
from uuid import UUID, uuid4

from patient_service_client import (
    AddressInput,
    ApiClient,
    ApiException,
    Configuration,
    Error,
    FhirApi,
    GenderIdentity,
    Patient,
    PatientInput,
    PatientsApi,
    PatientSearch,
    SexAtBirth,
)
from patient_service_client.api_response import ApiResponse


def required_env(name: str) -> str:
    value = os.environ.get(name)
    if not value:
        print(f"{name} is not set (see contract-tests/sdk/README.md)", file=sys.stderr)
        sys.exit(2)
    return value


BASE_URL = required_env("BASE_URL").rstrip("/")
# The SDK sends the key in X-API-Key on every call (the spec's ApiKeyAuth scheme).
client = ApiClient(Configuration(host=BASE_URL, api_key={"ApiKeyAuth": required_env("API_KEY")}))
api = PatientsApi(client)
fhir = FhirApi(client)

# Names allow letters only (no digits), so the per-run suffix is letters.
SUFFIX = "".join(secrets.choice(string.ascii_lowercase) for _ in range(10))
FAMILY_NAME = f"Smoke-Py{SUFFIX}"


def equal(actual: Any, expected: Any, what: str) -> None:
    if actual != expected:
        raise AssertionError(f"{what}: got {actual!r}, expected {expected!r}")


def check(condition: bool, what: str) -> None:
    if not condition:
        raise AssertionError(what)


@dataclass
class ApiFailure:
    """A failed call as the SDK reports it: the HTTP status and the contract's typed error body."""

    status: int
    error: Error


def expect_failure(call: Callable[[], Any]) -> ApiFailure:
    """Runs a call that must fail with an HTTP error and returns that error, typed."""
    try:
        call()
    except ApiException as e:
        # The SDK deserializes error bodies into the spec's Error model (e.data); fall back to
        # parsing the body for a status the spec does not list for the operation.
        error = e.data if isinstance(e.data, Error) else Error.from_json(e.body or "{}")
        if error is None:
            raise AssertionError(f"HTTP {e.status} without an error body") from e
        return ApiFailure(status=e.status, error=error)
    raise AssertionError("expected the call to fail with an HTTP error, but it succeeded")


def header(response: ApiResponse[Any], name: str) -> str | None:
    """A response header by name, case-insensitively (the SDK hands them over as received)."""
    headers: Mapping[str, str] = response.headers or {}
    return next((value for key, value in headers.items() if key.lower() == name.lower()), None)


def etag_of(patient: Patient) -> str:
    """The ETag the service derives from a patient's version: `"<version>"`."""
    return f'"{patient.version}"'


def new_patient(n: int, **fields: Any) -> PatientInput:
    """Patient number n of this run; `fields` add to or override the defaults."""
    defaults: dict[str, Any] = {
        "given_name": "Ana",
        "family_name": FAMILY_NAME,
        "date_of_birth": date(1990, 7, 1),
        "sex_at_birth": SexAtBirth.FEMALE,
        "gender_identity": GenderIdentity.WOMAN,
        # Mixed case on purpose: the service stores emails lower-cased.
        "email": f"SDK-Smoke.{SUFFIX}.{n}@Example.org",
    }
    return PatientInput(**{**defaults, **fields})


class Lifecycle:
    """The steps, in order; each one builds on the state the previous ones left."""

    patient: Patient
    first_etag: str
    listed: list[UUID]

    def create_with_idempotency_key(self) -> None:
        "create with an Idempotency-Key: 201 with ETag and Location, and its replay"
        # Spaces are allowed in the input; the service answers E.164. Exchange [2-9][2-9]x keeps
        # the random number a valid US one.
        exchange = f"{2 + secrets.randbelow(8)}{20 + secrets.randbelow(80)}"
        phone = f"+1 415 {exchange} {secrets.randbelow(10000):04d}"
        body = new_patient(
            1,
            middle_name="Lucía",
            gender_identity=GenderIdentity.OTHER,
            gender_identity_other="Two-Spirit",
            phone_e164=phone,
            address=AddressInput(
                line1="123 Main St", city="San Francisco", state_province="CA", postal_code="94103", country="us"
            ),
            preferred_language="es-MX",
            consent_to_contact=True,
        )
        key = f"sdk-smoke-py-{uuid4()}"
        created = api.create_patient_with_http_info(body, idempotency_key=key)
        self.patient = created.data
        equal(created.status_code, 201, "status")
        equal(self.patient.version, 1, "version")
        equal(header(created, "ETag"), '"1"', "ETag")
        equal(header(created, "Location"), f"/api/v1/patients/{self.patient.patient_id}", "Location")
        equal(header(created, "Idempotent-Replayed"), None, "Idempotent-Replayed of a first create")
        equal(self.patient.email, (body.email or "").lower(), "email (stored lower-cased)")
        equal(self.patient.phone_e164, phone.replace(" ", ""), "phone_e164 (stored as E.164)")
        equal(self.patient.date_of_birth, date(1990, 7, 1), "date_of_birth")
        equal(self.patient.sex_at_birth, SexAtBirth.FEMALE, "sex_at_birth")
        equal(
            (self.patient.gender_identity, self.patient.gender_identity_other),
            (GenderIdentity.OTHER, "Two-Spirit"),
            "gender_identity and its free text",
        )
        equal(self.patient.address.country if self.patient.address else None, "US", "address.country (upper-cased)")
        self.first_etag = etag_of(self.patient)

        # The same key and body again: the saved response, replayed, and no second patient.
        replay = api.create_patient_with_http_info(body, idempotency_key=key)
        equal(replay.status_code, 201, "status of the replay")
        equal(header(replay, "Idempotent-Replayed"), "true", "Idempotent-Replayed of the replay")
        equal(header(replay, "ETag"), header(created, "ETag"), "ETag of the replay")
        equal(header(replay, "Location"), header(created, "Location"), "Location of the replay")
        equal(replay.data, self.patient, "body of the replay")

    def read_with_etag(self) -> None:
        "read: 200 with the ETag (and the X-Request-Id echoed)"
        request_id = f"sdk-smoke-py-{uuid4()}"
        read = api.get_patient_with_http_info(self.patient.patient_id, x_request_id=request_id)
        equal(read.status_code, 200, "status")
        equal(header(read, "ETag"), self.first_etag, "ETag")
        equal(header(read, "X-Request-Id"), request_id, "X-Request-Id")
        equal(read.data, self.patient, "body")

    def replace_with_if_match(self) -> None:
        "replace with If-Match: 200, version 2, fields left out are cleared"
        replaced = api.replace_patient_with_http_info(
            self.patient.patient_id, new_patient(1, given_name="Ana María"), if_match=self.first_etag
        )
        updated = replaced.data
        equal(replaced.status_code, 200, "status")
        equal(updated.version, 2, "version")
        equal(header(replaced, "ETag"), etag_of(updated), "ETag")
        equal(updated.given_name, "Ana María", "given_name")
        equal((updated.phone_e164, updated.address), (None, None), "phone_e164 and address (left out)")
        equal(updated.consent_to_contact, False, "consent_to_contact (left out: its default)")
        self.patient = updated

    def stale_replace_is_412(self) -> None:
        "replace with a stale If-Match: 412 precondition_failed, nothing changed"
        failure = expect_failure(
            lambda: api.replace_patient(
                self.patient.patient_id, new_patient(1, given_name="Stale"), if_match=self.first_etag
            )
        )
        equal(failure.status, 412, "status")
        equal(failure.error.code, "precondition_failed", "error code")
        equal(api.get_patient(self.patient.patient_id), self.patient, "the patient after a refused replace")

    def list_paged_with_cursor(self) -> None:
        "search by family name (in the body: PHI stays out of URLs), paged with limit=2 and next_cursor"
        others = [api.create_patient(new_patient(2)), api.create_patient(new_patient(3))]
        expected = [p.patient_id for p in [self.patient, *others]]
        self.listed = []
        cursor: str | None = None
        for page in range(1, 6):
            listing = api.search_patients(PatientSearch(family_name=FAMILY_NAME, limit=2, cursor=cursor))
            check(len(listing.items) <= 2, f"page {page} has {len(listing.items)} items, limit is 2")
            self.listed += [p.patient_id for p in listing.items]
            cursor = listing.next_cursor
            if cursor is None:
                break
        else:
            raise AssertionError("next_cursor never became null")
        # Oldest first, so exactly the order they were created in.
        equal(self.listed, expected, "patient ids over all pages")

    def delete_then_404(self) -> None:
        "delete: 204, then read is 404 patient_not_found and the list leaves it out"
        deleted = api.delete_patient_with_http_info(self.patient.patient_id, if_match=etag_of(self.patient))
        equal(deleted.status_code, 204, "status")
        failure = expect_failure(lambda: api.get_patient(self.patient.patient_id))
        equal(failure.status, 404, "status of a read after delete")
        equal(failure.error.code, "patient_not_found", "error code of a read after delete")
        remaining = [p.patient_id for p in api.search_patients(PatientSearch(family_name=FAMILY_NAME)).items]
        equal(remaining, [i for i in self.listed if i != self.patient.patient_id], "list after delete")

    def restore(self) -> None:
        "restore: 200 with a new ETag, readable again"
        restored = api.restore_patient_with_http_info(self.patient.patient_id)
        back = restored.data
        equal(restored.status_code, 200, "status")
        check(back.version > self.patient.version, f"restore left the version at {back.version}")
        equal(header(restored, "ETag"), etag_of(back), "ETag")
        read = api.get_patient_with_http_info(self.patient.patient_id)
        equal(header(read, "ETag"), etag_of(back), "ETag of a read after restore")
        equal(read.data, back, "body of a read after restore")

    def fhir_view(self) -> None:
        "FHIR view: a typed FHIR R4 Patient, the patient's ETag as its version"
        view = fhir.get_patient_fhir_with_http_info(self.patient.patient_id)
        resource = view.data
        equal(view.status_code, 200, "status")
        check((header(view, "Content-Type") or "").startswith("application/fhir+json"), "Content-Type")
        read = api.get_patient_with_http_info(self.patient.patient_id)
        equal(header(view, "ETag"), header(read, "ETag"), "ETag")
        equal(f'"{resource.meta.version_id}"', header(read, "ETag"), "meta.versionId")
        equal((resource.resource_type, resource.id), ("Patient", str(self.patient.patient_id)), "id")
        equal(resource.name[0].family, read.data.family_name, "name.family")
        equal(resource.birth_date, read.data.date_of_birth, "birthDate")

    def clean_up(self) -> None:
        "clean up: delete this run's patients"
        for patient_id in self.listed:
            api.delete_patient(patient_id)


def describe(e: BaseException) -> str:
    if isinstance(e, ApiException):
        # Error bodies never echo submitted values, so they are safe to print.
        return f"unexpected HTTP {e.status}: {e.body}"
    return f"{type(e).__name__}: {e}" if str(e) else type(e).__name__


def main() -> int:
    print(f"Python SDK smoke against {BASE_URL} (family name {FAMILY_NAME})")
    run = Lifecycle()
    steps = [
        run.create_with_idempotency_key,
        run.read_with_etag,
        run.replace_with_if_match,
        run.stale_replace_is_412,
        run.list_paged_with_cursor,
        run.delete_then_404,
        run.restore,
        run.fhir_view,
        run.clean_up,
    ]
    for passed, step in enumerate(steps):
        try:
            step()
        except Exception as e:  # noqa: BLE001 - every failure is reported the same way
            print(f"  FAIL  {step.__doc__}")
            print("        " + describe(e).replace("\n", "\n        "))
            if len(steps) - passed - 1:
                print(f"  ({len(steps) - passed - 1} later step(s) not run: they build on this one)")
            print(f"python: {passed} passed, 1 failed")
            return 1
        print(f"  ok    {step.__doc__}")
    print(f"python: {len(steps)} passed, 0 failed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
