package backstop.assessment;

/** The "get help now" page: the result whose red flags stopped the intake. */
public record EmergencyView(AssessmentResult result) {}
