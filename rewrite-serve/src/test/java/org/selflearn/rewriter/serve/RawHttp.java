package org.selflearn.rewriter.serve;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

/** HTTP/1.1 written by hand on a loopback socket: what a careless or hostile client sends. */
final class RawHttp implements AutoCloseable {
  final Socket socket;

  RawHttp(int port) {
    try {
      socket = new Socket("127.0.0.1", port);
      socket.setSoTimeout(10_000);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  RawHttp send(String text) {
    try {
      socket.getOutputStream().write(text.getBytes(StandardCharsets.UTF_8));
      socket.getOutputStream().flush();
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Everything until the server closes the connection (or 10 s pass: then what came, and "[still open]"). */
  String readToClose() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      InputStream in = socket.getInputStream();
      byte[] b = new byte[8_192];
      int n;
      while ((n = in.read(b)) >= 0) {
        out.write(b, 0, n);
      }
      return out.toString(StandardCharsets.UTF_8);
    } catch (SocketTimeoutException e) {
      return out.toString(StandardCharsets.UTF_8) + "[still open]";
    } catch (IOException e) {
      return out.toString(StandardCharsets.UTF_8) + "[" + e.getClass().getSimpleName() + "]";
    }
  }

  @Override
  public void close() {
    try {
      socket.close();
    } catch (IOException e) {
      // closing anyway
    }
  }
}
