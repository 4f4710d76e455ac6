package ai.agentlens.app.selfhosted;

import java.nio.file.Path;
import java.util.Map;

/**
 * Self-hosted settings, from {@code AGENTLENS_*} environment variables with command-line options
 * taking precedence.
 *
 * @param port HTTP port ({@code AGENTLENS_PORT}, default 3400, the AgentLens default)
 * @param dataDir where the database file and outbox live ({@code AGENTLENS_DATA_DIR}, default
 *     {@code ./agentlens-data})
 */
public record SelfhostedConfig(int port, Path dataDir) {

  /** The AgentLens default port. */
  public static final int DEFAULT_PORT = 3400;

  /** The default data directory, relative to the working directory. */
  public static final String DEFAULT_DATA_DIR = "agentlens-data";

  /**
   * Reads the environment.
   *
   * @param env the process environment
   * @return the configuration
   * @throws IllegalArgumentException naming the variable when a value is invalid
   */
  public static SelfhostedConfig fromEnv(Map<String, String> env) {
    int port = parsePort(env.getOrDefault("AGENTLENS_PORT", Integer.toString(DEFAULT_PORT)));
    String dir = env.getOrDefault("AGENTLENS_DATA_DIR", DEFAULT_DATA_DIR);
    if (dir.isBlank()) {
      throw new IllegalArgumentException("AGENTLENS_DATA_DIR is empty");
    }
    return new SelfhostedConfig(port, Path.of(dir));
  }

  /**
   * Returns a copy with the given overrides applied.
   *
   * @param port a port, or {@code null} to keep this one
   * @param dataDir a directory, or {@code null} to keep this one
   * @return the merged configuration
   */
  public SelfhostedConfig with(Integer port, Path dataDir) {
    if (port != null && (port < 0 || port > 65535)) {
      throw new IllegalArgumentException("--port must be between 0 and 65535 (got " + port + ")");
    }
    return new SelfhostedConfig(
        port != null ? port : this.port, dataDir != null ? dataDir : this.dataDir);
  }

  private static int parsePort(String raw) {
    try {
      int port = Integer.parseInt(raw.trim());
      if (port < 0 || port > 65535) {
        throw new NumberFormatException();
      }
      return port;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "AGENTLENS_PORT must be a number between 0 and 65535 (got '" + raw + "')");
    }
  }
}
