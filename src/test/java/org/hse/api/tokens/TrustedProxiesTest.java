package org.hse.api.tokens;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TrustedProxiesTest {

  private final TrustedProxies proxies = TrustedProxies.parse("10.0.0.0/8, 127.0.0.1,fd00::/8");

  @Test
  void withoutTrustedProxiesTheHeaderIsIgnored() {
    TrustedProxies none = TrustedProxies.parse(null);
    assertEquals("127.0.0.1", none.clientOf("127.0.0.1", List.of("198.51.100.9")));
    assertEquals("127.0.0.1", TrustedProxies.parse("").clientOf("127.0.0.1", List.of("1.2.3.4")));
    assertEquals(
        "127.0.0.1", TrustedProxies.parse(" , ").clientOf("127.0.0.1", List.of("1.2.3.4")));
  }

  @Test
  void aSpoofedHeaderFromAPeerThatIsNoTrustedProxyIsIgnored() {
    assertEquals("203.0.113.7", proxies.clientOf("203.0.113.7", List.of("198.51.100.9")));
    assertEquals("11.0.0.1", proxies.clientOf("11.0.0.1", List.of("10.0.0.1")));
  }

  @Test
  void theClientIsTheFirstUntrustedAddressFromTheRight() {
    assertEquals("198.51.100.9", proxies.clientOf("127.0.0.1", List.of("198.51.100.9")));
    assertEquals(
        "198.51.100.9",
        proxies.clientOf("127.0.0.1", List.of("6.6.6.6, 198.51.100.9, 10.1.2.3, 10.9.9.9")),
        "what the client wrote itself, on the left, is not believed");
    assertEquals(
        "198.51.100.9",
        proxies.clientOf("10.0.0.2", List.of("6.6.6.6", "198.51.100.9,10.1.2.3")),
        "several header lines are one list, in their order");
    assertEquals(
        "10.1.2.3", proxies.clientOf("127.0.0.1", List.of("10.1.2.3")), "every hop trusted");
    assertEquals("127.0.0.1", proxies.clientOf("127.0.0.1", List.of()), "no header");
    assertEquals("127.0.0.1", proxies.clientOf("127.0.0.1", List.of(" ,, ")), "an empty header");
  }

  @Test
  void aMalformedEntryIsTheClientByItsTextAndNeverLookedUp() {
    assertEquals("?unknown", proxies.clientOf("127.0.0.1", List.of("1.2.3.4, unknown")));
    assertEquals("?example.com", proxies.clientOf("127.0.0.1", List.of("example.com, 10.0.0.1")));
    assertEquals("?1.2.3.4:5678", proxies.clientOf("127.0.0.1", List.of("1.2.3.4:5678")));
    assertEquals("?1.2.3", proxies.clientOf("127.0.0.1", List.of("1.2.3")));
    assertEquals("?256.1.1.1", proxies.clientOf("127.0.0.1", List.of("256.1.1.1")));
    assertEquals("?" + "x".repeat(100), proxies.clientOf("127.0.0.1", List.of("x".repeat(500))));
    assertEquals(Optional.empty(), TrustedProxies.literal("localhost"));
    assertEquals(Optional.empty(), TrustedProxies.literal("abc:xyz"));
    assertEquals(Optional.empty(), TrustedProxies.literal("01.2.3.4"));
  }

  /** A holder of an IPv6 /64 has 2^64 addresses: the throttle counts the block. */
  @Test
  void anIpv6ClientIsCountedByItsSlash64() {
    assertEquals(
        "2001:db8:1:2:0:0:0:0/64",
        proxies.clientOf("127.0.0.1", List.of("[2001:db8:1:2:aaaa::1]")));
    assertEquals("2001:db8:1:2:0:0:0:0/64", proxies.clientOf("2001:db8:1:2:ffff::9%0", List.of()));
    assertEquals("192.0.2.1", proxies.clientOf("127.0.0.1", List.of("::ffff:192.0.2.1")));
    assertEquals("198.51.100.9", proxies.clientOf("fd12::1", List.of("198.51.100.9")));
  }

  @Test
  void rangesMatchByTheirPrefix() throws Exception {
    assertTrue(proxies.trusts(InetAddress.getByName("10.255.255.255")));
    assertFalse(proxies.trusts(InetAddress.getByName("11.0.0.0")));
    assertFalse(proxies.trusts(InetAddress.getByName("127.0.0.2")));
    assertTrue(proxies.trusts(InetAddress.getByName("fdff::1")));
    assertFalse(proxies.trusts(InetAddress.getByName("fe00::1")));
    TrustedProxies odd = TrustedProxies.parse("192.168.1.64/26, ::1, 0.0.0.0/0");
    assertTrue(odd.trusts(InetAddress.getByName("8.8.8.8")));
    assertTrue(odd.trusts(InetAddress.getByName("::1")));
    assertFalse(odd.trusts(InetAddress.getByName("::2")));
    TrustedProxies narrow = TrustedProxies.parse("192.168.1.64/26");
    assertTrue(narrow.trusts(InetAddress.getByName("192.168.1.127")));
    assertFalse(narrow.trusts(InetAddress.getByName("192.168.1.128")));
  }

  @Test
  void aSettingThatIsNoAddressStopsTheStart() {
    for (String wrong :
        List.of("proxy.local", "10.0.0.0/33", "::1/129", "10.0.0.0/", "1.2.3.4/x")) {
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> TrustedProxies.parse(wrong), wrong);
      assertTrue(e.getMessage().startsWith("auth.trusted-proxies"), e.getMessage());
    }
  }
}
