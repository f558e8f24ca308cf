package backstop.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import backstop.error.BadInputException;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class DateParamTest {

    @Test
    void aDateWrittenYearMonthDayIsThatDay() {
        assertThat(DateParam.parse("date", "2024-02-29")).isEqualTo(LocalDate.of(2024, 2, 29));
        assertThat(DateParam.parse("date", " 1900-01-01 ")).isEqualTo(LocalDate.of(1900, 1, 1));
    }

    @Test
    void aDayThatDoesNotExistIsNamedAsNotARealDate() {
        assertThatThrownBy(() -> DateParam.parse("date", "2025-02-29"))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("2025-02-29 is not a real date");
        assertThatThrownBy(() -> DateParam.parse("date", "2025-13-01"))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("is not a real date");
    }

    @Test
    void otherShapesAndYearsOutsideTheDiaryAreRefused() {
        assertThatThrownBy(() -> DateParam.parse("from", "2025-1-01"))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("yyyy-mm-dd");
        assertThatThrownBy(() -> DateParam.parse("from", "２０２５-01-01"))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("yyyy-mm-dd");
        assertThatThrownBy(() -> DateParam.parse("from", "1899-12-31"))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("between 1900 and 2100");
    }
}
