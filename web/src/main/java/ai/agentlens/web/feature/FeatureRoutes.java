package ai.agentlens.web.feature;

import ai.agentlens.core.plan.Feature;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Which feature a path belongs to, by prefix, so a route added later under a prefix is gated
 * without touching it. {@link FeatureFilter}'s patterns select the same paths; {@code
 * FeatureRoutesTest} checks that the two agree.
 */
public final class FeatureRoutes {

  /**
   * A path prefix (the path itself or anything below it) and its feature.
   *
   * @param prefix e.g. {@code /api/analytics}
   * @param feature the feature
   */
  record Prefix(String prefix, Feature feature) {}

  /** The table, one line per prefix. */
  static final List<Prefix> PREFIXES =
      List.of(
          new Prefix("/api/analytics", Feature.ANALYTICS),
          new Prefix("/analytics", Feature.ANALYTICS),
          new Prefix("/api/compliance", Feature.COMPLIANCE),
          new Prefix("/compliance", Feature.COMPLIANCE),
          new Prefix("/api/agents/cards", Feature.COMPLIANCE));

  /** One agent's card: {@code /api/agents/{id}/card}. */
  private static final Pattern AGENT_CARD = Pattern.compile("/api/agents/[^/]+/card/?");

  private FeatureRoutes() {}

  /**
   * Returns the feature a request path belongs to.
   *
   * @param path the request path, without the query
   * @return the feature, or empty for an ungated path
   */
  public static Optional<Feature> of(String path) {
    if (path == null) {
      return Optional.empty();
    }
    for (Prefix p : PREFIXES) {
      if (path.equals(p.prefix()) || path.startsWith(p.prefix() + "/")) {
        return Optional.of(p.feature());
      }
    }
    return AGENT_CARD.matcher(path).matches() ? Optional.of(Feature.COMPLIANCE) : Optional.empty();
  }
}
