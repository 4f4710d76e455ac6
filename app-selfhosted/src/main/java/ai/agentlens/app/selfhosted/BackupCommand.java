package ai.agentlens.app.selfhosted;

import ai.agentlens.storage.sqlite.SqliteBackup;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code backup --out FILE}: a consistent copy of the database, safe while the server runs (it sees
 * every event acknowledged before it started). The file is readable by its owner only.
 */
@Command(
    name = "backup",
    mixinStandardHelpOptions = true,
    description = "Write a consistent copy of the database (safe while the server runs).")
final class BackupCommand implements Callable<Integer> {

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(names = "--out", required = true, description = "The backup file to create (new).")
  Path out;

  @Mixin DataDirOption dataDir;

  @Override
  public Integer call() throws Exception {
    var err = spec.commandLine().getErr();
    Path database = dataDir.resolve().toAbsolutePath().resolve(SelfhostedBeans.DATABASE_FILE);
    try {
      SqliteBackup.backup(
          database, out.toAbsolutePath(), line -> spec.commandLine().getOut().println(line));
      return 0;
    } catch (IllegalArgumentException e) {
      err.println("agentlens-selfhosted backup: " + e.getMessage());
      return 2;
    }
  }
}
