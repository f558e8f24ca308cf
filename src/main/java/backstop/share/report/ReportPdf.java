package backstop.share.report;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.svgsupport.BatikSVGDrawer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * XHTML to PDF with openhtmltopdf, with the DejaVu Sans font shipped in the jar (so "≤" and "–" render on any
 * machine and the font is embedded) and inline SVG kept as vector graphics.
 */
public final class ReportPdf {
    static final String FAMILY = "DejaVu Sans";
    private static final String REGULAR = "/share/fonts/DejaVuSans.ttf";
    private static final String BOLD = "/share/fonts/DejaVuSans-Bold.ttf";

    static {
        // openhtmltopdf logs every rendering step at INFO; only its warnings belong in the server's log.
        for (String log : com.openhtmltopdf.util.XRLog.listRegisteredLoggers()) {
            com.openhtmltopdf.util.XRLog.setLevel(log, java.util.logging.Level.WARNING);
        }
    }

    private ReportPdf() {}

    public static byte[] render(String xhtml) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFont(() -> font(REGULAR), FAMILY, 400, PdfRendererBuilder.FontStyle.NORMAL, true);
            builder.useFont(() -> font(BOLD), FAMILY, 700, PdfRendererBuilder.FontStyle.NORMAL, true);
            builder.useSVGDrawer(new BatikSVGDrawer());
            builder.withHtmlContent(xhtml, null);
            builder.toStream(out);
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException("the visit report could not be rendered", e);
        }
        return out.toByteArray();
    }

    private static InputStream font(String resource) {
        InputStream in = ReportPdf.class.getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("the report font " + resource + " is missing from the jar");
        }
        return in;
    }
}
