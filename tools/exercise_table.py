"""Prints the exercise table of docs/clinical.md from the catalogue data, so the two never drift apart:

    python3 tools/exercise_table.py > /tmp/table.md   # then paste between the markers in the doc
"""
import json
import pathlib

ROOT = pathlib.Path(__file__).resolve().parent.parent / "src/main/resources/exercise/exercises"


def dose_text(d):
    work = f"{d['sets']} x {d['reps']}"
    if d.get("hold_seconds"):
        work += f", hold {d['hold_seconds']} s"
    if d.get("each_side"):
        work += " each side"
    return f"{work}; {d['times']}/{d['per']}; ~{d['estimated_seconds']} s"


def step_text(s):
    return f"-> `{s['exercise']}`" if "exercise" in s else "dose: " + ", ".join(f"{k} {v}" for k, v in s["dose"].items())


print("| Exercise id | Causes | Category | Starting dose | Progressions | Regressions | Source keys |")
print("|---|---|---|---|---|---|---|")
for path in sorted(ROOT.glob("*.json"), key=lambda p: p.stem):
    e = json.loads(path.read_text(encoding="utf-8"))
    print(f"| `{e['id']}` | {', '.join(e['causes'])} | {e['category']} | {dose_text(e['dose'])} | "
          f"{'; '.join(step_text(s) for s in e['progressions'])} | {'; '.join(step_text(s) for s in e['regressions'])} | "
          f"{', '.join(e['sources'])} |")
