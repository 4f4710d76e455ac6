package ai.agentlens.queue.spi;

import ai.agentlens.core.event.Envelope;
import ai.agentlens.core.event.Event;
import ai.agentlens.core.event.EventType;
import ai.agentlens.core.event.Severity;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32C;

/**
 * The stored form of an {@link Envelope}: a compact, versioned binary format, on the hot path of
 * every request (docs/performance.md gives its measured cost).
 *
 * <p>Layout of version 1: {@code u8 version}, the envelope ({@code str id, str orgId, nstr
 * apiKeyId, i64 receivedAt µs, i32 count}), per event {@code str id, str sessionId, str agentId,
 * str eventType, str severity, i64 timestamp µs, str payload, str metadata, i64 sequence, nstr
 * prevHash, nstr hash}, then {@code i32 CRC-32C} of everything before it. {@code str} is an i32
 * byte length and UTF-8 bytes; {@code nstr} uses length -1 for {@code null}; integers are
 * big-endian. Enums travel by name, so reordering their constants never changes meaning. The
 * event's org is the envelope's (an invariant of {@link Envelope}) and is not repeated.
 *
 * <p>Payload and metadata travel as their JSON texts; a decoded event's documents are parsed by the
 * worker when it first needs their trees, once.
 *
 * <p>Compatibility rule: a new layout gets a new version byte; {@link #decode} keeps reading every
 * version still possibly stored, so producers and consumers can be upgraded in any order.
 */
public final class EnvelopeCodec {

  /** The version {@link #encode} writes. */
  public static final byte CURRENT_VERSION = 1;

  private EnvelopeCodec() {}

  /**
   * Encodes an envelope in the current version.
   *
   * @param envelope the envelope
   * @return the bytes
   */
  public static byte[] encode(Envelope envelope) {
    ByteSink out = new ByteSink(estimate(envelope));
    out.u8(CURRENT_VERSION);
    out.str(envelope.id());
    out.str(envelope.orgId());
    out.str(envelope.apiKeyId());
    out.i64(Micros.of(envelope.receivedAt()));
    out.i32(envelope.events().size());
    for (Event e : envelope.events()) {
      out.str(e.id());
      out.str(e.sessionId());
      out.str(e.agentId());
      out.str(e.eventType().name());
      out.str(e.severity().name());
      out.i64(Micros.of(e.timestamp()));
      out.str(e.payload().text());
      out.str(e.metadata().text());
      out.i64(e.sequence());
      out.str(e.prevHash());
      out.str(e.hash());
    }
    CRC32C crc = new CRC32C();
    crc.update(out.buffer(), 0, out.size());
    out.i32((int) crc.getValue());
    return out.toByteArray();
  }

  /**
   * Decodes stored bytes of any supported version.
   *
   * @param bytes the stored bytes
   * @return the envelope
   * @throws EnvelopeDecodingException when the bytes are not a valid envelope
   */
  public static Envelope decode(byte[] bytes) throws EnvelopeDecodingException {
    if (bytes == null || bytes.length < 5) {
      throw new EnvelopeDecodingException("too short to be an envelope", null);
    }
    if (bytes[0] != CURRENT_VERSION) {
      throw new EnvelopeDecodingException("unknown envelope version " + bytes[0], null);
    }
    CRC32C crc = new CRC32C();
    crc.update(bytes, 0, bytes.length - 4);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    if (in.getInt(bytes.length - 4) != (int) crc.getValue()) {
      throw new EnvelopeDecodingException("checksum mismatch (corrupted envelope)", null);
    }
    in.limit(bytes.length - 4).position(1);
    try {
      return readV1(new ByteSource(in));
    } catch (RuntimeException e) {
      // why: these bytes come from storage, not from us; any failure to read them means poison
      throw new EnvelopeDecodingException("invalid version-1 envelope: " + e, e);
    }
  }

  private static Envelope readV1(ByteSource in) {
    String id = in.str();
    String orgId = in.str();
    String apiKeyId = in.str();
    var receivedAt = Micros.toInstant(in.i64());
    int count = in.i32();
    if (count < 0 || count > in.remaining() / 40) {
      // why: a corrupted count must not make us allocate a huge list before failing
      throw new IllegalArgumentException("implausible event count " + count);
    }
    List<Event> events = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      events.add(
          new Event(
              in.str(),
              orgId,
              in.str(),
              in.str(),
              EventType.valueOf(in.str()),
              Severity.valueOf(in.str()),
              Micros.toInstant(in.i64()),
              in.str(),
              in.str(),
              in.i64(),
              in.str(),
              in.str()));
    }
    if (in.remaining() != 0) {
      throw new IllegalArgumentException(in.remaining() + " trailing bytes");
    }
    return new Envelope(id, orgId, apiKeyId, receivedAt, events);
  }

  /**
   * The exact encoded size when every string is ASCII (the usual case), a lower bound otherwise.
   */
  private static int estimate(Envelope envelope) {
    int size = 1 + len(envelope.id()) + len(envelope.orgId()) + len(envelope.apiKeyId()) + 8 + 4;
    for (Event e : envelope.events()) {
      size +=
          len(e.id())
              + len(e.sessionId())
              + len(e.agentId())
              + len(e.eventType().name())
              + len(e.severity().name())
              + 8
              + len(e.payload().text())
              + len(e.metadata().text())
              + 8
              + len(e.prevHash())
              + len(e.hash());
    }
    return size + 4;
  }

  private static int len(String s) {
    return 4 + (s == null ? 0 : s.length());
  }
}
