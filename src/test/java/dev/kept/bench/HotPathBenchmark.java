package dev.kept.bench;

import dev.kept.explain.Numbers;
import dev.kept.explain.Language;
import dev.kept.measure.Judge;
import dev.kept.measure.Wilson;
import dev.kept.model.Counts;
import dev.kept.model.Interval;
import dev.kept.model.PeriodResult;
import dev.kept.model.PromiseRecord;
import dev.kept.model.Result;
import dev.kept.model.Share;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The hot paths of a build, one promise of 120 months at a time: measure (judge every period),
 * display (the H5 figure and H6 range of one period), explain (every period in words), render one
 * page, and write one promise's whole record ({@code promises/<id>/data.json}). Run with {@code bench/jmh}; the figures are
 * in docs/benchmarks.md.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class HotPathBenchmark {
  private HotPaths paths;
  private final Numbers numbers = new Numbers(Language.load("en"));
  private final Judge judge = new Judge(30, Share.parse("5%").orElseThrow());
  private final Share target = Share.parse("95%").orElseThrow();
  private final Counts counts = new Counts(9_496, 10_000, java.util.Map.of("withdrawn", 120L));
  private final Interval interval = Wilson.interval(9_496, 10_000);

  @Setup
  public void setUp() throws Exception {
    paths = new HotPaths();
  }

  /** Judge one period: H2, H7, H8 and H12, and its Wilson interval (H6). */
  @Benchmark
  public Result judgeOnePeriod() {
    return judge.judge(counts, target);
  }

  /** Measure: every period of one promise judged against the target in force then. */
  @Benchmark
  public List<PeriodResult> measureOnePromise() {
    return paths.measurer.periods(paths.promise.promise());
  }

  /** Display: one rate by H5 and its range by H6. */
  @Benchmark
  public String displayOnePeriod() {
    return numbers.rate(9_496, 10_000, target) + numbers.range(interval, target, false)[0];
  }

  /** Explain: every period of one promise in words. */
  @Benchmark
  public PromiseRecord explainOnePromise() {
    return paths.explainer.record(paths.promise, paths.periods, paths.explained.charter());
  }

  /** Render one promise's page (with its chart and table of 120 months) and badge. */
  @Benchmark
  public long renderOnePage() throws Exception {
    return paths.renderPage();
  }

  /** Check one promise's page (its chart and table of 120 months) as the verify stage does. */
  @Benchmark
  public int checkOnePage() {
    return paths.checkPage();
  }

  /** One promise's whole record as data: {@code promises/<id>/data.json}, every period's facts. */
  @Benchmark
  public long jsonOnePromise() throws Exception {
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream(64 * 1024);
    paths.data.record(paths.record, paths.explained.charter(), path -> bytes);
    return bytes.size();
  }
}
