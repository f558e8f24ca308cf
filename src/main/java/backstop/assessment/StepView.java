package backstop.assessment;

import backstop.assessment.Questionnaire.Topic;
import backstop.error.FieldError;
import java.util.List;
import java.util.Map;

/** One topic of the intake: its questions, the answers so far and what was wrong with them. */
public record StepView(
        Topic topic,
        int step,
        int steps,
        Map<String, List<String>> answers,
        List<Map.Entry<String, String>> carried,
        List<FieldError> errors) {}
