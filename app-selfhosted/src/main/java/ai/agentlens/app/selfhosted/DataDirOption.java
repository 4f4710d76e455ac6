package ai.agentlens.app.selfhosted;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --data-dir}, shared by every subcommand that touches the database. */
final class DataDirOption {

  @Option(
      names = "--data-dir",
      description = "Data directory (env AGENTLENS_DATA_DIR, default ./agentlens-data).")
  Path dataDir;

  Path resolve() {
    return dataDir != null ? dataDir : SelfhostedConfig.fromEnv(System.getenv()).dataDir();
  }
}
