package ai.agentlens.app.selfhosted;

import static org.assertj.core.api.Assertions.assertThat;

import ai.agentlens.core.event.Event;
import ai.agentlens.core.event.EventBatch;
import ai.agentlens.core.event.EventType;
import ai.agentlens.core.event.Severity;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code agentlens-selfhosted export|import} on a real data directory: a round trip between orgs.
 */
class TransferCommandsTest {

  @TempDir Path dataDir;

  private record Run(int status, String out, String err) {}

  private Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = SelfhostedMain.commandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    String[] all = new String[args.length + 2];
    System.arraycopy(args, 0, all, 0, args.length);
    all[args.length] = "--data-dir";
    all[args.length + 1] = dataDir.toString();
    return new Run(cli.execute(all), out.toString(), err.toString());
  }

  private static List<String> eventLines(Path file) throws Exception {
    return Files.readAllLines(file).stream()
        .filter(l -> l.startsWith("{\"kind\":\"event\""))
        .toList();
  }

  @Test
  void exportThenImportIntoAnotherOrgGivesTheSameEventsAndReImportIsANoOp() throws Exception {
    assertThat(run("keys", "create", "--org", "acme").status()).isZero();
    assertThat(run("keys", "create", "--org", "other").status()).isZero();
    try (var storage = CliStorage.open(dataDir)) {
      List<Event> events = new ArrayList<>();
      for (int i = 0; i < 2500; i++) {
        events.add(
            Event.unwritten(
                "e" + i,
                "acme",
                "s" + (i % 7),
                "agent-" + (i % 3),
                EventType.TOOL_CALL,
                Severity.INFO,
                Instant.parse("2026-02-03T04:05:06.123456Z").plusSeconds(i),
                "{\"toolName\":\"t\",\"callId\":\"c" + i + "\",\"arguments\":{\"n\":" + i + "}}",
                "{\"k\":\"ü\"}"));
      }
      storage.stores().events().append(List.of(new EventBatch("acme", null, events)));
    }
    Path first = dataDir.resolve("acme.jsonl");
    Run export = run("export", "--format", "jsonl", "--org", "acme", "--out", first.toString());
    assertThat(export.status()).as(export.err()).isZero();
    assertThat(export.err()).contains("done: 2500 events");
    Run imported = run("import", "--file", first.toString(), "--org", "other");
    assertThat(imported.status()).as(imported.err()).isZero();
    assertThat(imported.out())
        .contains("imported 2500, duplicates 0, invalid 0, rechained 0, checksum verified");
    Path second = dataDir.resolve("other.jsonl");
    assertThat(run("export", "--org", "other", "--out", second.toString()).status()).isZero();
    assertThat(eventLines(second)).hasSize(2500).isEqualTo(eventLines(first));
    Run again = run("import", "--file", first.toString(), "--org", "other");
    assertThat(again.out()).contains("imported 0, duplicates 2500");
    assertThat(run("export", "--format", "csv").status()).isEqualTo(2);
  }
}
