// The bearer-token cases of the contract, against a running Patient Service that trusts the
// oauth2-mock-server issuer started by run.sh (oidc-issuer.mjs). Every token comes from that
// issuer through the client-credentials grant. Each error response is checked against the
// spec's Error schema and its documented WWW-Authenticate challenge. Run by run-bearer.sh
// (BASE_URL, OIDC_ISSUER, OIDC_AUDIENCE).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const yaml = require('js-yaml');
const Ajv = require('ajv');
const addFormats = require('ajv-formats');

const HERE = dirname(fileURLToPath(import.meta.url));
const BASE_URL = (process.env.BASE_URL ?? '').replace(/\/+$/, '');
const ISSUER = process.env.OIDC_ISSUER ?? '';
const AUDIENCE = process.env.OIDC_AUDIENCE ?? '';
const spec = yaml.load(readFileSync(join(HERE, '..', 'openapi', 'openapi.yaml'), 'utf8'));
const ajv = new Ajv({ strict: false, allErrors: true });
addFormats(ajv);
ajv.addSchema({ components: spec.components }, 'spec');
const errorSchema = ajv.compile({ $ref: 'spec#/components/schemas/Error' });
const patientSchema = ajv.compile({ $ref: 'spec#/components/schemas/Patient' });
const CLIENT = 'contract-tests-client';

/** An access token from the issuer's token endpoint (client credentials, Basic auth). */
async function token({ scope = 'patient:read patient:write audit:read', audience = AUDIENCE, expired = false } = {}) {
  const discovery = await (await fetch(`${ISSUER}/.well-known/openid-configuration`)).json();
  const body = new URLSearchParams({ grant_type: 'client_credentials', scope, aud: audience });
  if (expired) body.set('expired', '1');
  const response = await fetch(discovery.token_endpoint, {
    method: 'POST',
    headers: { authorization: `Basic ${Buffer.from(`${CLIENT}:secret`).toString('base64')}` },
    body,
  });
  assert.equal(response.status, 200, await response.clone().text());
  const answer = await response.json();
  assert.equal(answer.token_type, 'Bearer');
  return answer.access_token;
}

async function call(method, path, bearer, body) {
  const headers = { authorization: `Bearer ${bearer}` };
  if (body) headers['content-type'] = 'application/json';
  return fetch(`${BASE_URL}${path}`, { method, headers, body: body && JSON.stringify(body) });
}

async function assertError(response, status, code) {
  assert.equal(response.status, status);
  const body = await response.json();
  assert.ok(errorSchema(body), JSON.stringify(errorSchema.errors));
  assert.equal(body.code, code);
}

function patientInput() {
  const body = { ...spec.components.schemas.PatientInput.example };
  body.email = `bearer-${randomUUID()}@example.org`;
  body.phone_e164 = null;
  return body;
}

test('a client-credentials token runs create, read and the audit trail; the actor is the client', async () => {
  const bearer = await token();
  const created = await call('POST', '/api/v1/patients', bearer, patientInput());
  assert.equal(created.status, 201, await created.clone().text());
  const patient = await created.json();
  assert.ok(patientSchema(patient), JSON.stringify(patientSchema.errors));
  const read = await call('GET', `/api/v1/patients/${patient.patient_id}`, bearer);
  assert.equal(read.status, 200);
  const trail = await (await call('GET', `/api/v1/patients/${patient.patient_id}/audit`, bearer)).json();
  assert.equal(trail.items[0].actor, `oidc:${CLIENT}`);
});

test('a token without the needed scope gets 403 insufficient_scope with a bearer challenge', async () => {
  const reader = await token({ scope: 'patient:read' });
  assert.equal((await call('GET', '/api/v1/patients', reader)).status, 200);
  const refused = await call('POST', '/api/v1/patients', reader, patientInput());
  assert.equal(
    refused.headers.get('www-authenticate'),
    'Bearer realm="patient-service", error="insufficient_scope", scope="patient:write"',
  );
  await assertError(refused, 403, 'insufficient_scope');
});

test('tokens that do not verify get 401 with error="invalid_token"', async () => {
  const good = await token();
  const [header, payload, signature] = good.split('.');
  const flipped = signature[0] === 'A' ? `B${signature.slice(1)}` : `A${signature.slice(1)}`;
  const cases = {
    'another audience': await token({ audience: 'some-other-api' }),
    expired: await token({ expired: true }),
    'a tampered signature': `${header}.${payload}.${flipped}`,
    'alg none': `${Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url')}.${payload}.`,
  };
  for (const [name, bad] of Object.entries(cases)) {
    const response = await call('GET', '/api/v1/patients', bad);
    assert.equal(response.headers.get('www-authenticate'), 'Bearer realm="patient-service", error="invalid_token"', name);
    await assertError(response, 401, 'unauthenticated');
  }
});
