package backstop.assessment;

import backstop.json.Doc;
import java.util.List;
import java.util.Optional;

/**
 * The shape of {@code assessment/questions-v<N>.json}, exactly as it is written, bound by the one mapper through
 * {@code json.JsonBinding}: an unknown, mistyped or missing field is refused with its path and line before
 * {@link Questionnaire} checks the questions against the intake schema. {@code intake_version} is absent in version
 * 1, whose intake had none.
 */
record QuestionsFile(
        String version,
        Optional<Integer> intakeVersion,
        String intakeSchema,
        @Doc(minItems = 1) List<TopicFile> topics) {

    record TopicFile(
            String id,
            String title,
            String intro,
            boolean redFlagScreen,
            @Doc(minItems = 1) List<QuestionFile> questions) {}

    /** {@code kind} stays text here so that a wrong one is named with the kinds there are (see Questionnaire). */
    record QuestionFile(
            String field,
            String kind,
            String label,
            String help,
            Optional<Integer> min,
            Optional<Integer> max,
            Optional<String> unit,
            Optional<List<OptionFile>> options,
            Optional<String> onlyIfYes) {}

    record OptionFile(String value, String label) {}
}
