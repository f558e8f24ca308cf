package backstop.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** What an admin may read of an audit line, decided for every action, including ones not yet written. */
class AuditViewTest {
    private static AuditEntry asAdmin(String action, String detail) {
        return AuditView.ADMIN.show(1, Instant.EPOCH, "dana", action, "dana", "127.0.0.1", detail);
    }

    @Test
    void theRecordIsKeptAndTheClinicalRestIsWithheld() {
        AuditEntry entry = asAdmin("assessment.create", "assessment 12, urgency emergency");
        assertThat(entry.record()).isEqualTo("assessment 12");
        assertThat(entry.detail()).isEmpty();
        assertThat(entry.detailWithheld()).isTrue();
    }

    @Test
    void datesAndRangesNameTheDiaryRecords() {
        assertThat(asAdmin("diary.save", "2026-03-04 revision 2").record()).isEqualTo("2026-03-04");
        assertThat(asAdmin("diary.read", "2026-03-01 to 2026-03-31").record()).isEqualTo("2026-03-01 to 2026-03-31");
    }

    @Test
    void aNumberAfterAWordOfAnotherKindIsNotTakenForARecord() {
        assertThat(asAdmin("diary.note", "pain 8 after lifting").record()).isEmpty();
        assertThat(asAdmin("plan.create", "plan 3: flare-up after lifting").record())
                .isEqualTo("plan 3");
        assertThat(asAdmin("plan.create", "plan 3.5 units").record()).isEmpty();
    }

    @Test
    void anActionNoOneHasWrittenYetIsWithheldByDefault() {
        assertThat(asAdmin("referral.create", "referral 4: epidural, nerve pain")
                        .detail())
                .isEmpty();
        assertThat(asAdmin("referral.create", "referral 4: epidural, nerve pain")
                        .record())
                .isEqualTo("referral 4");
    }

    @Test
    void accountAdministrationIsReadableToAdmins() {
        assertThat(asAdmin("account.role", "person -> clinician").detail()).isEqualTo("person -> clinician");
        assertThat(asAdmin("login.failed", "name dana").detail()).isEqualTo("name dana");
        assertThat(asAdmin("token.create", "spreadsheet").detailWithheld()).isFalse();
    }

    @Test
    void thePersonReadsEverything() {
        AuditEntry entry = AuditView.SUBJECT.show(
                1, Instant.EPOCH, "dana", "assessment.create", "dana", "127.0.0.1", "assessment 12, urgency soon");
        assertThat(entry.detail()).isEqualTo("assessment 12, urgency soon");
        assertThat(entry.detailWithheld()).isFalse();
    }
}
