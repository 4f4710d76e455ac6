package ai.agentlens.queue.spi;

/**
 * Publishes bytes that are meant to be an {@link EnvelopeCodec encoded} envelope, exactly as
 * stored, without checking them: what another producer version (or a corrupted write) would put on
 * the queue. Implemented by backends with {@link QueueCapabilities#storesEncodedEnvelopes()}; used
 * by tools that move stored envelopes between queues and by the contract suite to plant poison.
 */
public interface EncodedEnvelopeSink {

  /**
   * Publishes the bytes as one stored envelope. Undecodable bytes are dead-lettered by the first
   * consumer that meets them.
   *
   * @param encoded the bytes to store
   * @throws ai.agentlens.core.port.queue.QueueUnavailableException when the backend is unreachable
   */
  void publishEncoded(byte[] encoded);
}
