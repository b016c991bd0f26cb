package dev.kept.bench;

import dev.kept.Pipeline;
import dev.kept.explain.Explainer;
import dev.kept.measure.Measurer;
import dev.kept.model.ExplainedCharter;
import dev.kept.model.ExplainedCharter.ExplainedPromise;
import dev.kept.model.PeriodResult;
import dev.kept.model.PromiseRecord;
import dev.kept.render.DataRenderer;
import dev.kept.render.SiteRenderer;
import dev.kept.render.Theme;
import dev.kept.testing.CharterFixture;
import dev.kept.testing.Fixtures;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/**
 * One promise of a large charter, as the benchmarks measure it: 120 months of figures with
 * exclusions and a gap, checked by the real pipeline, with the stages that make its record.
 */
final class HotPaths {
  static final int MONTHS = 120;

  final ExplainedCharter explained;
  final ExplainedPromise promise;
  final Measurer measurer;
  final Explainer explainer;
  final List<PeriodResult> periods;
  final PromiseRecord record;
  final SiteRenderer.Site site;
  final DataRenderer data = new DataRenderer();
  /** The promise's page as rendered, for the verifier's check of one page. */
  final String page;

  HotPaths() throws Exception {
    Path dir = Files.createTempDirectory("kept-jmh");
    StringBuilder csv = new StringBuilder("period,cases,kept,excluded,note\n");
    Random random = new Random(1);
    YearMonth month = YearMonth.of(2016, 11);
    for (int i = 0; i < MONTHS; i++, month = month.plusMonths(1)) {
      if (i == 40) {
        csv.append(month).append(",,,,System outage\n");
        continue;
      }
      int cases = 50 + random.nextInt(2000);
      int kept = cases - random.nextInt(Math.max(1, cases / 10));
      csv.append(month).append(',').append(cases).append(',').append(kept).append(',').append(random.nextInt(30)).append(",\n");
    }
    CharterFixture fixture =
        Fixtures.minimal()
            .with(
                "promises/calls.yaml",
                """
                title: Answering calls
                promise: We answer your call within 2 minutes. We publish how we did every month.
                unit: calls
                kept_when: a person answered within 2 minutes
                target: 95%
                since: 2016-11
                not_covered:
                  - Calls made outside our opening hours.
                exclusions:
                  withdrawn: Calls the customer ended before we could answer.
                measured: Our telephone system records when each call arrives and is answered.
                remedy: If we break this promise, we credit **£10** to your account.
                """)
            .with("figures/calls.csv", csv.toString());
    Pipeline.Outcome outcome = Fixtures.check(fixture.writeTo(dir.resolve("charter")));
    explained = outcome.charter().orElseThrow(() -> new IllegalStateException("the benchmark charter does not check: " + outcome.findings()));
    promise = explained.promises().get(0);
    measurer = new Measurer(explained.charter());
    explainer = Explainer.forCharter(explained.charter());
    periods = measurer.periods(promise.promise());
    record = explainer.record(promise, periods, explained.charter());
    site = new SiteRenderer(Theme.load(Optional.empty())).begin(explained);
    java.io.ByteArrayOutputStream html = new java.io.ByteArrayOutputStream();
    site.promise(record, path -> path.endsWith(".html") ? html : OutputStream.nullOutputStream());
    page = html.toString(java.nio.charset.StandardCharsets.UTF_8);
  }

  /** Checks the promise's page as the verify stage does when it is written; the number of problems. */
  int checkPage() {
    return dev.kept.verify.Verifier.pageProblems("promises/calls/index.html", page).size();
  }

  /** Renders the promise's page and badge, counting the bytes instead of writing them. */
  long renderPage() throws Exception {
    long[] bytes = {0};
    site.promise(record, path -> new OutputStream() {
      @Override
      public void write(int b) {
        bytes[0]++;
      }

      @Override
      public void write(byte[] b, int off, int len) throws IOException {
        bytes[0] += len;
      }
    });
    return bytes[0];
  }
}
