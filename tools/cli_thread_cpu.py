#!/usr/bin/python3
"""CPU time per thread of one `backstop insights --files-from LIST` run on core 0, by thread name.

Shows how a CLI report's CPU divides between the worker thread, the JIT compiler threads (C1, C2), the main thread
that writes the lines, and the garbage collector. Reads /proc/PID/task/*/stat every 0.1 s and keeps each thread's
last reading, so a thread that ends before the process loses at most its last 0.1 s.

    /usr/bin/python3 tools/cli_thread_cpu.py target/backstop.jar /tmp/files1000.txt
    /usr/bin/python3 tools/cli_thread_cpu.py target/backstop.jar /tmp/files4000.txt   # the difference / 3000: per report
"""
import collections
import os
import subprocess
import sys
import time


def main(jar, files):
    process = subprocess.Popen(["taskset", "-c", "0", "java", "-jar", jar, "insights", "--files-from", files],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    tick = os.sysconf("SC_CLK_TCK")
    last = {}
    while process.poll() is None:
        try:
            threads = os.listdir(f"/proc/{process.pid}/task")
        except FileNotFoundError:
            break
        for tid in threads:
            try:
                stat = open(f"/proc/{process.pid}/task/{tid}/stat").read()
            except (FileNotFoundError, ProcessLookupError):
                continue
            name = stat[stat.index("(") + 1:stat.rindex(")")]
            fields = stat[stat.rindex(")") + 2:].split()
            last[tid] = (name, (int(fields[11]) + int(fields[12])) / tick)  # utime + stime
        time.sleep(0.1)
    total = collections.Counter()
    for name, cpu in last.values():
        group = ("C2" if name.startswith("C2") else "C1" if name.startswith("C1")
                 else "GC" if "GC" in name or name.startswith("VM Thread") else name)
        total[group] += cpu
    print(files, {name: round(cpu, 2) for name, cpu in total.most_common(8)}, "sum", round(sum(total.values()), 2))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
