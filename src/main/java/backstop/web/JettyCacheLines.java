package backstop.web;

import com.sun.management.HotSpotDiagnosticMXBean;
import com.sun.management.VMOption;
import java.lang.management.ManagementFactory;

/**
 * Tells Jetty how many object references fit in a CPU cache line before its first thread pool is made, so that it
 * does not have to find out itself. Jetty's {@code MemoryUtils} works this out once (it pads its queues to it) and,
 * unless the system property {@value #PROPERTY} says, asks for JVM option {@code UseCompressedOops} through the
 * platform MBean server, which it builds for that one question: every platform MXBean registered, about 230 classes
 * and 90 ms of the main thread at start-up. Backstop asks the same MXBean directly (it already does, to give back
 * start-up's memory) and sets the property to the value Jetty would have computed. A property the operator set is
 * left as it is, as is everything on a JVM without that option.
 */
final class JettyCacheLines {
    static final String PROPERTY = "org.eclipse.jetty.util.referencesPerCacheLine";
    static final String CACHE_LINE_BYTES = "org.eclipse.jetty.util.cacheLineBytes";
    private static final int JETTY_DEFAULT_CACHE_LINE_BYTES = 64;

    private JettyCacheLines() {}

    static void preset() {
        if (System.getProperty(PROPERTY) != null) {
            return;
        }
        HotSpotDiagnosticMXBean hotSpot = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
        if (hotSpot == null) {
            return;
        }
        VMOption compressedOops;
        try {
            compressedOops = hotSpot.getVMOption("UseCompressedOops");
        } catch (IllegalArgumentException noSuchOption) {
            return;
        }
        int references = referencesPerCacheLine(
                cacheLineBytes(System.getProperty(CACHE_LINE_BYTES)), Boolean.parseBoolean(compressedOops.getValue()));
        if (references >= 1) { // Jetty ignores a value below 1 and works it out itself
            System.setProperty(PROPERTY, String.valueOf(references));
        }
    }

    /** Jetty's reading of {@value #CACHE_LINE_BYTES}: a whole number, 64 when missing or not a number. */
    static int cacheLineBytes(String property) {
        if (property == null) {
            return JETTY_DEFAULT_CACHE_LINE_BYTES;
        }
        try {
            return Integer.parseInt(property);
        } catch (NumberFormatException e) {
            return JETTY_DEFAULT_CACHE_LINE_BYTES;
        }
    }

    /** As Jetty computes it: a reference takes 4 bytes with compressed pointers, 8 without. */
    static int referencesPerCacheLine(int cacheLineBytes, boolean compressedOops) {
        return compressedOops ? cacheLineBytes >> 2 : cacheLineBytes >> 3;
    }
}
