package ai.agentlens.api;

import static org.assertj.core.api.Assertions.assertThat;

import ai.agentlens.api.Accounts.OrgOf;
import ai.agentlens.api.Accounts.Person;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The deletion queue through the HTTP API (issue 15, FR-71, FR-72): deleting an org cuts every
 * access at once and queues the purge of its data, which the deletion job (every second here)
 * finishes; the Owner follows the request's state at {@code GET /api/me/deletions}, and nobody else
 * sees it. Runs on both launchers.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class DeletionQueueApiContract {

  /**
   * Starts the launcher under test in this JVM, on fresh storage of its own.
   *
   * @param extra Micronaut properties on top of the launcher's defaults
   * @return the running launcher; the suite closes it
   */
  protected abstract TestStack start(Map<String, Object> extra);

  private TestStack stack;
  private Mailbox mail;
  private Accounts accounts;

  @BeforeAll
  void startStack() {
    mail = new Mailbox();
    Map<String, Object> p = new HashMap<>(AccountStack.testProperties(mail.port()));
    p.put("agentlens.deletions.interval", "1s");
    p.put("agentlens.deletions.initial-delay", "1s");
    stack = start(p);
    accounts = new Accounts(stack, mail);
  }

  @AfterAll
  void stopStack() {
    if (stack != null) {
      stack.close();
    }
    mail.close();
  }

  private static JsonNode requestFor(Person who, String orgId) {
    Api.Reply r = who.browser().get("/api/me/deletions");
    assertThat(r.status()).as(r.raw()).isEqualTo(200);
    for (JsonNode d : r.json().get("deletions")) {
      if (orgId.equals(d.get("orgId").asText())) {
        return d;
      }
    }
    return null;
  }

  @Test
  void anOrgDeletionIsQueuedAndTheOwnerSeesItsStateUntilDone() throws Exception {
    OrgOf o = accounts.org("Queued For Deletion");
    String secret = accounts.key(o.id(), o.owner()).get("key").asText();
    Api api = new Api(stack.url());
    String event =
        "{\"events\":[{\"sessionId\":\"doomed-s\",\"agentId\":\"a\",\"eventType\":\"custom\","
            + "\"payload\":{\"type\":\"t\",\"data\":{}}}]}";
    assertThat(api.post("/api/events", secret, event).status()).isEqualTo(202);
    assertThat(
            api.await(
                    "/api/sessions/doomed-s",
                    secret,
                    r -> r.status() == 200,
                    Duration.ofSeconds(10))
                .status())
        .isEqualTo(200);

    assertThat(o.owner().browser().delete("/api/orgs/" + o.id()).status()).isEqualTo(204);
    JsonNode queued = requestFor(o.owner(), o.id());
    assertThat(queued).as("the Owner sees the request").isNotNull();
    assertThat(queued.get("kind").asText()).isEqualTo("org");
    assertThat(queued.get("state").asText()).isIn("requested", "in_progress", "done");
    assertThat(queued.get("requestedAt").asText()).isNotBlank();

    JsonNode done = queued;
    long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (!"done".equals(done.get("state").asText()) && System.nanoTime() < until) {
      Thread.sleep(200);
      done = requestFor(o.owner(), o.id());
    }
    assertThat(done.get("state").asText()).as(done.toString()).isEqualTo("done");
    assertThat(done.get("attempts").asInt()).isGreaterThanOrEqualTo(1);
    assertThat(done.get("completedAt").isNull()).isFalse();
    assertThat(done.get("lastError").isNull()).isTrue();
    assertThat(api.get("/api/sessions/doomed-s", secret).status()).isEqualTo(401);
    assertThat(o.owner().browser().get("/api/orgs/" + o.id()).status()).isEqualTo(404);
  }

  @Test
  void nobodyButTheRequesterSeesADeletionRequest() {
    OrgOf o = accounts.org("Someone Elses");
    Person admin = accounts.signedIn("deletionadmin");
    accounts.join(o.id(), o.owner(), admin, "admin");
    String secret = accounts.key(o.id(), o.owner()).get("key").asText();
    assertThat(admin.browser().delete("/api/orgs/" + o.id()).status())
        .as("only the Owner deletes")
        .isEqualTo(403);
    assertThat(o.owner().browser().delete("/api/orgs/" + o.id()).status()).isEqualTo(204);

    assertThat(requestFor(o.owner(), o.id())).isNotNull();
    assertThat(requestFor(admin, o.id())).as("a former member").isNull();
    OrgOf stranger = accounts.org("Stranger Org");
    assertThat(requestFor(stranger.owner(), o.id())).as("another org's Owner").isNull();
    assertThat(new Browser(stack.url()).get("/api/me/deletions").status()).isEqualTo(401);
    assertThat(new Api(stack.url()).get("/api/me/deletions", secret).status()).isIn(401, 403);
  }
}
