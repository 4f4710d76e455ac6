package ai.agentlens.web.error;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

/** A rejected ingest request: 400 with the reference's {@code details}. */
@Produces
@Singleton
public class BadRequestHandler
    implements ExceptionHandler<BadRequestException, HttpResponse<ErrorBody>> {

  @Override
  public HttpResponse<ErrorBody> handle(HttpRequest request, BadRequestException e) {
    return HttpResponse.badRequest(
        new ErrorBody(e.getMessage(), 400, e.problems().isEmpty() ? null : e.problems(), null));
  }
}
