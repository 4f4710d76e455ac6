package ai.agentlens.app.selfhosted;

import ai.agentlens.core.account.model.AccountException;
import ai.agentlens.core.account.policy.PasswordPolicy;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code users create}: the first owner of a self-hosted install. */
@Command(name = "users", description = "Manage users.", subcommands = UsersCommand.Create.class)
final class UsersCommand {

  @Command(
      name = "create",
      mixinStandardHelpOptions = true,
      description = "Create a user who owns an org (created if missing).")
  static final class Create implements Callable<Integer> {

    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--email", required = true, description = "E-mail address (sign-in name).")
    String email;

    @Option(
        names = "--password",
        required = true,
        description = "Password: 8+ characters with upper, lower and a digit.")
    String password;

    @Option(
        names = "--org",
        required = true,
        description = "Org slug; created when it does not exist.")
    String org;

    @Option(
        names = "--name",
        description = "Display name (default: the part of the e-mail before @).")
    String name;

    @Mixin DataDirOption dataDir;

    @Override
    public Integer call() {
      String address = email.trim().toLowerCase(Locale.ROOT);
      if (!address.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
        throw new ParameterException(
            spec.commandLine(), "--email: not an e-mail address: " + email);
      }
      PasswordPolicy.problem(password)
          .ifPresent(
              p -> {
                throw new ParameterException(spec.commandLine(), "--password " + p);
              });
      try (var storage = CliStorage.open(dataDir.resolve())) {
        CliStorage.provisioning(storage).createOwner(address, password, name, org);
      } catch (AccountException e) {
        spec.commandLine().getErr().println("agentlens-selfhosted: " + e.getMessage());
        return 1;
      }
      spec.commandLine().getOut().printf("Created user %s, owner of org %s.%n", address, org);
      return 0;
    }
  }
}
