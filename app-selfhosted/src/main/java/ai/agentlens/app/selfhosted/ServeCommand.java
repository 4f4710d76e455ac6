package ai.agentlens.app.selfhosted;

import ai.agentlens.web.tls.TlsSettings;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Starts the HTTP server (Micronaut on Netty) and keeps running until the process is stopped. */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = "Start the server (default).")
final class ServeCommand implements Runnable {

  /** The Micronaut environment that activates self-hosted beans and configuration. */
  static final String ENVIRONMENT = "selfhosted";

  @Option(names = "--port", description = "HTTP port (env AGENTLENS_PORT, default 3400).")
  Integer port;

  @Option(
      names = "--data-dir",
      description = "Data directory (env AGENTLENS_DATA_DIR, default ./agentlens-data).")
  Path dataDir;

  @Override
  public void run() {
    SelfhostedConfig config = SelfhostedConfig.fromEnv(System.getenv()).with(port, dataDir);
    ApplicationContext context = start(config);
    EmbeddedServer server = context.getBean(EmbeddedServer.class);
    Path dir = config.dataDir().toAbsolutePath().normalize();
    boolean https = context.getProperty("agentlens.tls.enabled", Boolean.class).orElse(false);
    String base =
        (https ? "https" : "http") + "://localhost:" + (https ? config.port() : server.getPort());
    System.out.printf(
        "AgentLens self-hosted is listening on %s (data in %s)%n"
            + "  Open the dashboard:        %s (the first visit creates the owner"
            + " account; later sign-ups get a verification mail, without SMTP a file in %s/outbox)%n"
            + "  Or create an API key:      java -jar agentlens-selfhosted.jar keys create --org default"
            + " --data-dir %s%n"
            + "  Then point the SDKs at it: AGENTLENS_SERVER_URL=%s"
            + " AGENTLENS_API_KEY=<key>%n",
        base, dir, base, dir, dir, base);
  }

  /**
   * Prepares the data directory and starts the server.
   *
   * @param config the settings
   * @return the running context; closing it stops the server
   */
  static ApplicationContext start(SelfhostedConfig config) {
    return start(config, Map.of());
  }

  /**
   * Prepares the data directory and starts the server with extra properties.
   *
   * @param config the settings
   * @param extra additional Micronaut properties
   * @return the running context
   */
  static ApplicationContext start(SelfhostedConfig config, Map<String, Object> extra) {
    // why: a bad certificate or key is one line before anything is created or bound
    Optional<TlsSettings> tls = TlsSettings.read(extra, System.getenv());
    Path dir = DataDirectory.prepare(config.dataDir());
    Map<String, Object> props = new HashMap<>();
    // why: self-hosted has no billing, so new orgs get the unlimited plan (overridable)
    props.put("agentlens.orgs.default-plan", "self_hosted");
    props.putAll(extra);
    props.put("micronaut.server.port", config.port());
    props.put("agentlens.data-dir", dir.toString());
    tls.ifPresent(t -> props.putAll(t.serverProperties(config.port())));
    // why: the operator who just started the server creates the owner in the dashboard, no mail
    props.putIfAbsent("agentlens.setup.first-run", "true");
    props.putIfAbsent("agentlens.setup.first-run-org", DefaultOrg.ID);
    // why: the mailer and the "check your e-mail" page must name the same outbox folder
    props.putIfAbsent("agentlens.mail.outbox-dir", dir.resolve("outbox").toString());
    // why: one process stores every event and recounts at once after a late one, so a window is
    // off only after events written around the ingest path (an import); cloud's other workers
    // store late events this process never sees, so cloud keeps the 30-s default
    props.putIfAbsent("agentlens.guardrails.window-recount-default-ms", "600000");
    // why: the generated audit signing key lives with the data it vouches for (docs/audit.md)
    if (System.getenv("AGENTLENS_AUDIT_SIGNING_KEY_FILE") == null) {
      props.putIfAbsent(
          "agentlens.audit.signing-key-file", dir.resolve("audit-signing.key").toString());
    }
    return ApplicationContext.builder()
        .mainClass(SelfhostedMain.class)
        .environments(ENVIRONMENT)
        .deduceEnvironment(false)
        .properties(props)
        .run(EmbeddedServer.class)
        .getApplicationContext();
  }
}
