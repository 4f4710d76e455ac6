package ai.agentlens.api;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * Captures what the launcher in this JVM writes to standard output and error (where its Logback
 * console appender writes: the logs an operator sees), while still passing it through. One capture
 * at a time; suites in one JVM run one after the other.
 */
public final class LogCapture implements AutoCloseable {

  private final PrintStream out;
  private final PrintStream err;
  private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();

  private LogCapture() {
    out = System.out;
    err = System.err;
    System.setOut(new PrintStream(new Tee(out), true, StandardCharsets.UTF_8));
    System.setErr(new PrintStream(new Tee(err), true, StandardCharsets.UTF_8));
  }

  /**
   * Starts capturing.
   *
   * @return the capture; close it to restore the streams
   */
  public static LogCapture start() {
    return new LogCapture();
  }

  /**
   * Returns everything written so far.
   *
   * @return the text
   */
  public String text() {
    synchronized (buffer) {
      return buffer.toString(StandardCharsets.UTF_8);
    }
  }

  /** Restores the original streams. */
  @Override
  public void close() {
    System.setOut(out);
    System.setErr(err);
  }

  private final class Tee extends OutputStream {
    private final OutputStream original;

    Tee(OutputStream original) {
      this.original = original;
    }

    @Override
    public void write(int b) throws java.io.IOException {
      synchronized (buffer) {
        buffer.write(b);
      }
      original.write(b);
    }

    @Override
    public void write(byte[] b, int off, int len) throws java.io.IOException {
      synchronized (buffer) {
        buffer.write(b, off, len);
      }
      original.write(b, off, len);
    }

    @Override
    public void flush() throws java.io.IOException {
      original.flush();
    }
  }
}
