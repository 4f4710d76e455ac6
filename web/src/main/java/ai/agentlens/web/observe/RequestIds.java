package ai.agentlens.web.observe;

import com.github.f4b6a3.ulid.UlidCreator;
import java.util.regex.Pattern;

/**
 * Request ids: a caller's {@code X-Request-Id} is kept when it is sane (1–64 characters of letters,
 * digits, {@code . _ : -}), so a proxy's id follows the request through our logs; anything else
 * (missing, too long, spaces, control characters that could forge log lines) gets a fresh ULID.
 */
public final class RequestIds {

  /** The request and response header. */
  public static final String HEADER = "X-Request-Id";

  private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

  private RequestIds() {}

  /**
   * Returns the id to use for a request.
   *
   * @param incoming the caller's header value, or {@code null}
   * @return {@code incoming} when sane, otherwise a new ULID
   */
  public static String choose(String incoming) {
    if (incoming != null && SANE.matcher(incoming).matches()) {
      return incoming;
    }
    return UlidCreator.getMonotonicUlid().toString();
  }
}
