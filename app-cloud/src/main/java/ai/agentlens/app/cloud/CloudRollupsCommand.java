package ai.agentlens.app.cloud;

import ai.agentlens.core.maintenance.RollupRepair;
import ai.agentlens.core.port.Clock;
import ai.agentlens.storage.postgres.PostgresAppRole;
import ai.agentlens.storage.postgres.PostgresStorageProvider;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code java -jar agentlens-cloud.jar rollups rebuild|check --from D --to D [--org ID]}: a
 * one-shot maintenance run like {@code AGENTLENS_ROLE=migrate} (a Kubernetes Job, a compose run),
 * connected by the same {@code AGENTLENS_*} variables; safe while gateways and workers run. Exit
 * status 0, 3 when {@code check} found mismatches, 2 for bad arguments, 1 when PostgreSQL fails.
 */
@Command(
    name = "rollups",
    mixinStandardHelpOptions = true,
    description = "Rebuild or check the analytics roll-ups.")
final class CloudRollupsCommand implements Callable<Integer> {

  @Spec CommandLine.Model.CommandSpec spec;

  @CommandLine.Parameters(index = "0", description = "rebuild or check")
  Action action;

  @Option(names = "--org", description = "Only this org (id); default: every org.")
  String org;

  @Option(names = "--from", required = true, description = "First UTC day, e.g. 2026-01-01.")
  LocalDate from;

  @Option(names = "--to", required = true, description = "Last UTC day, inclusive.")
  LocalDate to;

  private final CloudConfig config;

  enum Action {
    rebuild,
    check
  }

  private CloudRollupsCommand(CloudConfig config) {
    this.config = config;
  }

  /**
   * Parses and runs the command.
   *
   * @param config connection settings from the environment
   * @param args the arguments after {@code rollups}
   * @param out standard output
   * @param err standard error
   * @return the exit status
   */
  static int run(CloudConfig config, String[] args, PrintWriter out, PrintWriter err) {
    CommandLine cli = new CommandLine(new CloudRollupsCommand(config));
    cli.setOut(out);
    cli.setErr(err);
    cli.setExecutionExceptionHandler(
        (e, commandLine, parseResult) -> {
          commandLine.getErr().println("agentlens-cloud: " + e.getMessage());
          return 1;
        });
    return cli.execute(args);
  }

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PostgresAppRole.ensure(config.database(), config.appUser(), config.appPassword());
    try (PostgresStorageProvider storage =
        PostgresStorageProvider.open(CloudBeans.postgresConfig(config, 2, Clock.system()))) {
      return new RollupRepair(storage.rollupMaintenance())
          .run(action == Action.rebuild, org, from, to, out::println);
    }
  }
}
