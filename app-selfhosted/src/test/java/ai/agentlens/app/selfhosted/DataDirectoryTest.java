package ai.agentlens.app.selfhosted;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The data directory and the files in it belong to the server's user only (issue 19): created
 * {@code 0700}, database and its WAL files {@code 0600}, and a directory others can write is
 * refused with one line.
 */
class DataDirectoryTest {

  @TempDir Path temp;

  @BeforeEach
  void posixOnly() {
    assumeTrue(temp.getFileSystem().supportedFileAttributeViews().contains("posix"), "POSIX");
  }

  private static String perms(Path p) throws Exception {
    return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
  }

  @Test
  void theServerCreatesAPrivateDirectoryAndPrivateDatabaseFiles() throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    Path dir = temp.resolve("data");
    try (var context = ServeCommand.start(new SelfhostedConfig(port, dir))) {
      assertThat(perms(dir)).isEqualTo("rwx------");
      Path db = dir.resolve(SelfhostedBeans.DATABASE_FILE);
      assertThat(perms(db)).isEqualTo("rw-------");
      for (String side : new String[] {"-wal", "-shm"}) {
        Path f = dir.resolve(SelfhostedBeans.DATABASE_FILE + side);
        assertThat(f).as("SQLite runs in WAL mode").exists();
        assertThat(perms(f)).as(side).isEqualTo("rw-------");
      }
    }
  }

  @Test
  void aDirectoryOthersCanReadIsNarrowedAndAnOlderDatabaseFileToo() throws Exception {
    Path dir = Files.createDirectory(temp.resolve("old"));
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
    Path db = Files.createFile(dir.resolve(SelfhostedBeans.DATABASE_FILE));
    Files.setPosixFilePermissions(db, PosixFilePermissions.fromString("rw-r--r--"));
    CliStorage.open(dir).close();
    assertThat(perms(dir)).isEqualTo("rwx------");
    assertThat(perms(db)).isEqualTo("rw-------");
  }

  @Test
  void aDirectoryOthersCanWriteIsRefusedWithOneLine() throws Exception {
    for (String mode : new String[] {"rwxrwxrwx", "rwxrwx---"}) {
      Path dir = Files.createDirectory(temp.resolve("shared-" + mode.hashCode()));
      Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString(mode));
      StringWriter err = new StringWriter();
      CommandLine cli = SelfhostedMain.commandLine();
      cli.setErr(new PrintWriter(err));
      int status = cli.execute("serve", "--port", "0", "--data-dir", dir.toString());
      assertThat(status).isEqualTo(1);
      assertThat(err.toString().strip())
          .isEqualTo(
              "agentlens-selfhosted: data directory "
                  + dir.toAbsolutePath()
                  + " is writable by other users ("
                  + mode
                  + "); run: chmod 700 "
                  + dir.toAbsolutePath());
      assertThat(dir.resolve(SelfhostedBeans.DATABASE_FILE)).doesNotExist();
    }
  }
}
