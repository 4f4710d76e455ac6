package ai.agentlens.web.ingest;

import ai.agentlens.web.error.ErrorBody;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

/** A rejected ingest request: 400 with the reference's {@code details}. */
@Produces
@Singleton
public class InvalidIngestHandler
    implements ExceptionHandler<InvalidIngestException, HttpResponse<ErrorBody>> {

  @Override
  public HttpResponse<ErrorBody> handle(HttpRequest request, InvalidIngestException e) {
    return HttpResponse.badRequest(
        new ErrorBody(e.getMessage(), 400, e.problems().isEmpty() ? null : e.problems(), null));
  }
}
