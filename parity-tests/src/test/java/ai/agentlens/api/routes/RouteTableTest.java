package ai.agentlens.api.routes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.agentlens.api.routes.Expect.Caller;
import ai.agentlens.api.routes.RouteTable.Auth;
import ai.agentlens.api.routes.RouteTable.MinRole;
import ai.agentlens.api.routes.RouteTable.Row;
import java.io.BufferedReader;
import java.io.StringReader;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The route table's format and the expectations {@link Expect} derives from a row. */
class RouteTableTest {

  private static List<Row> parse(String text) throws Exception {
    return RouteTable.parse(new BufferedReader(new StringReader(text)));
  }

  private static Row row(String method, String path, Auth auth, MinRole role) {
    return new Row(method, path, Set.of("selfhosted", "cloud"), auth, role, null, 1);
  }

  @Test
  void theShippedTableParsesAndNamesEachRouteOnce() {
    List<Row> rows = RouteTable.read();
    assertThat(rows).hasSizeGreaterThan(150);
    assertThat(rows.stream().map(Row::route)).doesNotHaveDuplicates();
  }

  @Test
  void aMalformedLineFailsWithItsNumber() {
    assertThatThrownBy(() -> parse("method\tpath\ton\tauth\trole\nGET\t/x\tboth\tbogus\tviewer\n"))
        .hasMessageContaining("route-access.tsv:2");
    assertThatThrownBy(() -> parse("h\nGET\t/x\tboth\n")).hasMessageContaining(":2: want 5 or 6");
  }

  @Test
  void bothMeansEveryLauncherAndABodyColumnIsKept() throws Exception {
    Row r = parse("# c\nh\nPOST\t/x/{id}\tcloud\tkey-or-session\tadmin\t{\"a\":1}\n").get(0);
    assertThat(r.launchers()).containsExactly("cloud");
    assertThat(r.auth()).isEqualTo(Auth.KEY_OR_SESSION);
    assertThat(r.role()).isEqualTo(MinRole.ADMIN);
    assertThat(r.body()).isEqualTo("{\"a\":1}");
    assertThat(r.line()).isEqualTo(3);
  }

  @Test
  void expectationsFollowTheAccessRules() {
    Row adminWrite = row("POST", "/api/alerts/rules", Auth.KEY_OR_SESSION, MinRole.ADMIN);
    assertThat(Expect.of(adminWrite, Caller.ANONYMOUS)).isEqualTo(Expect.UNAUTHENTICATED);
    assertThat(Expect.of(adminWrite, Caller.VIEWER)).isEqualTo(Expect.FORBIDDEN);
    assertThat(Expect.of(adminWrite, Caller.MEMBER)).isEqualTo(Expect.FORBIDDEN);
    assertThat(Expect.of(adminWrite, Caller.OTHER_ORG_KEY)).isEqualTo(Expect.ISOLATED);
    assertThat(Expect.of(adminWrite, Caller.OWNER)).isEqualTo(Expect.SKIP);
    Row read = row("GET", "/api/guardrails/{id}", Auth.KEY_OR_SESSION, MinRole.VIEWER);
    assertThat(Expect.of(read, Caller.VIEWER)).isEqualTo(Expect.ALLOWED);
    assertThat(Expect.of(read, Caller.OTHER_ORG_SESSION)).isEqualTo(Expect.NOT_FOUND);
    assertThat(Expect.of(read, Caller.OTHER_ORG_KEY)).isEqualTo(Expect.NOT_FOUND);
    Row manage = row("DELETE", "/api/orgs/{orgId}/keys/{keyId}", Auth.SESSION, MinRole.ADMIN);
    assertThat(Expect.of(manage, Caller.KEY_ON_SESSION_ROUTE)).isEqualTo(Expect.FORBIDDEN);
    assertThat(Expect.of(manage, Caller.OTHER_ORG_KEY)).isEqualTo(Expect.FORBIDDEN);
    assertThat(Expect.of(manage, Caller.OTHER_ORG_SESSION)).isEqualTo(Expect.NOT_FOUND);
    Row page = row("GET", "/org/keys", Auth.PAGE, MinRole.VIEWER);
    assertThat(Expect.of(page, Caller.KEY_ON_SESSION_ROUTE)).isEqualTo(Expect.UNAUTHENTICATED);
    assertThat(Expect.of(page, Caller.OTHER_ORG_SESSION)).isEqualTo(Expect.ISOLATED);
    Row ingest = row("POST", "/api/events", Auth.KEY, MinRole.NONE);
    assertThat(Expect.of(ingest, Caller.VIEWER)).isEqualTo(Expect.UNAUTHENTICATED);
    Row signOut = row("POST", "/sign-out", Auth.PAGE, MinRole.ANY);
    assertThat(Expect.of(signOut, Caller.VIEWER)).isEqualTo(Expect.SKIP);
    assertThat(Expect.of(signOut, Caller.ANONYMOUS)).isEqualTo(Expect.UNAUTHENTICATED);
  }
}
