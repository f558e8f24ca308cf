#!/usr/bin/python3
"""Backstop's insight report against the statsmodels analysis of the same diary, alternately, in one run.

Prints both times and the ratio (statsmodels time / Backstop time) for each round and the median over the rounds.
The machine may be shared with other work: the two sides run in turn, round after round, so a busy minute slows
both rather than one.

Three comparisons:
  parsed  from data already parsed: Backstop's full report (Insights.report on the parsed Diary, plan start after
          548 days, as bench/InsightReportBenchmark) against statsmodels' whole analysis from the parsed CSV frame:
          the daily frame (calendar reindex, sleep-position contrasts), the design (pandas shifts, weekday dummies,
          dropna) and the OLS fit with Newey-West HAC errors, 7 lags (make_insights_golden's daily_frame and design).
  file    the same from the CSV file: Backstop reads, parses and checks it (DiaryCsv, strict) and reports;
          statsmodels adds pandas.read_csv.
  cli     `backstop insights --diary F1 .. Fn` over many simulated 3-year diaries on one core (taskset -c 0):
          the per-report slope between 100 and 400 files (--small, --large), so JVM start-up drops out (JSON
          output to /dev/null included), against statsmodels' read_csv + analysis per file (over 400 of the same
          files) on the same core.
Each comparison prints the median of the per-round ratios and the ratio of each side's fastest round, for elapsed
time and for CPU time (the Java thread's or the JVM process's user + system time, Python's process time). On a busy
machine the elapsed time also counts the time the process waited for a core; CPU time counts only its own work
(caches and memory bandwidth shared with the other work still slow it).

Run from the repository root after `mvn -q -DskipTests package` (needs python3-statsmodels, taskset):
    /usr/bin/python3 tools/side_by_side_insights.py            # parsed and file, 7 rounds
    /usr/bin/python3 tools/side_by_side_insights.py --cli      # also the CLI slope, 3 rounds
Both sides are single-threaded: BLAS is held to one thread here, and the Java report runs on one thread.
"""
import argparse
import os
import statistics
import subprocess
import sys
import time

for variable in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(variable, "1")

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "golden"))
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
import statsmodels.api as sm  # noqa: E402
from make_insights_golden import HABITS, design  # noqa: E402

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), ".."))
JAR = os.environ.get("BACKSTOP_JAR", os.path.join(ROOT, "target", "backstop.jar"))  # another build to compare
CSV = os.path.join(ROOT, "src", "test", "resources", "insights", "golden", "person-1095d-seed101.csv")
TIMING = os.path.join(ROOT, "tools", "InsightsTiming.java")


def frame_of(raw):
    """make_insights_golden.daily_frame from the parsed CSV frame (the part after read_csv)."""
    raw = raw.set_index("date").sort_index()
    days = pd.date_range(raw.index.min(), raw.index.max(), freq="D")
    frame = raw.reindex(days)
    out = pd.DataFrame(index=days)
    out["pain_pm"] = frame["pain_pm"].astype(float)
    for habit in HABITS[:7]:
        out[habit] = frame[habit].astype(float)
    for position in ["side", "stomach", "mixed"]:
        slept = frame["sleep_position"]
        out["sleep_position=" + position] = np.where(slept.isna(), np.nan, (slept == position).astype(float))
    return out


def read_raw(path):
    return pd.read_csv(path, parse_dates=["date"], keep_default_na=False, na_values=[""], dtype={"note": str})


def analysis(raw):
    y, x = design(frame_of(raw), HABITS, [])
    return sm.OLS(y.to_numpy(), x.to_numpy()).fit(cov_type="HAC", cov_kwds={"maxlags": 7})


def python_ms(function, n):
    """Elapsed and CPU milliseconds per call."""
    start, cpu = time.perf_counter(), time.process_time()
    for _ in range(n):
        function()
    return (time.perf_counter() - start) * 1000 / n, (time.process_time() - cpu) * 1000 / n


class JavaSide:
    def __init__(self):
        self.process = subprocess.Popen(["java", "-cp", JAR, TIMING, "serve", CSV], stdin=subprocess.PIPE,
                                        stdout=subprocess.PIPE, text=True, cwd=ROOT)

    def ms(self, command, n):
        self.process.stdin.write(f"{command} {n}\n")
        self.process.stdin.flush()
        while True:  # skip anything else the jar prints (log lines)
            line = self.process.stdout.readline()
            if not line:
                raise RuntimeError("the Java side stopped")
            if line.startswith("ms "):
                wall, cpu = line[3:].split()
                return float(wall), float(cpu)

    def close(self):
        self.process.stdin.write("quit\n")
        self.process.stdin.flush()
        self.process.wait()


def show(label, java, python):
    ratios = [p / j for j, p in zip(java, python)]
    print(f"{label}: Backstop {statistics.median(java):.3f} ms (rounds {min(java):.3f}-{max(java):.3f}), "
          f"statsmodels {statistics.median(python):.3f} ms ({min(python):.3f}-{max(python):.3f}), "
          f"ratio {statistics.median(ratios):.1f}x (rounds {min(ratios):.1f}-{max(ratios):.1f}x); "
          f"best of each side {min(python) / min(java):.1f}x")


def in_process(rounds):
    raw = read_raw(CSV)
    check = analysis(raw)
    print(f"diary {os.path.relpath(CSV, ROOT)}: {int(check.nobs)} rows x {len(check.params)} parameters, "
          f"statsmodels {sm.__version__}, pandas {pd.__version__}")
    java = JavaSide()
    try:
        for command in ("report", "file"):  # warm-up: JIT and caches
            for _ in range(10):
                java.ms(command, 200)
        results = {label: ([], [], [], []) for label in ("parsed", "file")}
        for round_number in range(1, rounds + 1):
            for label, command, function in (("parsed", "report", lambda: analysis(raw)),
                                             ("file", "file", lambda: analysis(read_raw(CSV)))):
                j, j_cpu = java.ms(command, 500)
                p, p_cpu = python_ms(function, 50)
                for series, value in zip(results[label], (j, p, j_cpu, p_cpu)):
                    series.append(value)
                print(f"  round {round_number} {label:6}: Backstop {j:.3f} ms ({j_cpu:.3f} CPU), statsmodels "
                      f"{p:.3f} ms ({p_cpu:.3f} CPU), ratio {p / j:.1f}x ({p_cpu / j_cpu:.1f}x CPU)", flush=True)
    finally:
        java.close()
    for label, (j, p, j_cpu, p_cpu) in results.items():
        show(label + ", elapsed", j, p)
        show(label + ", CPU time", j_cpu, p_cpu)


def cli_seconds(files):
    """Elapsed and CPU (user + system) seconds of one `backstop insights` run on core 0."""
    start = time.perf_counter()
    process = subprocess.Popen(["taskset", "-c", "0", "java", "-jar", JAR, "insights", "--diary", *files],
                               stdout=subprocess.DEVNULL, cwd=ROOT)
    _, status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        raise RuntimeError(f"backstop insights exited with {process.returncode}")
    return time.perf_counter() - start, usage.ru_utime + usage.ru_stime


def python_cli_ms(files):
    start, cpu = time.perf_counter(), time.process_time()
    for path in files:
        analysis(read_raw(path))
    return (time.perf_counter() - start) * 1000 / len(files), (time.process_time() - cpu) * 1000 / len(files)


def cli(rounds, roster, small, large):
    files = sorted(os.path.join(roster, name) for name in os.listdir(roster)) if os.path.isdir(roster) else []
    if len(files) < large:
        subprocess.run(["java", "-cp", JAR, TIMING, "roster", str(large), roster], check=True, cwd=ROOT)
        files = sorted(os.path.join(roster, name) for name in os.listdir(roster))
    files = files[:large]
    os.sched_setaffinity(0, {0})  # the Python side on the same single core
    java, python, java_cpu, python_cpu, smalls, larges = [], [], [], [], [], []
    for round_number in range(1, rounds + 1):
        few, few_cpu = cli_seconds(files[:small])
        many, many_cpu = cli_seconds(files)
        slope = (many - few) * 1000 / (large - small)
        slope_cpu = (many_cpu - few_cpu) * 1000 / (large - small)
        p, p_cpu = python_cli_ms(files[:400])
        java.append(slope)
        python.append(p)
        java_cpu.append(slope_cpu)
        python_cpu.append(p_cpu)
        smalls.append(few)
        larges.append(many)
        print(f"  round {round_number} cli: {small} files {few:.2f} s ({few_cpu:.2f} CPU), {large} files {many:.2f} s "
              f"({many_cpu:.2f} CPU) -> Backstop {slope:.3f} ms per report ({slope_cpu:.3f} CPU); statsmodels "
              f"read_csv + analysis {p:.3f} ms per file ({p_cpu:.3f} CPU, over 400); ratio {p / slope:.1f}x "
              f"({p_cpu / slope_cpu:.1f}x CPU)", flush=True)
    show("cli per report, one core, elapsed", java, python)
    show("cli per report, one core, CPU time", java_cpu, python_cpu)
    best = (min(larges) - min(smalls)) * 1000 / (large - small)
    print(f"cli, fastest run of each size: Backstop {best:.3f} ms per report, statsmodels {min(python):.3f} ms, "
          f"ratio {min(python) / best:.1f}x")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--cli", action="store_true", help="also time backstop insights over 100 and 400 files")
    parser.add_argument("--cli-only", action="store_true", help="only the CLI comparison")
    parser.add_argument("--cli-rounds", type=int, default=3)
    parser.add_argument("--roster", default="/tmp/backstop-roster-1095d", help="where the simulated files live")
    parser.add_argument("--small", type=int, default=100, help="files in the short CLI run")
    parser.add_argument("--large", type=int, default=400, help="files in the long CLI run (more: a steadier slope)")
    args = parser.parse_args()
    print(f"load average before: {os.getloadavg()[0]:.2f} {os.getloadavg()[1]:.2f} {os.getloadavg()[2]:.2f}")
    if not args.cli_only:
        in_process(args.rounds)
    if args.cli or args.cli_only:
        cli(args.cli_rounds, args.roster, args.small, args.large)
    print(f"load average after: {os.getloadavg()[0]:.2f} {os.getloadavg()[1]:.2f} {os.getloadavg()[2]:.2f}")


if __name__ == "__main__":
    main()
