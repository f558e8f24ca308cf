package backstop.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;

/**
 * CPU time beside elapsed time for the roster, since the machine is shared and wall-clock samples are mostly other
 * work's: the thread's own CPU time per {@code Roster.roster} call (kept lines, as every view after the first of the
 * day), the same for the first view of a day (every line computed), and the process's CPU time per {@code GET
 * /clinic} (server and client threads together). Same data as {@link RosterBenchmark}.
 *
 * <p>{@code java -cp bench/target/benchmarks.jar backstop.bench.RosterCpuTime [sqlite|postgresql-url] [calls]}
 */
public final class RosterCpuTime {
    private RosterCpuTime() {}

    public static void main(String[] args) throws Exception {
        RosterBenchmark bench = new RosterBenchmark();
        bench.patients = 1000;
        bench.database = args.length > 0 ? args[0] : "sqlite";
        int calls = args.length > 1 ? Integer.parseInt(args[1]) : 50;
        bench.setUp();
        try {
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            var process = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
            for (int i = 0; i < 20; i++) {
                bench.rosterService();
                bench.rosterPage();
            }
            long[] cpu = new long[calls];
            long[] wall = new long[calls];
            for (int i = 0; i < calls; i++) {
                long c = threads.getCurrentThreadCpuTime();
                long w = System.nanoTime();
                bench.rosterService();
                cpu[i] = threads.getCurrentThreadCpuTime() - c;
                wall[i] = System.nanoTime() - w;
            }
            print("rosterService (kept lines), thread CPU", cpu, "elapsed", wall);
            int coldCalls = Math.max(5, calls / 5);
            long[] coldCpu = new long[coldCalls];
            long[] coldWall = new long[coldCalls];
            for (int i = 0; i < coldCalls; i++) {
                var fresh = bench.freshRoster();
                long c = threads.getCurrentThreadCpuTime();
                long w = System.nanoTime();
                bench.rosterWith(fresh);
                coldCpu[i] = threads.getCurrentThreadCpuTime() - c;
                coldWall[i] = System.nanoTime() - w;
            }
            print("rosterCold (first view of a day), thread CPU", coldCpu, "elapsed", coldWall);
            long[] pageCpu = new long[calls];
            long[] pageWall = new long[calls];
            for (int i = 0; i < calls; i++) {
                long c = process.getProcessCpuTime();
                long w = System.nanoTime();
                bench.rosterPage();
                pageCpu[i] = process.getProcessCpuTime() - c;
                pageWall[i] = System.nanoTime() - w;
            }
            print("rosterPage, process CPU", pageCpu, "elapsed", pageWall);
        } finally {
            bench.tearDown();
        }
    }

    private static void print(String what, long[] cpu, String other, long[] wall) {
        System.out.printf(
                "%s median %.1f ms p95 %.1f ms; %s median %.1f ms p95 %.1f ms (%d calls)%n",
                what, ms(cpu, 50), ms(cpu, 95), other, ms(wall, 50), ms(wall, 95), cpu.length);
    }

    private static double ms(long[] values, int percentile) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        int index = (int) Math.ceil(percentile / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, index)] / 1e6;
    }
}
