package ai.agentlens.core.account.policy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordPolicyTest {

  @Test
  void enforcesLengthAndCharacterClasses() {
    assertThat(PasswordPolicy.problem("Abcdef12")).isEmpty();
    assertThat(PasswordPolicy.problem("Abc12")).contains("must be at least 8 characters");
    assertThat(PasswordPolicy.problem("abcdefg1")).contains("must contain an upper-case letter");
    assertThat(PasswordPolicy.problem("ABCDEFG1")).contains("must contain a lower-case letter");
    assertThat(PasswordPolicy.problem("Abcdefgh")).contains("must contain a digit");
    assertThat(PasswordPolicy.problem(null)).isPresent();
    assertThat(PasswordPolicy.problem("Aa1" + "x".repeat(70))).contains("must be at most 72 bytes");
  }
}
