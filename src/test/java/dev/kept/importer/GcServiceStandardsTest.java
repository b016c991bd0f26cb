package dev.kept.importer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kept.publish.Publisher;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12: the importer compares the source's own verdict ({@code target_met}) with its counts
 * judged as {@code measure.Judge} judges a target reached (H2, exactly), and takes the shared web
 * address and slug rules.
 */
class GcServiceStandardsTest {
  static final String HEADER =
      "fiscal_yr,service_id,service_name_en,service_standard_id,service_standard_en,channel,target,"
          + "volume_meeting_target,total_volume,target_met,standards_targets_uri_en,performance_results_uri_en,"
          + "owner_org_title\n";

  @TempDir Path dir;

  private GcServiceStandards.Summary importRows(String rows) throws Exception {
    Path source = dir.resolve("source.csv");
    Files.writeString(source, HEADER + rows, StandardCharsets.UTF_8);
    Publisher out = Publisher.newFolder(dir.resolve("charter"), Publisher.DEFAULT_WAIT, notice -> {});
    return new GcServiceStandards().importFiles(List.of(source), out, "2026-12-01", "2027-12-01");
  }

  @Test
  void countsExactlyAtTheTargetReachIt() throws Exception {
    GcServiceStandards.Summary s =
        importRows(
            "2023-2024,S1,Calls,101,Answer calls within 60 seconds,TEL,0.9,90,100,Y,https://example.org/a,,Agriculture and Agri-Food Canada\n"
                + "2023-2024,S2,Mail,102,Answer letters within 10 days,PST,0.9,89,100,Y,,,Agriculture and Agri-Food Canada\n"
                + "2023-2024,S3,Visits,103,Serve visitors within 20 minutes,INP,0.9,91,100,N,,,Agriculture and Agri-Food Canada\n");
    assertThat(s.published())
        .isEqualTo(
            Map.of(
                "published as met, and the counts agree", 1,
                "published as met, but the counts show the target missed", 1,
                "published as not met, but the counts show the target met", 1));
    assertThat(s.notes()).hasSize(2).allMatch(n -> n.contains(" against 90%"));
  }

  @Test
  void anIdIsMadeByTheSharedSlugRuleAndAnAddressByTheSharedAddressRule() throws Exception {
    importRows(
        "2023-2024,S1,Calls,\" Std #7 \",Answer calls within 60 seconds,TEL,0.9,90,100,Y,"
            + "not-an-address <> https://example.org/std,HTTP://EXAMPLE.ORG/results,Agriculture and Agri-Food Canada\n");
    Path promise = dir.resolve("charter/promises/gc-aafc-std-7.yaml");
    assertThat(promise).exists();
    String yaml = Files.readString(promise, StandardCharsets.UTF_8);
    assertThat(yaml).contains("promise_url: https://example.org/std").contains("results_url: HTTP://EXAMPLE.ORG/results");
  }
}
