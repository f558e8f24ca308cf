package backstop.care;

/** One questionnaire to answer. */
public record MeasureFormView(MeasureDefinitions.Measure measure, MeasureTask task) {}
