package backstop.desk;

import java.time.zone.ZoneRulesProvider;
import net.fortuna.ical4j.model.DefaultZoneRulesProvider;

/**
 * ical4j's time-zone rules (the {@code ical4j~} zones its calendars resolve TZIDs to), registered with java.time the
 * first time a calendar is read. ical4j registers them for the whole JVM through {@code META-INF/services}, which
 * made every start pay about 150 ms for them at the first time-zone look-up (the log's own); the shaded jar leaves
 * that file out (see {@code pom.xml}). Where ical4j's jar is on the class path as it is (tests), the JVM has
 * registered them already and nothing more is done.
 */
final class IcalZones {
    private static boolean done;

    private IcalZones() {}

    /** Registers ical4j's zones unless the JVM already has them. */
    static synchronized void register() {
        if (!done) {
            if (!registered()) {
                ZoneRulesProvider.registerProvider(new DefaultZoneRulesProvider());
            }
            done = true;
        }
    }

    static boolean registered() {
        return ZoneRulesProvider.getAvailableZoneIds().stream().anyMatch(id -> id.startsWith("ical4j~"));
    }
}
