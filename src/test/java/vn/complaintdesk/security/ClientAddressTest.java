package vn.complaintdesk.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

class ClientAddressTest {

    private final ClientAddress behindProxies = new ClientAddress(List.of("10.0.0.0/8", "fd00::/8", "192.168.1.7"));

    @Test
    void withoutTrustedProxiesTheForwardedHeaderIsIgnored() {
        ClientAddress direct = new ClientAddress(List.of());
        assertThat(direct.of(request("203.0.113.5", "198.51.100.1"))).isEqualTo("203.0.113.5");
    }

    @Test
    void aPeerThatIsNoTrustedProxyCannotForgeItsAddress() {
        assertThat(behindProxies.of(request("203.0.113.5", "198.51.100.1"))).isEqualTo("203.0.113.5");
    }

    @Test
    void behindATrustedProxyTheAddressItForwardedIsTheClient() {
        assertThat(behindProxies.of(request("10.0.0.2", "198.51.100.1"))).isEqualTo("198.51.100.1");
    }

    @Test
    void whatTheClientWroteBeforeTheTrustedHopsIsNotBelieved() {
        assertThat(behindProxies.of(request("10.0.0.2", "6.6.6.6, 198.51.100.1, 10.1.2.3")))
                .isEqualTo("198.51.100.1");
        assertThat(behindProxies.of(request("10.0.0.2", "6.6.6.6", "198.51.100.1"))).as("two headers")
                .isEqualTo("198.51.100.1");
    }

    @Test
    void garbageFromATrustedProxyLeavesTheLastAddressItVouchedFor() {
        assertThat(behindProxies.of(request("10.0.0.2", "not-an-address, 10.9.9.9"))).isEqualTo("10.9.9.9");
        assertThat(behindProxies.of(request("10.0.0.2", "999.1.1.1"))).isEqualTo("10.0.0.2");
    }

    @Test
    void ipv6RangesAndSingleAddressesAreTrusted() {
        assertThat(behindProxies.of(request("fd00::1", "2001:db8::9"))).isEqualTo("2001:db8:0:0:0:0:0:9");
        assertThat(behindProxies.of(request("192.168.1.7", "198.51.100.1"))).isEqualTo("198.51.100.1");
        assertThat(behindProxies.of(request("192.168.1.8", "198.51.100.1"))).isEqualTo("192.168.1.8");
    }

    @Test
    void aMistakeInTheSettingStopsTheStart() {
        assertThatThrownBy(() -> new ClientAddress(List.of("10.0.0.0/33"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ClientAddress(List.of("proxy.example"))).isInstanceOf(IllegalArgumentException.class);
    }

    private static MockHttpServletRequest request(String peer, String... forwardedFor) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/complaints");
        request.setRemoteAddr(peer);
        for (String header : forwardedFor) {
            request.addHeader("X-Forwarded-For", header);
        }
        return request;
    }
}
