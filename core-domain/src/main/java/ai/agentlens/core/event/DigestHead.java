package ai.agentlens.core.event;

import java.security.MessageDigest;

/**
 * SHA-256 after an event's canonical hash input up to its chain fields: the digest's state, which
 * each use copies, or, where the provider's digests cannot be cloned, the input's bytes, which each
 * use hashes again. Immutable; a {@link #resume} result belongs to its caller.
 */
final class DigestHead {

  // why: hashed once when prepared (off the writer), never updated after, only cloned
  private final MessageDigest state;
  private final byte[] bytes;

  private DigestHead(MessageDigest state, byte[] bytes) {
    this.state = state;
    this.bytes = bytes;
  }

  /**
   * Digests a head.
   *
   * @param head the canonical input's head
   * @param cloneable whether digests can be cloned (keep the state) or not (keep the bytes)
   * @return the head
   */
  static DigestHead of(byte[] head, boolean cloneable) {
    if (!cloneable) {
      return new DigestHead(null, head.clone());
    }
    MessageDigest md = HashChain.newSha256();
    md.update(head);
    return new DigestHead(md, null);
  }

  /**
   * Returns a digest that has taken the head.
   *
   * @return a new digest, ready for the rest of the input
   */
  MessageDigest resume() {
    if (state == null) {
      MessageDigest md = HashChain.newSha256();
      md.update(bytes);
      return md;
    }
    try {
      return (MessageDigest) state.clone();
    } catch (CloneNotSupportedException e) {
      throw new IllegalStateException("kept only for cloneable digests", e);
    }
  }

  /**
   * Tells which form this head takes (for tests).
   *
   * @return true when it keeps the digest's state, false when it keeps the head's bytes
   */
  boolean keepsState() {
    return state != null;
  }

  /**
   * Tells whether a digest can be cloned.
   *
   * @param md the digest
   * @return whether {@link MessageDigest#clone} works
   */
  static boolean cloneable(MessageDigest md) {
    try {
      md.clone();
      return true;
    } catch (CloneNotSupportedException e) {
      return false;
    }
  }
}
