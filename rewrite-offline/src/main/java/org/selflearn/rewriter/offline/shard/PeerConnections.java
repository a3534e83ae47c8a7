package org.selflearn.rewriter.offline.shard;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Deque;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import org.apache.kafka.streams.state.HostInfo;

/**
 * Blocking HTTP/1.1 exchanges with other serving instances over kept-alive connections, on the caller's thread: a
 * forwarded memory read costs one write and one read on a warm socket, without the hand-offs between threads of a
 * general-purpose client, which dominated the forwarding's p99 on a busy machine. A connection that fails is closed;
 * a reused one that fails is replaced once (the owner may have closed it while it was idle).
 */
final class PeerConnections implements AutoCloseable {
  private static final int MAX_IDLE_PER_HOST = 64;
  private static final int MAX_BODY_BYTES = 16 << 20;
  private final Map<HostInfo, Deque<Connection>> idle = new ConcurrentHashMap<>();
  private final int connectTimeoutMillis;
  private volatile boolean closed;

  /** An answer: status and body. */
  record Response(int status, byte[] body) {}

  PeerConnections(int connectTimeoutMillis) {
    this.connectTimeoutMillis = connectTimeoutMillis;
  }

  /**
   * POSTs {@code body} to {@code target} (path and query) on {@code host}, answered by {@code deadlineNanos}.
   *
   * @throws ConnectException when no connection could be made (refused, or not within the time left)
   * @throws IOException when the exchange failed or timed out
   */
  Response post(HostInfo host, String target, byte[] body, String authorization, long deadlineNanos)
      throws IOException {
    Connection c = idle.computeIfAbsent(host, h -> new ConcurrentLinkedDeque<>()).pollFirst();
    if (c != null) {
      try {
        return exchange(host, c, target, body, authorization, deadlineNanos);
      } catch (IOException stale) {
        c.close(); // closed by the other side while idle, most likely: one fresh try
      }
    }
    return exchange(host, connect(host, deadlineNanos), target, body, authorization, deadlineNanos);
  }

  private Connection connect(HostInfo host, long deadlineNanos) throws IOException {
    int millis = (int) Math.max(1, Math.min(connectTimeoutMillis, (deadlineNanos - System.nanoTime()) / 1_000_000));
    Socket s = new Socket();
    try {
      s.setTcpNoDelay(true);
      s.connect(new InetSocketAddress(host.host(), host.port()), millis);
      return new Connection(s, new BufferedInputStream(s.getInputStream(), 8192), s.getOutputStream());
    } catch (SocketTimeoutException e) {
      s.close();
      throw new ConnectException("no connection to " + host.host() + ":" + host.port() + " within " + millis + " ms");
    } catch (IOException e) {
      s.close();
      throw e;
    }
  }

  private Response exchange(HostInfo host, Connection c, String target, byte[] body, String authorization,
      long deadlineNanos) throws IOException {
    long left = (deadlineNanos - System.nanoTime()) / 1_000_000;
    if (left <= 0) {
      c.close();
      throw new SocketTimeoutException("no time left");
    }
    try {
      c.socket.setSoTimeout((int) Math.min(Integer.MAX_VALUE, left));
      StringBuilder head = new StringBuilder(160).append("POST ").append(target).append(" HTTP/1.1\r\nHost: ")
          .append(host.host()).append(':').append(host.port())
          .append("\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: ").append(body.length);
      if (authorization != null) {
        head.append("\r\nAuthorization: ").append(authorization);
      }
      head.append("\r\n\r\n");
      c.out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
      c.out.write(body);
      c.out.flush();
      Response r = read(c);
      if (c.reusable && !closed && idle.get(host).size() < MAX_IDLE_PER_HOST) {
        idle.get(host).offerFirst(c);
      } else {
        c.close();
      }
      return r;
    } catch (IOException | RuntimeException e) {
      c.close();
      throw e;
    }
  }

  private static Response read(Connection c) throws IOException {
    String status = line(c.in);
    if (!status.startsWith("HTTP/1.")) {
      throw new IOException("not an HTTP answer");
    }
    int code = Integer.parseInt(status.substring(9, 12));
    long length = -1;
    boolean chunked = false;
    c.reusable = status.startsWith("HTTP/1.1");
    for (String h = line(c.in); !h.isEmpty(); h = line(c.in)) {
      int colon = h.indexOf(':');
      String name = colon < 0 ? h : h.substring(0, colon).trim().toLowerCase(Locale.ROOT);
      String value = colon < 0 ? "" : h.substring(colon + 1).trim().toLowerCase(Locale.ROOT);
      switch (name) {
        case "content-length" -> length = Long.parseLong(value);
        case "transfer-encoding" -> chunked = value.contains("chunked");
        case "connection" -> c.reusable &= !value.contains("close");
        default -> { }
      }
    }
    byte[] body;
    if (chunked) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      for (long n = Long.parseLong(line(c.in).split(";")[0].trim(), 16); n > 0;
          n = Long.parseLong(line(c.in).split(";")[0].trim(), 16)) {
        out.write(exactly(c.in, n));
        line(c.in);
      }
      while (!line(c.in).isEmpty()) {
        // trailers
      }
      body = out.toByteArray();
    } else if (length >= 0) {
      body = exactly(c.in, length);
    } else {
      body = c.in.readNBytes(MAX_BODY_BYTES);
      c.reusable = false;
    }
    return new Response(code, body);
  }

  private static byte[] exactly(InputStream in, long n) throws IOException {
    if (n > MAX_BODY_BYTES) {
      throw new IOException("answer too large: " + n + " bytes");
    }
    byte[] b = in.readNBytes((int) n);
    if (b.length != n) {
      throw new EOFException("answer cut short");
    }
    return b;
  }

  private static String line(InputStream in) throws IOException {
    StringBuilder sb = new StringBuilder(64);
    for (int b = in.read(); b != '\n'; b = in.read()) {
      if (b < 0) {
        throw new EOFException("connection closed");
      }
      if (b != '\r') {
        sb.append((char) b);
      }
      if (sb.length() > 8192) {
        throw new IOException("header line too long");
      }
    }
    return sb.toString();
  }

  @Override
  public void close() {
    closed = true;
    idle.values().forEach(d -> {
      for (Connection c; (c = d.pollFirst()) != null; ) {
        c.close();
      }
    });
  }

  /** One kept-alive connection. */
  private static final class Connection {
    final Socket socket;
    final InputStream in;
    final OutputStream out;
    boolean reusable;

    Connection(Socket socket, InputStream in, OutputStream out) {
      this.socket = socket;
      this.in = in;
      this.out = out;
    }

    void close() {
      try {
        socket.close();
      } catch (IOException e) {
        // closing anyway
      }
    }
  }
}
