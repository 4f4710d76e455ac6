package ai.agentlens.app.selfhosted;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code java -jar agentlens-selfhosted.jar [serve|...]}: the self-hosted launcher. With no
 * subcommand it serves. Unknown subcommands and bad options print usage and exit with status 2.
 */
@Command(
    name = "agentlens-selfhosted",
    mixinStandardHelpOptions = true,
    versionProvider = SelfhostedMain.Version.class,
    description = "AgentLens self-hosted: one process, SQLite + in-memory queue.",
    subcommands = {
      ServeCommand.class,
      UsersCommand.class,
      KeysCommand.class,
      RollupsCommand.class,
      FeaturesCommand.class,
      TransferCommands.Export.class,
      TransferCommands.Import.class,
      BackupCommand.class,
      RestoreCommand.class,
      McpCommand.class,
      CommandLine.HelpCommand.class
    })
public final class SelfhostedMain implements Runnable {

  /**
   * Entry point.
   *
   * @param args command line
   */
  public static void main(String[] args) {
    int status = commandLine().execute(args);
    if (status != 0) {
      System.exit(status);
    }
  }

  /**
   * Builds the command line; the tests drive it without exiting the JVM.
   *
   * @return the configured picocli command line
   */
  static CommandLine commandLine() {
    CommandLine cli = new CommandLine(new SelfhostedMain());
    // why: picocli omits the usage when it has a "Did you mean" suggestion; always show both
    cli.setParameterExceptionHandler(
        (e, args) -> {
          CommandLine cmd = e.getCommandLine();
          cmd.getErr().println(e.getMessage());
          CommandLine.UnmatchedArgumentException.printSuggestions(e, cmd.getErr());
          cmd.usage(cmd.getErr());
          return cmd.getCommandSpec().exitCodeOnInvalidInput();
        });
    cli.setExecutionExceptionHandler(
        (e, commandLine, parseResult) -> {
          // An operator error (bad setting, port in use) is one line, not a stack trace.
          commandLine.getErr().println("agentlens-selfhosted: " + rootMessage(e));
          return 1;
        });
    // why: picocli prints only a "did you mean" line when a typo resembles a subcommand; an
    // operator gets the usage in every case
    cli.setParameterExceptionHandler(
        (ex, args) -> {
          CommandLine c = ex.getCommandLine();
          c.getErr().println(ex.getMessage());
          CommandLine.UnmatchedArgumentException.printSuggestions(ex, c.getErr());
          c.usage(c.getErr());
          return c.getCommandSpec().exitCodeOnInvalidInput();
        });
    return cli;
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    String message = e.getMessage();
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
      if (t.getMessage() != null) {
        message = message == null ? t.getMessage() : message + ": " + t.getMessage();
      }
    }
    return message == null ? e.getClass().getSimpleName() : message.lines().findFirst().orElse("");
  }

  /**
   * Starts the self-hosted server in this JVM (what {@code serve} does), for embedding and tests.
   *
   * @param config port and data directory
   * @param extra additional Micronaut properties
   * @return the running context; closing it stops the server and drains the queue
   */
  public static io.micronaut.context.ApplicationContext start(
      SelfhostedConfig config, java.util.Map<String, Object> extra) {
    return ServeCommand.start(config, extra);
  }

  /** No subcommand means {@code serve} with its defaults. */
  @Override
  public void run() {
    new ServeCommand().run();
  }

  /** Reports the version the web module was built with. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {
        "agentlens-selfhosted " + new ai.agentlens.web.health.BuildInfo().version()
      };
    }
  }
}
