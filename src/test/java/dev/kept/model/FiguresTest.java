package dev.kept.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The compact figure rows give back exactly the rows they were made from. */
class FiguresTest {
  private static final String FILE = "figures/calls.csv";

  private static Period month(String label) {
    return Period.parse(label, PeriodKind.MONTH, 1).orElseThrow();
  }

  private static FigureRow row(String period, int line, long kept, long cases, Map<String, Long> excluded, String note) {
    return new FigureRow(month(period), new SourcePos(FILE, line, 1), Optional.of(new Counts(kept, cases, excluded)), note);
  }

  private static FigureRow gap(String period, int line, String reason) {
    return new FigureRow(month(period), new SourcePos(FILE, line, 1), Optional.empty(), reason);
  }

  @Test
  void rowsOfOneFileAreHeldCompactAndComeBackEqualGapsNotesAndReasonsIncluded() {
    Map<String, Long> two = new LinkedHashMap<>();
    two.put("withdrawn", 3L);
    two.put("duplicate", 0L);
    Map<String, Long> twoMore = new LinkedHashMap<>();
    twoMore.put("withdrawn", 0L);
    twoMore.put("duplicate", 12L);
    List<FigureRow> rows =
        List.of(
            row("2026-01", 2, 95, 100, two, ""),
            gap("2026-02", 3, "the system was down"),
            row("2026-03", 4, 0, 0, twoMore, "a quiet month"),
            row("2026-04", 5, 1_000_000_000_000L, 1_000_000_000_000L, twoMore, ""));
    List<FigureRow> compact = Figures.of(rows);
    assertThat(Figures.isCompact(compact)).isTrue();
    assertThat(compact).isEqualTo(rows).hasSameHashCodeAs(rows);
    assertThat(compact.get(0).counts().orElseThrow().excludedByReason().keySet())
        .containsExactly("withdrawn", "duplicate");
    assertThat(compact.get(1).isGap()).isTrue();
    assertThat(compact.get(2).note()).isEqualTo("a quiet month");
    assertThatThrownBy(() -> compact.add(rows.get(0))).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void remedyFiguresAreHeldCompactAndComeBackEqual_rowsWithoutThemStayWithout() {
    FigureRow with =
        new FigureRow(
            month("2026-01"), new SourcePos(FILE, 2, 1), Optional.of(Counts.of(90, 100)), "",
            Optional.of(new Remedies(10, 9)));
    List<FigureRow> rows = List.of(with, row("2026-02", 3, 95, 100, Map.of(), ""), gap("2026-03", 4, "lost"));
    List<FigureRow> compact = Figures.of(rows);
    assertThat(Figures.isCompact(compact)).isTrue();
    assertThat(compact).isEqualTo(rows);
    assertThat(compact.get(0).remedies()).contains(new Remedies(10, 9));
    assertThat(compact.get(1).remedies()).isEmpty();
    assertThat(Figures.anyRemedies(compact)).isTrue();
    assertThat(Figures.anyRemedies(Figures.of(rows.subList(1, 3)))).isFalse();
  }

  @Test
  void h1_aRowOwesNoMoreRemediesThanCasesMissed_andGivesNoMoreThanOwed() {
    assertThatThrownBy(
            () ->
                new FigureRow(
                    month("2026-01"), new SourcePos(FILE, 2, 1), Optional.of(Counts.of(95, 100)), "",
                    Optional.of(new Remedies(6, 6))))
        .hasMessageContaining("H1");
    assertThatThrownBy(() -> new Remedies(3, 4)).hasMessageContaining("H1");
    assertThatThrownBy(
            () ->
                new FigureRow(
                    month("2026-01"), new SourcePos(FILE, 2, 1), Optional.empty(), "lost",
                    Optional.of(new Remedies(0, 0))))
        .hasMessageContaining("H11");
  }

  @Test
  void oneReasonAndNoReasonAreHeldCompactToo() {
    List<FigureRow> one = List.of(row("2026-01", 2, 9, 10, Map.of("withdrawn", 1L), ""), row("2026-02", 3, 8, 10, Map.of("withdrawn", 0L), ""));
    List<FigureRow> none = List.of(row("2026-01", 2, 9, 10, Map.of(), ""), gap("2026-02", 3, "lost"));
    assertThat(Figures.of(one)).isEqualTo(one);
    assertThat(Figures.isCompact(Figures.of(one))).isTrue();
    assertThat(Figures.of(none)).isEqualTo(none);
    assertThat(Figures.isCompact(Figures.of(none))).isTrue();
  }

  @Test
  void rowsThatDoNotShareTheirReasonsOrFileAreKeptAsTheyAre() {
    List<FigureRow> mixed = List.of(row("2026-01", 2, 9, 10, Map.of("withdrawn", 1L), ""), row("2026-02", 3, 8, 10, Map.of(), ""));
    assertThat(Figures.of(mixed)).isEqualTo(mixed);
    assertThat(Figures.isCompact(Figures.of(mixed))).isFalse();
    List<FigureRow> twoFiles =
        List.of(row("2026-01", 2, 9, 10, Map.of(), ""),
            new FigureRow(month("2026-02"), new SourcePos("other.csv", 2, 1), Optional.of(Counts.of(1, 2)), ""));
    assertThat(Figures.of(twoFiles)).isEqualTo(twoFiles);
    assertThat(Figures.isCompact(Figures.of(twoFiles))).isFalse();
    assertThat(Figures.of(List.of())).isEmpty();
  }
}
