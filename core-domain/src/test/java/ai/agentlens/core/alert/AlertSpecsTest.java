package ai.agentlens.core.alert;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class AlertSpecsTest {

  private static AlertRule.AlertSpec spec(
      String name, double threshold, int window, List<String> channels) {
    return new AlertRule.AlertSpec(
        name, true, AlertCondition.COST_EXCEEDS, threshold, window, null, List.of(), channels);
  }

  private static List<String> fields(AlertRule.AlertSpec s) {
    return AlertSpecs.check(s).stream().map(AlertSpecs.Problem::field).toList();
  }

  @Test
  void aValidSpecHasNoProblem() {
    assertThat(
            AlertSpecs.check(spec("ok", 0, 1, List.of("https://h.example.com/x", "email:a@b.co"))))
        .isEmpty();
    assertThat(AlertSpecs.check(spec("ok", 1e9, 43_200, List.of("http://h.example.com"))))
        .isEmpty();
  }

  @Test
  void eachBrokenFieldIsNamed() {
    assertThat(fields(spec(" ", 1, 60, List.of()))).containsExactly("name");
    assertThat(fields(spec("x".repeat(201), 1, 60, List.of()))).containsExactly("name");
    assertThat(fields(spec("n", -0.01, 60, List.of()))).containsExactly("threshold");
    assertThat(fields(spec("n", Double.NaN, 60, List.of()))).containsExactly("threshold");
    assertThat(fields(spec("n", Double.POSITIVE_INFINITY, 60, List.of())))
        .containsExactly("threshold");
    assertThat(fields(spec("n", 1, 0, List.of()))).containsExactly("windowMinutes");
    assertThat(fields(spec("n", 1, 43_201, List.of()))).containsExactly("windowMinutes");
    assertThat(
            fields(
                new AlertRule.AlertSpec("n", true, null, 1, 60, "", List.of("ok", " "), List.of())))
        .containsExactly("condition", "scope.agentId", "scope.tags.1");
    assertThat(fields(spec("n", 1, 60, java.util.Collections.nCopies(11, "email:a@b.co"))))
        .containsExactly("notifyChannels");
  }

  @Test
  void channelsAreHttpUrlsOrEmailAddresses() {
    assertThat(AlertSpecs.channelProblem("https://hooks.example.com/a?b=c")).isNull();
    assertThat(AlertSpecs.channelProblem("HTTP://hooks.example.com")).isNull();
    assertThat(AlertSpecs.channelProblem("email:ops@example.com")).isNull();
    assertThat(AlertSpecs.channelProblem("ftp://hooks.example.com")).isNotNull();
    assertThat(AlertSpecs.channelProblem("https:///nohost")).isNotNull();
    assertThat(AlertSpecs.channelProblem("hooks.example.com")).isNotNull();
    assertThat(AlertSpecs.channelProblem("email:nope")).isNotNull();
    assertThat(AlertSpecs.channelProblem("email:a@b")).isNotNull();
    assertThat(AlertSpecs.channelProblem("https://u:p@hooks.example.com"))
        .isEqualTo("must not carry user:password");
    assertThat(AlertSpecs.channelProblem("")).isNotNull();
    assertThat(AlertSpecs.channelProblem(null)).isNotNull();
  }
}
