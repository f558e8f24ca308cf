package backstop.share.report;

import backstop.account.Caller;
import backstop.account.User;
import backstop.insights.InsightSettings;
import backstop.share.ShareData;
import backstop.share.ShareReader;
import java.time.LocalDate;
import java.util.Optional;

/** The visit report for a date range: its figures (JSON) and its PDF, each read in one audited transaction. */
public final class ReportService {
    /** Without dates the report covers the last 90 days: about the time between two visits. */
    public static final int DEFAULT_DAYS = 90;

    private final ShareReader reader;
    private final InsightSettings settings;

    public ReportService(ShareReader reader, InsightSettings settings) {
        this.reader = reader;
        this.settings = settings;
    }

    public ReportFigures figures(User person, Optional<LocalDate> from, Optional<LocalDate> to, Caller caller) {
        return VisitReport.figures(read(person, from, to, caller, "report.read"), settings);
    }

    public byte[] pdf(User person, Optional<LocalDate> from, Optional<LocalDate> to, Caller caller) {
        return render(read(person, from, to, caller, "report.pdf"), settings);
    }

    /** The PDF of a record already read: pure, for the benchmark. */
    public static byte[] render(ShareData data, InsightSettings settings) {
        ReportFigures figures = VisitReport.figures(data, settings);
        String chart = PainChart.svg(
                data.from(),
                data.to(),
                data.days().stream().map(saved -> saved.checkIn().day()).toList(),
                figures.episodes(),
                figures.flares(),
                figures.planStart());
        return ReportPdf.render(ReportHtml.html(figures, chart));
    }

    private ShareData read(
            User person, Optional<LocalDate> from, Optional<LocalDate> to, Caller caller, String action) {
        LocalDate last = to.orElse(reader.today());
        LocalDate first = from.orElse(last.minusDays(DEFAULT_DAYS - 1L));
        return reader.read(person, Optional.of(first), Optional.of(last), caller, action, true);
    }
}
