package org.selflearn.rewriter.serve;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;

/**
 * The optional shared secret of {@code serve.token-file}: a request must carry {@code Authorization: Bearer TOKEN}.
 * Compared with {@link MessageDigest#isEqual} over SHA-256 digests, so the time taken says nothing about how much of
 * a guess was right, nor about the token's length.
 */
public final class BearerToken {
  private static final String PREFIX = "Bearer ";
  private final byte[] digest;
  private final String authorization;

  private BearerToken(String token) {
    this.digest = sha256(token);
    this.authorization = PREFIX + token;
  }

  /** The {@code Authorization} header value that carries this token (serving instances calling each other). */
  public String authorization() {
    return authorization;
  }

  /** A token given in code (tests). */
  public static BearerToken of(String token) {
    if (token == null || token.isBlank()) {
      throw new IllegalArgumentException("the bearer token must not be empty");
    }
    return new BearerToken(token.strip());
  }

  /** Reads the token from a file (surrounding white space and a final newline are ignored). */
  public static BearerToken read(Path file) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8).strip();
    } catch (IOException e) {
      throw new UncheckedIOException("serve.token-file: cannot read " + file + ": " + e.getMessage(), e);
    }
    if (text.isEmpty()) {
      throw new IllegalArgumentException("serve.token-file: " + file + " is empty; it must hold the bearer token");
    }
    return new BearerToken(text);
  }

  /** Whether an {@code Authorization} header value carries this token. */
  public boolean accepts(String authorization) {
    if (authorization == null || !authorization.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
      return false;
    }
    return MessageDigest.isEqual(digest, sha256(authorization.substring(PREFIX.length()).strip()));
  }

  private static byte[] sha256(String s) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JDK", e);
    }
  }
}
