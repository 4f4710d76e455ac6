package ai.agentlens.web.error;

import ai.agentlens.core.account.model.AccountException;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

/** A refused account or org operation: its kind picks the status, its message is the error. */
@Produces
@Singleton
public class AccountErrorHandler
    implements ExceptionHandler<AccountException, HttpResponse<ErrorBody>> {

  /** Seconds a locked-out client should wait (the lockout window). */
  static final String LOCKOUT_RETRY_AFTER = "900";

  @Override
  public HttpResponse<ErrorBody> handle(HttpRequest request, AccountException e) {
    HttpStatus status =
        switch (e.kind()) {
          case INVALID -> HttpStatus.BAD_REQUEST;
          case UNAUTHENTICATED -> HttpStatus.UNAUTHORIZED;
          case LIMIT -> HttpStatus.PAYMENT_REQUIRED;
          case FORBIDDEN -> HttpStatus.FORBIDDEN;
          case NOT_FOUND -> HttpStatus.NOT_FOUND;
          case CONFLICT -> HttpStatus.CONFLICT;
          case LOCKED -> HttpStatus.TOO_MANY_REQUESTS;
        };
    MutableHttpResponse<ErrorBody> r =
        HttpResponse.<ErrorBody>status(status).body(ErrorBody.of(e.getMessage(), status.getCode()));
    if (e.kind() == AccountException.Kind.LOCKED) {
      r.header("Retry-After", retryAfter(e));
    }
    return r;
  }

  /**
   * Returns {@code Retry-After} for a LOCKED refusal: its own wait (a throttled address), else the
   * lockout window.
   *
   * @param e the refusal
   * @return whole seconds
   */
  public static String retryAfter(AccountException e) {
    return e.retryAfterSeconds() > 0 ? Long.toString(e.retryAfterSeconds()) : LOCKOUT_RETRY_AFTER;
  }
}
