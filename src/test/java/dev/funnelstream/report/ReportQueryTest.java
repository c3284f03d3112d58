package dev.funnelstream.report;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReportQueryTest {
    @Test
    void aBoundIsADayOrAUtcTime() {
        assertThat(ReportQuery.bound("2019-10-01", "--from")).isEqualTo(new ReportQuery.Bound(LocalDate.of(2019, 10, 1), null));
        Instant ten = Instant.parse("2019-10-01T10:00:00Z");
        assertThat(ReportQuery.bound("2019-10-01 10:00", "--from").time()).isEqualTo(ten);
        assertThat(ReportQuery.bound(" 2019-10-01T10:00:00Z ", "--from").time()).isEqualTo(ten);
        assertThat(ReportQuery.bound("2019-10-01T12:00+02:00", "--from").time()).isEqualTo(ten);
        assertThat(ReportQuery.bound("2019-10-01 10:00:00.1234567", "--from").time())
                .isEqualTo(Instant.parse("2019-10-01T10:00:00.123456Z"));
        assertThat(ReportQuery.bound(" ", "--from")).isNull();
        assertThat(ReportQuery.bound(null, "--from")).isNull();
    }

    @Test
    void anEndWrittenToTheMinuteCoversThatMinute() {
        Instant lastOf1027 = Instant.parse("2019-10-01T10:27:59.999999Z");
        assertThat(ReportQuery.endBound("2019-10-01 10:27", "--to").time()).isEqualTo(lastOf1027);
        assertThat(ReportQuery.endBound("2019-10-01T12:27+02:00", "--to").time()).isEqualTo(lastOf1027);
        assertThat(ReportQuery.endBound("2019-10-01T10:27Z", "--to").time()).isEqualTo(lastOf1027);
        // Seconds given: that instant, as written.
        assertThat(ReportQuery.endBound("2019-10-01 10:27:00", "--to").time()).isEqualTo(Instant.parse("2019-10-01T10:27:00Z"));
        assertThat(ReportQuery.endBound("2019-10-01T10:27:30Z", "--to").time()).isEqualTo(Instant.parse("2019-10-01T10:27:30Z"));
        assertThat(ReportQuery.endBound("2019-10-01", "--to")).isEqualTo(new ReportQuery.Bound(LocalDate.of(2019, 10, 1), null));
        assertThat(ReportQuery.endBound(null, "--to")).isNull();
        // The same minute at both ends is that minute, not a backwards period.
        ReportQuery q = ReportQuery.between(ReportQuery.bound("2019-10-01 10:27", "--from"),
                ReportQuery.endBound("2019-10-01 10:27", "--to"), null, null, null);
        assertThat(q.endAt().toInstant()).isEqualTo(lastOf1027);
    }

    @Test
    void aBadBoundNamesTheOptionAndTheFormats() {
        for (String bad : new String[] {"2019-13-01", "2019-10-01 25:00", "yesterday", "2019-1-1", "+10000-01-01",
                "+99999-12-31T00:00:00Z", "-2019-10-01"}) {
            assertThatThrownBy(() -> ReportQuery.bound(bad, "--at")).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("--at '" + bad + "' is not a date or time: expected YYYY-MM-DD, 'YYYY-MM-DD HH:MM' (UTC)"
                            + " or an ISO-8601 instant");
        }
    }

    @Test
    void aDayWithAFiveDigitYearIsNotADay() {
        for (String bad : new String[] {"+10000-01-01", "+12345-01-01", "20190-10-01"}) {
            assertThatThrownBy(() -> ReportQuery.day(bad, "--from")).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("--from '" + bad + "' is not a date: expected YYYY-MM-DD");
        }
        assertThat(ReportQuery.day("9999-12-31", "--to")).isEqualTo(LocalDate.of(9999, 12, 31));
    }

    @Test
    void aPeriodMayNotRunBackwards() {
        assertThatThrownBy(() -> between("2019-10-01 10:01", "2019-10-01 10:00"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("--from 2019-10-01 10:01 is after --to 2019-10-01 10:00");
        assertThatThrownBy(() -> between("2019-10-02 00:00", "2019-10-01"))
                .hasMessage("--from 2019-10-02 00:00 is after --to 2019-10-01");
        assertThatThrownBy(() -> between("2019-10-02", "2019-10-01 23:59"))
                .hasMessage("--from 2019-10-02 is after --to 2019-10-01 23:59");
        assertThatThrownBy(() -> between("2019-10-02", "2019-10-01")).hasMessage("--from 2019-10-02 is after --to 2019-10-01");
        // An end to the minute covers the minute; the message still shows the minute the user wrote.
        assertThatThrownBy(() -> ReportQuery.between(ReportQuery.bound("2019-11-01 10:05", "--from"),
                ReportQuery.endBound("2019-11-01 10:00", "--to"), null, null, null))
                .hasMessage("--from 2019-11-01 10:05 is after --to 2019-11-01 10:00");
        assertThatThrownBy(() -> between("2019-10-01T10:00:30Z", "2019-10-01T10:00:10Z"))
                .hasMessage("--from 2019-10-01 10:00:30 is after --to 2019-10-01 10:00:10");

        assertThat(between("2019-10-01 10:00", "2019-10-01 10:00").startAt()).isEqualTo(between(null, "2019-10-01 10:00").endAt());
        assertThat(between("2019-10-01 23:59", "2019-10-01").endBefore()).hasToString("2019-10-02T00:00Z");
        assertThat(between("2019-10-01", "2019-10-01 00:00").endAt()).hasToString("2019-10-01T00:00Z");
    }

    @Test
    void dayQueriesStayAsTheyWere() {
        ReportQuery q = new ReportQuery(LocalDate.of(2019, 10, 1), LocalDate.of(2019, 10, 2), 5, "c", "b");

        assertThat(q.hasTimes()).isFalse();
        assertThat(q.startAt()).hasToString("2019-10-01T00:00Z");
        assertThat(q.endBefore()).hasToString("2019-10-03T00:00Z");
        assertThat(q.endAt()).isNull();
        assertThat(q.withLimit(7).limit()).isEqualTo(7);
        assertThat(between("2019-10-01", "2019-10-02"))
                .isEqualTo(new ReportQuery(LocalDate.of(2019, 10, 1), LocalDate.of(2019, 10, 2), null, null, null));
    }

    private static ReportQuery between(String from, String to) {
        return ReportQuery.between(ReportQuery.bound(from, "--from"), ReportQuery.bound(to, "--to"), null, null, null);
    }
}
