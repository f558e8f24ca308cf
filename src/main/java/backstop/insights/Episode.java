package backstop.insights;

import java.time.LocalDate;
import java.util.Objects;

/**
 * An episode of pain in the sense of de Vet et al. 2002 (defined for low back pain; applied to the upper back as an
 * extrapolation): pain on at least two consecutive days, with a month without pain before and after.
 *
 * @param peak the highest morning or evening pain recorded in the episode
 * @param painDays the recorded days with pain inside the episode
 * @param painFreeBefore true when the diary shows the pain-free month before it; false when the diary starts (or a
 *     long unrecorded gap sits) less than a month before, so the episode may have begun earlier
 * @param painFreeAfter true when the diary shows the pain-free month after it; false when the episode may still be
 *     going on at the end of the diary
 */
public record Episode(
        LocalDate start, LocalDate end, int peak, int painDays, boolean painFreeBefore, boolean painFreeAfter) {
    public Episode {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
    }
}
