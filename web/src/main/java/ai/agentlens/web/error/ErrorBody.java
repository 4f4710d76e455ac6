package ai.agentlens.web.error;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * The reference's error envelope: {@code {"error","status","details"?}} ({@code maxSize} on 413).
 *
 * @param error a message for a human; never a stack trace or an internal detail
 * @param status the HTTP status, repeated
 * @param details per-field problems (400 validation), or {@code null}
 * @param maxSize the body limit (413 only), or {@code null}
 */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ErrorBody(String error, int status, List<Problem> details, String maxSize) {

  /**
   * Creates a body without details.
   *
   * @param error the message
   * @param status the status
   * @return the body
   */
  public static ErrorBody of(String error, int status) {
    return new ErrorBody(error, status, null, null);
  }
}
