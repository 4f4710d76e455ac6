package ai.agentlens.api.routes;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The route × tenant table ({@code route-access.tsv} beside this class): for every route the
 * launchers register, on which launcher it exists, how it authenticates and the least org role it
 * needs. {@link RouteTenantMatrixContract} derives each caller's expected answer from it.
 */
public final class RouteTable {

  /** The resource the table is read from. */
  public static final String RESOURCE = "route-access.tsv";

  /** How a route authenticates. */
  public enum Auth {
    /** Anyone, signed in or not (sign-in, health, API docs, OAuth redirects). */
    PUBLIC,
    /** An API key only ({@code Authorization: Bearer al_…}). */
    KEY,
    /** A dashboard session cookie only (JSON API; state changes need the CSRF header). */
    SESSION,
    /** An API key of the org or a member's session. */
    KEY_OR_SESSION,
    /**
     * A dashboard page: session cookie, no session → the sign-in page, forms carry {@code _csrf}.
     */
    PAGE,
    /** A provider's signed webhook (Stripe-Signature). */
    WEBHOOK_SIGNED,
    /** The operator's token ({@code AGENTLENS_METRICS_TOKEN}). */
    OPERATOR_TOKEN;

    static Auth parse(String text) {
      return valueOf(text.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
    }
  }

  /** The least role a route needs; ANY = any signed-in user, NONE = no person involved. */
  public enum MinRole {
    /** No person: public, key, webhook and operator routes. */
    NONE,
    /** Any signed-in user, whatever their orgs (own account, creating an org). */
    ANY,
    /** Viewer or above. */
    VIEWER,
    /** Member or above. */
    MEMBER,
    /** Admin or Owner. */
    ADMIN,
    /** Owner only. */
    OWNER;

    static MinRole parse(String text) {
      return "-".equals(text.trim()) ? NONE : valueOf(text.trim().toUpperCase(Locale.ROOT));
    }

    /**
     * Tells whether a member of this rank may call a route that needs this role.
     *
     * @param held the member's role (VIEWER..OWNER)
     * @return whether it is enough
     */
    public boolean allows(MinRole held) {
      return this == ANY || held.ordinal() >= ordinal();
    }
  }

  /**
   * One row.
   *
   * @param method the HTTP method
   * @param path the URI template as the router registers it
   * @param launchers the launchers it exists on ({@code selfhosted}, {@code cloud})
   * @param auth how it authenticates
   * @param role the least role it needs
   * @param body what a write sends, or {@code null} for the default
   * @param line the line in the file, for messages
   */
  public record Row(
      String method,
      String path,
      Set<String> launchers,
      Auth auth,
      MinRole role,
      String body,
      int line) {

    /**
     * Returns the route's key, as {@link RouteTenantMatrixContract#routes} gives it.
     *
     * @return e.g. {@code GET /api/sessions/{id}}
     */
    public String route() {
      return method + " " + path;
    }

    /**
     * Tells whether the route changes state (anything but GET and HEAD).
     *
     * @return whether it is a write
     */
    public boolean write() {
      return !"GET".equals(method) && !"HEAD".equals(method);
    }

    @Override
    public String toString() {
      return route();
    }
  }

  private RouteTable() {}

  /**
   * Reads the table.
   *
   * @return its rows, in file order
   * @throws IllegalStateException on a malformed line (with its number)
   */
  public static List<Row> read() {
    try (InputStream in = RouteTable.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is missing beside " + RouteTable.class);
      }
      return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static List<Row> parse(BufferedReader reader) throws IOException {
    List<Row> rows = new ArrayList<>();
    int n = 0;
    boolean header = true;
    for (String line = reader.readLine(); line != null; line = reader.readLine()) {
      n++;
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      if (header) {
        header = false;
        continue;
      }
      String[] c = line.split("\t", -1);
      if (c.length < 5 || c.length > 6) {
        throw new IllegalStateException(RESOURCE + ":" + n + ": want 5 or 6 tab-separated columns");
      }
      try {
        Set<String> on =
            "both".equals(c[2].trim()) ? Set.of("selfhosted", "cloud") : Set.of(c[2].trim());
        rows.add(
            new Row(
                c[0].trim(),
                c[1].trim(),
                on,
                Auth.parse(c[3]),
                MinRole.parse(c[4]),
                c.length == 6 && !c[5].isBlank() ? c[5] : null,
                n));
      } catch (IllegalArgumentException e) {
        throw new IllegalStateException(RESOURCE + ":" + n + ": " + e.getMessage(), e);
      }
    }
    return rows;
  }
}
