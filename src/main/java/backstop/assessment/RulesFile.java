package backstop.assessment;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The shape of {@code assessment/rules-v<n>.json}, exactly as it is written (docs/formats.md), bound by the one
 * mapper through {@code json.JsonBinding}: an unknown field, a wrong type or a missing field is refused with its path
 * and line before any rule is read. {@link AssessmentRules} then checks what the rules mean. What format 1 does not
 * have (caps, patterns, tie breakers, the words for questions not asked) may be left out.
 */
record RulesFile(
        String version,
        Optional<Integer> format,
        Optional<String> title,
        int activeThreshold,
        Map<String, Integer> kindCaps,
        Optional<Integer> exposureCapWhenDenied,
        Map<String, String> kindCapTexts,
        Map<String, String> sources,
        Map<String, String> urgencyAdvice,
        Map<String, ConditionFile> patterns,
        List<RedFlagFile> redFlags,
        List<NotAskedFile> notAsked,
        List<CauseFile> causes,
        List<ScoringFile> scoring,
        List<TieBreakerFile> tieBreakers,
        List<FindingFile> findings) {

    RulesFile {
        kindCaps = kindCaps == null ? Map.of() : kindCaps;
        kindCapTexts = kindCapTexts == null ? Map.of() : kindCapTexts;
        sources = sources == null ? Map.of() : sources;
        urgencyAdvice = urgencyAdvice == null ? Map.of() : urgencyAdvice;
        patterns = patterns == null ? Map.of() : patterns; // the mapper keeps the file's order
        redFlags = orNone(redFlags);
        notAsked = orNone(notAsked);
        causes = orNone(causes);
        scoring = orNone(scoring);
        tieBreakers = orNone(tieBreakers);
        findings = orNone(findings);
    }

    private static <T> List<T> orNone(List<T> list) {
        return list == null ? List.of() : list;
    }

    record RedFlagFile(String id, String urgency, ConditionFile when, String reason, String action, String source) {}

    record NotAskedFile(String field, String text) {}

    record CauseFile(
            String id,
            String label,
            String source,
            List<String> provokedBy,
            Optional<ConditionFile> deniedWhen,
            Optional<String> deniedText) {
        CauseFile {
            provokedBy = orNone(provokedBy);
        }
    }

    record ScoringFile(
            String id,
            String cause,
            Optional<String> kind,
            ConditionFile when,
            int points,
            String evidence,
            String source) {}

    record TieBreakerFile(List<String> causes, String text) {
        TieBreakerFile {
            causes = orNone(causes);
        }
    }

    record FindingFile(String id, String label, ConditionFile presentWhen, List<EvidenceFile> evidence, String source) {
        FindingFile {
            evidence = orNone(evidence);
        }
    }

    record EvidenceFile(ConditionFile when, String text) {}

    /**
     * A condition as written: exactly one way of testing, with what it needs beside it (see {@link Condition}).
     * {@code value} is any JSON value, since what it must be depends on the field it is compared with.
     */
    record ConditionFile(
            Optional<List<ConditionFile>> all,
            Optional<List<ConditionFile>> any,
            Optional<Integer> atLeast,
            Optional<List<ConditionFile>> of,
            Optional<ConditionFile> not,
            Optional<String> unanswered,
            Optional<List<String>> difference,
            Optional<String> pattern,
            Optional<String> field,
            Optional<String> op,
            Optional<JsonNode> value) {

        ConditionFile {
            // The mapper hands a JSON null for a value left out; here, as everywhere, null means not given.
            value = value == null ? Optional.empty() : value.filter(given -> !given.isNull() && !given.isMissingNode());
        }

        /** How many of the fields are given, so "nothing beside it" can be checked. */
        int given() {
            return (int) Stream.of(all, any, atLeast, of, not, unanswered, difference, pattern, field, op, value)
                    .filter(part -> part != null && part.isPresent())
                    .count();
        }
    }
}
