package backstop.web;

import backstop.error.BadInputException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The reverse proxies whose {@code X-Forwarded-For} and {@code X-Forwarded-Proto} headers Backstop believes
 * ({@code BACKSTOP_TRUSTED_PROXIES}, a comma-separated list of addresses or CIDR ranges). From anyone else those
 * headers are ignored: a client could write anything there. The client is the right-most address in
 * {@code X-Forwarded-For} that is not itself a trusted proxy (each proxy appends the address it saw).
 */
public final class TrustedProxies {
    private record Range(byte[] network, int prefix) {
        boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            int bits = address.length * 8;
            BigInteger mask = BigInteger.ONE
                    .shiftLeft(bits)
                    .subtract(BigInteger.ONE)
                    .shiftRight(prefix)
                    .not();
            return new BigInteger(1, address).and(mask).equals(new BigInteger(1, network).and(mask));
        }
    }

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]+");

    private final List<Range> ranges;
    private final String text;

    private TrustedProxies(List<Range> ranges, String text) {
        this.ranges = List.copyOf(ranges);
        this.text = text;
    }

    public static TrustedProxies none() {
        return new TrustedProxies(List.of(), "");
    }

    /** Parses {@code 10.0.0.0/8, 127.0.0.1, ::1}; a bad entry is bad input naming {@code field}. */
    public static TrustedProxies parse(String field, String list) {
        List<Range> ranges = new ArrayList<>();
        String text = list == null ? "" : list.strip();
        if (!text.isEmpty()) {
            for (String part : text.split(",")) {
                String entry = part.strip();
                String[] pieces = entry.split("/", -1);
                Optional<byte[]> address = literal(pieces[0]);
                if (address.isEmpty() || pieces.length > 2) {
                    throw new BadInputException(field, "'" + entry + "' is not an IP address or CIDR range");
                }
                int max = address.get().length * 8;
                int prefix = max;
                if (pieces.length == 2) {
                    try {
                        prefix = Integer.parseInt(pieces[1]);
                    } catch (NumberFormatException e) {
                        prefix = -1;
                    }
                    if (prefix < 0 || prefix > max) {
                        throw new BadInputException(field, "'" + entry + "' has a prefix outside 0-" + max);
                    }
                }
                ranges.add(new Range(address.get(), prefix));
            }
        }
        return new TrustedProxies(ranges, text);
    }

    public boolean isEmpty() {
        return ranges.isEmpty();
    }

    boolean trusts(String address) {
        if (ranges.isEmpty()) {
            // The usual case: no proxy is configured, so the peer is not parsed (twice per request otherwise).
            return false;
        }
        Optional<byte[]> bytes = literal(address);
        return bytes.isPresent() && ranges.stream().anyMatch(range -> range.contains(bytes.get()));
    }

    /** The client's address: the peer, or when the peer is a trusted proxy, what the proxies say they saw. */
    String client(String peer, Optional<String> forwardedFor) {
        if (!trusts(peer) || forwardedFor.isEmpty()) {
            return peer;
        }
        String[] hops = forwardedFor.get().split(",");
        for (int i = hops.length - 1; i >= 0; i--) {
            String hop = hops[i].strip();
            if (literal(hop).isEmpty()) {
                // Garbage in the header: stop believing it here, the last proxy we trust is the best we know.
                return i == hops.length - 1 ? peer : hops[i + 1].strip();
            }
            if (!trusts(hop)) {
                return hop;
            }
        }
        return hops[0].strip();
    }

    /** Whether the request reached the first proxy over TLS, as far as we can believe it. */
    boolean forwardedHttps(String peer, Optional<String> forwardedProto) {
        return trusts(peer)
                && forwardedProto
                        .map(proto -> proto.split(",")[0].strip().equalsIgnoreCase("https"))
                        .orElse(false);
    }

    /** Only a literal IPv4 or IPv6 address: never a host name (that would be a DNS look-up per request). */
    private static Optional<byte[]> literal(String text) {
        String value = text == null ? "" : text.strip();
        if (value.startsWith("[") && value.endsWith("]")) {
            value = value.substring(1, value.length() - 1);
        }
        boolean ipv4 = IPV4.matcher(value).matches();
        boolean ipv6 = value.contains(":") && IPV6.matcher(value).matches();
        if (!ipv4 && !ipv6 || value.length() > 45) {
            return Optional.empty();
        }
        if (ipv4) {
            for (String octet : value.split("\\.")) {
                if (Integer.parseInt(octet) > 255) {
                    return Optional.empty();
                }
            }
        }
        try {
            return Optional.of(InetAddress.getByName(value).getAddress());
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    @Override
    public String toString() {
        return text.isEmpty() ? "none" : text;
    }
}
