package backstop.cli;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.ManagementFactory;

/**
 * Gives back the memory start-up used and no longer needs. Reading the data files, migrating and wiring allocate
 * far more than the server keeps (about 25 MB live), and the JVM keeps the heap it grew to. One full collection
 * right after start-up, with the heap allowed to shrink to its live size, returns that memory to the system; the
 * JVM's usual sizing rules are put back at once, so the heap grows again as the load asks.
 */
final class StartupMemory {
    private static final String MIN_FREE = "MinHeapFreeRatio";
    private static final String MAX_FREE = "MaxHeapFreeRatio";

    private StartupMemory() {}

    static void release() {
        HotSpotDiagnosticMXBean hotSpot = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
        if (hotSpot == null) {
            System.gc();
            return;
        }
        String minFree = hotSpot.getVMOption(MIN_FREE).getValue();
        String maxFree = hotSpot.getVMOption(MAX_FREE).getValue();
        try {
            // Lower the minimum first: the JVM refuses a maximum below the minimum.
            hotSpot.setVMOption(MIN_FREE, "10");
            hotSpot.setVMOption(MAX_FREE, "20");
            System.gc();
        } catch (IllegalArgumentException notManageable) {
            System.gc(); // another JVM or GC: a plain collection still frees start-up's garbage
        } finally {
            hotSpot.setVMOption(MAX_FREE, maxFree);
            hotSpot.setVMOption(MIN_FREE, minFree);
        }
    }
}
