package ai.agentlens.web.health;

import io.micronaut.context.annotation.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** What was built: the project version, read once from the jar. */
@Context
public class BuildInfo {

  private static final String RESOURCE = "/META-INF/agentlens/version.properties";

  private final String version;

  /** Reads the version written by the build (Maven resource filtering). */
  public BuildInfo() {
    Properties props = new Properties();
    try (InputStream in = BuildInfo.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is missing from the web module");
      }
      props.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    this.version = props.getProperty("version", "unknown");
  }

  /**
   * Returns the project version, e.g. {@code 0.1.0-SNAPSHOT}.
   *
   * @return the version
   */
  public String version() {
    return version;
  }
}
