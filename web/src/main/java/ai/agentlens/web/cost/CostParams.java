package ai.agentlens.web.cost;

import ai.agentlens.web.error.BadRequestException;
import ai.agentlens.web.error.Problem;
import io.micronaut.http.HttpParameters;
import java.util.ArrayList;
import java.util.List;

/** Query parameters of the cost routes: integers in a range, optional text; 400 naming each. */
final class CostParams {

  private final HttpParameters params;
  private final List<Problem> problems = new ArrayList<>();

  CostParams(HttpParameters params) {
    this.params = params;
  }

  String text(String name) {
    String v = params.get(name);
    return v == null || v.isBlank() ? null : v.trim();
  }

  int integer(String name, int fallback, int min, int max) {
    String v = text(name);
    if (v == null) {
      return fallback;
    }
    try {
      int n = Integer.parseInt(v);
      if (n >= min && n <= max) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    problems.add(new Problem(name, "must be an integer from " + min + " to " + max));
    return fallback;
  }

  void check() {
    if (!problems.isEmpty()) {
      throw new BadRequestException("Invalid query", problems);
    }
  }
}
