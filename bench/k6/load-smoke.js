// The load smoke test of a deployed environment (k6), the same test as bench/load/locustfile.py:
// an open-loop arrival rate (constant-arrival-rate: k6 starts iterations on schedule whether or
// not earlier ones finished), each iteration one request of the mix 60 % GET by id, 20 %
// family-name search, 10 % keyed POST, 10 % PUT with If-Match, on patients it created itself.
// Thresholds are the spec's: p95 GET <= 50 ms, POST/PUT <= 200 ms, no failed request; k6
// exits non-zero when one fails.
//
//   k6 run -e BASE_URL=https://… -e API_KEY=… [-e RATE=50 -e DURATION=60s] bench/k6/load-smoke.js
//
// Bodies are synthetic and carry no phone number; run it only where the data is synthetic.
import http from 'k6/http';
import { check, fail } from 'k6';
import exec from 'k6/execution';

const BASE = __ENV.BASE_URL;
const KEY = __ENV.API_KEY;
const RATE = Number(__ENV.RATE || 50);
const PATIENTS = 50;
const FAMILY = ['Loadtest', 'Benchmark', 'Steadystate', 'Throughput', 'Latency'];

export const options = {
  scenarios: {
    load: {
      executor: 'constant-arrival-rate',
      rate: RATE,
      timeUnit: '1s',
      duration: __ENV.DURATION || '60s',
      preAllocatedVUs: Math.max(10, RATE),
      maxVUs: RATE * 4,
    },
  },
  thresholds: {
    'http_req_duration{kind:get}': ['p(95)<=50'],
    'http_req_duration{kind:search}': ['p(95)<=50'],
    'http_req_duration{kind:post}': ['p(95)<=200'],
    'http_req_duration{kind:put}': ['p(95)<=200'],
    http_req_failed: ['rate==0'],
  },
};

function uuid() {
  return 'xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx'.replace(/[xy]/g, (c) => {
    const r = (Math.random() * 16) | 0;
    return (c === 'x' ? r : (r & 0x3) | 0x8).toString(16);
  });
}

function pick(list) {
  return list[Math.floor(Math.random() * list.length)];
}

function patientBody() {
  return {
    given_name: pick(['Ada', 'Grace', 'Alan', 'Edsger', 'Barbara']),
    middle_name: null,
    family_name: pick(FAMILY),
    date_of_birth: `19${50 + Math.floor(Math.random() * 50)}-0${1 + Math.floor(Math.random() * 9)}-1${Math.floor(Math.random() * 9)}`,
    sex_at_birth: 'unknown',
    gender_identity: 'nonbinary',
    email: `load.${uuid().replace(/-/g, '')}@example.org`,
    address: { line1: `${1 + Math.floor(Math.random() * 9999)} Bench Street`, line2: null, city: 'Springfield',
      state_province: 'IL', postal_code: '62701', country: 'US' },
    preferred_language: 'en-US',
    consent_to_contact: true,
  };
}

function headers(extra) {
  const params = { headers: Object.assign({ 'x-api-key': KEY, 'Content-Type': 'application/json' }, extra.headers),
    tags: extra.tags };
  if (extra.responseCallback) params.responseCallback = extra.responseCallback;
  return params;
}

function create(kind) {
  const body = patientBody();
  const res = http.post(`${BASE}/api/v1/patients`, JSON.stringify(body),
    headers({ headers: { 'Idempotency-Key': uuid() }, tags: { kind } }));
  check(res, { 'create 201': (r) => r.status === 201 });
  return { id: res.json('patient_id'), body };
}

export function setup() {
  if (!BASE || !KEY) fail('set BASE_URL and API_KEY');
  const patients = [];
  for (let i = 0; i < PATIENTS; i++) patients.push(create('setup'));
  return { patients };
}

export default function (data) {
  // Iterations share the setup's patients, so two PUTs on one patient can race: the loser's
  // 412 is the contract working, not a failure.
  const p = data.patients[exec.scenario.iterationInTest % data.patients.length];
  const roll = Math.random();
  if (roll < 0.6) {
    const r = http.get(`${BASE}/api/v1/patients/${p.id}`, headers({ tags: { kind: 'get' } }));
    check(r, { 'get 200': (x) => x.status === 200 });
  } else if (roll < 0.8) {
    const r = http.get(`${BASE}/api/v1/patients?family_name=${pick(FAMILY)}&limit=20`, headers({ tags: { kind: 'search' } }));
    check(r, { 'search 200': (x) => x.status === 200 });
  } else if (roll < 0.9) {
    create('post');
  } else {
    const etag = http.get(`${BASE}/api/v1/patients/${p.id}`, headers({ tags: { kind: 'get' } })).headers.Etag;
    const body = Object.assign({}, p.body, { consent_to_contact: Math.random() < 0.5 });
    const r = http.put(`${BASE}/api/v1/patients/${p.id}`, JSON.stringify(body),
      headers({ headers: { 'If-Match': etag }, tags: { kind: 'put' },
        responseCallback: http.expectedStatuses(200, 412) }));
    check(r, { 'put 200 or lost race 412': (x) => x.status === 200 || x.status === 412 });
  }
}
