package vn.complaintdesk.cluster;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * One plain HTTP/1.1 GET sent from a chosen loopback address (127.0.0.2, ...), so a test can play a
 * proxy or a client the node sees as the TCP peer. Answers the status code.
 */
final class FromAddress {

    private FromAddress() {
    }

    static int get(String localAddress, int port, String path, String... headerLines) {
        StringBuilder request = new StringBuilder("GET " + path + " HTTP/1.1\r\nHost: localhost:" + port + "\r\n");
        for (String header : headerLines) {
            request.append(header).append("\r\n");
        }
        request.append("Accept: application/json\r\nConnection: close\r\n\r\n");
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(InetAddress.getByName(localAddress), 0));
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 5_000);
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.toString().getBytes(StandardCharsets.US_ASCII));
            InputStream in = socket.getInputStream();
            String answer = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
            return Integer.parseInt(answer.substring(answer.indexOf(' ') + 1, answer.indexOf(' ') + 4));
        } catch (IOException e) {
            throw new IllegalStateException("GET " + path + " from " + localAddress + " failed", e);
        }
    }
}
