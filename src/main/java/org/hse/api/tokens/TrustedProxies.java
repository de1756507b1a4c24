package org.hse.api.tokens;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The proxies whose {@code X-Forwarded-For} is believed ({@code auth.trusted-proxies}: addresses
 * and CIDR ranges, comma-separated; none by default), and so the address a login comes from, which
 * the login throttle counts by.
 *
 * <p>The header is a list every proxy appends to, so only its right end is written by proxies the
 * operator runs; anything to the left may be whatever the client sent. The client is therefore the
 * first address, walking from the right, that is not a trusted proxy, and the header of a peer that
 * is not a trusted proxy is ignored altogether. An entry that is not an address literal (a trusted
 * proxy passing on what it was sent) is that client, by its text: it is never looked up in DNS.
 *
 * <p>An IPv6 client is counted by its /64, the block one subscriber gets: otherwise a single holder
 * could send every guess from an address of its own. Java's {@code InetAddress} parses and masks;
 * none of the stack's libraries (Jakarta EE, MicroProfile, Nimbus, Flyway) matches CIDR ranges.
 */
public final class TrustedProxies {

  static final String PROPERTY = "auth.trusted-proxies";

  private static final Pattern IPV4 =
      Pattern.compile(
          "(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
  private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");
  private static final int CLIENT_IPV6_PREFIX = 64;
  private static final int MAX_TEXT = 100;

  private final List<Range> ranges;

  private TrustedProxies(List<Range> ranges) {
    this.ranges = List.copyOf(ranges);
  }

  /**
   * Parses {@code auth.trusted-proxies}: addresses ({@code 10.0.0.5}, {@code ::1}) and ranges
   * ({@code 10.0.0.0/8}, {@code fd00::/8}), separated by commas; null or blank for none.
   *
   * @throws IllegalArgumentException for an entry that is neither, so that a typing error stops the
   *     start rather than silently trusting nothing
   */
  public static TrustedProxies parse(String list) {
    List<Range> ranges = new ArrayList<>();
    if (list != null) {
      for (String entry : list.split(",")) {
        String text = entry.strip();
        if (!text.isEmpty()) {
          ranges.add(
              Range.parse(text)
                  .orElseThrow(
                      () ->
                          new IllegalArgumentException(
                              PROPERTY + ": not an address or CIDR range: " + text)));
        }
      }
    }
    return new TrustedProxies(ranges);
  }

  /**
   * The client of a request that arrived from {@code peer} (the servlet's remote address) with
   * these {@code X-Forwarded-For} header values, in the order received: its address as the throttle
   * counts it.
   */
  public String clientOf(String peer, List<String> forwardedFor) {
    Optional<InetAddress> hop = literal(peer);
    if (!trustsPeer(peer)) {
      return hop.map(TrustedProxies::counted).orElse(text(peer));
    }
    List<String> entries = new ArrayList<>();
    for (String header : forwardedFor) {
      Arrays.stream(header.split(","))
          .map(String::strip)
          .filter(e -> !e.isEmpty())
          .forEach(entries::add);
    }
    for (int i = entries.size() - 1; i >= 0; i--) {
      Optional<InetAddress> address = literal(entries.get(i));
      if (address.isEmpty()) {
        return text(entries.get(i));
      }
      hop = address;
      if (!trusts(hop.get())) {
        break;
      }
    }
    return counted(hop.get());
  }

  /** Whether the peer of a connection, as the servlet writes it, is a trusted proxy. */
  public boolean trustsPeer(String peer) {
    return literal(peer).map(this::trusts).orElse(false);
  }

  boolean trusts(InetAddress address) {
    return ranges.stream().anyMatch(range -> range.contains(address));
  }

  /**
   * The address this text writes, without DNS: dotted IPv4, or IPv6 with or without brackets
   * (IPv4-mapped IPv6 is its IPv4 address); empty for anything else, a port included.
   */
  static Optional<InetAddress> literal(String text) {
    if (text == null) {
      return Optional.empty();
    }
    String bare =
        text.startsWith("[") && text.endsWith("]") ? text.substring(1, text.length() - 1) : text;
    int zone = bare.indexOf('%');
    if (zone > 0 && bare.indexOf(':') >= 0) {
      bare = bare.substring(0, zone);
    }
    if (!IPV4.matcher(bare).matches() && !IPV6.matcher(bare).matches()) {
      return Optional.empty();
    }
    try {
      // a bracketed name is only ever parsed as an IPv6 literal, never resolved
      return Optional.of(InetAddress.getByName(bare.indexOf(':') >= 0 ? "[" + bare + "]" : bare));
    } catch (UnknownHostException e) {
      return Optional.empty();
    }
  }

  private static String counted(InetAddress address) {
    if (address instanceof Inet6Address) {
      return Range.of(address, CLIENT_IPV6_PREFIX).toString();
    }
    return address.getHostAddress();
  }

  private static String text(String entry) {
    String text = entry == null ? "" : entry.strip();
    return "?" + (text.length() > MAX_TEXT ? text.substring(0, MAX_TEXT) : text);
  }

  /** A CIDR range: the network's first address and the length of its prefix. */
  record Range(byte[] network, int prefix) {

    static Optional<Range> parse(String text) {
      int slash = text.indexOf('/');
      Optional<InetAddress> address = literal(slash < 0 ? text : text.substring(0, slash));
      if (address.isEmpty()) {
        return Optional.empty();
      }
      int bits = address.get().getAddress().length * 8;
      if (slash < 0) {
        return Optional.of(of(address.get(), bits));
      }
      String length = text.substring(slash + 1);
      if (!length.matches("\\d{1,3}") || Integer.parseInt(length) > bits) {
        return Optional.empty();
      }
      return Optional.of(of(address.get(), Integer.parseInt(length)));
    }

    static Range of(InetAddress address, int prefix) {
      byte[] bytes = address.getAddress();
      for (int bit = prefix; bit < bytes.length * 8; bit++) {
        bytes[bit / 8] &= (byte) ~(0x80 >>> (bit % 8));
      }
      return new Range(bytes, prefix);
    }

    boolean contains(InetAddress address) {
      return Arrays.equals(of(address, prefix).network, network);
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Range range
          && prefix == range.prefix
          && Arrays.equals(network, range.network);
    }

    @Override
    public int hashCode() {
      return 31 * Arrays.hashCode(network) + prefix;
    }

    @Override
    public String toString() {
      try {
        return InetAddress.getByAddress(network).getHostAddress() + "/" + prefix;
      } catch (UnknownHostException e) {
        throw new IllegalStateException(e);
      }
    }
  }
}
