package ai.agentlens.core.guardrail.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The regex guard: flags, refused shapes, and the deadline. */
class SafeRegexTest {

  @Test
  void flagsApply() {
    Pattern p = SafeRegex.compile("order-\\d+", "gi");
    assertThat(SafeRegex.find(p, "ORDER-12 and order-7", "orders", Long.MAX_VALUE))
        .extracting(Span::start, Span::end)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(0, 8), org.assertj.core.groups.Tuple.tuple(13, 20));
    assertThat(SafeRegex.find(SafeRegex.compile("order", ""), "ORDER", "o", Long.MAX_VALUE))
        .isEmpty();
    assertThat(SafeRegex.find(SafeRegex.compile("^b", "m"), "a\nb", "o", Long.MAX_VALUE))
        .hasSize(1);
  }

  @Test
  void refusesCatastrophicAndBrokenPatterns() {
    assertThat(SafeRegex.problem("(a+)+$", "gi")).get().asString().contains("catastrophic");
    assertThat(SafeRegex.problem("(\\w*)*x", "")).get().asString().contains("catastrophic");
    assertThat(SafeRegex.problem("(a|b){2,}", "")).isEmpty();
    assertThat(SafeRegex.problem("(a)\\1", "")).get().asString().contains("back-references");
    assertThat(SafeRegex.problem("[unclosed", ""))
        .get()
        .asString()
        .startsWith("pattern does not compile");
    assertThat(SafeRegex.problem("x".repeat(501), "")).get().asString().contains("1 to 500");
    assertThat(SafeRegex.problem("abc", "gx")).get().asString().startsWith("flags");
    assertThat(SafeRegex.problem("\\bsecret\\b", "gimsu")).isEmpty();
  }

  @Test
  void stopsAtTheDeadline() {
    // a pattern the static check lets through (no quantifier inside the group's quantifier
    // shape) that still backtracks exponentially on the JDK engine
    Pattern evil = SafeRegex.compile("(.*a){20}b", "");
    String text = "a".repeat(40);
    long deadline = System.nanoTime() + 20_000_000L;
    long start = System.nanoTime();
    assertThatThrownBy(() -> SafeRegex.find(evil, text, "evil", deadline))
        .isInstanceOf(SafeRegex.TimedOut.class);
    assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(1000);
  }
}
