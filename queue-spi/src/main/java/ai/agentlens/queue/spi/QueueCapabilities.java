package ai.agentlens.queue.spi;

/**
 * What a queue backend can do, as data, so launchers and the contract suite can ask instead of
 * guessing (a missing capability is a reported skip in the suite, never a silent pass).
 *
 * @param survivesProcessRestart envelopes outlive the process that published them
 * @param sharedAcrossProcesses several processes can publish to and consume from the same queue
 * @param publishCompletesOnAck the publish stage completes only when a consumer acknowledged the
 *     envelope (the backend has no durability of its own); otherwise it completes when the backend
 *     stored it
 * @param storesEncodedEnvelopes envelopes are stored in their {@link EnvelopeCodec encoded} form,
 *     so stored bytes can be undecodable (poison), and the queue implements {@link
 *     EncodedEnvelopeSink}
 * @param boundedCapacity {@code publish} refuses with {@code QueueFullException} once {@link
 *     QueueSettings#capacity()} envelopes are pending; otherwise the backend takes whatever its
 *     server holds and the gateway limits by {@code depth()}
 * @param partitionsBySession the backend spreads events over {@link QueueSettings#shards()}
 *     partitions by a hash of (org, session) and gives each partition to one consumer at a time
 *     under a lease, so two consumers rarely write the same session at once; an envelope whose
 *     events fall in several partitions is delivered as one part per partition (see {@code
 *     EventQueue}, "Partitions")
 */
public record QueueCapabilities(
    boolean survivesProcessRestart,
    boolean sharedAcrossProcesses,
    boolean publishCompletesOnAck,
    boolean storesEncodedEnvelopes,
    boolean boundedCapacity,
    boolean partitionsBySession) {}
