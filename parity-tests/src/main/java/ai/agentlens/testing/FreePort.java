package ai.agentlens.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;

/** A TCP port that was free a moment ago, for servers a test starts. */
public final class FreePort {

  private FreePort() {}

  /**
   * Finds a free port on the loopback interface.
   *
   * @return the port
   */
  public static int find() {
    try (ServerSocket socket = new ServerSocket(0)) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
