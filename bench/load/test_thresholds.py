"""Each rule of thresholds.evaluate can fail a run (python3 -m unittest, from bench/load)."""

import unittest

from thresholds import Endpoint, Totals, evaluate

FAST = [
    Endpoint("GET", "GET /api/v1/patients/{id}", 300, 12.0),
    Endpoint("PUT", "PUT /api/v1/patients/{id}", 50, 40.0),
    Endpoint("POST", "POST /api/v1/patients (setup)", 50, 900.0),
]
ON_TIME = Totals(requests=500, failures=0, duration_s=10.0)


class Evaluate(unittest.TestCase):
    def test_a_fast_complete_run_passes_and_setup_requests_do_not_count(self):
        report, problems = evaluate(FAST, ON_TIME, 50)
        self.assertEqual(problems, [])
        self.assertIn("threshold ok: achieved 50.0 rps (target 50)", report)
        self.assertFalse(any("(setup)" in line for line in report))

    def test_a_slow_get_fails_the_run(self):
        slow = [Endpoint("GET", "GET /api/v1/patients/{id}", 300, 51.0)]
        _, problems = evaluate(slow, ON_TIME, 50)
        self.assertEqual(problems, ["GET GET /api/v1/patients/{id}: 300 requests, p95 51 ms > 50 ms"])

    def test_a_slow_write_fails_the_run(self):
        slow = [Endpoint("POST", "POST /api/v1/patients", 50, 201.0)]
        self.assertEqual(len(evaluate(slow, ON_TIME, 50)[1]), 1)

    def test_latency_is_only_reported_when_not_asserted(self):
        slow = [Endpoint("GET", "GET /api/v1/patients/{id}", 300, 80.0)]
        report, problems = evaluate(slow, ON_TIME, 50, assert_latency=False)
        self.assertEqual(problems, [])
        self.assertTrue(any(line.startswith("threshold not asserted: GET") for line in report))

    def test_failed_requests_fail_the_run_even_when_latency_is_not_asserted(self):
        _, problems = evaluate(FAST, Totals(500, 1, 10.0), 50, assert_latency=False)
        self.assertEqual(problems, ["1 of 500 requests failed"])

    def test_a_load_that_fell_behind_fails_the_run(self):
        _, problems = evaluate(FAST, Totals(440, 0, 10.0), 50, assert_latency=False)
        self.assertEqual(problems, ["achieved 44.0 rps < 90% of the target 50 rps"])

    def test_a_run_without_requests_fails(self):
        self.assertTrue(evaluate([], Totals(0, 0, 0.0), 50)[1])


if __name__ == "__main__":
    unittest.main()
