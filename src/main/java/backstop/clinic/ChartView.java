package backstop.clinic;

import backstop.assessment.StoredAssessment;
import backstop.insights.InsightCard;
import backstop.insights.InsightReport;
import backstop.plan.Coverage;
import java.util.List;
import java.util.Optional;

/**
 * What a patient's chart shows the clinician: the overview, the assessments newest first, the pain chart, the plan
 * part, how the plan covers the latest assessment (when both exist), and the insight report with its cards.
 */
public record ChartView(
        PatientChart.Overview overview,
        List<StoredAssessment> history,
        PainChart chart,
        PatientChart.PlanPart plan,
        Optional<Coverage> coverage,
        InsightReport insights,
        List<InsightCard> cards) {}
