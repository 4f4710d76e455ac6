package ai.agentlens.web.error;

import ai.agentlens.web.auth.UnauthorizedException;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;

/** 401 with the reference's body: {@code {"error","hint","status":401}}. */
@Produces
@Singleton
public class UnauthorizedHandler
    implements ExceptionHandler<UnauthorizedException, HttpResponse<UnauthorizedHandler.Body>> {

  /**
   * The 401 body.
   *
   * @param error what is wrong
   * @param hint how to fix it
   * @param status 401
   */
  @Serdeable
  public record Body(String error, String hint, int status) {}

  @Override
  public HttpResponse<Body> handle(HttpRequest request, UnauthorizedException e) {
    return HttpResponse.<Body>status(HttpStatus.UNAUTHORIZED)
        .header("WWW-Authenticate", "Bearer")
        .body(
            new Body(
                e.getMessage(),
                "Send Authorization: Bearer <API key>; create keys in the dashboard or with the CLI",
                401));
  }
}
