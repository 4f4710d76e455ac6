package ai.agentlens.app.selfhosted;

import ai.agentlens.storage.sqlite.SqliteBackup;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code restore --from FILE}: replaces the data directory's database with a verified backup. It
 * refuses while a server runs on the directory, and keeps the replaced database beside it as {@code
 * agentlens.db.replaced-<UTC time>} (with its {@code -wal} file, if any).
 */
@Command(
    name = "restore",
    mixinStandardHelpOptions = true,
    description = "Replace the database with a backup (the server must be stopped).")
final class RestoreCommand implements Callable<Integer> {

  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(names = "--from", required = true, description = "The backup file to restore.")
  Path from;

  @Mixin DataDirOption dataDir;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    String version;
    try {
      out.println("verifying " + from.toAbsolutePath());
      version = SqliteBackup.verify(from.toAbsolutePath());
    } catch (IllegalArgumentException e) {
      err.println("agentlens-selfhosted restore: " + e.getMessage());
      return 2;
    }
    out.println("backup is an AgentLens database at schema " + version);
    Path dir = DataDirectory.prepare(dataDir.resolve());
    Optional<DataDirLock> lock = DataDirLock.tryAcquire(dir);
    if (lock.isEmpty()) {
      err.println(
          "agentlens-selfhosted restore: a server is running on "
              + dir
              + "; stop it first, then restore");
      return 1;
    }
    try (DataDirLock held = lock.get()) {
      Path db = dir.resolve(SelfhostedBeans.DATABASE_FILE);
      Path incoming = dir.resolve(SelfhostedBeans.DATABASE_FILE + ".restoring");
      out.println("copying " + Files.size(from) / 1024 + " KiB into " + dir);
      Files.copy(from, incoming, StandardCopyOption.REPLACE_EXISTING);
      ownerOnly(incoming);
      if (Files.exists(db)) {
        String kept = SelfhostedBeans.DATABASE_FILE + ".replaced-" + STAMP.format(Instant.now());
        for (String suffix : new String[] {"", "-wal", "-shm"}) {
          Path file = dir.resolve(SelfhostedBeans.DATABASE_FILE + suffix);
          if (Files.exists(file)) {
            Files.move(file, dir.resolve(kept + suffix));
          }
        }
        out.println("kept the replaced database as " + dir.resolve(kept));
      }
      Files.move(incoming, db, StandardCopyOption.ATOMIC_MOVE);
      out.println("restored " + db + " (schema " + version + "); start the server to use it");
      return 0;
    }
  }

  private static void ownerOnly(Path file) throws IOException {
    if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
      Files.setPosixFilePermissions(
          file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
    }
  }
}
