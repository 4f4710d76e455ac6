package ai.agentlens.core.guardrail.detect;

import java.util.Collection;
import java.util.List;

/**
 * Credential patterns (reference §4.3.6 {@code secrets_detection}). Pure and thread-safe. Shapes
 * that are public by design (a Stripe {@code pk_} key, a PEM public key) are not reported.
 */
public final class SecretsDetector {

  /** Every pattern name, the default set. */
  public static final List<String> NAMES;

  private static final PatternSet SET =
      new PatternSet("secrets")
          .add("aws_access_key", "\\b(?:AKIA|ASIA|AGPA|AIDA|AROA)[0-9A-Z]{16}\\b")
          .needs("AKIA", "ASIA", "AGPA", "AIDA", "AROA")
          .add(
              "aws_secret_key",
              "(?i)\\baws_?secret_?(?:access_?)?key\\b[\"']?\\s*[:=]\\s*[\"']?([A-Za-z0-9/+=]{40})(?![A-Za-z0-9/+=])",
              1,
              s -> true)
          .needsIgnoringCase("aws")
          .add("github_token", "\\b(?:gh[pousr]_[A-Za-z0-9]{36}|github_pat_[A-Za-z0-9_]{82})\\b")
          .needs("gh", "github_pat_")
          .add("anthropic_key", "\\bsk-ant-[A-Za-z0-9_-]{32,}")
          .needs("sk-ant-")
          .add(
              "openai_key",
              "\\bsk-(?!ant-)(?:proj-|svcacct-|admin-)?[A-Za-z0-9_-]{32,}(?![A-Za-z0-9_-])")
          .needs("sk-")
          .add("stripe_key", "\\b(?:sk|rk)_(?:live|test)_[A-Za-z0-9]{24,}\\b")
          .needs("_live_", "_test_")
          .add("bearer_token", "(?i)\\bbearer\\s+([A-Za-z0-9._~+/-]{20,}=*)", 1, s -> true)
          .needsIgnoringCase("bearer")
          .add(
              "api_key",
              "(?i)\\b(?:api[_-]?key|x-api-key|access[_-]?token|secret[_-]?key|client[_-]?secret)"
                  + "[\"']?\\s*[:=]\\s*[\"']?([A-Za-z0-9_\\-]{16,})",
              1,
              s -> true)
          .needsIgnoringCase("api", "access", "secret", "client")
          .add(
              "private_key",
              "-----BEGIN (?:RSA |EC |DSA |OPENSSH |ENCRYPTED )?PRIVATE KEY-----"
                  + "[A-Za-z0-9+/=\\s:,-]{0,10000}?-----END (?:RSA |EC |DSA |OPENSSH |ENCRYPTED )?PRIVATE KEY-----")
          .needs("-----BEGIN ")
          .add("jwt", "\\beyJ[A-Za-z0-9_-]{5,}\\.eyJ[A-Za-z0-9_-]{5,}\\.[A-Za-z0-9_-]{10,}")
          .needs("eyJ");

  static {
    NAMES = SET.names();
  }

  private SecretsDetector() {}

  /**
   * Finds credentials.
   *
   * @param text the content
   * @param names which patterns (subset of {@link #NAMES})
   * @return the findings
   */
  public static List<Span> find(CharSequence text, Collection<String> names) {
    return SET.find(text, names);
  }

  /**
   * Finds credentials, sharing each pattern's findings with the other rules of the scan.
   *
   * @param scan the content being checked
   * @param names which patterns (subset of {@link #NAMES})
   * @return the findings, as {@link #find(CharSequence, Collection)} gives them
   */
  public static List<Span> find(Scan scan, Collection<String> names) {
    return SET.find(scan, names);
  }
}
