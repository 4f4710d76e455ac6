package ai.agentlens.core.port.alerting;

/**
 * Posts JSON to user-supplied webhook URLs through one guarded HTTP client (DESIGN: outbound
 * calls): {@code http}/{@code https} only, no redirects, a bounded time per call (10 s), and no
 * loopback, private, link-local or otherwise non-public target unless the operator allowed them.
 *
 * <p>Contract: never throws; returns the outcome. A failure's reason is short and never contains
 * the URL (it may carry a token). Thread-safe.
 */
public interface WebhookSender {

  /**
   * Posts a JSON body.
   *
   * @param url the target URL
   * @param json the body
   * @return {@link Outcome#OK}, or a failure with its reason
   */
  Outcome post(String url, String json);

  /**
   * What became of a post.
   *
   * @param ok whether the target answered 2xx
   * @param error why not (refused target, timeout, unreachable, the non-2xx status), or {@code
   *     null}
   */
  record Outcome(boolean ok, String error) {

    /** Delivered. */
    public static final Outcome OK = new Outcome(true, null);

    /**
     * A failure.
     *
     * @param reason why
     * @return the outcome
     */
    public static Outcome failed(String reason) {
      return new Outcome(false, reason);
    }
  }
}
