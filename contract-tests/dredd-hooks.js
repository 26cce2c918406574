// Dredd hooks: run the documented 2xx transactions as one patient's lifecycle
// (create -> list -> search -> get -> put with If-Match -> delete -> restore -> audit trail -> FHIR view) and validate every
// response body against the real schema in openapi/openapi.yaml.
//
// Why the hooks do what they do (dredd 14 is experimental for OpenAPI 3):
// - every documented non-2xx response becomes a transaction; they are skipped here
//   (schemathesis covers error responses);
// - dredd sends empty optional headers unless a hook sets them; each is set or removed;
// - dredd treats optional response fields as required (dredd issue #1430), so its own body
//   check is replaced by ajv against the spec's schema.
//
// Environment: API_KEY (a key with patient:read, patient:write and audit:read), or
// BEARER_TOKEN (an access token with those scopes), which is sent instead when set.
const fs = require('fs');
const path = require('path');
const crypto = require('crypto');
const hooks = require('hooks');
const yaml = require('js-yaml');
const Ajv = require('ajv');
const addFormats = require('ajv-formats');

const SPEC_PATH = path.join(__dirname, '..', 'openapi', 'openapi.yaml');
const spec = yaml.load(fs.readFileSync(SPEC_PATH, 'utf8'));
const ajv = new Ajv({ strict: false, allErrors: true });
addFormats(ajv);
ajv.addSchema({ components: spec.components }, 'spec');

const apiKey = process.env.API_KEY;
const bearerToken = process.env.BEARER_TOKEN;
if (!apiKey && !bearerToken) {
  throw new Error('neither API_KEY nor BEARER_TOKEN is set');
}

// The schema of each 2xx response body, by operation summary (dredd names transactions
// "<path> > <summary> > <status> > <media type>"). JSON media types include
// `application/fhir+json` (the FHIR view).
const isJson = (mediaType) => /^application\/(.+\+)?json$/.test(mediaType);
const SCHEMA_BY_SUMMARY = {};
for (const operations of Object.values(spec.paths)) {
  for (const operation of Object.values(operations)) {
    if (!operation || !operation.responses) continue;
    for (const [status, response] of Object.entries(operation.responses)) {
      const json = Object.entries(response.content || {}).find(([mediaType]) => isJson(mediaType));
      const schema = json && json[1].schema;
      if (status.startsWith('2') && schema) {
        SCHEMA_BY_SUMMARY[operation.summary] = ajv.compile(schema.$ref ? { $ref: `spec${schema.$ref}` } : schema);
      }
    }
  }
}

// Response headers the spec declares optional (`required: false`), lower-cased; dredd would
// require them too.
const OPTIONAL_HEADERS = new Set();
for (const operations of Object.values(spec.paths)) {
  for (const operation of Object.values(operations)) {
    for (const response of Object.values((operation && operation.responses) || {})) {
      for (const [name, definition] of Object.entries(response.headers || {})) {
        if (!definition.$ref && definition.required !== true) OPTIONAL_HEADERS.add(name.toLowerCase());
      }
    }
  }
}

const unique = crypto.randomUUID();
const state = { patientId: null, etag: null, family: null };

function header(transaction, name) {
  const headers = transaction.real && transaction.real.headers ? transaction.real.headers : {};
  return headers[name.toLowerCase()];
}

function summaryOf(transaction) {
  return transaction.name.split(' > ')[1];
}

function expectedStatus(transaction) {
  return String(transaction.expected.statusCode);
}

function setHeader(transaction, name, value) {
  for (const key of Object.keys(transaction.request.headers)) {
    if (key.toLowerCase() === name.toLowerCase()) delete transaction.request.headers[key];
  }
  if (value !== undefined) transaction.request.headers[name] = value;
}

function setPath(transaction, fullPath) {
  transaction.fullPath = fullPath;
  transaction.request.uri = fullPath;
}

function patientBody(familyName) {
  const body = { ...spec.components.schemas.PatientInput.example };
  body.family_name = familyName;
  // Unique per run, so the run also passes against a database that already has the example.
  body.email = `dredd-${unique}@example.org`;
  body.phone_e164 = null;
  return JSON.stringify(body);
}

function requirePatient(transaction) {
  if (!state.patientId) {
    transaction.fail = 'no patient: the create transaction did not succeed';
    return false;
  }
  return true;
}

hooks.beforeEach((transaction) => {
  if (!expectedStatus(transaction).startsWith('2')) {
    transaction.skip = true;
    return;
  }
  if (bearerToken) {
    setHeader(transaction, 'X-API-Key', undefined);
    setHeader(transaction, 'Authorization', `Bearer ${bearerToken}`);
  } else {
    setHeader(transaction, 'X-API-Key', apiKey);
  }
  // A fixed, well-formed id per transaction, so a failure can be found in the server's log.
  setHeader(transaction, 'X-Request-Id', `dredd-${unique}-${summaryOf(transaction).replace(/[^A-Za-z]+/g, '-')}`);
  setHeader(transaction, 'Idempotency-Key', undefined);
  setHeader(transaction, 'If-Match', undefined);
});

hooks.before('/api/v1/patients > Create a patient > 201 > application/json', (transaction) => {
  state.family = 'Rivera';
  transaction.request.body = patientBody(state.family);
  setHeader(transaction, 'Idempotency-Key', `dredd-${unique}`);
});

hooks.after('/api/v1/patients > Create a patient > 201 > application/json', (transaction) => {
  if (transaction.real.statusCode !== 201) return;
  const created = JSON.parse(transaction.real.body);
  state.patientId = created.patient_id;
  state.etag = header(transaction, 'ETag');
  const location = header(transaction, 'Location');
  if (location !== `/api/v1/patients/${created.patient_id}`) {
    transaction.fail = `Location ${location} does not name the created patient`;
  }
});

hooks.before('/api/v1/patients > List and search patients > 200 > application/json', (transaction) => {
  if (!requirePatient(transaction)) return;
  setPath(transaction, `/api/v1/patients?email=${encodeURIComponent(`dredd-${unique}@example.org`)}&limit=20`);
});

hooks.after('/api/v1/patients > List and search patients > 200 > application/json', (transaction) => {
  const page = JSON.parse(transaction.real.body);
  const ids = (page.items || []).map((patient) => patient.patient_id);
  if (ids.length !== 1 || ids[0] !== state.patientId) {
    transaction.fail = `the email search found ${JSON.stringify(ids)}, expected only the created patient`;
  }
});

// The way to search by PHI: the filters in the body, never in the URL.
hooks.before('/api/v1/patients:search > Search patients (filters in the body) > 200 > application/json', (transaction) => {
  if (!requirePatient(transaction)) return;
  setPath(transaction, '/api/v1/patients:search');
  transaction.request.body = JSON.stringify({ email: `dredd-${unique}@example.org`, family_name: state.family, limit: 20 });
});

hooks.after('/api/v1/patients:search > Search patients (filters in the body) > 200 > application/json', (transaction) => {
  const page = JSON.parse(transaction.real.body);
  const ids = (page.items || []).map((patient) => patient.patient_id);
  if (ids.length !== 1 || ids[0] !== state.patientId) {
    transaction.fail = `the search by email found ${JSON.stringify(ids)}, expected only the created patient`;
  }
});

hooks.before('/api/v1/patients/{patient_id} > Read a patient > 200 > application/json', (transaction) => {
  if (!requirePatient(transaction)) return;
  setPath(transaction, `/api/v1/patients/${state.patientId}`);
});

hooks.after('/api/v1/patients/{patient_id} > Read a patient > 200 > application/json', (transaction) => {
  state.etag = header(transaction, 'ETag') || state.etag;
});

hooks.before('/api/v1/patients/{patient_id} > Replace a patient > 200 > application/json', (transaction) => {
  if (!requirePatient(transaction)) return;
  setPath(transaction, `/api/v1/patients/${state.patientId}`);
  setHeader(transaction, 'If-Match', state.etag);
  state.family = 'Rivera-Soto';
  transaction.request.body = patientBody(state.family);
});

hooks.after('/api/v1/patients/{patient_id} > Replace a patient > 200 > application/json', (transaction) => {
  const previous = state.etag;
  state.etag = header(transaction, 'ETag');
  const replaced = JSON.parse(transaction.real.body);
  if (replaced.family_name !== state.family || state.etag === previous) {
    transaction.fail = 'the replace did not store the new family name and a new ETag';
  }
});

hooks.before('/api/v1/patients/{patient_id} > Delete a patient (soft) > 204', (transaction) => {
  if (!requirePatient(transaction)) return;
  setPath(transaction, `/api/v1/patients/${state.patientId}`);
  setHeader(transaction, 'If-Match', state.etag);
});

hooks.after('/api/v1/patients/{patient_id} > Delete a patient (soft) > 204', (transaction) => {
  state.etag = header(transaction, 'ETag');
});

hooks.before('/api/v1/patients/{patient_id}:restore > Restore a deleted patient > 200 > application/json', (transaction) => {
  if (!requirePatient(transaction)) return;
  setPath(transaction, `/api/v1/patients/${state.patientId}:restore`);
  // The deleted patient's ETag (from the delete), so the restore is conditional.
  setHeader(transaction, 'If-Match', state.etag);
});

hooks.after('/api/v1/patients/{patient_id}:restore > Restore a deleted patient > 200 > application/json', (transaction) => {
  state.etag = header(transaction, 'ETag');
});

hooks.before("/api/v1/patients/{patient_id}/audit > Read a patient's audit trail > 200 > application/json", (transaction) => {
  if (!requirePatient(transaction)) return;
  setPath(transaction, `/api/v1/patients/${state.patientId}/audit?limit=20`);
});

hooks.after("/api/v1/patients/{patient_id}/audit > Read a patient's audit trail > 200 > application/json", (transaction) => {
  const actions = (JSON.parse(transaction.real.body).items || []).map((entry) => entry.action);
  const expected = ['create', 'update', 'delete', 'restore'];
  if (JSON.stringify(actions) !== JSON.stringify(expected)) {
    transaction.fail = `audit trail ${JSON.stringify(actions)}, expected ${JSON.stringify(expected)}`;
  }
});

hooks.before('/api/v1/patients/{patient_id}/fhir > Read a patient as a FHIR R4 Patient > 200 > application/fhir+json', (transaction) => {
  if (!requirePatient(transaction)) return;
  setPath(transaction, `/api/v1/patients/${state.patientId}/fhir`);
});

hooks.after('/api/v1/patients/{patient_id}/fhir > Read a patient as a FHIR R4 Patient > 200 > application/fhir+json', (transaction) => {
  const resource = JSON.parse(transaction.real.body);
  const etag = header(transaction, 'ETag');
  if (etag !== state.etag || `"${resource.meta && resource.meta.versionId}"` !== etag) {
    transaction.fail = `the FHIR view has ETag ${etag} and versionId ${resource.meta && resource.meta.versionId}; the patient's ETag is ${state.etag}`;
  } else if (resource.id !== state.patientId || resource.name[0].family !== state.family) {
    transaction.fail = 'the FHIR view is not the restored patient';
  }
});

// Replace dredd's body check (which requires optional fields) with the spec's schema.
hooks.beforeEachValidation((transaction) => {
  if (transaction.skip) return;
  const validate = SCHEMA_BY_SUMMARY[summaryOf(transaction)];
  delete transaction.expected.bodySchema;
  delete transaction.expected.body;
  for (const name of Object.keys(transaction.expected.headers || {})) {
    if (OPTIONAL_HEADERS.has(name.toLowerCase())) delete transaction.expected.headers[name];
  }
  if (!validate) return;
  let body;
  try {
    body = JSON.parse(transaction.real.body);
  } catch (error) {
    transaction.fail = `the response body is not JSON: ${error.message}`;
    return;
  }
  if (!validate(body)) {
    transaction.fail = `the response body does not match the spec's schema: ${ajv.errorsText(validate.errors)}`;
  }
});
