package kupon.support;

import io.restassured.RestAssured;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * Requests written byte by byte, for what an HTTP client library would refuse to send or fix on the way (a bad escape,
 * an empty multipart boundary, a Content-Length far over the limit with only part of the body).
 */
public final class RawHttp {

    /** A status and a body as the server sent them. */
    public record Answer(int status, String headers, String body) {
    }

    private RawHttp() {
    }

    /** Sends {@code head} (request line and headers, without the blank line) and {@code body}, and reads the answer. */
    public static Answer send(String head, byte[] body) {
        try (Socket socket = new Socket("localhost", RestAssured.port)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write((head + "\r\nHost: localhost\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            out.write(body);
            out.flush();
            String answer = new String(readAll(socket.getInputStream()), StandardCharsets.UTF_8);
            int split = answer.indexOf("\r\n\r\n");
            String headers = split < 0 ? answer : answer.substring(0, split);
            return new Answer(Integer.parseInt(answer.substring(9, 12)), headers, split < 0 ? "" : answer.substring(split + 4));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            for (int n; (n = in.read(buffer)) > 0; ) all.write(buffer, 0, n);
        } catch (java.net.SocketException closedEarly) {
            // The server may close right after answering a request it refused; what arrived is the answer.
        }
        return all.toByteArray();
    }
}
