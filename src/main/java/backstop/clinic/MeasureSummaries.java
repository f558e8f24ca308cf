package backstop.clinic;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The outcome measures the roster shows: for each of some persons, their latest answer to each measure with its
 * change marked against the MCID. Supplied by the care room, which owns the measures (clinic may not depend on it).
 */
public interface MeasureSummaries {
    /** No measures at all (a roster without the care room, as in some tests). */
    MeasureSummaries NONE = persons -> Map.of();

    /** Persons without an answer are absent; the lists are in the measures' own order. Set-based, never per person. */
    Map<Long, List<MeasureMark>> latest(Collection<Long> persons);
}
