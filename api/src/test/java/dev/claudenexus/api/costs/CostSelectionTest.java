package dev.claudenexus.api.costs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.claudenexus.api.errors.InvalidParameterException;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CostSelectionTest {

  private static final LocalDate TODAY = LocalDate.of(2025, 3, 10);

  @Test
  void defaultsCoverThirtyDaysByDay() {
    CostSelection selection = CostSelection.parse(null, null, null, null, null, TODAY);

    assertThat(selection.from()).isEqualTo(LocalDate.of(2025, 2, 9));
    assertThat(selection.to()).isEqualTo(TODAY);
    assertThat(selection.groupBy()).containsExactly(CostDimension.DAY);
    assertThat(selection.domain()).isEmpty();
    assertThat(selection.accountId()).isEmpty();
  }

  @Test
  void groupByKeepsOrderAndIgnoresCase() {
    CostSelection selection = CostSelection.parse(null, null, null, null, " Model,day ", TODAY);

    assertThat(selection.groupBy()).isEqualTo(List.of(CostDimension.MODEL, CostDimension.DAY));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "from    | 2025-13-01 | | | YYYY-MM-DD",
      "from    | yesterday  | | | YYYY-MM-DD",
      "to      |            | 2025-02-30 | | YYYY-MM-DD",
      "from    | 2025-03-11 | | | on or before to (2025-03-10)",
      "from    | 2020-01-01 | | | at most 366 days",
      "groupBy | | | week | day, account, domain, model",
      "groupBy | | | day,day | each at most once",
      "groupBy | | | 'day,' | day, account, domain, model",
      "groupBy | | | 'x'' OR 1=1 --' | day, account, domain, model",
  })
  void invalidParametersNameThemselves(String parameter, String from, String to, String groupBy,
      String expectation) {
    assertThatThrownBy(() -> CostSelection.parse(from, to, null, null, groupBy, TODAY))
        .isInstanceOf(InvalidParameterException.class)
        .hasMessageStartingWith("Invalid " + parameter + " ")
        .hasMessageContaining(expectation);
  }

  @Test
  void overlongDomainIsRejected() {
    assertThatThrownBy(() -> CostSelection.parse(null, null, "d".repeat(256), null, null, TODAY))
        .isInstanceOf(InvalidParameterException.class)
        .hasMessageStartingWith("Invalid domain ")
        .hasMessageContaining("at most 255 characters");
  }
}
