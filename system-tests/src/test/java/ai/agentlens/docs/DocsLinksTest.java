package ai.agentlens.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The documentation links only to what the repository holds: every relative link in every Markdown
 * file resolves to a file or folder (and, for a Markdown target with {@code #anchor}, to one of its
 * headings), and no page points at the team's design brief or at pages that were never in the
 * repository. Self-contained on purpose, so it can move to another module as it is.
 */
class DocsLinksTest {

  /** Names of files outside the repository that no page may link to or mention. */
  static final List<String> FORBIDDEN =
      List.of(
          "DESIGN.md",
          "README-storage.md",
          "README-queue.md",
          "README-perf.md",
          "README-dashboard.md",
          "../shared",
          "/work/shared");

  private static final Set<String> SKIPPED_DIRS = Set.of("target", ".git", "node_modules");

  // ](target) or ](target "title") or ](<target with spaces>)
  private static final Pattern INLINE_LINK =
      Pattern.compile("\\]\\(\\s*(<[^>]*>|[^)\\s]+)(?:\\s+\"[^\"]*\")?\\s*\\)");
  private static final Pattern REFERENCE_LINK =
      Pattern.compile("^\\s{0,3}\\[[^\\]]+\\]:\\s*(<[^>]*>|\\S+)", Pattern.MULTILINE);
  private static final Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*:");
  private static final Pattern HEADING = Pattern.compile("^ {0,3}#{1,6}\\s+(.*?)\\s*#*\\s*$");
  private static final Pattern HTML_ANCHOR =
      Pattern.compile("<a\\s+(?:name|id)=\"([^\"]+)\"", Pattern.CASE_INSENSITIVE);

  @Test
  void everyLinkInTheRepositoryResolves() {
    Path root = Path.of("..").toAbsolutePath().normalize();
    assertThat(root.resolve("pom.xml")).as("repository root %s", root).exists();
    List<Path> pages = markdownFiles(root);
    assertThat(pages)
        .as("Markdown files found under %s", root)
        .contains(root.resolve("README.md"), root.resolve("docs/architecture.md"));

    List<String> problems = problems(root);

    assertThat(problems).as("dead or forbidden links in the docs").isEmpty();
  }

  @Test
  void theCheckerReportsDeadLinksAndForbiddenMentions(@TempDir Path dir) throws IOException {
    Files.createDirectories(dir.resolve("docs/img"));
    Files.writeString(dir.resolve("docs/img/shot.png"), "png");
    Files.writeString(
        dir.resolve("docs/guide.md"), "# Guide\n\n## Running it\n\ntext\n", StandardCharsets.UTF_8);
    Files.writeString(
        dir.resolve("README.md"),
        String.join(
            "\n",
            "# Top",
            "[ok](docs/guide.md) [ok anchor](docs/guide.md#running-it) [own](#top)",
            "![ok image](docs/img/shot.png) [web](https://example.com/missing.md)",
            "[dead](docs/missing.md) [dead anchor](docs/guide.md#no-such-heading)",
            "[brief](../shared/DESIGN.md)",
            "```",
            "[inside a code block](not/checked.md)",
            "```",
            "[ref]: docs/also-missing.md",
            ""),
        StandardCharsets.UTF_8);
    Files.createDirectories(dir.resolve("target"));
    Files.writeString(dir.resolve("target/ignored.md"), "[dead](nowhere.md)");

    List<String> problems = problems(dir);

    assertThat(problems)
        .as("only the dead links and forbidden mentions, each with file and line")
        .hasSize(6)
        .anySatisfy(p -> assertThat(p).startsWith("README.md:4: dead link docs/missing.md"))
        .anySatisfy(
            p -> assertThat(p).startsWith("README.md:4: dead anchor docs/guide.md#no-such-heading"))
        .anySatisfy(p -> assertThat(p).startsWith("README.md:5: mentions DESIGN.md"))
        .anySatisfy(p -> assertThat(p).startsWith("README.md:5: mentions ../shared"))
        .anySatisfy(p -> assertThat(p).startsWith("README.md:5: dead link ../shared/DESIGN.md"))
        .anySatisfy(p -> assertThat(p).startsWith("README.md:9: dead link docs/also-missing.md"));
  }

  /**
   * Checks every Markdown file under a folder.
   *
   * @param root the repository root
   * @return one line per dead link or forbidden mention, naming the file and line
   */
  static List<String> problems(Path root) {
    List<String> problems = new ArrayList<>();
    Map<Path, Set<String>> anchorCache = new HashMap<>();
    for (Path page : markdownFiles(root)) {
      String where = root.relativize(page).toString().replace('\\', '/');
      List<String> lines = read(page);
      boolean inFence = false;
      for (int i = 0; i < lines.size(); i++) {
        String line = lines.get(i);
        String at = where + ":" + (i + 1);
        for (String name : FORBIDDEN) {
          if (line.contains(name)) {
            problems.add(at + ": mentions " + name + ", which is not part of the repository");
          }
        }
        if (line.strip().startsWith("```") || line.strip().startsWith("~~~")) {
          inFence = !inFence;
          continue;
        }
        if (inFence) {
          continue;
        }
        for (String target : targets(line)) {
          check(root, page, target, anchorCache).ifPresent(p -> problems.add(at + ": " + p));
        }
      }
    }
    return problems;
  }

  private static List<String> targets(String line) {
    List<String> out = new ArrayList<>();
    String code = line.replaceAll("`[^`]*`", "``");
    for (Pattern p : List.of(INLINE_LINK, REFERENCE_LINK)) {
      Matcher m = p.matcher(code);
      while (m.find()) {
        String t = m.group(1);
        out.add(t.startsWith("<") ? t.substring(1, t.length() - 1) : t);
      }
    }
    return out;
  }

  private static java.util.Optional<String> check(
      Path root, Path page, String target, Map<Path, Set<String>> anchorCache) {
    if (target.isEmpty() || SCHEME.matcher(target).find()) {
      return java.util.Optional.empty();
    }
    int hash = target.indexOf('#');
    String pathPart = hash < 0 ? target : target.substring(0, hash);
    String anchor = hash < 0 ? null : target.substring(hash + 1);
    int query = pathPart.indexOf('?');
    if (query >= 0) {
      pathPart = pathPart.substring(0, query);
    }
    Path file;
    if (pathPart.isEmpty()) {
      file = page;
    } else {
      String decoded = URLDecoder.decode(pathPart.replace("+", "%2B"), StandardCharsets.UTF_8);
      file =
          decoded.startsWith("/")
              ? root.resolve(decoded.substring(1)).normalize()
              : page.getParent().resolve(decoded).normalize();
    }
    if (!Files.exists(file)) {
      return java.util.Optional.of("dead link " + target + " (no " + display(root, file) + ")");
    }
    if (!file.startsWith(root)) {
      return java.util.Optional.of("link " + target + " leaves the repository");
    }
    if (anchor != null
        && !anchor.isEmpty()
        && file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".md")) {
      Set<String> anchors = anchorCache.computeIfAbsent(file, DocsLinksTest::anchors);
      if (!anchors.contains(anchor.toLowerCase(Locale.ROOT))) {
        return java.util.Optional.of(
            "dead anchor "
                + target
                + " (no heading #"
                + anchor
                + " in "
                + display(root, file)
                + ")");
      }
    }
    return java.util.Optional.empty();
  }

  /** The anchors GitHub generates for a page's headings, plus explicit HTML anchors. */
  static Set<String> anchors(Path page) {
    Set<String> out = new HashSet<>();
    Map<String, Integer> seen = new HashMap<>();
    boolean inFence = false;
    for (String line : read(page)) {
      if (line.strip().startsWith("```") || line.strip().startsWith("~~~")) {
        inFence = !inFence;
        continue;
      }
      if (inFence) {
        continue;
      }
      Matcher a = HTML_ANCHOR.matcher(line);
      while (a.find()) {
        out.add(a.group(1).toLowerCase(Locale.ROOT));
      }
      Matcher h = HEADING.matcher(line);
      if (h.matches()) {
        String slug = slug(h.group(1));
        int n = seen.merge(slug, 1, Integer::sum) - 1;
        out.add(n == 0 ? slug : slug + "-" + n);
      }
    }
    return out;
  }

  /**
   * GitHub's heading anchor: the rendered text, lower case, without punctuation, spaces as hyphens.
   */
  static String slug(String heading) {
    String text =
        heading
            .replaceAll("!?\\[([^\\]]*)\\]\\([^)]*\\)", "$1")
            .replaceAll("<[^>]+>", "")
            .toLowerCase(Locale.ROOT);
    StringBuilder out = new StringBuilder();
    text.codePoints()
        .forEach(
            c -> {
              if (c == ' ') {
                out.append('-');
              } else if (c == '-' || c == '_' || Character.isLetterOrDigit(c)) {
                out.appendCodePoint(c);
              }
            });
    return out.toString();
  }

  private static List<Path> markdownFiles(Path root) {
    try (Stream<Path> walk = Files.walk(root)) {
      return walk.filter(p -> !skipped(root, p))
          .filter(Files::isRegularFile)
          .filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".md"))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static boolean skipped(Path root, Path p) {
    for (Path part : root.relativize(p)) {
      if (SKIPPED_DIRS.contains(part.toString())) {
        return true;
      }
    }
    return false;
  }

  private static List<String> read(Path page) {
    try {
      return Files.readAllLines(page, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String display(Path root, Path file) {
    return file.startsWith(root) ? root.relativize(file).toString() : file.toString();
  }
}
