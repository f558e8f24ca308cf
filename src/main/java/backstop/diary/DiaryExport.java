package backstop.diary;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.List;
import java.util.Map;

/** Every diary day in the account export, with its current values and every earlier revision. */
public record DiaryExport(@JsonValue List<Day> days) {
    public DiaryExport {
        days = List.copyOf(days);
    }

    /** One day: its date, its values as the diary API names them ({@link DiaryFields}), then its revisions. */
    @JsonPropertyOrder({"date", "values", "revisions"})
    public record Day(String date, @JsonAnyGetter Map<String, Object> values, List<Revision> revisions) {
        public Day {
            revisions = List.copyOf(revisions);
        }
    }

    /** An earlier state of the day. */
    public record Revision(int revision, String savedAt, String savedBy, String source, Map<String, Object> values) {}
}
