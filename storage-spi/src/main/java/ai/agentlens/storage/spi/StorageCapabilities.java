package ai.agentlens.storage.spi;

import java.util.EnumSet;
import java.util.Set;

/**
 * What a backend offers, as data.
 *
 * @param backend short name, e.g. {@code sqlite}, {@code postgres}
 * @param features the optional features it has
 */
public record StorageCapabilities(String backend, Set<StorageCapability> features) {

  /** Copies the set. */
  public StorageCapabilities {
    features = features.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(features));
  }

  /**
   * Tells whether a feature is present.
   *
   * @param feature the feature
   * @return {@code true} when the backend has it
   */
  public boolean has(StorageCapability feature) {
    return features.contains(feature);
  }
}
