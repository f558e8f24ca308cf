package backstop.web;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.javalin.http.Context;
import java.util.HashMap;
import java.util.Map;

/** Renders the JTE templates that the build compiled to classes; every page gets a {@link Page} named {@code page}. */
public final class Templates {
    private final TemplateEngine engine = TemplateEngine.createPrecompiled(ContentType.Html);
    private final Csrf csrf;

    Templates(Csrf csrf) {
        this.csrf = csrf;
    }

    /**
     * Renders a page whose template takes {@code @param Page page} and {@code @param <its view record> view}: the
     * record's constructor checks the call site and JTE checks the template against the record.
     */
    public void render(Context ctx, String template, String title, Record view) {
        Map<String, Object> params = new HashMap<>();
        params.put("view", view);
        render(ctx, template, page(ctx, title), params);
    }

    /** Renders a page whose template takes only {@code @param Page page}. */
    public void render(Context ctx, String template, String title) {
        render(ctx, template, page(ctx, title), new HashMap<>());
    }

    /** Renders an htmx partial: no layout, but the same {@link Page}. */
    public void partial(Context ctx, String template, Record view) {
        render(ctx, template, "", view);
    }

    private void render(Context ctx, String template, Page page, Map<String, Object> params) {
        params.put("page", page);
        StringOutput output = new StringOutput();
        engine.render(template, params, output);
        ctx.html(output.toString());
        ctx.contentType("text/html; charset=utf-8");
    }

    Page page(Context ctx, String title) {
        Visitor visitor = Visitor.of(ctx);
        return new Page(title, visitor.user(), csrf.tokenFor(ctx), ctx.path());
    }
}
