package backstop.insights;

import backstop.diary.*;
import java.util.*;
import org.junit.jupiter.api.Test;

class ProbeTest {
    @Test
    void probe() {
        List<Effect> planted = List.of(Effect.parse("desk_hours:0:0.3"), Effect.parse("stress:0:0.2"), Effect.parse("sleep_quality:1:-0.15"));
        for (int days : new int[] {90, 180, 365, 1095}) {
            long start = System.nanoTime();
            int people = 300;
            int[] cover = new int[3];
            double[] mean = new double[3];
            int joint = 0, anyFalse = 0, simNs = 0;
            long simTime = 0;
            for (int seed = 0; seed < people; seed++) {
                long s0 = System.nanoTime();
                SimulatedPerson p = DiarySimulator.simulate(SimulatorSettings.defaults(days, 1000 + seed).withEffects(planted));
                SimulatedPerson nul = DiarySimulator.simulate(SimulatorSettings.defaults(days, 5000 + seed));
                simTime += System.nanoTime() - s0;
                TriggerModel.Result r = TriggerModel.fit(DailySeries.of(p.diary()), InsightSettings.defaults());
                if (r.model().equals("joint")) joint++;
                for (int e = 0; e < 3; e++) {
                    Effect ef = planted.get(e);
                    Trigger t = r.triggers().stream().filter(x -> x.habit().equals(ef.habit().key()) && x.lag() == ef.lag()).findFirst().get();
                    if (t.effect().isEmpty()) { simNs++; continue; }
                    if (t.ciLow().getAsDouble() <= ef.size() && ef.size() <= t.ciHigh().getAsDouble()) cover[e]++;
                    mean[e] += t.effect().getAsDouble() / people;
                }
                TriggerModel.Result n = TriggerModel.fit(DailySeries.of(nul.diary()), InsightSettings.defaults());
                if (n.triggers().stream().anyMatch(Trigger::significant)) anyFalse++;
            }
            System.out.printf("days %d cover %d %d %d of %d mean %.3f %.3f %.3f joint %d anyFalse %d insuff %d  %d ms (sim %d ms)%n", days, cover[0], cover[1], cover[2], people, mean[0], mean[1], mean[2], joint, anyFalse, simNs, (System.nanoTime() - start) / 1000000, simTime / 1000000);
        }
    }
}
