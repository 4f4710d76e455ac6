package ai.agentlens.core.guardrail.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Each PII pattern: true positives and near misses, by hand. */
class PiiDetectorTest {

  private static List<String> found(String name, String text) {
    return PiiDetector.find(text, List.of(name)).stream()
        .map(s -> text.substring(s.start(), s.end()))
        .toList();
  }

  @Test
  void ssn() {
    assertThat(found("ssn", "my ssn is 123-45-6789.")).containsExactly("123-45-6789");
    assertThat(found("ssn", "000-12-3456 666-12-3456 912-12-3456")).isEmpty();
    assertThat(found("ssn", "123-00-4567 123-45-0000 123-45-67890 1123-45-6789")).isEmpty();
  }

  @Test
  void creditCardNeedsLuhn() {
    assertThat(found("credit_card", "card 4111 1111 1111 1111 ok"))
        .containsExactly("4111 1111 1111 1111");
    assertThat(found("credit_card", "pay 5500-0000-0000-0004"))
        .containsExactly("5500-0000-0000-0004");
    assertThat(found("credit_card", "378282246310005")).containsExactly("378282246310005");
    // last digit changed: Luhn fails
    assertThat(found("credit_card", "card 4111 1111 1111 1112")).isEmpty();
    // 12 digits: too short for a card
    assertThat(found("credit_card", "order 411111111111")).isEmpty();
    assertThat(PiiDetector.luhnCard("79927398713")).isFalse();
    assertThat(PiiDetector.luhnCard("4012888888881881")).isTrue();
  }

  @Test
  void email() {
    assertThat(found("email", "write to jane.doe+x@mail.example.co.uk now"))
        .containsExactly("jane.doe+x@mail.example.co.uk");
    assertThat(found("email", "user@localhost and @handle and a@b.c")).isEmpty();
  }

  @Test
  void phoneUs() {
    assertThat(found("phone_us", "call (415) 555-0132 or 415.555.0199 or +1 212-555-0100"))
        .containsExactly("(415) 555-0132", "415.555.0199", "+1 212-555-0100");
    // area and exchange codes cannot start with 0 or 1; a 9-digit number is not a phone
    assertThat(found("phone_us", "123-456-7890 415-155-0132 415-555-013")).isEmpty();
  }

  @Test
  void phoneIntl() {
    assertThat(found("phone_intl", "ring +44 20 7946 0958 or +49-30-1234567"))
        .containsExactly("+44 20 7946 0958", "+49-30-1234567");
    assertThat(found("phone_intl", "+44 12 and +0 20 7946 0958 and 44 20 7946 0958")).isEmpty();
  }

  @Test
  void ipAddress() {
    assertThat(found("ip_address", "from 192.168.1.20 and 8.8.8.8."))
        .containsExactly("192.168.1.20", "8.8.8.8");
    assertThat(found("ip_address", "256.1.1.1 1.2.3 version 1.2.3.4.5")).isEmpty();
  }

  @Test
  void dateOfBirthNeedsItsKeyword() {
    assertThat(found("date_of_birth", "DOB: 04/12/1985")).containsExactly("04/12/1985");
    assertThat(found("date_of_birth", "date of birth 1985-12-04")).containsExactly("1985-12-04");
    assertThat(found("date_of_birth", "meeting on 04/12/1985, born yesterday")).isEmpty();
  }

  @Test
  void passportNeedsItsKeywordAndADigit() {
    assertThat(found("passport", "Passport No: X1234567")).containsExactly("X1234567");
    assertThat(found("passport", "passport number ABCDEFGH, passport 12345")).isEmpty();
    assertThat(found("passport", "id X1234567")).isEmpty();
  }

  @Test
  void driversLicense() {
    assertThat(found("drivers_license", "driver's license: D1234-5678"))
        .containsExactly("D1234-5678");
    assertThat(found("drivers_license", "DL# A9876543")).containsExactly("A9876543");
    assertThat(found("drivers_license", "driver license pending, DLL 12345678")).isEmpty();
  }

  @Test
  void onlyTheAskedPatternsRun() {
    assertThat(PiiDetector.find("a@b.example 123-45-6789", List.of("ssn")))
        .extracting(Span::patternName)
        .containsExactly("ssn");
    assertThat(PiiDetector.NAMES)
        .containsExactly(
            "ssn",
            "credit_card",
            "email",
            "phone_us",
            "phone_intl",
            "ip_address",
            "date_of_birth",
            "passport",
            "drivers_license");
  }
}
