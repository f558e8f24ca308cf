package backstop.assessment;

import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** A person's assessments in the account export: each with the intake exactly as given and the result as shown. */
public record AssessmentExport(@JsonValue List<Item> assessments) {
    public AssessmentExport {
        assessments = List.copyOf(assessments);
    }

    /** One assessment. */
    public record Item(long id, String takenAt, JsonNode intake, AssessmentResult result) {}
}
