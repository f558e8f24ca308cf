package backstop.care;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import backstop.TestClock;
import backstop.account.Caller;
import backstop.db.BothDatabases;
import backstop.db.Database;
import backstop.diary.CheckIn;
import backstop.diary.CheckInDetails;
import backstop.diary.DiaryDay;
import backstop.error.BadInputException;
import backstop.error.ForbiddenException;
import backstop.error.NotFoundException;
import java.time.LocalDate;
import java.util.Optional;

/** Injection referrals: recorded with why, their outcome later, and pain and adherence around the injection. */
class ReferralsTest {
    private final TestClock clock = TestClock.startingAt("2026-06-15T08:00:00Z");

    @BothDatabases
    void aDoneReferralShowsPainAndAdherenceInTheWeeksBeforeAndAfter(Database database) {
        CareWorld w = CareWorld.make(database, clock);
        LocalDate today = w.care().today();
        LocalDate on = today.minusDays(7);
        Caller dana = w.as(w.dana());
        // Evening pain 6 in the week before the injection, 3 in the week after.
        for (LocalDate day = on.minusDays(7); day.isBefore(today); day = day.plusDays(1)) {
            int pain = day.isBefore(on) ? 6 : 3;
            w.services()
                    .diary()
                    .save(
                            w.dana(),
                            new CheckIn(DiaryDay.on(day).painPm(pain).build(), CheckInDetails.none()),
                            "check-in",
                            dana);
        }
        long id = w.care()
                .refer(
                        w.kim(),
                        w.dana().id(),
                        Referral.Kind.TRIGGER_POINT,
                        "Dr Osei, pain clinic",
                        "trigger points still limit the strength work",
                        Optional.empty(),
                        w.as(w.kim()));
        assertThat(w.care().referralsOf(w.kim(), w.dana().id(), w.as(w.kim())))
                .singleElement()
                .satisfies(r -> {
                    assertThat(r.outcome()).isEmpty();
                    assertThat(r.around()).isEmpty();
                });
        assertThatThrownBy(() -> w.care()
                        .referralOutcome(
                                w.kim(),
                                w.dana().id(),
                                id,
                                Referral.Outcome.DONE,
                                today.plusDays(1),
                                "",
                                w.as(w.kim())))
                .isInstanceOf(BadInputException.class);
        // The referral was recorded today; an injection "done" a week ago is before it.
        assertThatThrownBy(() -> w.care()
                        .referralOutcome(w.kim(), w.dana().id(), id, Referral.Outcome.DONE, on, "", w.as(w.kim())))
                .isInstanceOf(BadInputException.class);
        clock.advance(java.time.Duration.ofDays(14));
        LocalDate later = w.care().today();
        for (LocalDate day = today; day.isBefore(later); day = day.plusDays(1)) {
            w.services()
                    .diary()
                    .save(
                            w.dana(),
                            new CheckIn(DiaryDay.on(day).painPm(2).build(), CheckInDetails.none()),
                            "check-in",
                            dana);
        }
        LocalDate done = today.plusDays(3);
        w.care().referralOutcome(w.kim(), w.dana().id(), id, Referral.Outcome.DONE, done, "went well", w.as(w.kim()));
        Referral referral =
                w.care().referralsOf(w.kim(), w.dana().id(), w.as(w.kim())).get(0);
        assertThat(referral.outcome()).contains(Referral.Outcome.DONE);
        ReferralWindow around = referral.around().orElseThrow();
        assertThat(around.weeks()).hasSize(8);
        assertThat(around.before().painTenths()).isPresent();
        assertThat(around.after().painTenths().orElseThrow()).isEqualTo(20);
        assertThat(around.before().painTenths().orElseThrow())
                .isGreaterThan(around.after().painTenths().orElseThrow());
        assertThat(around.before().plannedDays()).isGreaterThan(0);
    }

    @BothDatabases
    void referralsAreCheckedAndOnlyALinkedClinicianRecordsThem(Database database) {
        CareWorld w = CareWorld.make(database, clock);
        assertThatThrownBy(() -> w.care().refer(w.kim(), w.dana().id(), null, " ", "", Optional.empty(), w.as(w.kim())))
                .isInstanceOfSatisfying(
                        BadInputException.class,
                        e -> assertThat(e.errors())
                                .extracting("field")
                                .containsExactly("kind", "referred_to", "reason"));
        assertThatThrownBy(() -> w.care()
                        .refer(
                                w.lee(),
                                w.dana().id(),
                                Referral.Kind.EPIDURAL,
                                "x",
                                "y",
                                Optional.empty(),
                                w.as(w.lee())))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> w.care()
                        .referralOutcome(
                                w.kim(), w.dana().id(), 999, Referral.Outcome.NOT_DONE, null, "", w.as(w.kim())))
                .isInstanceOf(NotFoundException.class);
        assertThat(w.count("SELECT COUNT(*) FROM care_referrals")).isZero();
        CareService.ReferralDesk desk = w.care().referralDesk(w.kim(), w.dana().id(), w.as(w.kim()));
        assertThat(desk.adherence()).isPresent();
        assertThat(desk.referrals()).isEmpty();
    }
}
