package ai.agentlens.app.selfhosted;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Set;

/**
 * The data directory holds the database (prompts, password and key hashes) and the outbox
 * (password-reset and verification links), so only the server's user may enter it: it is created
 * {@code 0700}, an existing one that others can read is narrowed to {@code 0700}, and one that
 * others can write is refused, since its files could have been replaced. On a file system without
 * POSIX permissions (Windows) nothing is checked.
 */
final class DataDirectory {

  private static final Set<PosixFilePermission> OWNER_ONLY =
      PosixFilePermissions.fromString("rwx------");

  private DataDirectory() {}

  /**
   * Creates or checks the directory.
   *
   * @param dir the data directory
   * @return the absolute, normalized directory
   * @throws IllegalStateException with a one-line message when others may write to it
   * @throws UncheckedIOException when it cannot be created or its permissions read
   */
  static Path prepare(Path dir) {
    Path abs = dir.toAbsolutePath().normalize();
    boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    try {
      if (!Files.exists(abs)) {
        Files.createDirectories(abs.getParent());
        if (posix) {
          Files.createDirectory(abs, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        } else {
          Files.createDirectory(abs);
        }
        return abs;
      }
      if (!posix) {
        return abs;
      }
      Set<PosixFilePermission> perms = Files.getPosixFilePermissions(abs);
      if (perms.contains(PosixFilePermission.OTHERS_WRITE)
          || perms.contains(PosixFilePermission.GROUP_WRITE)) {
        throw new IllegalStateException(
            "data directory "
                + abs
                + " is writable by other users ("
                + PosixFilePermissions.toString(perms)
                + "); run: chmod 700 "
                + abs);
      }
      Set<PosixFilePermission> others =
          EnumSet.of(
              PosixFilePermission.GROUP_READ,
              PosixFilePermission.GROUP_EXECUTE,
              PosixFilePermission.OTHERS_READ,
              PosixFilePermission.OTHERS_EXECUTE);
      others.retainAll(perms);
      if (!others.isEmpty()) {
        Files.setPosixFilePermissions(abs, OWNER_ONLY);
      }
      return abs;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot prepare data directory " + abs, e);
    }
  }
}
