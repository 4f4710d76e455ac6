package ai.agentlens.web.error;

import ai.agentlens.core.port.Mailer;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A mail that could not be handed over: 502, the request's own effects stay. */
@Produces
@Singleton
public class MailErrorHandler
    implements ExceptionHandler<Mailer.MailException, HttpResponse<ErrorBody>> {

  private static final Logger LOG = LoggerFactory.getLogger(MailErrorHandler.class);

  @Override
  public HttpResponse<ErrorBody> handle(HttpRequest request, Mailer.MailException e) {
    LOG.warn("mail delivery failed on {}: {}", request.getPath(), e.getMessage());
    return HttpResponse.<ErrorBody>status(HttpStatus.BAD_GATEWAY)
        .body(ErrorBody.of("The e-mail could not be sent; try again later", 502));
  }
}
