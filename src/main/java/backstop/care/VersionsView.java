package backstop.care;

import backstop.plan.StoredPlan;
import java.util.List;

/** Every version of a person's plan. */
public record VersionsView(List<StoredPlan> versions) {}
