package ai.agentlens.web.dashboard.support;

import ai.agentlens.core.account.model.AccountException;
import ai.agentlens.web.dashboard.view.ErrorPage;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.views.ModelAndView;
import java.util.Map;

/**
 * Renders JTE pages: every template takes one parameter, {@code page}, a record of the view
 * package.
 */
public final class Pages {

  private Pages() {}

  /**
   * Renders a page with 200.
   *
   * @param view the template name (under {@code src/main/jte}, without {@code .jte})
   * @param page the template's model
   * @return the response
   */
  public static MutableHttpResponse<?> ok(String view, Object page) {
    return status(HttpStatus.OK, view, page);
  }

  /**
   * Renders a page with a status.
   *
   * @param status the status
   * @param view the template name
   * @param page the model
   * @return the response
   */
  public static MutableHttpResponse<?> status(HttpStatus status, String view, Object page) {
    return HttpResponse.status(status)
        .contentType(MediaType.TEXT_HTML_TYPE)
        .body(new ModelAndView<>(view, Map.of("page", page)));
  }

  /**
   * Renders a page and clears the one-time message it showed.
   *
   * @param request the request
   * @param view the template
   * @param page the model
   * @return the response
   */
  public static MutableHttpResponse<?> shown(HttpRequest<?> request, String view, Object page) {
    MutableHttpResponse<?> r = ok(view, page);
    return Flash.read(request) == null ? r : Flash.clear(r);
  }

  /**
   * Renders the error page for a refused action.
   *
   * @param e the refusal
   * @return the response with the matching 4xx status
   */
  public static MutableHttpResponse<?> error(AccountException e) {
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
    return error(status, e.getMessage());
  }

  /**
   * Renders the error page.
   *
   * @param status the status
   * @param message what went wrong, for people
   * @return the response
   */
  public static MutableHttpResponse<?> error(HttpStatus status, String message) {
    return status(
        status, "error", new ErrorPage(status.getCode() + " " + status.getReason(), message));
  }
}
