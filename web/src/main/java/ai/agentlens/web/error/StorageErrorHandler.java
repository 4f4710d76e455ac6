package ai.agentlens.web.error;

import ai.agentlens.core.error.ConflictException;
import ai.agentlens.core.error.InvalidInputException;
import ai.agentlens.core.error.NotFoundException;
import ai.agentlens.core.error.StorageException;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Storage refusals that reach the HTTP layer: bad input 400, unknown 404, conflict 409; anything
 * else 503 without internals (the log has them).
 */
@Produces
@Singleton
public class StorageErrorHandler
    implements ExceptionHandler<StorageException, HttpResponse<ErrorBody>> {

  private static final Logger LOG = LoggerFactory.getLogger(StorageErrorHandler.class);

  @Override
  public HttpResponse<ErrorBody> handle(HttpRequest request, StorageException e) {
    HttpStatus status;
    String message;
    if (e instanceof InvalidInputException) {
      status = HttpStatus.BAD_REQUEST;
      message = e.getMessage();
    } else if (e instanceof NotFoundException) {
      status = HttpStatus.NOT_FOUND;
      message = "Not found";
    } else if (e instanceof ConflictException) {
      status = HttpStatus.CONFLICT;
      message = "Conflicts with existing data";
    } else {
      LOG.warn("storage failure on {} {}", request.getMethodName(), request.getPath(), e);
      status = HttpStatus.SERVICE_UNAVAILABLE;
      message = "Storage unavailable";
    }
    return HttpResponse.<ErrorBody>status(status).body(ErrorBody.of(message, status.getCode()));
  }
}
