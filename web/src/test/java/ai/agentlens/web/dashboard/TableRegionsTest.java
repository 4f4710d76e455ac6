package ai.agentlens.web.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every table wrapper of the dashboard is a focusable, labelled region: a wrapper scrolls when its
 * table overflows, and axe's {@code scrollable-region-focusable} then fails a page whose wrapper
 * cannot take focus (seen on the incident page once its tables grew).
 */
class TableRegionsTest {

  private static final Pattern WRAPPER = Pattern.compile("<div class=\"table-wrap[^\"]*\"[^>]*>");
  private static final Pattern REGION =
      Pattern.compile("tabindex=\"0\" role=\"region\" aria-label=\"[^\"]+\"");

  @Test
  void everyTableWrapperIsAFocusableLabelledRegion() throws IOException {
    List<String> wrappers = new ArrayList<>();
    List<String> bare = new ArrayList<>();
    try (Stream<Path> files = Files.walk(Path.of("src/main/jte"))) {
      for (Path f : files.filter(p -> p.toString().endsWith(".jte")).toList()) {
        Matcher m = WRAPPER.matcher(Files.readString(f));
        while (m.find()) {
          wrappers.add(f + ": " + m.group());
          if (!REGION.matcher(m.group()).find()) {
            bare.add(f + ": " + m.group());
          }
        }
      }
    }
    assertThat(wrappers).as("table wrappers found").hasSizeGreaterThan(20);
    assertThat(bare).as("wrappers without tabindex, role and label").isEmpty();
  }
}
