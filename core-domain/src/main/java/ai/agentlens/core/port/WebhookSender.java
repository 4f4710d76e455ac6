package ai.agentlens.core.port;

import java.net.URI;
import java.util.Map;

/**
 * Posts a JSON body to an operator- or user-configured URL (guardrail {@code notify_webhook}).
 * Implementations enforce http/https, a 10 s timeout, no redirects, and refuse loopback, private,
 * link-local and other non-public targets unless the operator allowed them. Thread-safe; never
 * throws.
 */
public interface WebhookSender {

  /**
   * The outcome of one delivery.
   *
   * @param status the HTTP status, or 0 when nothing was received
   * @param error why it was refused or failed, or {@code null}
   */
  record Result(int status, String error) {

    /**
     * Tells whether the target answered 2xx.
     *
     * @return whether delivered
     */
    public boolean delivered() {
      return error == null && status >= 200 && status < 300;
    }
  }

  /**
   * Sends one POST.
   *
   * @param url the target
   * @param headers extra headers (signature, user headers)
   * @param jsonBody the body
   * @return the outcome
   */
  Result post(URI url, Map<String, String> headers, String jsonBody);
}
