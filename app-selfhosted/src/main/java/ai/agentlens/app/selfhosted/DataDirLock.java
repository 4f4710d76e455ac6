package ai.agentlens.app.selfhosted;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * An exclusive lock on {@code <data-dir>/server.lock}, held by the server for as long as it runs
 * and by {@code restore} while it swaps the database file, so a restore can never replace the file
 * under a running server. The operating system drops the lock when the process dies.
 */
final class DataDirLock implements AutoCloseable {

  /** The lock file's name inside the data directory. */
  static final String FILE = "server.lock";

  private final FileChannel channel;
  private final FileLock lock;

  private DataDirLock(FileChannel channel, FileLock lock) {
    this.channel = channel;
    this.lock = lock;
  }

  /**
   * Takes the lock if nobody holds it.
   *
   * @param dataDir the prepared data directory
   * @return the held lock, or empty when another process (or this one) holds it
   * @throws UncheckedIOException when the lock file cannot be opened
   */
  static Optional<DataDirLock> tryAcquire(Path dataDir) {
    FileChannel channel = null;
    try {
      channel =
          FileChannel.open(
              dataDir.resolve(FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      FileLock lock = channel.tryLock();
      if (lock == null) {
        channel.close();
        return Optional.empty();
      }
      return Optional.of(new DataDirLock(channel, lock));
    } catch (OverlappingFileLockException e) {
      // why: within one JVM the JDK reports a lock held by this process this way, not as null
      closeQuietly(channel);
      return Optional.empty();
    } catch (IOException e) {
      closeQuietly(channel);
      throw new UncheckedIOException("cannot open " + dataDir.resolve(FILE), e);
    }
  }

  private static void closeQuietly(FileChannel channel) {
    if (channel != null) {
      try {
        channel.close();
      } catch (IOException ignored) {
        // nothing was locked through this channel
      }
    }
  }

  /** Releases the lock. */
  @Override
  public void close() {
    try {
      lock.release();
      channel.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
