package backstop.assessment;

import backstop.account.User;
import java.util.Optional;

/** One assessment's result, compared with the one before when there is one. */
public record ResultView(StoredAssessment assessment, Optional<AssessmentComparison> comparison, User person) {}
