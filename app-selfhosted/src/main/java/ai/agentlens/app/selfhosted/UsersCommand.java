package ai.agentlens.app.selfhosted;

import ai.agentlens.core.model.Membership;
import ai.agentlens.core.model.Role;
import ai.agentlens.core.model.User;
import ai.agentlens.core.policy.PasswordPolicy;
import ai.agentlens.core.port.Clock;
import ai.agentlens.core.port.storage.Stores;
import ai.agentlens.web.wiring.BcryptSecretHasher;
import com.github.f4b6a3.ulid.UlidCreator;
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
        Stores stores = storage.stores();
        var o = CliStorage.orgOrCreate(stores.orgs(), org);
        if (stores.users().findByEmail(address).isPresent()) {
          spec.commandLine()
              .getErr()
              .println("agentlens-selfhosted: a user with e-mail " + address + " already exists");
          return 1;
        }
        String id = UlidCreator.getMonotonicUlid().toString();
        var now = Clock.system().now();
        String display = name != null ? name : address.substring(0, address.indexOf('@'));
        stores
            .users()
            .create(
                new User(
                    id,
                    address,
                    display,
                    null,
                    new BcryptSecretHasher(10).hash(password),
                    true,
                    now));
        stores.memberships().add(new Membership(o.id(), id, Role.OWNER, now));
        spec.commandLine()
            .getOut()
            .printf("Created user %s, owner of org %s.%n", address, o.slug());
        return 0;
      }
    }
  }
}
