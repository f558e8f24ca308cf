package backstop.care;

import backstop.plan.StoredPlan;

/** One earlier version of a person's plan. */
public record VersionView(StoredPlan version) {}
