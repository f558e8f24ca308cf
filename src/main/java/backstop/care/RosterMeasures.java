package backstop.care;

import backstop.clinic.MeasureMark;
import backstop.clinic.MeasureSummaries;
import backstop.db.Database;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The roster's outcome-measure column: each person's latest answer to each scheduled measure, marked as the chart's
 * series marks it ({@link Measures#seriesOf}): a score measure against the person's first answer and its MCID, a
 * global impression by whether the answer itself counts as meaningful. One query per 500 persons.
 */
public final class RosterMeasures implements MeasureSummaries {
    private static final int BATCH = 500;
    private final Database database;
    private final MeasureDefinitions definitions;

    public RosterMeasures(Database database, MeasureDefinitions definitions) {
        this.database = database;
        this.definitions = definitions;
    }

    private record Answer(long person, String measure, LocalDate day, int score) {}

    @Override
    public Map<Long, List<MeasureMark>> latest(Collection<Long> persons) {
        List<Long> ids = List.copyOf(persons);
        Map<Long, Map<String, Answer[]>> firstAndLast = new HashMap<>();
        for (int i = 0; i < ids.size(); i += BATCH) {
            List<Long> batch = ids.subList(i, Math.min(ids.size(), i + BATCH));
            database.withHandle(handle -> handle.createQuery("""
                            SELECT person_id, measure, day, score_tenths FROM measure_responses
                            WHERE person_id IN (<persons>) ORDER BY person_id, day, id""")
                    .bindList("persons", batch)
                    .map((rs, ctx) -> new Answer(
                            rs.getLong("person_id"),
                            rs.getString("measure"),
                            LocalDate.parse(rs.getString("day")),
                            rs.getInt("score_tenths")))
                    .map(answer -> {
                        Answer[] pair = firstAndLast
                                .computeIfAbsent(answer.person(), p -> new HashMap<>())
                                .computeIfAbsent(answer.measure(), m -> new Answer[2]);
                        if (pair[0] == null) {
                            pair[0] = answer;
                        }
                        pair[1] = answer;
                        return answer;
                    })
                    .list());
        }
        Map<Long, List<MeasureMark>> marks = new HashMap<>();
        firstAndLast.forEach((person, byMeasure) -> {
            List<MeasureMark> list = new ArrayList<>();
            for (MeasureDefinitions.Measure measure : definitions.schedulable()) {
                Answer[] pair = byMeasure.get(measure.id());
                if (pair != null) {
                    mark(measure, pair[0], pair[1]).ifPresent(list::add);
                }
            }
            if (!list.isEmpty()) {
                marks.put(person, list);
            }
        });
        return marks;
    }

    private static Optional<MeasureMark> mark(MeasureDefinitions.Measure measure, Answer first, Answer last) {
        if (measure.kind() == MeasureDefinitions.Kind.CHOICE) {
            return measure.choice(last.score() / 10)
                    .map(choice -> new MeasureMark(
                            measure.id(),
                            measure.name(),
                            last.day(),
                            choice.label(),
                            Optional.empty(),
                            choice.meaningful() ? "better" : ""));
        }
        Optional<String> change = Optional.empty();
        String direction = "";
        if (first != last) {
            int delta = last.score() - first.score();
            change = Optional.of((delta < 0 ? "-" : "+") + Measures.tenths(Math.abs(delta)));
            if (Math.abs(delta) >= measure.mcidTenths()) {
                direction = delta > 0 ? "better" : "worse";
            }
        }
        return Optional.of(new MeasureMark(
                measure.id(), measure.name(), last.day(), Measures.tenths(last.score()) + " of 10", change, direction));
    }
}
