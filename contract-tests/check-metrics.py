"""After the conformance suite: every label on /metrics is from a bounded set.

Thousands of fuzzed requests (schemathesis, dredd) sent names, dates, emails and arbitrary
paths, methods and query strings. No label value may hold any of it: routes must be the
spec's path templates (or `unmatched`, or the docs pages), methods the standard ones (or
`_OTHER`), and every other label a fixed vocabulary. Also checks that the exposition is
well-formed text format and has the RED and pool series.

Usage: check-metrics.py SPEC METRICS_URL   (prints one summary line last)
"""
import re
import sys
import urllib.request

import yaml

SAMPLE = re.compile(r'^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)$')
LABEL = re.compile(r'([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"(?:,|$)')
METHODS = {"GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE", "CONNECT", "_OTHER"}
VOCABULARY = {
    "status_class": {"1xx", "2xx", "3xx", "4xx", "5xx"},
    "state": {"idle", "used"},
    "operation": {"SELECT", "INSERT", "UPDATE", "DELETE", "BEGIN", "COMMIT", "OTHER"},
    "table": {"patients", "audit_log", "idempotency_keys", "seaql_migrations", "other", "none"},
    "outcome": {"ok", "error"},
}
REQUIRED = [
    "http_server_requests_total",
    "http_server_request_duration_seconds_bucket",
    "http_server_active_requests",
    "db_client_connections",
    "db_client_connections_pending_requests",
    "db_client_connection_wait_seconds_bucket",
    "db_client_operation_duration_seconds_bucket",
]


def main(spec_path, url):
    with open(spec_path, encoding="utf-8") as f:
        spec = yaml.safe_load(f)
    routes = set(spec["paths"]) | {"unmatched", "/openapi.yaml", "/docs", "/docs/redoc.standalone.js",
                                   "/docs/redoc.standalone.js.LICENSE.txt"}
    codes = set(re.findall(r"\| `([a-z_]+)` \|", spec["info"]["description"]))
    text = urllib.request.urlopen(url, timeout=10).read().decode("utf-8")
    problems, names, series = [], set(), 0
    for line in text.splitlines():
        if not line or line.startswith("#"):
            continue
        match = SAMPLE.match(line)
        if not match:
            problems.append(f"not a sample line: {line!r}")
            continue
        name, labels, value = match.groups()
        names.add(name)
        series += 1
        float(value.replace("Inf", "inf"))
        for key, val in LABEL.findall(labels or ""):
            if key == "route":
                ok = val in routes
            elif key == "method":
                ok = val in METHODS
            elif key == "code":
                ok = val in codes
            elif key == "le":
                ok = True
            else:
                ok = val in VOCABULARY.get(key, set())
            if not ok:
                problems.append(f"{name}: label {key}={val!r} is outside its bounded set")
    problems += [f"missing series {n}" for n in REQUIRED if n not in names]
    for problem in problems[:20]:
        print(problem)
    if problems:
        print(f"metrics: FAIL ({len(problems)} problems)")
        return 1
    print(f"metrics: PASS ({series} samples, every label bounded)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
