package ai.agentlens.app.selfhosted;

import ai.agentlens.core.maintenance.RollupRepair;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code rollups rebuild|check}: recompute the analytics roll-ups from the events for a range of
 * UTC days, or check that they agree (exit status 3 when they do not). Safe while the server runs.
 */
@Command(
    name = "rollups",
    description = "Rebuild or check the analytics roll-ups.",
    subcommands = {RollupsCommand.Rebuild.class, RollupsCommand.Check.class})
final class RollupsCommand {

  /** The options both subcommands take. */
  abstract static class Range implements Callable<Integer> {

    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--org", description = "Only this org (id); default: every org.")
    String org;

    @Option(names = "--from", required = true, description = "First UTC day, e.g. 2026-01-01.")
    LocalDate from;

    @Option(names = "--to", required = true, description = "Last UTC day, inclusive.")
    LocalDate to;

    @Mixin DataDirOption dataDir;

    abstract boolean rebuild();

    @Override
    public Integer call() {
      var out = spec.commandLine().getOut();
      try (var storage = CliStorage.open(dataDir.resolve())) {
        return new RollupRepair(storage.rollupMaintenance())
            .run(rebuild(), org, from, to, line -> out.println(line));
      }
    }
  }

  @Command(
      name = "rebuild",
      mixinStandardHelpOptions = true,
      description = "Recompute the roll-ups of a range of days from the events.")
  static final class Rebuild extends Range {
    @Override
    boolean rebuild() {
      return true;
    }
  }

  @Command(
      name = "check",
      mixinStandardHelpOptions = true,
      description = "Compare the roll-ups with the events; exit status 3 on any mismatch.")
  static final class Check extends Range {
    @Override
    boolean rebuild() {
      return false;
    }
  }
}
