package ai.agentlens.bench;

import ai.agentlens.core.event.Envelope;
import ai.agentlens.queue.spi.EnvelopeCodec;
import ai.agentlens.queue.spi.EnvelopeDecodingException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The envelope codec's cost per envelope: encode and decode, median of 5 timed rounds. */
final class CodecCost {

  private CodecCost() {}

  static void report(Envelope[] envelopes, byte[][] encoded) throws EnvelopeDecodingException {
    int ops = 2_000;
    long sink = 0;
    for (int i = 0; i < 3 * ops; i++) { // warm-up
      sink += EnvelopeCodec.encode(envelopes[i % envelopes.length]).length;
      sink += EnvelopeCodec.decode(encoded[i % encoded.length]).events().size();
    }
    List<Double> enc = new ArrayList<>();
    List<Double> dec = new ArrayList<>();
    for (int round = 0; round < 5; round++) {
      long t0 = System.nanoTime();
      for (int i = 0; i < ops; i++) {
        sink += EnvelopeCodec.encode(envelopes[i % envelopes.length]).length;
      }
      long t1 = System.nanoTime();
      for (int i = 0; i < ops; i++) {
        sink += EnvelopeCodec.decode(encoded[i % encoded.length]).events().size();
      }
      long t2 = System.nanoTime();
      enc.add((t1 - t0) / 1e3 / ops);
      dec.add((t2 - t1) / 1e3 / ops);
    }
    System.out.printf(
        Locale.ROOT,
        "codec per envelope (median of 5 × %d): encode %.1f µs, decode %.1f µs (checksum %d)%n",
        ops,
        QueueBenchmark.median(enc),
        QueueBenchmark.median(dec),
        sink % 10);
  }
}
