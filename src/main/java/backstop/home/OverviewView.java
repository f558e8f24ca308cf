package backstop.home;

import backstop.account.User;
import backstop.assessment.StoredAssessment;
import backstop.insights.InsightCard;
import backstop.insights.InsightReport;
import backstop.plan.StoredPlan;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** A person's overview of the whole loop. */
public record OverviewView(
        User person,
        Optional<StoredAssessment> latest,
        boolean reassess,
        Optional<StoredPlan> plan,
        LocalDate today,
        boolean checkedIn,
        boolean loggedToday,
        InsightReport insights,
        List<InsightCard> cards) {}
