package backstop.web;

import io.javalin.security.RouteRole;

/** Who may open a route. Every route names exactly one; {@link Auth} enforces it before the handler runs. */
public enum Access implements RouteRole {
    /** Public pages: home, sign-up, log-in, health, API document. */
    ANYONE,
    /** Any account. */
    SIGNED_IN,
    /** Clinicians (and admins acting as clinicians are not implied: least privilege). */
    CLINICIAN,
    /** Server operators: accounts and the audit trail, not health data. */
    ADMIN
}
