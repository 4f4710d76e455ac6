package ai.agentlens.web.transfer;

import ai.agentlens.core.account.model.AccountException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/** Reads the export's {@code from} and {@code to}: a UTC date or an RFC 3339 time. */
final class TransferTimes {

  private TransferTimes() {}

  static Instant parse(String field, String raw) {
    if (raw == null || raw.isBlank()) {
      return null;
    }
    try {
      if (raw.length() == 10) {
        return LocalDate.parse(raw).atStartOfDay().toInstant(ZoneOffset.UTC);
      }
      return OffsetDateTime.parse(raw).toInstant();
    } catch (DateTimeParseException e) {
      throw AccountException.invalid(
          field + ": a date (YYYY-MM-DD) or an RFC 3339 time, got '" + raw + "'");
    }
  }
}
