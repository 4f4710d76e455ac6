package ai.agentlens.core.event;

import ai.agentlens.core.error.InvalidInputException;
import ai.agentlens.core.json.Utf16;

/**
 * Length and character rules for stored text fields, checked before any SQL runs so that bad input
 * surfaces as {@link InvalidInputException} on every backend alike.
 */
public final class Fields {

  /** Longest id (event, session, agent, org, user, key …) accepted. */
  public static final int MAX_ID = 128;

  /** Longest session or agent id accepted. */
  public static final int MAX_NAME = 256;

  /** Longest free text (names, URLs, actions) accepted. */
  public static final int MAX_TEXT = 2048;

  private Fields() {}

  /**
   * Checks a required text field.
   *
   * @param field field name for the message
   * @param value the value
   * @param max longest length accepted, in characters
   * @return the value
   * @throws InvalidInputException when missing, blank, too long, holding control characters or a
   *     lone surrogate
   */
  public static String required(String field, String value, int max) {
    if (value == null || value.isBlank()) {
      throw new InvalidInputException(field + ": missing or blank");
    }
    return optional(field, value, max);
  }

  /**
   * Checks an optional text field.
   *
   * @param field field name for the message
   * @param value the value, or {@code null}
   * @param max longest length accepted, in characters
   * @return the value
   * @throws InvalidInputException when too long, holding control characters or a lone surrogate
   */
  public static String optional(String field, String value, int max) {
    if (value == null) {
      return null;
    }
    if (value.length() > max) {
      throw new InvalidInputException(field + ": longer than " + max + " characters");
    }
    for (int i = 0; i < value.length(); i++) {
      if (Character.isISOControl(value.charAt(i))) {
        throw new InvalidInputException(field + ": contains a control character");
      }
    }
    if (!Utf16.isWellFormed(value)) {
      throw new InvalidInputException(field + ": contains a lone surrogate (not valid Unicode)");
    }
    return value;
  }
}
