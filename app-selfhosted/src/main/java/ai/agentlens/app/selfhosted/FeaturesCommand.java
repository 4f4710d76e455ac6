package ai.agentlens.app.selfhosted;

import ai.agentlens.core.feature.FeatureAdmin;
import ai.agentlens.core.feature.FeatureGate;
import ai.agentlens.core.port.Clock;
import com.github.f4b6a3.ulid.UlidCreator;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code features list|enable|disable|reset --org ORG [FEATURE]}: an operator's per-org feature
 * override, stored in the database, so it takes effect on the running server's next request.
 */
@Command(
    name = "features",
    mixinStandardHelpOptions = true,
    description = "Show or override an org's features (analytics, compliance).")
final class FeaturesCommand implements Callable<Integer> {

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", description = "list, enable, disable or reset (back to the plan).")
  String action;

  @Parameters(index = "1", arity = "0..1", description = "The feature: analytics or compliance.")
  String feature;

  @Option(
      names = "--org",
      required = true,
      description = "Org id (for orgs created with the CLI, their slug).")
  String org;

  @Mixin DataDirOption dataDir;

  @Override
  public Integer call() {
    var out = spec.commandLine().getOut();
    try (var storage = CliStorage.open(dataDir.resolve())) {
      var stores = storage.stores();
      FeatureAdmin admin =
          new FeatureAdmin(
              new FeatureGate(
                  stores.orgs(),
                  stores.featureOverrides(),
                  FeatureGate.parseList(System.getenv("AGENTLENS_FEATURES_DISABLED")),
                  Clock.system()),
              stores.audit(),
              Clock.system(),
              () -> UlidCreator.getMonotonicUlid().toString());
      List<String> lines;
      if ("list".equals(action)) {
        lines = admin.list(org);
      } else if (feature == null) {
        spec.commandLine().getErr().println("features " + action + ": name the feature");
        return 2;
      } else {
        lines = List.of(admin.change(action, org, feature));
      }
      lines.forEach(out::println);
    }
    return 0;
  }
}
