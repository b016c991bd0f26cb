/*
 * Writes a synthetic charter of N promises with M monthly periods each, twice over: as a Kept
 * charter, and as a Hugo site with the same content (the text as Markdown pages, the figures as
 * data files that Hugo's templates read, as a good Hugo user would build it).
 *
 *   java bench/GenerateCharter.java N M OUT
 *
 * writes OUT/kept/ (a charter folder) and OUT/hugo/ (a Hugo site). The figures are random but
 * seeded, so the same N and M always give the same files.
 */
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

public class GenerateCharter {
  static final String[] SUBJECTS = {
    "calls", "emails", "letters", "complaints", "appointments", "repairs", "connections", "bills",
    "visits", "applications", "claims", "refunds"
  };
  static final String[] ACTIONS = {
    "We answer your %s within %d minutes.", "We reply to your %s within %d working days.",
    "We deal with your %s within %d days.", "We keep %d in every 100 of your %s on time."
  };

  public static void main(String[] args) throws IOException {
    int n = Integer.parseInt(args[0]);
    int m = Integer.parseInt(args[1]);
    Path out = Path.of(args[2]);
    Random random = new Random(20261122L + n * 31L + m);
    Path kept = out.resolve("kept");
    Path hugo = out.resolve("hugo");
    Files.createDirectories(kept.resolve("promises"));
    Files.createDirectories(kept.resolve("figures"));
    Files.createDirectories(hugo.resolve("content/promises"));
    Files.createDirectories(hugo.resolve("data/figures"));
    Files.createDirectories(hugo.resolve("layouts/_default"));
    Files.createDirectories(hugo.resolve("layouts/promises"));

    int endYear = 2026;
    int endMonth = 10; // the last period is 2026-10; published 2026-11-16
    int startIndex = endYear * 12 + endMonth - 1 - (m - 1);
    String since = label(startIndex);
    Files.writeString(kept.resolve("charter.yaml"),
        "organisation: Benchmark Water\ntitle: Our promises\npublished: 2026-11-16\nnext_update: 2026-12-14\n"
            + "lint:\n  off: [hedging, vague-time, long-sentence, double-negative, reading-grade, kept-when-number, remedy-empty]\n",
        StandardCharsets.UTF_8);
    Files.writeString(hugo.resolve("hugo.toml"),
        "baseURL = 'https://bench.example/'\nlanguageCode = 'en'\ntitle = 'Benchmark Water: our promises'\n"
            + "disableKinds = ['taxonomy', 'term', 'RSS', 'sitemap', 'robotsTXT']\n",
        StandardCharsets.UTF_8);

    for (int i = 0; i < n; i++) {
      String id = String.format("promise-%05d", i);
      String unit = SUBJECTS[i % SUBJECTS.length];
      int number = 2 + random.nextInt(20);
      String action = ACTIONS[i % ACTIONS.length];
      String text = action.startsWith("We keep")
          ? String.format(action, number, unit) : String.format(action, unit, number);
      int target = new int[] {80, 90, 95, 98, 99}[random.nextInt(5)];
      String title = "Promise " + (i + 1) + ": " + unit;
      String exclusion = "Cases the customer withdrew before we could act, which we cannot keep or break.";
      Files.writeString(kept.resolve("promises").resolve(id + ".yaml"),
          "title: \"" + title + "\"\npromise: |\n  " + text + " We publish how we did every month.\n"
              + "unit: " + unit + "\nkept_when: we did it within " + number + " days\ntarget: " + target + "%\n"
              + "since: " + since + "\nnot_covered:\n  - Cases handled by our partners.\n"
              + "exclusions:\n  withdrawn: " + exclusion + "\n"
              + "measured: |\n  Our case system records when each case arrives and when it is done.\n"
              + "remedy: |\n  If we break this promise, we credit **£" + (10 + i % 40) + "** to your account.\n",
          StandardCharsets.UTF_8);
      StringBuilder csv = new StringBuilder("period,cases,kept,excluded,note\n");
      StringBuilder json = new StringBuilder("[");
      for (int p = 0; p < m; p++) {
        int cases = 20 + random.nextInt(2000);
        double rate = target / 100.0 + (random.nextDouble() - 0.6) * 0.08;
        int keptCount = (int) Math.max(0, Math.min(cases, Math.round(cases * rate)));
        int excluded = random.nextInt(Math.max(1, cases / 40));
        String period = label(startIndex + p);
        if (random.nextInt(200) == 0) {
          csv.append(period).append(",,,,System outage: no figures\n");
          json.append(p == 0 ? "" : ",").append("{\"period\":\"").append(period).append("\",\"gap\":true,\"note\":\"System outage: no figures\"}");
          continue;
        }
        csv.append(period).append(',').append(cases).append(',').append(keptCount).append(',').append(excluded).append(",\n");
        json.append(p == 0 ? "" : ",").append("{\"period\":\"").append(period).append("\",\"cases\":").append(cases)
            .append(",\"kept\":").append(keptCount).append(",\"excluded\":").append(excluded).append("}");
      }
      json.append("]");
      Files.writeString(kept.resolve("figures").resolve(id + ".csv"), csv, StandardCharsets.UTF_8);
      Files.writeString(hugo.resolve("data/figures").resolve(id.replace('-', '_') + ".json"), json, StandardCharsets.UTF_8);
      try (Writer w = Files.newBufferedWriter(hugo.resolve("content/promises").resolve(id + ".md"), StandardCharsets.UTF_8)) {
        w.write("---\ntitle: \"" + title + "\"\nfigures: \"" + id.replace('-', '_') + "\"\nunit: \"" + unit + "\"\ntarget: " + target
            + "\nkept_when: \"we did it within " + number + " days\"\n---\n\n");
        w.write("## What we promise\n\n" + text + " We publish how we did every month.\n\n");
        w.write("## What is not covered\n\n- Cases handled by our partners.\n\n");
        w.write("## How we measure it\n\nOur case system records when each case arrives and when it is done.\n\n");
        w.write("Cases we leave out: " + exclusion + "\n\n");
        w.write("## What you get if we break it\n\nIf we break this promise, we credit **£" + (10 + i % 40) + "** to your account.\n");
      }
    }
    Files.writeString(hugo.resolve("layouts/_default/baseof.html"),
        "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>{{ .Title }}</title></head>"
            + "<body><main>{{ block \"main\" . }}{{ end }}</main></body></html>\n", StandardCharsets.UTF_8);
    Files.writeString(hugo.resolve("layouts/index.html"),
        "{{ define \"main\" }}<h1>{{ site.Title }}</h1><ol>{{ range (where site.RegularPages \"Section\" \"promises\") }}"
            + "<li><a href=\"{{ .RelPermalink }}\">{{ .Title }}</a></li>{{ end }}</ol>{{ end }}\n", StandardCharsets.UTF_8);
    Files.writeString(hugo.resolve("layouts/_default/list.html"),
        "{{ define \"main\" }}<h1>{{ .Title }}</h1>{{ end }}\n", StandardCharsets.UTF_8);
    Files.writeString(hugo.resolve("layouts/promises/single.html"),
        "{{ define \"main\" }}<article><h1>{{ .Title }}</h1>{{ .Content }}"
            + "<h2>How we did</h2><p>We count a case as kept when {{ .Params.kept_when }}. Our target is {{ .Params.target }}%.</p>"
            + "<table><caption>Every period</caption><thead><tr><th>Period</th><th>Kept</th><th>Share kept</th><th>Target</th><th>Result</th><th>Left out</th></tr></thead><tbody>"
            + "{{ $target := .Params.target }}{{ $unit := .Params.unit }}"
            + "{{ range (index site.Data.figures .Params.figures) }}"
            + "{{ if .gap }}<tr><th>{{ .period }}</th><td colspan=\"5\">No figures. {{ .note }}</td></tr>"
            + "{{ else }}{{ $rate := 0.0 }}{{ if gt .cases 0 }}{{ $rate = mul 100.0 (div (float .kept) .cases) }}{{ end }}"
            + "<tr><th>{{ .period }}</th><td>{{ lang.FormatNumber 0 .kept }} of {{ lang.FormatNumber 0 .cases }} {{ $unit }}</td>"
            + "<td>{{ lang.FormatNumber 1 $rate }}%</td><td>{{ $target }}%</td>"
            + "<td>{{ if ge $rate (float $target) }}Met{{ else }}Missed{{ end }}</td><td>{{ .excluded }}</td></tr>{{ end }}"
            + "{{ end }}</tbody></table></article>{{ end }}\n", StandardCharsets.UTF_8);
  }

  static String label(int index) {
    return String.format("%04d-%02d", index / 12, index % 12 + 1);
  }
}
