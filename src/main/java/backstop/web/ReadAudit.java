package backstop.web;

import backstop.account.AuditLog;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.ServiceUnavailableResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One audit transaction per request: opens the {@link AuditLog}'s request scope before the handler, so the reads of
 * health data it makes are collected once per record, and writes them when the handler is done, before the answer
 * leaves. When they cannot be written the answer is a 503 instead of the data: health data is never shown without
 * its audit line.
 */
public final class ReadAudit implements Routes {
    private static final Logger LOG = LoggerFactory.getLogger(ReadAudit.class);
    private final AuditLog audit;

    public ReadAudit(AuditLog audit) {
        this.audit = audit;
    }

    @Override
    public void register(RoutesConfig routes, Api api) {
        routes.before(ctx -> audit.beginRequest());
        routes.after(this::end);
    }

    private void end(Context ctx) {
        try {
            audit.endRequest();
        } catch (RuntimeException e) {
            LOG.atError().setCause(e).addKeyValue("path", ctx.path()).log("audit lines not written; answer withheld");
            ctx.removeHeader("Content-Disposition");
            throw new ServiceUnavailableResponse("Backstop could not record this request. Please try again later.");
        }
    }
}
