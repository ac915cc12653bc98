package io.outsidein.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Sends a request as raw bytes over a socket and reads the one answer, for requests that no HTTP
 * client will send: missing Host, bad percent-encoding, raw non-ASCII, empty chunked bodies, a body
 * that stops half-way.
 */
public final class RawHttp {
  private static final String CRLF = "\r\n";

  private RawHttp() {}

  /**
   * Writes {@code request} (ISO-8859-1, so each char is one byte) to {@code 127.0.0.1:port} and
   * reads the answer; the connection stays open for writing while waiting, as a stalled client's
   * would.
   */
  public static Answer exchange(int port, String request, Duration timeout) {
    return exchange(port, request.getBytes(StandardCharsets.ISO_8859_1), timeout);
  }

  /** As {@link #exchange(int, String, Duration)}, with the bytes exactly as given. */
  public static Answer exchange(int port, byte[] request, Duration timeout) {
    long started = System.nanoTime();
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout((int) timeout.toMillis());
      OutputStream out = socket.getOutputStream();
      out.write(request);
      out.flush();
      return read(socket.getInputStream(), started);
    } catch (SocketTimeoutException e) {
      throw new AssertionError("no answer within " + timeout, e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A request line and headers (each {@code Name: value}) ending with the blank line. */
  public static String head(String requestLine, String... headers) {
    StringBuilder head = new StringBuilder(requestLine).append(CRLF);
    for (String header : headers) {
      head.append(header).append(CRLF);
    }
    return head.append(CRLF).toString();
  }

  private static Answer read(InputStream in, long sentAt) throws IOException {
    String statusLine = line(in);
    Duration elapsed = Duration.ofNanos(System.nanoTime() - sentAt);
    if (statusLine == null) {
      throw new AssertionError("the server closed the connection without answering");
    }
    Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    for (String line = line(in); line != null && !line.isEmpty(); line = line(in)) {
      int colon = line.indexOf(':');
      headers
          .computeIfAbsent(line.substring(0, colon).strip(), name -> new ArrayList<>())
          .add(line.substring(colon + 1).strip());
    }
    byte[] body;
    String length = first(headers, "Content-Length");
    String encoding = first(headers, "Transfer-Encoding");
    if (length != null) {
      body = in.readNBytes(Integer.parseInt(length));
    } else if (encoding != null && encoding.toLowerCase(Locale.ROOT).contains("chunked")) {
      body = chunked(in);
    } else {
      body = in.readAllBytes();
    }
    int status = Integer.parseInt(statusLine.split(" ", 3)[1]);
    return new Answer(status, headers, new String(body, StandardCharsets.UTF_8), elapsed);
  }

  private static byte[] chunked(InputStream in) throws IOException {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    for (int size = Integer.parseInt(line(in).split(";")[0].strip(), 16);
        size > 0;
        size = Integer.parseInt(line(in).split(";")[0].strip(), 16)) {
      body.write(in.readNBytes(size));
      line(in);
    }
    for (String trailer = line(in); trailer != null && !trailer.isEmpty(); trailer = line(in)) {
      // trailers are not used here
    }
    return body.toByteArray();
  }

  private static String line(InputStream in) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    for (int b = in.read(); b != -1; b = in.read()) {
      if (b == '\n') {
        byte[] bytes = line.toByteArray();
        int end =
            bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
        return new String(bytes, 0, end, StandardCharsets.ISO_8859_1);
      }
      line.write(b);
    }
    return line.size() == 0 ? null : line.toString(StandardCharsets.ISO_8859_1);
  }

  private static String first(Map<String, List<String>> headers, String name) {
    List<String> values = headers.get(name);
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  /**
   * The status, headers (names case-insensitive) and body (UTF-8) of one answer, and the time from
   * sending the request to its status line.
   */
  public record Answer(
      int status, Map<String, List<String>> headers, String body, Duration elapsed) {

    public Optional<String> header(String name) {
      return Optional.ofNullable(first(headers, name));
    }
  }
}
