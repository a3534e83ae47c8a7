package org.selflearn.rewriter.serve;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The customer id of {@code DELETE /v1/customers/{id}/memory}, taken from the raw path segment and percent-decoded
 * here (UTF-8, strictly): {@code ;}, {@code %2F}, {@code %25}, {@code %5C} and {@code ..} are part of the id, never
 * path syntax, so every id that {@code POST /v1/rewrite} accepts (1 to 256 code points, not blank) can be erased, and
 * exactly that id. Jetty's decoded path cannot serve here: it drops everything after {@code ;} in a segment.
 */
final class CustomerPath {
  private CustomerPath() {}

  /** The id of a raw segment (without '/'); 400 naming {@code id} when it is malformed or out of bounds. */
  static String id(String rawSegment) {
    return checked(decode(rawSegment));
  }

  /** The id sent as a whole request body (UTF-8, strictly), by another serving instance; 400 naming {@code id}. */
  static String ofBody(byte[] body) {
    return checked(utf8(body));
  }

  private static String checked(String id) {
    if (id.isBlank() || id.codePointCount(0, id.length()) > RequestParser.MAX_ID_CHARS) {
      throw new BadRequestException("id", "the customer id in the path must be 1 to " + RequestParser.MAX_ID_CHARS
          + " characters, not blank, percent-encoded as UTF-8 ('/' as %2F)");
    }
    return id;
  }

  private static String decode(String raw) {
    if (raw.indexOf('%') < 0) {
      return raw;
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c != '%') {
        byte[] b = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
        bytes.write(b, 0, b.length);
        continue;
      }
      int hi = i + 2 < raw.length() ? Character.digit(raw.charAt(i + 1), 16) : -1;
      int lo = hi >= 0 ? Character.digit(raw.charAt(i + 2), 16) : -1;
      if (lo < 0) {
        throw new BadRequestException("id", "the customer id in the path has a malformed percent-escape");
      }
      bytes.write(hi << 4 | lo);
      i += 2;
    }
    return utf8(bytes.toByteArray());
  }

  private static String utf8(byte[] bytes) {
    try {
      return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      throw new BadRequestException("id", "the customer id is not UTF-8 (once percent-decoded)");
    }
  }
}
