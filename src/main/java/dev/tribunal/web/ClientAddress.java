package dev.tribunal.web;

import io.javalin.http.Context;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The client's network address, as the key of in-memory rate limits only: never logged, stored or shown. It is the
 * socket peer, unless a trusted-proxy header is configured and the peer is one of the trusted proxies: then the
 * header's rightmost entry (the address that proxy saw; entries to its left are whatever the client sent). IPv6
 * addresses are keyed by their /64 prefix, since one subscriber usually holds a whole /64.
 */
public final class ClientAddress {

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*(%\\w+)?");

    private final String trustedHeader;
    private final Set<String> trustedProxies;

    /** @param trustedHeader e.g. X-Forwarded-For, or null to use the socket peer always */
    public ClientAddress(String trustedHeader, List<String> trustedProxies) {
        this.trustedHeader = trustedHeader;
        this.trustedProxies = trustedProxies.stream().map(ClientAddress::normal).collect(Collectors.toUnmodifiableSet());
    }

    /** The socket peer, always. */
    public static ClientAddress socketPeer() {
        return new ClientAddress(null, List.of());
    }

    /** The rate-limit key of this request's client. */
    public String of(Context ctx) {
        String peer = normal(ctx.ip());
        if (trustedHeader == null || !trustedProxies.contains(peer)) return key(peer);
        String header = ctx.header(trustedHeader);
        if (header == null) return key(peer);
        String[] entries = header.split(",");
        String client = entries[entries.length - 1].trim();
        return client.isEmpty() ? key(peer) : key(normal(client));
    }

    /** An address literal in one canonical form (brackets and IPv4-mapped IPv6 undone); anything else as it is. */
    static String normal(String address) {
        String a = address.strip();
        if (a.startsWith("[") && a.endsWith("]")) a = a.substring(1, a.length() - 1);
        // only literals are parsed: InetAddress would look a host name up in DNS
        if (!IPV4.matcher(a).matches() && !IPV6.matcher(a).matches()) return a;
        try {
            return InetAddress.getByName(a).getHostAddress();
        } catch (UnknownHostException e) {
            return a;
        }
    }

    private static String key(String normal) {
        if (!normal.contains(":") || !IPV6.matcher(normal).matches()) return normal;
        try {
            byte[] bytes = InetAddress.getByName(normal).getAddress();
            if (bytes.length != 16) return normal;
            StringBuilder prefix = new StringBuilder();
            for (int i = 0; i < 8; i += 2) prefix.append(String.format("%02x%02x:", bytes[i], bytes[i + 1]));
            return prefix + ":/64";
        } catch (UnknownHostException e) {
            return normal;
        }
    }
}
