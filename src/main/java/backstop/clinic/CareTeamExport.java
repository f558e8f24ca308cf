package backstop.clinic;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.List;
import java.util.Optional;

/** Who could see the person's data and when, in the account export: every link, active or ended. */
public record CareTeamExport(@JsonValue List<Link> links) {
    public CareTeamExport {
        links = List.copyOf(links);
    }

    /** One link; the end fields are null while it lasts. */
    public record Link(String clinician, String acceptedAt, Optional<String> endedAt, Optional<String> endedBecause) {}
}
