package ai.agentlens.web.error;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.server.exceptions.response.Error;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.JsonErrorResponseBodyProvider;
import jakarta.inject.Singleton;

/**
 * Every JSON error the framework produces (unknown route, wrong method, body too large, a failed
 * conversion, an unexpected exception) in the reference's envelope. Server errors never carry the
 * exception's message: that may name internals; the log has it.
 */
@Singleton
@Replaces(JsonErrorResponseBodyProvider.class)
public class ErrorBodyProvider implements JsonErrorResponseBodyProvider<ErrorBody> {

  /** The request body limit, as the reference spells it. */
  public static final String MAX_BODY = "1MB";

  @Override
  public ErrorBody body(ErrorContext context, HttpResponse<?> response) {
    int status = response.code();
    return switch (status) {
      case 400 -> ErrorBody.of(firstMessage(context, "Bad request"), 400);
      case 401 -> ErrorBody.of("Authentication required", 401);
      case 403 -> ErrorBody.of("Insufficient permissions", 403);
      case 404 -> ErrorBody.of("Not found", 404);
      case 405 -> ErrorBody.of("Method not allowed", 405);
      case 406 -> ErrorBody.of("Not acceptable", 406);
      case 413 -> new ErrorBody("Request body too large", 413, null, MAX_BODY);
      case 415 -> ErrorBody.of("Unsupported media type: send application/json", 415);
      default ->
          status >= 500
              ? ErrorBody.of("Internal server error", status)
              : ErrorBody.of(firstMessage(context, "Request failed"), status);
    };
  }

  private static String firstMessage(ErrorContext context, String fallback) {
    return context.getErrors().stream()
        .map(Error::getMessage)
        .filter(m -> m != null && !m.isBlank())
        .findFirst()
        .orElse(fallback);
  }
}
