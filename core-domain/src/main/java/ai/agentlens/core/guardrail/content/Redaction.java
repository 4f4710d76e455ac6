package ai.agentlens.core.guardrail.content;

import ai.agentlens.core.guardrail.model.ActionType;
import ai.agentlens.core.guardrail.model.GuardrailRule;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Replaces the spans found by non-dry-run redact rules; overlapping spans merge into one. */
final class Redaction {

  private Redaction() {}

  static String apply(String content, List<ContentMatch> matches, List<GuardrailRule> rules) {
    Map<String, GuardrailRule> byId =
        rules.stream().collect(Collectors.toMap(GuardrailRule::id, Function.identity()));
    List<ContentMatch> spans = new ArrayList<>();
    for (ContentMatch m : matches) {
      if (!m.dryRun() && m.actionType() == ActionType.REDACT) {
        spans.add(m);
      }
    }
    spans.sort(Comparator.comparingInt(ContentMatch::start).thenComparing(m -> -m.end()));
    StringBuilder out = new StringBuilder(content.length());
    int pos = 0;
    for (ContentMatch m : spans) {
      if (m.end() <= pos) {
        continue;
      }
      int from = Math.max(pos, m.start());
      out.append(content, pos, from);
      if (from == m.start()) {
        GuardrailRule r = byId.get(m.ruleId());
        String replacement = r == null ? null : r.actionConfig().string("replacement");
        out.append(replacement != null ? replacement : "[REDACTED:" + m.patternName() + "]");
      }
      pos = m.end();
    }
    out.append(content, pos, content.length());
    return out.toString();
  }
}
