package ai.agentlens.app.selfhosted;

import ai.agentlens.core.account.model.KeyEnvironment;
import ai.agentlens.core.account.policy.ApiKeys;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code keys create}: an API key for an org; the full key is printed once, alone on the last line.
 */
@Command(name = "keys", description = "Manage API keys.", subcommands = KeysCommand.Create.class)
final class KeysCommand {

  @Command(
      name = "create",
      mixinStandardHelpOptions = true,
      description = "Create an API key and print it (shown once).")
  static final class Create implements Callable<Integer> {

    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Option(
        names = "--org",
        required = true,
        description = "Org slug; created when it does not exist.")
    String org;

    @Option(
        names = "--name",
        defaultValue = "cli",
        description = "Key name (default: ${DEFAULT-VALUE}).")
    String name;

    @Option(
        names = "--env",
        defaultValue = "live",
        description = "live or test (default: ${DEFAULT-VALUE}).")
    KeyEnv env;

    @Mixin DataDirOption dataDir;

    enum KeyEnv {
      live,
      test
    }

    @Override
    public Integer call() {
      KeyEnvironment environment = env == KeyEnv.live ? KeyEnvironment.LIVE : KeyEnvironment.TEST;
      String key;
      try (var storage = CliStorage.open(dataDir.resolve())) {
        key = CliStorage.provisioning(storage).createKey(org, name, environment);
      }
      var out = spec.commandLine().getOut();
      out.printf(
          "Created API key '%s' (%s) for org %s. It is shown only now; store it safely:%n",
          name, ApiKeys.prefix(key), org);
      out.println(key);
      return 0;
    }
  }
}
