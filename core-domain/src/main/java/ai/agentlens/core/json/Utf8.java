package ai.agentlens.core.json;

/** UTF-8 sizes of strings, without encoding them. */
final class Utf8 {

  private Utf8() {}

  /**
   * Counts the UTF-8 bytes {@code String.getBytes(UTF_8)} would produce: a lone surrogate becomes
   * one byte ({@code ?}), a surrogate pair four.
   *
   * @param s the string
   * @return its UTF-8 size
   */
  static int length(String s) {
    int n = s.length();
    int bytes = n;
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c < 0x80) {
        continue;
      }
      if (c < 0x800) {
        bytes += 1;
      } else if (Character.isHighSurrogate(c)
          && i + 1 < n
          && Character.isLowSurrogate(s.charAt(i + 1))) {
        bytes += 2; // why: 4 bytes for 2 chars
        i++;
      } else if (Character.isSurrogate(c)) {
        // why: the encoder replaces a lone surrogate by '?', one byte
        continue;
      } else {
        bytes += 2;
      }
    }
    return bytes;
  }
}
