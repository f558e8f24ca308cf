package backstop.web;

import io.javalin.http.Context;

/**
 * Headers that make the browser refuse what we never do: inline or foreign scripts and styles, framing, MIME
 * sniffing, leaking the address of a health page. Pages are never cached: they hold health data.
 */
final class SecurityHeaders {
    static final String CONTENT_SECURITY_POLICY = String.join(
            "; ",
            "default-src 'self'",
            "script-src 'self'",
            "style-src 'self'",
            "img-src 'self' data:",
            "font-src 'self'",
            "connect-src 'self'",
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
            "frame-ancestors 'none'");

    private SecurityHeaders() {}

    static void apply(Context ctx) {
        ctx.header("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("X-Frame-Options", "DENY");
        ctx.header("Referrer-Policy", "no-referrer");
        ctx.header("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=()");
        ctx.header("Cross-Origin-Opener-Policy", "same-origin");
        if (!ctx.path().startsWith("/webjars/") && !ctx.path().startsWith("/static/")) {
            ctx.header("Cache-Control", "no-store");
        }
        // The service worker lives under /static but serves every page, and must be checked for updates.
        if (ctx.path().equals("/static/sw.js") || ctx.path().startsWith("/static/js/sw-")) {
            ctx.header("Service-Worker-Allowed", "/");
            ctx.header("Cache-Control", "no-cache");
        }
        if (ctx.path().endsWith(".webmanifest")) {
            ctx.contentType("application/manifest+json");
        }
        if (Auth.isSecure(ctx)) {
            ctx.header("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
        }
    }
}
