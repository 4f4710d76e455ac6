package ai.agentlens.core.alert;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** The value rules of an {@link AlertRule.AlertSpec}: pure, one problem per broken field. */
public final class AlertSpecs {

  /** Longest name. */
  public static final int MAX_NAME = 200;

  /** Longest window: 30 days. */
  public static final int MAX_WINDOW_MINUTES = 43_200;

  /** Most notify channels per rule. */
  public static final int MAX_CHANNELS = 10;

  /** Most tags per rule. */
  public static final int MAX_TAGS = 20;

  /** Prefix of an e-mail channel. */
  public static final String EMAIL = "email:";

  private static final Pattern ADDRESS = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

  /**
   * One broken field.
   *
   * @param field the field's path, e.g. {@code notifyChannels.1}
   * @param message what is wrong
   */
  public record Problem(String field, String message) {}

  private AlertSpecs() {}

  /**
   * Checks a spec.
   *
   * @param s the spec
   * @return the problems; empty when valid
   */
  public static List<Problem> check(AlertRule.AlertSpec s) {
    List<Problem> out = new ArrayList<>();
    if (s.name() == null || s.name().isBlank()) {
      out.add(new Problem("name", "is required"));
    } else if (s.name().length() > MAX_NAME) {
      out.add(new Problem("name", "must be at most " + MAX_NAME + " characters"));
    }
    if (s.condition() == null) {
      out.add(new Problem("condition", "is required"));
    }
    if (!(s.threshold() >= 0) || Double.isInfinite(s.threshold())) {
      out.add(new Problem("threshold", "must be a number >= 0"));
    }
    if (s.windowMinutes() < 1 || s.windowMinutes() > MAX_WINDOW_MINUTES) {
      out.add(
          new Problem("windowMinutes", "must be a whole number from 1 to " + MAX_WINDOW_MINUTES));
    }
    if (s.agentId() != null && (s.agentId().isBlank() || s.agentId().length() > 256)) {
      out.add(new Problem("scope.agentId", "must be 1 to 256 characters"));
    }
    if (s.tags().size() > MAX_TAGS) {
      out.add(new Problem("scope.tags", "at most " + MAX_TAGS + " tags"));
    }
    for (int i = 0; i < s.tags().size(); i++) {
      if (s.tags().get(i) == null || s.tags().get(i).isBlank()) {
        out.add(new Problem("scope.tags." + i, "must be a non-empty string"));
      }
    }
    if (s.notifyChannels().size() > MAX_CHANNELS) {
      out.add(new Problem("notifyChannels", "at most " + MAX_CHANNELS + " channels"));
    }
    for (int i = 0; i < s.notifyChannels().size(); i++) {
      String problem = channelProblem(s.notifyChannels().get(i));
      if (problem != null) {
        out.add(new Problem("notifyChannels." + i, problem));
      }
    }
    return out;
  }

  /**
   * Checks one notify channel: an {@code http(s)://} URL with a host, or {@code email:address}.
   *
   * @param channel the channel
   * @return what is wrong, or {@code null} when valid
   */
  public static String channelProblem(String channel) {
    String msg = "must be an http(s) URL or email:address";
    if (channel == null || channel.isBlank() || channel.length() > 2048) {
      return msg;
    }
    if (channel.startsWith(EMAIL)) {
      return ADDRESS.matcher(channel.substring(EMAIL.length())).matches() ? null : msg;
    }
    try {
      URI u = new URI(channel);
      String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
      if (!(scheme.equals("http") || scheme.equals("https")) || u.getHost() == null) {
        return msg;
      }
      return u.getUserInfo() == null ? null : "must not carry user:password";
    } catch (URISyntaxException e) {
      return msg;
    }
  }
}
