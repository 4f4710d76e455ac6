package ai.agentlens.queue.spi;

import ai.agentlens.core.port.queue.EventQueue;

/**
 * A queue backend. Launchers find providers with {@link java.util.ServiceLoader} (each backend
 * module lists its provider in {@code META-INF/services/ai.agentlens.queue.spi.QueueProvider}) and
 * choose one by {@link #name()}. Adding a backend = one module with a provider, an {@link
 * EventQueue} built on {@link EnvelopeCodec} and {@link DeliveryPolicy}, and a subclass of the test
 * kit's {@code EventQueueContract} (parity-tests) in the module's own {@code src/test}.
 */
public interface QueueProvider {

  /**
   * Returns the backend's name, as configured ({@code in-memory}, {@code redis}).
   *
   * @return the name, lowercase
   */
  String name();

  /**
   * Returns what the backend can do.
   *
   * @return the capabilities; the same on every call
   */
  QueueCapabilities capabilities();

  /**
   * Opens a queue. For a server backend this connects, checks the server answers, and creates the
   * stream and consumer group if they do not exist; it never deletes anything.
   *
   * @param settings the configuration
   * @return the open queue; the caller closes it
   * @throws IllegalArgumentException when the settings do not suit the backend (e.g. no URL)
   * @throws ai.agentlens.core.port.queue.QueueUnavailableException when the server cannot be
   *     reached
   */
  EventQueue open(QueueSettings settings);
}
