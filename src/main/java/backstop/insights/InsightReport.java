package backstop.insights;

public record InsightReport(String status) {
    static final String OK = "ok";
    static final String INSUFFICIENT_DATA = "insufficient_data";
}
