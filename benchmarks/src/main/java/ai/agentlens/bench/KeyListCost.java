package ai.agentlens.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * What a lookup of a list of keys costs the SQLite writer per key, written the two ways the store
 * could write it: an in-list with a placeholder per key (a new statement text per list size,
 * prepared on every call) or one JSON array parameter read by {@code json_each} (one text). The
 * table is keyed {@code (org_id, id)} like {@code events}, with {@code rows} rows; the keys asked
 * are absent, as the id claim's usually are.
 *
 * <p>Usage: {@code KeyListCost [rows=200000] [calls=2000]}. Prints µs per key for lists of 150 and
 * 500 keys, five rounds.
 */
public final class KeyListCost {

  private KeyListCost() {}

  /**
   * Runs the benchmark.
   *
   * @param args rows, calls per measurement
   * @throws Exception on failure
   */
  public static void main(String[] args) throws Exception {
    int rows = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
    int calls = args.length > 1 ? Integer.parseInt(args[1]) : 2_000;
    Path dir = Files.createTempDirectory("keylist");
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("k.db"))) {
      c.setAutoCommit(false);
      load(c, rows);
      Random random = new Random(1);
      for (int round = 1; round <= 5; round++) {
        for (int n : new int[] {150, 500}) {
          List<String> keys = new ArrayList<>(n);
          for (int i = 0; i < n; i++) {
            keys.add(String.format("01JY%022d", random.nextInt(1_000_000)));
          }
          double inList = perKey(c, calls, keys, false);
          double json = perKey(c, calls, keys, true);
          System.out.printf(
              "round %d, %d keys: in-list %.2f us/key, json_each %.2f us/key%n",
              round, n, inList, json);
        }
      }
    } finally {
      try (var files = Files.list(dir)) {
        for (Path f : files.toList()) {
          Files.delete(f);
        }
      }
      Files.delete(dir);
    }
  }

  private static void load(Connection c, int rows) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute(
          "create table ev (org_id text not null, id text not null, payload text,"
              + " primary key (org_id, id)) without rowid");
    }
    try (PreparedStatement p = c.prepareStatement("insert into ev values ('default', ?, 'x')")) {
      for (int i = 0; i < rows; i++) {
        p.setString(1, String.format("01JX%022d", i));
        p.addBatch();
      }
      p.executeBatch();
    }
    c.commit();
  }

  private static double perKey(Connection c, int calls, List<String> keys, boolean json)
      throws SQLException {
    long start = System.nanoTime();
    for (int k = 0; k < calls; k++) {
      String sql =
          json
              ? "select id from ev where org_id = ? and id in (select value from json_each(?))"
              : "select id from ev where org_id = ? and id in ("
                  + String.join(",", Collections.nCopies(keys.size(), "?"))
                  + ")";
      try (PreparedStatement p = c.prepareStatement(sql)) {
        p.setString(1, "default");
        if (json) {
          p.setString(2, "[\"" + String.join("\",\"", keys) + "\"]");
        } else {
          for (int i = 0; i < keys.size(); i++) {
            p.setString(i + 2, keys.get(i));
          }
        }
        try (ResultSet rs = p.executeQuery()) {
          while (rs.next()) {
            rs.getString(1);
          }
        }
      }
    }
    return (System.nanoTime() - start) / 1e3 / calls / keys.size();
  }
}
