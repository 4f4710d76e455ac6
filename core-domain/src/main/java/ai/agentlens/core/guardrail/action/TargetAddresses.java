package ai.agentlens.core.guardrail.action;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;

/** Which webhook target addresses are not public (SSRF guard); pure. */
public final class TargetAddresses {

  private TargetAddresses() {}

  /**
   * Tells whether an address is loopback, private, link-local, unspecified, multicast,
   * carrier-grade NAT (100.64/10) or IPv6 unique-local, i.e. refused unless the operator allows
   * private targets.
   *
   * @param a the resolved address
   * @return whether it is non-public
   */
  public static boolean nonPublic(InetAddress a) {
    if (a.isLoopbackAddress()
        || a.isAnyLocalAddress()
        || a.isLinkLocalAddress()
        || a.isSiteLocalAddress()
        || a.isMulticastAddress()) {
      return true;
    }
    byte[] b = a.getAddress();
    if (a instanceof Inet4Address) {
      int first = b[0] & 0xff;
      int second = b[1] & 0xff;
      return first == 0 || (first == 100 && second >= 64 && second < 128) || first >= 240;
    }
    if (a instanceof Inet6Address) {
      boolean uniqueLocal = (b[0] & 0xfe) == 0xfc;
      boolean mapped = isMappedV4(b);
      if (mapped) {
        try {
          return nonPublic(InetAddress.getByAddress(new byte[] {b[12], b[13], b[14], b[15]}));
        } catch (java.net.UnknownHostException e) {
          return true;
        }
      }
      return uniqueLocal;
    }
    return true;
  }

  private static boolean isMappedV4(byte[] b) {
    for (int i = 0; i < 10; i++) {
      if (b[i] != 0) {
        return false;
      }
    }
    return (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff;
  }
}
