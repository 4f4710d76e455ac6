package ai.agentlens.storage.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import ai.agentlens.core.account.model.Org;
import ai.agentlens.core.account.model.OrgSettings;
import ai.agentlens.core.llm.SearchText;
import ai.agentlens.core.plan.Plan;
import ai.agentlens.core.port.Clock;
import ai.agentlens.core.port.llm.LlmCallWrite;
import ai.agentlens.core.port.llm.LlmRequest;
import ai.agentlens.core.port.llm.LlmRequestPage;
import ai.agentlens.core.port.llm.LlmRequestQuery;
import ai.agentlens.core.port.llm.LlmRequestSort;
import ai.agentlens.core.port.llm.LlmRequestStore;
import ai.agentlens.storage.spi.jdbc.JdbcLlmRequestStore;
import ai.agentlens.storage.spi.jdbc.Sql;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A search by time walks a window of the newest (or oldest) rows before it falls back to the FTS5
 * index: with a window far smaller than the org, every page — those the window fills and those it
 * does not — is the page the index alone gives, in both directions and with a filter.
 */
class SqliteLlmSearchWindowTest {

  @TempDir Path dir;

  @Test
  void everyPageEqualsTheIndexPlanWhateverTheWindow() {
    Clock clock = Clock.system();
    try (SqliteStorageProvider p =
        SqliteStorageProvider.open(new SqliteConfig(dir.resolve("a.db"), 2, clock))) {
      p.stores()
          .orgs()
          .create(
              new Org("o1", "o1", "o1", Plan.SELF_HOSTED, OrgSettings.defaults(30), clock.now()));
      Instant t = Instant.parse("2026-05-01T00:00:00Z");
      List<String> frequent = new ArrayList<>();
      List<String> rare = new ArrayList<>();
      for (int i = 0; i < 60; i++) {
        String agent = i % 4 == 0 ? "other" : "bot";
        String prompt = (i % 10 == 0 ? "refund " : "") + "order status " + i;
        p.llmRequests()
            .recordCall(
                new LlmCallWrite(
                    "o1",
                    "id" + i,
                    "k" + i,
                    agent,
                    "s",
                    null,
                    "m",
                    prompt,
                    t.plusSeconds(i),
                    "event"));
        if (agent.equals("bot")) {
          frequent.add(0, "k" + i);
          if (i % 10 == 0) {
            rare.add(0, "k" + i);
          }
        }
      }
      LlmRequestStore windowed =
          new JdbcLlmRequestStore(
              p.transactor(),
              new Sql(new SqliteDialect()),
              new SqliteLlmFullText(),
              5,
              2_000,
              50_000);
      for (String word : List.of("order", "refund")) {
        for (boolean desc : List.of(true, false)) {
          List<String> want = new ArrayList<>(word.equals("order") ? frequent : rare);
          if (!desc) {
            Collections.reverse(want);
          }
          assertThat(pages(windowed, word, desc)).as("%s desc=%s", word, desc).isEqualTo(want);
          assertThat(pages(p.llmRequests(), word, desc)).isEqualTo(want);
        }
      }
    }
  }

  private static List<String> pages(LlmRequestStore store, String word, boolean desc) {
    List<String> got = new ArrayList<>();
    for (int offset = 0; ; offset += 3) {
      LlmRequestPage page =
          store.search(
              new LlmRequestQuery(
                  "o1",
                  SearchText.parse(word),
                  "bot",
                  null,
                  null,
                  null,
                  null,
                  null,
                  null,
                  null,
                  LlmRequestSort.TIME,
                  desc,
                  3,
                  offset));
      page.items().stream().map(LlmRequest::callId).forEach(got::add);
      if (!page.hasMore()) {
        return got;
      }
    }
  }
}
