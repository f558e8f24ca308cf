package backstop.insights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import backstop.diary.Diary;
import backstop.diary.DiaryCsv;
import backstop.diary.Habit;
import backstop.diary.ImportMode;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.math3.distribution.TDistribution;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The regression matches statsmodels, an external reference, to 1e-6. The golden files are made by
 * {@code tools/golden/make_insights_golden.py}, which builds the model from the CSV on its own.
 */
class GoldenRegressionTest {
    private static final double TOLERANCE = 1e-6;

    @ParameterizedTest
    @ValueSource(strings = {"person-1095d-seed101", "person-1095d-seed202-null", "person-180d-seed303"})
    void jointAndAdjustedOneHabitFitsMatchStatsmodels(String name) throws Exception {
        DailySeries series = DailySeries.of(diary(name));
        JsonNode golden = new ObjectMapper().readTree(resource(name + ".golden.json"));
        for (JsonNode model : golden.get("models")) {
            ModelDesign design = model.get("model").asText().equals("joint")
                    ? ModelDesign.of(series, Arrays.asList(Habit.values()))
                    : ModelDesign.of(series, List.of(Habit.DESK_HOURS), others(Habit.DESK_HOURS));
            LeastSquares.Fit fit = LeastSquares.fit(design.x, design.y, design.rows, design.columns);
            TDistribution t = new TDistribution(null, fit.degreesOfFreedom());

            assertThat(design.rows).isEqualTo(model.get("rows").asInt());
            assertThat(design.columns).isEqualTo(model.get("columns").size());
            for (int i = 0; i < design.columns; i++) {
                double p = 2 * t.cumulativeProbability(-Math.abs(fit.coefficients()[i] / fit.standardErrors()[i]));
                String column = model.get("columns").get(i).asText();
                assertThat(fit.coefficients()[i])
                        .as("coefficient of %s", column)
                        .isCloseTo(model.get("params").get(i).asDouble(), within(TOLERANCE));
                assertThat(fit.standardErrors()[i])
                        .as("standard error of %s", column)
                        .isCloseTo(model.get("bse").get(i).asDouble(), within(TOLERANCE));
                assertThat(p)
                        .as("p-value of %s", column)
                        .isCloseTo(model.get("pvalues").get(i).asDouble(), within(TOLERANCE));
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"person-1095d-seed101", "person-1095d-seed202-null", "person-180d-seed303"})
    void theEnginesTriggersCarryTheReferenceNumbers(String name) throws Exception {
        TriggerModel.Result result = TriggerModel.fit(DailySeries.of(diary(name)), InsightSettings.defaults());
        JsonNode golden = new ObjectMapper().readTree(resource(name + ".golden.json"));
        JsonNode model = golden.get("models").get(result.model().equals(TriggerModel.JOINT) ? 0 : 1);
        List<String> columns = new ArrayList<>();
        model.get("columns").forEach(column -> columns.add(column.asText()));

        assertThat(result.model()).isEqualTo(name.contains("1095d") ? TriggerModel.JOINT : TriggerModel.PER_HABIT);
        for (Trigger trigger : result.triggers()) {
            int column = columns.indexOf(trigger.habit() + "_lag" + trigger.lag());
            if (result.model().equals(TriggerModel.PER_HABIT)
                    && !trigger.habit().equals("desk_hours")) {
                continue;
            }
            assertThat(trigger.effect().getAsDouble())
                    .isCloseTo(model.get("params").get(column).asDouble(), within(TOLERANCE));
            assertThat(trigger.pValue().getAsDouble())
                    .isCloseTo(model.get("pvalues").get(column).asDouble(), within(TOLERANCE));
            assertThat(trigger.days()).isEqualTo(model.get("rows").asInt());
        }
    }

    static Diary diary(String name) throws IOException {
        return DiaryCsv.read(resource(name + ".csv"), ImportMode.STRICT).diary();
    }

    private static List<Habit> others(Habit focus) {
        List<Habit> others = new ArrayList<>(Arrays.asList(Habit.values()));
        others.remove(focus);
        return others;
    }

    private static String resource(String file) throws IOException {
        try (InputStream in = GoldenRegressionTest.class.getResourceAsStream("/insights/golden/" + file)) {
            assertThat(in).as(file).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
