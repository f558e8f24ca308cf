package backstop.care;

import backstop.care.CareService.ReferralDesk;

/** A patient's injection referrals and the criteria. */
public record ReferralsView(ReferralDesk desk, String today, boolean recorded) {}
