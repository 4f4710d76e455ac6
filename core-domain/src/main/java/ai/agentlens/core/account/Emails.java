package ai.agentlens.core.account;

import ai.agentlens.core.account.model.AccountException;
import java.util.Locale;
import java.util.regex.Pattern;

/** E-mail address normalization and a deliberately simple shape check. */
public final class Emails {

  private static final Pattern SHAPE = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+");

  private Emails() {}

  /**
   * Normalizes an address: trimmed, lower case, checked for a plausible shape.
   *
   * @param raw the address as typed
   * @return the normalized address
   * @throws AccountException (invalid) when missing or not shaped like an address
   */
  public static String normalize(String raw) {
    if (raw == null) {
      throw AccountException.invalid("email: missing");
    }
    String e = raw.trim().toLowerCase(Locale.ROOT);
    if (e.length() > 320 || !SHAPE.matcher(e).matches()) {
      throw AccountException.invalid("email: not an e-mail address");
    }
    return e;
  }
}
