package ai.agentlens.core.guardrail.detect;

import java.util.Collection;
import java.util.List;

/**
 * Personal data patterns (reference §4.3.6 {@code pii_detection}). Pure and thread-safe. Numbers
 * that only look like a card (Luhn fails) or an SSN in a reserved range are not reported; dates,
 * passports and driver's licences need their keyword nearby so that every date or code is not PII.
 */
public final class PiiDetector {

  /** Every pattern name, the default set. */
  public static final List<String> NAMES;

  private static final String DATE = "(?:\\d{1,2}[/.-]\\d{1,2}[/.-]\\d{2,4}|\\d{4}-\\d{2}-\\d{2})";
  private static final String OCTET = "(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)";
  private static final PatternSet SET =
      new PatternSet("pii")
          .add("ssn", "(?<![\\d-])(?!000|666|9\\d\\d)\\d{3}-(?!00)\\d{2}-(?!0000)\\d{4}(?![\\d-])")
          .needs("-")
          .add(
              "credit_card",
              "(?<![\\d-])(?:\\d[ -]?){12,18}\\d(?![\\d-])",
              0,
              PiiDetector::luhnCard)
          .needsDigits(13)
          .add(
              "email",
              "(?<![\\w.%+-])[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}\\b")
          .needs("@")
          .add(
              "phone_us",
              "(?<![\\d+])(?:\\+?1[ .-]?)?(?:\\([2-9]\\d{2}\\)|[2-9]\\d{2})[ .-]?[2-9]\\d{2}[ .-]\\d{4}(?!\\d)")
          .needsDigits(10)
          .add(
              "phone_intl",
              "(?<![\\w+])\\+(?!1\\b)[2-9]\\d{0,2}(?:[ .-]?\\d{1,4}){2,5}(?!\\d)",
              0,
              PiiDetector::intlDigits)
          .needs("+")
          .add("ip_address", "(?<![\\d.])" + OCTET + "(?:\\." + OCTET + "){3}(?!\\.?\\d)")
          .needsDigitDotDigit()
          .add(
              "date_of_birth",
              "(?i)\\b(?:dob|d\\.o\\.b\\.|date of birth|birth ?date|born(?: on)?)\\b\\s*[:=-]?\\s*("
                  + DATE
                  + ")(?!\\d)",
              1,
              s -> true)
          .needsIgnoringCase("dob", "d.o.b.", "birth", "born")
          .add(
              "passport",
              "(?i)\\bpassport(?:\\s*(?:no\\.?|number|num|#))?\\s*[:#-]?\\s*([A-Z0-9]{6,9})\\b",
              1,
              PiiDetector::hasDigit)
          .needsIgnoringCase("passport")
          .add(
              "drivers_license",
              "(?i)\\b(?:driver'?s?\\s*licen[cs]e|\\bDL)(?:\\s*(?:no\\.?|number|num|#))?\\s*[:#-]?\\s*([A-Z0-9-]{5,15})\\b",
              1,
              PiiDetector::hasDigit)
          .needsIgnoringCase("driver", "dl");

  static {
    NAMES = SET.names();
  }

  private PiiDetector() {}

  /**
   * Finds personal data.
   *
   * @param text the content
   * @param names which patterns to look for (subset of {@link #NAMES})
   * @return the findings, grouped by pattern in {@link #NAMES} order
   */
  public static List<Span> find(CharSequence text, Collection<String> names) {
    return SET.find(text, names);
  }

  /**
   * Finds personal data, sharing each pattern's findings with the other rules of the scan.
   *
   * @param scan the content being checked
   * @param names which patterns to look for (subset of {@link #NAMES})
   * @return the findings, as {@link #find(CharSequence, Collection)} gives them
   */
  public static List<Span> find(Scan scan, Collection<String> names) {
    return SET.find(scan, names);
  }

  /**
   * The Luhn check on the digits of a candidate card number (13–19 digits).
   *
   * @param candidate digits with optional spaces or dashes
   * @return whether it passes
   */
  public static boolean luhnCard(String candidate) {
    String digits = candidate.replaceAll("[ -]", "");
    if (digits.length() < 13 || digits.length() > 19) {
      return false;
    }
    int sum = 0;
    boolean twice = false;
    for (int i = digits.length() - 1; i >= 0; i--) {
      int d = digits.charAt(i) - '0';
      if (twice) {
        d *= 2;
        if (d > 9) {
          d -= 9;
        }
      }
      sum += d;
      twice = !twice;
    }
    return sum % 10 == 0;
  }

  private static boolean intlDigits(String s) {
    long n = s.chars().filter(Character::isDigit).count();
    return n >= 8 && n <= 15;
  }

  private static boolean hasDigit(String s) {
    return s.chars().anyMatch(Character::isDigit);
  }
}
