package backstop.assessment;

import backstop.json.Json;
import backstop.json.JsonBinding;
import backstop.model.Cause;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The red-flag and cause-scoring rules, read from {@code assessment/rules-v2.json} and checked as a whole at
 * start-up: every field path, operator, cause, finding, urgency and source key, and the weighting principle that
 * what provokes the pain counts for more than how much of the day is exposed to it. A broken file stops the
 * application with the full list of problems, because a wrong rule would give people wrong advice.
 *
 * <p>Earlier rule files stay in the jar and still load ({@link #version(int)}), so a stored assessment can be
 * explained by the rules that made it.
 */
public final class AssessmentRules {
    /** The rules new assessments are made with. */
    public static final int CURRENT = 2;

    static final String RESOURCE = resource(CURRENT);

    /** How a scoring rule reads the answers; the weights are kept apart by kind (see docs/clinical.md). */
    enum Kind {
        /** What brings the pain on or makes it worse. */
        PROVOCATION,
        /** What eases it. */
        RELIEF,
        /** Where it is, how it feels, when it comes. */
        PATTERN,
        /** How much of the day carries the load; capped, because exposure alone does not show a cause. */
        EXPOSURE,
        /** Answers that speak against the cause; always negative points. */
        AGAINST,
        /** Rules files before format 2 did not sort their rules; nothing is capped for them. */
        UNCLASSIFIED;

        String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    record RedFlagRule(String id, Urgency urgency, Condition when, String reason, String action, String source) {}

    /**
     * A cause with the factors that provoke it ({@code provokedBy}, fields whose answer "worse" points to it) and
     * the answers that deny any provocation ({@code deniedWhen}); then its exposure counts for less.
     */
    record CauseDefinition(
            Cause cause,
            String label,
            String source,
            List<String> provokedBy,
            Optional<Condition> deniedWhen,
            String deniedText) {
        CauseDefinition {
            provokedBy = List.copyOf(provokedBy);
        }
    }

    record ScoringRule(String id, Cause cause, Kind kind, Condition when, int points, String evidence, String source) {}

    record FindingEvidence(Condition when, String text) {}

    record FindingRule(
            FindingKind kind, String label, Condition presentWhen, List<FindingEvidence> evidence, String source) {
        FindingRule {
            evidence = List.copyOf(evidence);
        }
    }

    /** What would tell two causes apart when they score the same. */
    record TieBreaker(Set<Cause> causes, String text) {
        TieBreaker {
            causes = Set.copyOf(causes);
        }
    }

    /** A red-flag question an older intake did not ask, in words for the result. */
    record NotAskedQuestion(String field, String text) {}

    /**
     * How many points each kind may add to a cause at most, the exposure cap when the person's answers deny that the
     * cause's provoking factors make the pain worse, and the words shown when a cap takes points away. Rules before
     * format 2 have no caps.
     */
    record Caps(Map<Kind, Integer> caps, int exposureWhenDenied, Map<Kind, String> texts) {
        Caps {
            caps = Map.copyOf(caps);
            texts = Map.copyOf(texts);
        }

        static Caps none() {
            return new Caps(Map.of(), 100, Map.of());
        }

        int cap(Kind kind) {
            return caps.getOrDefault(kind, 100);
        }
    }

    /** The kinds whose points are capped, in the order their caps are explained. */
    static final List<Kind> CAPPED = List.of(Kind.PROVOCATION, Kind.RELIEF, Kind.PATTERN, Kind.EXPOSURE);

    private final String version;
    private final int format;
    private final int activeThreshold;
    private final Caps caps;
    private final Map<String, String> sources;
    private final Map<Urgency, String> urgencyAdvice;
    private final List<RedFlagRule> redFlags;
    private final List<CauseDefinition> causes;
    private final List<ScoringRule> scoring;
    private final List<FindingRule> findings;
    private final List<TieBreaker> tieBreakers;
    private final List<NotAskedQuestion> notAsked;

    private AssessmentRules(Builder built) {
        this.version = built.version;
        this.format = built.format;
        this.activeThreshold = built.threshold;
        this.caps = built.caps;
        this.sources = Map.copyOf(built.sources);
        this.urgencyAdvice = Map.copyOf(built.advice);
        this.redFlags = List.copyOf(built.redFlags);
        this.causes = List.copyOf(built.causes);
        this.scoring = List.copyOf(built.scoring);
        this.findings = List.copyOf(built.findings);
        this.tieBreakers = List.copyOf(built.tieBreakers);
        this.notAsked = List.copyOf(built.notAsked);
    }

    /**
     * Reads and checks the current rules shipped in the jar.
     *
     * @throws IllegalStateException listing every problem when the rules file is not sound
     */
    public static AssessmentRules load() {
        return version(CURRENT);
    }

    /**
     * Reads and checks one version of the rules shipped in the jar, against the intake it was written for.
     *
     * @throws IllegalArgumentException for a version there never was
     * @throws IllegalStateException listing every problem when the rules file is not sound
     */
    public static AssessmentRules version(int version) {
        if (version < 1 || version > CURRENT) {
            throw new IllegalArgumentException("there are no assessment rules version " + version);
        }
        IntakeSchema schema = version == 1 ? IntakeSchema.version(1) : IntakeSchema.answers();
        return parse(Json.resourceText(resource(version)), schema);
    }

    static String resource(int version) {
        return "/assessment/rules-v" + version + ".json";
    }

    /** The version stored with every result, so an old assessment can be read against the rules that made it. */
    public String version() {
        return version;
    }

    /** A cause at or above this score is reported as active. */
    public int activeThreshold() {
        return activeThreshold;
    }

    int format() {
        return format;
    }

    Caps caps() {
        return caps;
    }

    Map<String, String> sources() {
        return sources;
    }

    String advice(Urgency urgency) {
        return urgencyAdvice.get(urgency);
    }

    List<RedFlagRule> redFlags() {
        return redFlags;
    }

    List<CauseDefinition> causes() {
        return causes;
    }

    List<ScoringRule> scoring() {
        return scoring;
    }

    List<FindingRule> findings() {
        return findings;
    }

    List<TieBreaker> tieBreakers() {
        return tieBreakers;
    }

    List<NotAskedQuestion> notAsked() {
        return notAsked;
    }

    /** Collects what {@link #parse} reads, so the constructor does not take a dozen arguments. */
    private static final class Builder {
        String version;
        int format;
        int threshold;
        Caps caps;
        final Map<String, String> sources = new LinkedHashMap<>();
        final Map<Urgency, String> advice = new EnumMap<>(Urgency.class);
        final Map<String, Condition> patterns = new LinkedHashMap<>();
        final List<RedFlagRule> redFlags = new ArrayList<>();
        final List<CauseDefinition> causes = new ArrayList<>();
        final List<ScoringRule> scoring = new ArrayList<>();
        final List<FindingRule> findings = new ArrayList<>();
        final List<TieBreaker> tieBreakers = new ArrayList<>();
        final List<NotAskedQuestion> notAsked = new ArrayList<>();
    }

    /**
     * Binds a rules file to {@link RulesFile} (its shape: unknown, mistyped and missing fields, each with its path
     * and line) and then checks what the rules mean against the intake they were written for.
     *
     * @throws IllegalStateException listing every problem
     */
    static AssessmentRules parse(String text, IntakeSchema schema) {
        JsonBinding.Bound<RulesFile> bound = JsonBinding.bind(text, RulesFile.class);
        if (!bound.problems().isEmpty()) {
            throw unsound(bound.problems().stream()
                    .map(problem -> (problem.path().isEmpty() ? "the file" : problem.path()) + " " + problem.message()
                            + " (line " + problem.line() + ")")
                    .toList());
        }
        return check(bound.value().orElseThrow(), bound.lines(), schema);
    }

    private static IllegalStateException unsound(List<String> problems) {
        return new IllegalStateException("assessment rules are not sound (" + problems.size() + " problems):\n  "
                + String.join("\n  ", problems));
    }

    private static AssessmentRules check(RulesFile root, JsonBinding.Lines lines, IntakeSchema schema) {
        List<String> problems = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        Builder built = new Builder();

        built.version = text(root.version(), "version", "rules", problems);
        built.format = root.format().orElse(1);
        if (built.format != 1 && built.format != 2) {
            problems.add("format must be 1 or 2");
        }
        boolean current = built.format >= 2;
        built.threshold = root.activeThreshold();
        if (built.threshold < 1 || built.threshold > 100) {
            problems.add("active_threshold must be a whole number from 1 to 100");
        }
        built.caps = current ? caps(root, built.threshold, problems) : Caps.none();

        built.sources.putAll(root.sources());
        built.sources.forEach((key, citation) -> {
            if (citation.isBlank()) {
                problems.add("source " + key + " has no citation");
            }
        });

        for (Urgency urgency : Urgency.values()) {
            built.advice.put(
                    urgency,
                    text(
                            root.urgencyAdvice().getOrDefault(urgency.key(), ""),
                            urgency.key(),
                            "urgency_advice",
                            problems));
        }

        root.patterns()
                .forEach((name, condition) -> built.patterns.put(
                        name,
                        Condition.parse(
                                condition,
                                schema,
                                built.patterns,
                                "pattern " + name + at(lines, "patterns." + name),
                                problems)));

        readRedFlags(root, lines, schema, built, ids, problems);
        readCauses(root, lines, schema, built, current, problems);
        readScoring(root, lines, schema, built, ids, current, problems);
        readFindings(root, lines, schema, built, problems);
        if (current) {
            readTieBreakers(root, lines, built, problems);
            readNotAsked(root, lines, built, problems);
        }

        if (!problems.isEmpty()) {
            throw unsound(problems);
        }
        return new AssessmentRules(built);
    }

    /** Where a part of the file starts, for the messages about it. */
    private static String at(JsonBinding.Lines lines, String path) {
        return " (line " + lines.line(path) + ")";
    }

    private static Caps caps(RulesFile root, int threshold, List<String> problems) {
        Map<Kind, Integer> caps = new EnumMap<>(Kind.class);
        Map<Kind, String> texts = new EnumMap<>(Kind.class);
        int total = 0;
        for (Kind kind : CAPPED) {
            Integer cap = root.kindCaps().get(kind.key());
            if (cap == null || cap < 0 || cap > 100) {
                problems.add("kind_caps." + kind.key() + " must be a whole number from 0 to 100");
            }
            int value = cap == null ? 0 : cap;
            caps.put(kind, value);
            total += value;
            String text =
                    text(root.kindCapTexts().getOrDefault(kind.key(), ""), kind.key(), "kind_cap_texts", problems);
            if (!text.contains("{cap}")) {
                problems.add("kind_cap_texts." + kind.key() + " must show the cap as {cap}");
            }
            texts.put(kind, text);
        }
        // The scale separates: even a person with every sign of a cause stays below the top of the scale.
        if (total >= 100) {
            problems.add("the kind caps add up to " + total + "; they must stay below 100 so scores do not pile up"
                    + " at the top");
        }
        if (caps.get(Kind.EXPOSURE) >= threshold) {
            problems.add("the exposure cap must stay below the active threshold, so exposure alone never makes a"
                    + " cause active");
        }
        if (caps.get(Kind.PROVOCATION) <= caps.get(Kind.EXPOSURE)) {
            problems.add("the provocation cap must be above the exposure cap: provocation weighs more");
        }
        int denied = root.exposureCapWhenDenied().orElse(-1);
        if (denied < 0 || denied > caps.get(Kind.EXPOSURE)) {
            problems.add("exposure_cap_when_denied must be from 0 to the exposure cap");
        }
        return new Caps(caps, denied, texts);
    }

    private static void readRedFlags(
            RulesFile root,
            JsonBinding.Lines lines,
            IntakeSchema schema,
            Builder built,
            Set<String> ids,
            List<String> problems) {
        for (int i = 0; i < root.redFlags().size(); i++) {
            RulesFile.RedFlagFile node = root.redFlags().get(i);
            String id = text(node.id(), "id", "red flag", problems);
            String where = "red flag " + id + at(lines, "red_flags[" + i + "]");
            unique(id, ids, problems);
            Urgency urgency = Urgency.SELF_CARE;
            try {
                urgency = Urgency.fromKey(node.urgency());
            } catch (IllegalArgumentException e) {
                problems.add(where + ": " + e.getMessage());
            }
            if (urgency == Urgency.SELF_CARE) {
                problems.add(where + ": a red flag must raise the urgency to soon, urgent or emergency");
            }
            Condition when = Condition.parse(node.when(), schema, built.patterns, where, problems);
            // The early check after each screen runs over partial answers, where every later question is unanswered.
            if (urgency == Urgency.EMERGENCY && when.usesUnanswered()) {
                problems.add(where + ": an emergency rule must not depend on a question being unanswered");
            }
            built.redFlags.add(new RedFlagRule(
                    id,
                    urgency,
                    when,
                    text(node.reason(), "reason", where, problems),
                    text(node.action(), "action", where, problems),
                    source(node.source(), built.sources, where, problems)));
        }
        if (built.redFlags.isEmpty()) {
            problems.add("there are no red flag rules; the screening cannot be empty");
        }
    }

    private static void readCauses(
            RulesFile root,
            JsonBinding.Lines lines,
            IntakeSchema schema,
            Builder built,
            boolean current,
            List<String> problems) {
        Set<Cause> defined = new HashSet<>();
        for (int i = 0; i < root.causes().size(); i++) {
            RulesFile.CauseFile node = root.causes().get(i);
            String key = node.id();
            var cause = Cause.fromKey(key);
            String where = "cause " + key + at(lines, "causes[" + i + "]");
            if (cause.isEmpty()) {
                problems.add(
                        "cause '" + key + "' is not one of the five known causes" + at(lines, "causes[" + i + "]"));
                continue;
            }
            if (!defined.add(cause.get())) {
                problems.add(where + ": is defined twice");
                continue;
            }
            List<String> provokedBy = new ArrayList<>();
            Optional<Condition> deniedWhen = Optional.empty();
            String deniedText = "";
            if (current) {
                provokedBy.addAll(node.provokedBy());
                if (provokedBy.isEmpty()) {
                    problems.add(where + ": provoked_by must name the factors that bring it on");
                }
                for (String field : provokedBy) {
                    boolean effect = schema.field(field)
                            .map(f -> f.type() == IntakeSchema.Field.Type.CHOICE
                                    && f.choices().contains("worse"))
                            .orElse(false);
                    if (!effect) {
                        problems.add(where + ": provoked_by field '" + field + "' is not a worse/better answer");
                    }
                }
                if (node.deniedWhen().isEmpty()) {
                    problems.add(where + ": denied_when must say which answers deny every provoking factor");
                } else {
                    deniedWhen = Optional.of(
                            Condition.parse(node.deniedWhen().get(), schema, built.patterns, where, problems));
                }
                deniedText = text(node.deniedText().orElse(""), "denied_text", where, problems);
                if (!deniedText.contains("{cap}")) {
                    problems.add(where + ": denied_text must show the cap as {cap}");
                }
            }
            built.causes.add(new CauseDefinition(
                    cause.get(),
                    text(node.label(), "label", where, problems),
                    source(node.source(), built.sources, where, problems),
                    provokedBy,
                    deniedWhen,
                    deniedText));
        }
        for (Cause cause : Cause.values()) {
            if (!defined.contains(cause)) {
                problems.add("cause " + cause.key() + " has no definition (label and source)");
            }
        }
    }

    private static void readScoring(
            RulesFile root,
            JsonBinding.Lines lines,
            IntakeSchema schema,
            Builder built,
            Set<String> ids,
            boolean current,
            List<String> problems) {
        Set<Cause> scored = new HashSet<>();
        for (int i = 0; i < root.scoring().size(); i++) {
            RulesFile.ScoringFile node = root.scoring().get(i);
            String id = text(node.id(), "id", "scoring rule", problems);
            String where = "scoring rule " + id + at(lines, "scoring[" + i + "]");
            unique(id, ids, problems);
            var cause = Cause.fromKey(node.cause());
            if (cause.isEmpty()) {
                problems.add(where + ": cause '" + node.cause() + "' is not one of the five known causes");
            }
            int points = node.points();
            if (points == 0 || points < -100 || points > 100) {
                problems.add(where + ": points must be a whole number from -100 to 100 and not 0");
            }
            Kind kind = Kind.UNCLASSIFIED;
            if (current) {
                kind = kind(node.kind().orElse(""), where, problems);
                if ((kind == Kind.AGAINST) != (points < 0)) {
                    problems.add(where + ": rules of kind 'against' and only those have negative points");
                }
            }
            cause.ifPresent(scored::add);
            built.scoring.add(new ScoringRule(
                    id,
                    cause.orElse(Cause.POSTURAL_STRAIN),
                    kind,
                    Condition.parse(node.when(), schema, built.patterns, where, problems),
                    points,
                    text(node.evidence(), "evidence", where, problems),
                    source(node.source(), built.sources, where, problems)));
        }
        for (Cause cause : Cause.values()) {
            if (!scored.contains(cause)) {
                problems.add("cause " + cause.key() + " has no scoring rule, so it could never be found");
            }
            // Provocation over exposure: one provoking answer must outweigh all the exposure a cause can collect.
            if (current) {
                int strongest = built.scoring.stream()
                        .filter(rule -> rule.cause() == cause && rule.kind() == Kind.PROVOCATION)
                        .mapToInt(ScoringRule::points)
                        .max()
                        .orElse(0);
                if (strongest <= built.caps.cap(Kind.EXPOSURE)) {
                    problems.add("cause " + cause.key() + ": its strongest provocation (" + strongest
                            + " points) must outweigh the exposure cap of " + built.caps.cap(Kind.EXPOSURE));
                }
            }
        }
    }

    private static Kind kind(String key, String where, List<String> problems) {
        for (Kind kind : Kind.values()) {
            if (kind != Kind.UNCLASSIFIED && kind.key().equals(key)) {
                return kind;
            }
        }
        problems.add(where + ": kind '" + key + "' is not one of provocation, relief, pattern, exposure, against");
        return Kind.UNCLASSIFIED;
    }

    private static void readFindings(
            RulesFile root, JsonBinding.Lines lines, IntakeSchema schema, Builder built, List<String> problems) {
        Set<FindingKind> found = EnumSet.noneOf(FindingKind.class);
        for (int i = 0; i < root.findings().size(); i++) {
            RulesFile.FindingFile node = root.findings().get(i);
            String key = node.id();
            String where = "finding " + key + at(lines, "findings[" + i + "]");
            var kind = FindingKind.fromKey(key);
            if (kind.isEmpty() || !found.add(kind.get())) {
                problems.add(where + ": not a known finding, or defined twice");
                continue;
            }
            List<FindingEvidence> evidence = new ArrayList<>();
            for (RulesFile.EvidenceFile item : node.evidence()) {
                evidence.add(new FindingEvidence(
                        Condition.parse(item.when(), schema, built.patterns, where, problems),
                        text(item.text(), "text", where, problems)));
            }
            if (evidence.isEmpty()) {
                problems.add(where + ": needs evidence texts to show why it was found");
            }
            built.findings.add(new FindingRule(
                    kind.get(),
                    text(node.label(), "label", where, problems),
                    Condition.parse(node.presentWhen(), schema, built.patterns, where, problems),
                    evidence,
                    source(node.source(), built.sources, where, problems)));
        }
        // Findings added later (the inflammatory pattern) are optional for older rules files.
        for (FindingKind kind : FindingKind.values()) {
            if (!found.contains(kind) && (built.format >= 2 || kind.since() == 1)) {
                problems.add("finding " + kind.key() + " has no rule");
            }
        }
    }

    private static void readTieBreakers(RulesFile root, JsonBinding.Lines lines, Builder built, List<String> problems) {
        Set<Set<Cause>> pairs = new HashSet<>();
        for (int i = 0; i < root.tieBreakers().size(); i++) {
            RulesFile.TieBreakerFile node = root.tieBreakers().get(i);
            Set<Cause> pair = EnumSet.noneOf(Cause.class);
            node.causes().forEach(key -> Cause.fromKey(key).ifPresent(pair::add));
            String where = "tie breaker " + node.causes() + at(lines, "tie_breakers[" + i + "]");
            if (pair.size() != 2 || node.causes().size() != 2) {
                problems.add(where + ": needs exactly two different known causes");
                continue;
            }
            if (!pairs.add(pair)) {
                problems.add(where + ": is given twice");
            }
            built.tieBreakers.add(new TieBreaker(pair, text(node.text(), "text", where, problems)));
        }
        Cause[] all = Cause.values();
        for (int i = 0; i < all.length; i++) {
            for (int j = i + 1; j < all.length; j++) {
                if (!pairs.contains(EnumSet.of(all[i], all[j]))) {
                    problems.add("tie breaker for " + all[i].key() + " and " + all[j].key()
                            + " is missing: a tie must say what would tell the two apart");
                }
            }
        }
    }

    private static void readNotAsked(RulesFile root, JsonBinding.Lines lines, Builder built, List<String> problems) {
        IntakeSchema oldest = IntakeSchema.version(IntakeSchema.OLDEST);
        IntakeSchema current = IntakeSchema.load();
        Set<String> listed = new HashSet<>();
        for (int i = 0; i < root.notAsked().size(); i++) {
            RulesFile.NotAskedFile node = root.notAsked().get(i);
            String field = node.field();
            String where = "not_asked " + field + at(lines, "not_asked[" + i + "]");
            if (current.field(field).isEmpty() || !field.startsWith("red_flags.")) {
                problems.add(where + ": must be a red-flag question of the current intake");
            }
            if (!listed.add(field)) {
                problems.add(where + ": is listed twice");
            }
            built.notAsked.add(new NotAskedQuestion(field, text(node.text(), "text", where, problems)));
        }
        for (IntakeSchema.Field field : current.fields()) {
            // A follow-up (what self-care, how long) is not asked on its own; its yes/no question needs the words.
            boolean followUp = field.path().startsWith("red_flags.self_care_")
                    && !field.path().equals("red_flags.self_care_tried");
            boolean newQuestion = field.path().startsWith("red_flags.")
                    && oldest.field(field.path()).isEmpty()
                    && !followUp;
            if (newQuestion && !listed.contains(field.path())) {
                problems.add("red-flag question " + field.path() + " is new since intake version 1 and needs a"
                        + " not_asked text, so an older intake says it was not asked");
            }
        }
    }

    private static String text(String value, String key, String where, List<String> problems) {
        if (value.isBlank()) {
            problems.add(where + ": '" + key + "' must be a non-empty text");
        }
        return value;
    }

    private static String source(String key, Map<String, String> sources, String where, List<String> problems) {
        if (!sources.containsKey(key)) {
            problems.add(where + ": source '" + key + "' is not listed under sources");
        }
        return key;
    }

    private static void unique(String id, Set<String> ids, List<String> problems) {
        if (!ids.add(id)) {
            problems.add("rule id " + id + " is used twice");
        }
    }
}
