#!/usr/bin/python3
"""Times statsmodels on the insights regression, for comparison with the JMH benchmark (docs/performance.md).

Uses the same 3-year simulated diary as bench/ (src/test/resources/insights/golden/person-1095d-seed101.csv, seed 101,
the same three planted effects) and the same joint model as tools/golden/make_insights_golden.py. Times, per call:
  * the joint OLS fit with classical standard errors (what Backstop computes),
  * the same fit with Newey-West HAC errors, 7 lags (the textbook method the issue measured),
  * building the design from the daily frame (pandas shifts and dropna).
Run from the repository root:  /usr/bin/python3 tools/bench_statsmodels_insights.py
"""
import os
import sys
import timeit

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "golden"))
import statsmodels.api as sm  # noqa: E402
from make_insights_golden import HABITS, daily_frame, design  # noqa: E402

CSV = os.path.join(os.path.dirname(__file__), "..", "src", "test", "resources", "insights", "golden",
                   "person-1095d-seed101.csv")


def per_call_ms(function, number):
    runs = timeit.repeat(function, number=number, repeat=5)
    return min(runs) / number * 1000


def main():
    frame = daily_frame(CSV)
    y, x = design(frame, HABITS, [])
    yv, xv = y.to_numpy(), x.to_numpy()
    print(f"rows {len(yv)}, columns {xv.shape[1]}, statsmodels {sm.__version__}")
    print(f"OLS fit, classical errors:   {per_call_ms(lambda: sm.OLS(yv, xv).fit(), 200):.3f} ms per fit")
    print("OLS fit, HAC errors 7 lags:  "
          f"{per_call_ms(lambda: sm.OLS(yv, xv).fit(cov_type='HAC', cov_kwds={'maxlags': 7}), 200):.3f} ms per fit")
    print(f"design from the daily frame: {per_call_ms(lambda: design(frame, HABITS, []), 50):.3f} ms per build")


if __name__ == "__main__":
    main()
