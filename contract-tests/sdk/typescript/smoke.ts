/**
 * Smoke test of the generated TypeScript SDK (`patient_service_client`, typescript-fetch)
 * against a running Patient Service: one patient's whole lifecycle, through the SDK only.
 *
 *   BASE_URL=http://127.0.0.1:8080 API_KEY=... node build/smoke.js   (run-smoke.sh does this)
 *
 * Every run uses fresh names, emails and phone numbers, so it can run again and again against
 * the same database. The steps build on each other: the first failure stops the run.
 * python/smoke.py checks the same steps with the Python SDK; keep the two in step.
 */
import assert from "node:assert/strict";
import { randomInt, randomUUID } from "node:crypto";
import {
  type ApiResponse,
  Configuration,
  FetchError,
  FhirApi,
  type ModelError,
  ModelErrorFromJSON,
  type Patient,
  type PatientInput,
  PatientsApi,
  ResponseError,
} from "patient_service_client";

const baseUrl = requiredEnv("BASE_URL").replace(/\/+$/, "");
// The SDK sends the key in X-API-Key on every call (the spec's ApiKeyAuth scheme).
const configuration = new Configuration({ basePath: baseUrl, apiKey: requiredEnv("API_KEY") });
const api = new PatientsApi(configuration);
const fhir = new FhirApi(configuration);

// Names allow letters only (no digits), so the per-run suffix is letters.
const suffix = Array.from({ length: 10 }, () => "abcdefghijklmnopqrstuvwxyz"[randomInt(26)]).join("");
const familyName = `Smoke-Ts${suffix}`;

/** A failed call as the SDK reports it: the HTTP status and the contract's typed error body. */
interface ApiFailure {
  status: number;
  error: ModelError;
}

/** Awaits a call that must fail with an HTTP error and returns that error, typed. */
async function expectFailure(call: Promise<unknown>): Promise<ApiFailure> {
  try {
    await call;
  } catch (e) {
    if (e instanceof ResponseError) {
      return { status: e.response.status, error: ModelErrorFromJSON(await e.response.json()) };
    }
    throw e;
  }
  throw new Error("expected the call to fail with an HTTP error, but it succeeded");
}

function header(response: ApiResponse<unknown>, name: string): string | null {
  return response.raw.headers.get(name);
}

/** The ETag the service derives from a patient's version: `"<version>"`. */
function etagOf(patient: Patient): string {
  return `"${patient.version}"`;
}

function requiredEnv(name: string): string {
  const value = process.env[name];
  if (!value) {
    console.error(`${name} is not set (see contract-tests/sdk/README.md)`);
    process.exit(2);
  }
  return value;
}

function newPatient(n: number): PatientInput {
  return {
    givenName: "Ana",
    familyName,
    dateOfBirth: "1990-07-01",
    sexAtBirth: "female",
    genderIdentity: "woman",
    // Mixed case on purpose: the service stores emails lower-cased.
    email: `SDK-Smoke.${suffix}.${n}@Example.org`,
  };
}

// Shared between the steps below.
let patient: Patient;
let firstEtag: string;
const listed: string[] = [];

const steps: Array<[string, () => Promise<void>]> = [
  [
    "create with an Idempotency-Key: 201 with ETag and Location, and its replay",
    async () => {
      // Spaces are allowed in the input; the service answers E.164. Exchange [2-9][2-9]x keeps
      // the random number a valid US one.
      const exchange = `${randomInt(2, 10)}${randomInt(20, 100)}`;
      const phone = `+1 415 ${exchange} ${String(randomInt(10000)).padStart(4, "0")}`;
      const input: PatientInput = {
        ...newPatient(1),
        middleName: "Lucía",
        genderIdentity: "other",
        genderIdentityOther: "Two-Spirit",
        phoneE164: phone,
        address: { line1: "123 Main St", city: "San Francisco", stateProvince: "CA", postalCode: "94103", country: "us" },
        preferredLanguage: "es-MX",
        consentToContact: true,
      };
      const idempotencyKey = `sdk-smoke-ts-${randomUUID()}`;
      const created = await api.createPatientRaw({ patientInput: input, idempotencyKey });
      patient = await created.value();
      assert.equal(created.raw.status, 201);
      assert.equal(patient.version, 1);
      assert.equal(header(created, "ETag"), '"1"');
      assert.equal(header(created, "Location"), `/api/v1/patients/${patient.patientId}`);
      assert.equal(header(created, "Idempotent-Replayed"), null, "a first create is not a replay");
      assert.equal(patient.email, input.email?.toLowerCase());
      assert.equal(patient.phoneE164, phone.replaceAll(" ", ""));
      assert.equal(patient.dateOfBirth, "1990-07-01");
      assert.equal(patient.sexAtBirth, "female");
      assert.deepEqual([patient.genderIdentity, patient.genderIdentityOther], ["other", "Two-Spirit"]);
      assert.equal(patient.address?.country, "US");
      firstEtag = etagOf(patient);

      // The same key and body again: the saved response, replayed, and no second patient.
      const replay = await api.createPatientRaw({ patientInput: input, idempotencyKey });
      assert.equal(replay.raw.status, 201);
      assert.equal(header(replay, "Idempotent-Replayed"), "true");
      assert.equal(header(replay, "ETag"), header(created, "ETag"));
      assert.equal(header(replay, "Location"), header(created, "Location"));
      assert.deepEqual(await replay.value(), patient);
    },
  ],
  [
    "read: 200 with the ETag (and the X-Request-Id echoed)",
    async () => {
      const xRequestId = `sdk-smoke-ts-${randomUUID()}`;
      const read = await api.getPatientRaw({ patientId: patient.patientId, xRequestId });
      assert.equal(read.raw.status, 200);
      assert.equal(header(read, "ETag"), firstEtag);
      assert.equal(header(read, "X-Request-Id"), xRequestId);
      assert.deepEqual(await read.value(), patient);
    },
  ],
  [
    "replace with If-Match: 200, version 2, fields left out are cleared",
    async () => {
      const replaced = await api.replacePatientRaw({
        patientId: patient.patientId,
        ifMatch: firstEtag,
        patientInput: { ...newPatient(1), givenName: "Ana María" },
      });
      const updated = await replaced.value();
      assert.equal(replaced.raw.status, 200);
      assert.equal(updated.version, 2);
      assert.equal(header(replaced, "ETag"), etagOf(updated));
      assert.equal(updated.givenName, "Ana María");
      assert.equal(updated.phoneE164, null);
      assert.equal(updated.address, null);
      assert.equal(updated.consentToContact, false);
      patient = updated;
    },
  ],
  [
    "replace with a stale If-Match: 412 precondition_failed, nothing changed",
    async () => {
      const failure = await expectFailure(
        api.replacePatient({
          patientId: patient.patientId,
          ifMatch: firstEtag,
          patientInput: { ...newPatient(1), givenName: "Stale" },
        }),
      );
      assert.equal(failure.status, 412);
      assert.equal(failure.error.code, "precondition_failed");
      assert.deepEqual(await api.getPatient({ patientId: patient.patientId }), patient);
    },
  ],
  [
    "search by family name (in the body: PHI stays out of URLs), paged with limit=2 and next_cursor",
    async () => {
      const others = [
        await api.createPatient({ patientInput: newPatient(2) }),
        await api.createPatient({ patientInput: newPatient(3) }),
      ];
      const expected = [patient.patientId, ...others.map((p) => p.patientId)];
      let cursor: string | undefined;
      for (let page = 1; ; page++) {
        assert.ok(page <= 5, "next_cursor never became null");
        // The filters travel in the body (POST …:search): PHI never goes into a URL.
        const list = await api.searchPatients({ patientSearch: { familyName, limit: 2, cursor } });
        assert.ok(list.items.length <= 2, `page ${page} has ${list.items.length} items, limit is 2`);
        listed.push(...list.items.map((p) => p.patientId));
        if (list.nextCursor === null) break;
        cursor = list.nextCursor;
      }
      // Oldest first, so exactly the order they were created in.
      assert.deepEqual(listed, expected);
    },
  ],
  [
    "delete: 204, then read is 404 patient_not_found and the list leaves it out",
    async () => {
      const deleted = await api.deletePatientRaw({ patientId: patient.patientId, ifMatch: etagOf(patient) });
      assert.equal(deleted.raw.status, 204);
      const failure = await expectFailure(api.getPatient({ patientId: patient.patientId }));
      assert.equal(failure.status, 404);
      assert.equal(failure.error.code, "patient_not_found");
      const list = await api.searchPatients({ patientSearch: { familyName } });
      assert.deepEqual(
        list.items.map((p) => p.patientId),
        listed.filter((id) => id !== patient.patientId),
      );
    },
  ],
  [
    "restore: 200 with a new ETag, readable again",
    async () => {
      const restored = await api.restorePatientRaw({ patientId: patient.patientId });
      const back = await restored.value();
      assert.equal(restored.raw.status, 200);
      assert.ok(back.version > patient.version, "restore raises the version");
      assert.equal(header(restored, "ETag"), etagOf(back));
      const read = await api.getPatientRaw({ patientId: patient.patientId });
      assert.equal(header(read, "ETag"), etagOf(back));
      assert.deepEqual(await read.value(), back);
    },
  ],
  [
    "FHIR view: a typed FHIR R4 Patient, the patient's ETag as its version",
    async () => {
      const view = await fhir.getPatientFhirRaw({ patientId: patient.patientId });
      const resource = await view.value();
      assert.equal(view.raw.status, 200);
      assert.match(header(view, "Content-Type") ?? "", /^application\/fhir\+json/);
      const read = await api.getPatientRaw({ patientId: patient.patientId });
      const current = await read.value();
      assert.equal(header(view, "ETag"), header(read, "ETag"));
      assert.equal(`"${resource.meta.versionId}"`, header(read, "ETag"));
      assert.deepEqual([resource.resourceType, resource.id], ["Patient", patient.patientId]);
      assert.equal(resource.name[0].family, current.familyName);
      assert.equal(resource.birthDate, current.dateOfBirth);
    },
  ],
  [
    "clean up: delete this run's patients",
    async () => {
      for (const patientId of listed) {
        await api.deletePatient({ patientId });
      }
    },
  ],
];

async function main(): Promise<number> {
  console.log(`TypeScript SDK smoke against ${baseUrl} (family name ${familyName})`);
  let passed = 0;
  for (const [name, run] of steps) {
    try {
      await run();
      passed++;
      console.log(`  ok    ${name}`);
    } catch (e) {
      console.log(`  FAIL  ${name}`);
      console.log(`        ${(await describe(e)).replaceAll("\n", "\n        ")}`);
      const skipped = steps.length - passed - 1;
      if (skipped > 0) console.log(`  (${skipped} later step(s) not run: they build on this one)`);
      console.log(`typescript: ${passed} passed, 1 failed`);
      return 1;
    }
  }
  console.log(`typescript: ${passed} passed, 0 failed`);
  return 0;
}

async function describe(e: unknown): Promise<string> {
  if (e instanceof ResponseError) {
    // Error bodies never echo submitted values, so they are safe to print.
    const body = await e.response.text().catch(() => "");
    return `unexpected HTTP ${e.response.status} from ${e.response.url}: ${body}`;
  }
  if (e instanceof FetchError) {
    // fetch hides the reason (refused, reset, DNS) one or two causes deep.
    const reason = e.cause.cause instanceof Error ? e.cause.cause.message : e.cause.message;
    return `could not reach ${baseUrl}: ${reason}`;
  }
  return e instanceof Error ? e.message : String(e);
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(e);
    process.exit(1);
  },
);
