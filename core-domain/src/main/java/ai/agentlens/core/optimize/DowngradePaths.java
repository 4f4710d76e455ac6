package ai.agentlens.core.optimize;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The allowed model switches of reference §4.3.8: a model is only ever recommended to move to one
 * of its listed cheaper siblings. Model names match like the price table: exactly, or by the
 * longest listed name that is a prefix followed by {@code -} (so {@code gpt-4o-2024-08-06} is
 * {@code gpt-4o} while {@code gpt-4o-mini} stays {@code gpt-4o-mini}); case and a provider prefix
 * ({@code openai/}) are ignored. The reference writes Claude 3.5 Haiku as {@code claude-haiku-3.5},
 * a name no provider uses; here it is {@code claude-3-5-haiku}, Anthropic's name.
 */
public final class DowngradePaths {

  private static final Map<String, List<String>> PATHS = new LinkedHashMap<>();

  static {
    PATHS.put("claude-opus-4-6", List.of("claude-sonnet-4-6", "claude-sonnet-4"));
    PATHS.put("claude-opus-4", List.of("claude-sonnet-4", "claude-sonnet-4-6"));
    PATHS.put("claude-sonnet-4-6", List.of("claude-haiku-4-5"));
    PATHS.put("claude-sonnet-4", List.of("claude-haiku-4-5", "claude-3-5-haiku"));
    PATHS.put("gpt-4o", List.of("gpt-4o-mini"));
    PATHS.put("gpt-4.1", List.of("gpt-4.1-mini", "gpt-4.1-nano"));
    PATHS.put("gpt-4.1-mini", List.of("gpt-4.1-nano"));
  }

  private static final List<String> KNOWN;

  static {
    Set<String> all = new TreeSet<>(PATHS.keySet());
    PATHS.values().forEach(all::addAll);
    KNOWN = all.stream().sorted(Comparator.comparingInt(String::length).reversed()).toList();
  }

  private DowngradePaths() {}

  /**
   * Names the listed model a client's model name stands for.
   *
   * @param model as the client named it, e.g. {@code claude-haiku-4-5-20251001}
   * @return the listed name, e.g. {@code claude-haiku-4-5}, or the lower-cased name when unlisted
   */
  public static String canonical(String model) {
    String name = model.toLowerCase(Locale.ROOT).trim();
    int slash = name.lastIndexOf('/');
    if (slash >= 0) {
      name = name.substring(slash + 1);
    }
    for (String known : KNOWN) {
      if (name.equals(known) || name.startsWith(known + "-")) {
        return known;
      }
    }
    return name;
  }

  /**
   * Tells whether switching from one model to another is allowed.
   *
   * @param from the current model, as the client named it
   * @param to the candidate, as the client named it
   * @return {@code true} when {@code to} is in {@code from}'s list
   */
  public static boolean allows(String from, String to) {
    return PATHS.getOrDefault(canonical(from), List.of()).contains(canonical(to));
  }

  /**
   * Returns the table, for the docs and the dashboard.
   *
   * @return model → allowed cheaper models, in table order
   */
  public static Map<String, List<String>> table() {
    return java.util.Collections.unmodifiableMap(PATHS);
  }
}
