#!/usr/bin/python3
"""Golden files for the insights regression, computed by statsmodels as an external reference.

The Java test backstop.insights.GoldenRegressionTest fits the same models with Backstop's own least squares and
requires coefficients, standard errors and p-values to match these files to 1e-6.

The model (docs/formats.md) is built here from the CSV independently of the Java code:
    pain_pm[t] = c + phi * pain_pm[t-1] + sum_h sum_{lag=0..2} beta[h,lag] * habit_h[t-lag] + day-of-week + e[t]
on complete rows only (every value the row needs was recorded; nothing is filled in), with Monday as the reference
weekday and sleep position as 0/1 contrasts side, stomach, mixed against back. Classical OLS standard errors,
p-values from t(n - k).

Models written for each diary:
  joint                 every habit at lags 0, 1, 2
  per_habit:desk_hours  desk_hours at lags 0, 1, 2, adjusted for the other habits on the same day (lag 0)

Regenerate (from the repository root), after installing the Debian package:
    apt-get install -y python3-statsmodels
    /usr/bin/python3 tools/golden/make_insights_golden.py
It reads every src/test/resources/insights/golden/*.csv and writes <name>.golden.json next to each. The CSVs are
simulated diaries written by the diary simulator with fixed seeds, i.e. DiarySimulator.simulateToCsv(days, seed,
effects) (the CLI's `backstop simulate --days N --seed S --effect ...`):
    person-1095d-seed101.csv       1095 days, seed 101, desk_hours:0:0.3 stress:0:0.2 sleep_quality:1:-0.15
    person-1095d-seed202-null.csv  1095 days, seed 202, no effects
    person-180d-seed303.csv        180 days, seed 303, the same three effects
"""
import glob
import json
import os

import numpy as np
import pandas as pd
import statsmodels.api as sm

HABITS = ["desk_hours", "longest_sit_min", "breaks", "exercise_min", "stress", "sleep_quality", "arm_load",
          "sleep_position=side", "sleep_position=stomach", "sleep_position=mixed"]
WEEKDAYS = ["tue", "wed", "thu", "fri", "sat", "sun"]


def daily_frame(path):
    raw = pd.read_csv(path, parse_dates=["date"], keep_default_na=False, na_values=[""], dtype={"note": str})
    raw = raw.set_index("date").sort_index()
    days = pd.date_range(raw.index.min(), raw.index.max(), freq="D")
    frame = raw.reindex(days)  # missing days become NaN rows: they are never filled in
    out = pd.DataFrame(index=days)
    out["pain_pm"] = frame["pain_pm"].astype(float)
    for habit in HABITS[:7]:
        out[habit] = frame[habit].astype(float)
    for position in ["side", "stomach", "mixed"]:
        slept = frame["sleep_position"]
        out["sleep_position=" + position] = np.where(slept.isna(), np.nan, (slept == position).astype(float))
    return out


def design(frame, lagged, same_day):
    columns = {"const": pd.Series(1.0, index=frame.index), "pain_pm_lag1": frame["pain_pm"].shift(1)}
    for habit in lagged:
        for lag in range(3):
            columns[f"{habit}_lag{lag}"] = frame[habit].shift(lag)
    for habit in same_day:
        columns[f"{habit}_lag0"] = frame[habit]
    weekday = frame.index.dayofweek
    for number, name in enumerate(WEEKDAYS, start=1):
        columns[name] = pd.Series((weekday == number).astype(float), index=frame.index)
    x = pd.DataFrame(columns)
    data = pd.concat([frame["pain_pm"].rename("y"), x], axis=1).dropna()
    return data["y"], data.drop(columns="y")


def fit(name, y, x):
    result = sm.OLS(y.to_numpy(), x.to_numpy()).fit()
    return {
        "model": name,
        "rows": int(result.nobs),
        "columns": list(x.columns),
        "params": [float(v) for v in result.params],
        "bse": [float(v) for v in result.bse],
        "pvalues": [float(v) for v in result.pvalues],
        "df_resid": float(result.df_resid),
        "sigma2": float(result.scale),
    }


def main():
    root = os.path.join(os.path.dirname(__file__), "..", "..", "src", "test", "resources", "insights", "golden")
    for path in sorted(glob.glob(os.path.join(root, "*.csv"))):
        frame = daily_frame(path)
        models = [fit("joint", *design(frame, HABITS, [])),
                  fit("per_habit:desk_hours", *design(frame, ["desk_hours"], HABITS[1:]))]
        target = path[:-len(".csv")] + ".golden.json"
        with open(target, "w", encoding="utf-8") as out:
            json.dump({"diary": os.path.basename(path), "statsmodels": sm.__version__, "models": models}, out,
                      indent=1)
            out.write("\n")
        print(target, [m["rows"] for m in models])


if __name__ == "__main__":
    main()
