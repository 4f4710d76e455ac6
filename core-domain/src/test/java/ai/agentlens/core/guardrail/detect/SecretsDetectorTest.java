package ai.agentlens.core.guardrail.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Each secret pattern: true positives and near misses, by hand. */
class SecretsDetectorTest {

  private static final String A36 = "abcdefghijklmnopqrstuvwxyz0123456789";

  private static List<String> found(String name, String text) {
    return SecretsDetector.find(text, List.of(name)).stream()
        .map(s -> text.substring(s.start(), s.end()))
        .toList();
  }

  @Test
  void awsKeys() {
    assertThat(found("aws_access_key", "key AKIAIOSFODNN7EXAMPLE here"))
        .containsExactly("AKIAIOSFODNN7EXAMPLE");
    assertThat(found("aws_access_key", "AKIAIOSFODNN7EXAMPL AKIAiosfodnn7example")).isEmpty();
    String secret = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
    assertThat(found("aws_secret_key", "aws_secret_access_key = " + secret))
        .containsExactly(secret);
    assertThat(found("aws_secret_key", "aws_secret_access_key = " + secret.substring(1))).isEmpty();
    assertThat(found("aws_secret_key", "some_value = " + secret)).isEmpty();
  }

  @Test
  void githubTokens() {
    assertThat(found("github_token", "token ghp_" + A36)).containsExactly("ghp_" + A36);
    assertThat(found("github_token", "gho_" + A36)).hasSize(1);
    assertThat(found("github_token", "ghp_" + A36.substring(1) + " ghx_" + A36)).isEmpty();
  }

  @Test
  void openAiAnthropicAndStripeAreToldApart() {
    String openai = "sk-proj-" + A36;
    String anthropic = "sk-ant-api03-" + A36;
    String stripe = "sk_live_" + "4eC39HqLyjWDarjtT1zdp7dc";
    String text = openai + " " + anthropic + " " + stripe;
    assertThat(found("openai_key", text)).containsExactly(openai);
    assertThat(found("anthropic_key", text)).containsExactly(anthropic);
    assertThat(found("stripe_key", text)).containsExactly(stripe);
    assertThat(found("openai_key", "sk-short and sk-1234")).isEmpty();
    assertThat(found("anthropic_key", "sk-ant-short")).isEmpty();
    // publishable keys are public by design
    assertThat(found("stripe_key", "pk_live_4eC39HqLyjWDarjtT1zdp7dc sk_live_short")).isEmpty();
  }

  @Test
  void bearerAndApiKeys() {
    assertThat(found("bearer_token", "Authorization: Bearer abcDEF123456ghiJKL7890xyz"))
        .containsExactly("abcDEF123456ghiJKL7890xyz");
    assertThat(found("bearer_token", "the bearer of bad news, Bearer short")).isEmpty();
    assertThat(found("api_key", "API_KEY=\"a1b2c3d4e5f6g7h8i9\""))
        .containsExactly("a1b2c3d4e5f6g7h8i9");
    assertThat(found("api_key", "x-api-key: 0123456789abcdef")).containsExactly("0123456789abcdef");
    assertThat(found("api_key", "api_key = short; the api key is documented")).isEmpty();
  }

  @Test
  void pemPrivateKeysButNotPublicKeys() {
    String pem = "-----BEGIN RSA PRIVATE KEY-----\nMIIEow\nIBAAK==\n-----END RSA PRIVATE KEY-----";
    assertThat(found("private_key", "key:\n" + pem + "\n")).containsExactly(pem);
    assertThat(found("private_key", "-----BEGIN PUBLIC KEY-----\nMIIB\n-----END PUBLIC KEY-----"))
        .isEmpty();
    assertThat(found("private_key", "-----BEGIN PRIVATE KEY----- never ends")).isEmpty();
  }

  @Test
  void jwt() {
    String jwt =
        "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U";
    assertThat(found("jwt", "token=" + jwt)).containsExactly(jwt);
    assertThat(found("jwt", "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0")).isEmpty();
    assertThat(found("jwt", "eyJhbGci.notjson.sig")).isEmpty();
  }
}
