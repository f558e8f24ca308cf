package backstop.care;

import backstop.care.CareService.Prescribing;
import java.util.List;
import java.util.Map;

/** A prescribed change before it is saved, with the form carried to the save. */
public record PreviewView(Prescribing now, PlanEdit edit, Preview preview, Map<String, List<String>> form) {}
