package backstop.desk;

import backstop.error.BadInputException;
import java.io.IOException;
import java.io.InputStream;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;

/**
 * Fetches a person's calendar from the address their calendar app gave them (webcal:// is read as https://). The
 * server makes this request for the person, so by default it refuses addresses inside the server's own network
 * (loopback, private, link-local) and follows redirects itself, checking every hop, so a calendar address cannot be
 * used to reach the clinic's internal systems.
 */
final class CalendarFetcher {
    static final String FIELD = "calendar_url";
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final int MAX_REDIRECTS = 3;
    private final boolean allowPrivateAddresses;
    // Made on the first fetch: building a client sets up TLS, which took ~150 ms of every start-up.
    private volatile HttpClient http;

    private CalendarFetcher(boolean allowPrivateAddresses) {
        this.allowPrivateAddresses = allowPrivateAddresses;
    }

    private HttpClient http() {
        HttpClient client = http;
        if (client == null) {
            synchronized (this) {
                client = http;
                if (client == null) {
                    client = HttpClient.newBuilder()
                            .connectTimeout(TIMEOUT)
                            .followRedirects(HttpClient.Redirect.NEVER)
                            .build();
                    http = client;
                }
            }
        }
        return client;
    }

    /** What a server on a network with other systems should use. */
    static CalendarFetcher publicOnly() {
        return new CalendarFetcher(false);
    }

    /** Also reaches private addresses: for tests against a local server, and intranet calendar servers. */
    static CalendarFetcher allowingPrivateAddresses() {
        return new CalendarFetcher(true);
    }

    /** The address as it will be fetched, or a 400 naming {@value #FIELD}. */
    static URI address(String text) {
        String value = text == null ? "" : text.strip();
        if (value.isEmpty()) {
            throw new BadInputException(FIELD, "is empty; paste the address your calendar app shows for sharing");
        }
        if (value.length() > 2000) {
            throw new BadInputException(FIELD, "is longer than 2000 characters");
        }
        if (value.toLowerCase(Locale.ROOT).startsWith("webcal://")) {
            value = "https://" + value.substring("webcal://".length());
        }
        URI uri;
        try {
            uri = new URI(value);
        } catch (URISyntaxException e) {
            throw new BadInputException(FIELD, "is not a web address");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            throw new BadInputException(FIELD, "must begin with https://, http:// or webcal://");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            throw new BadInputException(FIELD, "has no host name");
        }
        return uri;
    }

    /** The calendar text at the address, at most {@link BusyCalendar#MAX_CHARS} characters. */
    String fetch(URI address) {
        URI current = address;
        for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
            refuseInternal(current);
            HttpResponse<InputStream> response = send(current);
            int status = response.statusCode();
            if (status >= 300 && status < 400) {
                String location = response.headers().firstValue("Location").orElse("");
                close(response);
                current = address(current.resolve(location).toString());
                continue;
            }
            if (status != 200) {
                close(response);
                throw new BadInputException(FIELD, "answered with status " + status + " instead of a calendar");
            }
            return read(response);
        }
        throw new BadInputException(FIELD, "redirects more than " + MAX_REDIRECTS + " times");
    }

    private HttpResponse<InputStream> send(URI uri) {
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(TIMEOUT)
                .header("Accept", "text/calendar, */*;q=0.1")
                .header("User-Agent", "Backstop desk calendar")
                .GET()
                .build();
        try {
            return http().send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            throw new BadInputException(FIELD, "could not be reached (" + uri.getHost() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BadInputException(FIELD, "could not be reached (interrupted)");
        } catch (IllegalArgumentException e) {
            throw new BadInputException(FIELD, "is not an address that can be fetched");
        }
    }

    private static String read(HttpResponse<InputStream> response) {
        try (InputStream in = response.body()) {
            byte[] bytes = in.readNBytes(BusyCalendar.MAX_CHARS + 1);
            if (bytes.length > BusyCalendar.MAX_CHARS) {
                throw new BadInputException(FIELD, "returned more than " + BusyCalendar.MAX_CHARS / 1_000_000 + " MB");
            }
            return new String(bytes, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new BadInputException(FIELD, "broke off while sending the calendar");
        }
    }

    private static void close(HttpResponse<InputStream> response) {
        try {
            response.body().close();
        } catch (IOException e) {
            // Nothing more to read from it either way.
        }
    }

    private void refuseInternal(URI uri) {
        if (allowPrivateAddresses) {
            return;
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(uri.getHost());
        } catch (UnknownHostException e) {
            throw new BadInputException(FIELD, "names a host that does not exist (" + uri.getHost() + ")");
        }
        for (InetAddress address : addresses) {
            if (isInternal(address)) {
                throw new BadInputException(
                        FIELD, "points into the server's own network (" + uri.getHost() + "); use a public address");
            }
        }
    }

    static boolean isInternal(InetAddress address) {
        if (address.isLoopbackAddress()
                || address.isAnyLocalAddress()
                || address.isLinkLocalAddress()
                || address.isSiteLocalAddress()
                || address.isMulticastAddress()) {
            return true;
        }
        byte[] bytes = address.getAddress();
        if (address instanceof Inet6Address) {
            return (bytes[0] & 0xfe) == 0xfc; // unique local fc00::/7
        }
        // 100.64.0.0/10 (carrier-grade NAT) and 0.0.0.0/8 are not public either.
        return (bytes[0] & 0xff) == 100 && (bytes[1] & 0xc0) == 64 || bytes[0] == 0;
    }
}
