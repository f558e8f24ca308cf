package backstop.care;

import backstop.TestClock;
import backstop.account.Caller;
import backstop.account.Role;
import backstop.account.User;
import backstop.app.Services;
import backstop.assessment.Intakes;
import backstop.clinic.Invite;
import backstop.db.Database;
import backstop.plan.PlanPreferences;
import java.time.LocalDate;
import java.util.Optional;

/** A clinician (kim) linked with a person (dana) who has a plan; another clinician (lee), a person (eli), an admin. */
record CareWorld(Services services, Database database, User kim, User lee, User dana, User eli, User root) {
    static final String PASSWORD = "a long enough secret";

    static CareWorld make(Database database, TestClock clock) {
        return make(Services.wire(database, clock), database, clock);
    }

    static CareWorld make(Services services, Database database, java.time.Clock clock) {
        Caller cli = Caller.commandLine(Optional.empty());
        User root = services.accounts().addUser("root", "", PASSWORD, Role.ADMIN, cli);
        User kim = services.accounts().addUser("kim", "Kim Physio", PASSWORD, Role.CLINICIAN, cli);
        User lee = services.accounts().addUser("lee", "", PASSWORD, Role.CLINICIAN, cli);
        User dana = services.accounts().addUser("dana", "Dana", PASSWORD, Role.PERSON, cli);
        User eli = services.accounts().addUser("eli", "", PASSWORD, Role.PERSON, cli);
        services.assessments().submit(dana, Intakes.deskWorker(), cli);
        LocalDate today = LocalDate.ofInstant(clock.instant(), java.time.ZoneOffset.UTC);
        services.plans().create(dana, PlanPreferences.defaults(), today.minusDays(14), cli);
        Invite invite = services.careTeam().createInvite(kim, Caller.of(kim, "web"));
        services.careTeam().accept(dana, invite.code(), Caller.of(dana, "web"));
        return new CareWorld(services, database, kim, lee, dana, eli, root);
    }

    CareService care() {
        return services.care();
    }

    Caller as(User user) {
        return Caller.of(user, "web");
    }

    long count(String sql) {
        return database.withHandle(
                handle -> handle.createQuery(sql).mapTo(Long.class).one());
    }

    /** Rows of everything a refused call must not touch: every table but the audit trail and sessions. */
    String written() {
        return count("SELECT COUNT(*) FROM plans") + "/"
                + count("SELECT COUNT(*) FROM audit_log WHERE action <>" + " 'clinic.access.refused'");
    }
}
