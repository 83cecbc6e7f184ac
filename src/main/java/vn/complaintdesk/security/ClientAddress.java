package vn.complaintdesk.security;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The address a request comes from, as the rate limits, the login throttle and the audit see it.
 * {@code X-Forwarded-For} is believed only as far as it was written by the proxies of
 * {@code complaints.trusted-proxies} (CIDR list, empty by default): read from the right, every hop
 * that is a trusted proxy is skipped and the first one that is not is the client. A header sent by
 * anyone else, or the part of it a client wrote itself, cannot change the address.
 */
@Component
public class ClientAddress {

    static final String FORWARDED_FOR = "X-Forwarded-For";

    private final List<AddressRange> trustedProxies;

    public ClientAddress(@Value("${complaints.trusted-proxies:}") List<String> trustedProxies) {
        this.trustedProxies = trustedProxies.stream().filter(range -> !range.isBlank()).map(AddressRange::parse)
                .toList();
    }

    public String of(HttpServletRequest request) {
        String peer = request.getRemoteAddr();
        Optional<InetAddress> peerAddress = AddressRange.literal(peer);
        if (peerAddress.isEmpty() || !trusted(peerAddress.get())) {
            return peerAddress.map(InetAddress::getHostAddress).orElse(peer);
        }
        InetAddress client = peerAddress.get();
        for (String hop : hopsFromTheRight(request)) {
            Optional<InetAddress> hopAddress = AddressRange.literal(hop);
            if (hopAddress.isEmpty()) {
                // Garbage a trusted proxy passed on: the last hop it vouched for is all we know.
                break;
            }
            client = hopAddress.get();
            if (!trusted(client)) {
                break;
            }
        }
        return client.getHostAddress();
    }

    private boolean trusted(InetAddress address) {
        return trustedProxies.stream().anyMatch(range -> range.contains(address));
    }

    private static List<String> hopsFromTheRight(HttpServletRequest request) {
        List<String> hops = new ArrayList<>();
        for (String header : Collections.list(request.getHeaders(FORWARDED_FOR))) {
            for (String hop : header.split(",")) {
                hops.add(hop.strip());
            }
        }
        Collections.reverse(hops);
        return hops;
    }
}
