package org.selflearn.rewriter.common.codec;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads one JSON text into plain Java values with Jackson's streaming parser: an object becomes a {@code Map} in the order of its keys, an
 * array a {@code List}, a string a {@code String}, {@code true}/{@code false} a {@code Boolean}, a number an
 * {@code Integer}, {@code Long}, {@code BigInteger} or {@code Double}, and {@code null} the marker {@link #NULL}.
 * Several times cheaper than building Jackson's tree model, which dominated decoding. As with the tree model, a
 * repeated key keeps its last value and text after the first value is ignored.
 */
final class JsonValues {
  /** The JSON {@code null}. */
  static final Object NULL = new Object() {
    @Override
    public String toString() {
      return "null";
    }
  };

  private static final JsonFactory FACTORY = new JsonFactory();

  private JsonValues() {}

  /**
   * Parses a text.
   *
   * @return the first value of the text, or null when the text holds none
   * @throws IOException (a {@link com.fasterxml.jackson.core.JsonProcessingException}) when it is not valid JSON
   */
  static Object parse(String text) throws IOException {
    return parse(text, null);
  }

  /**
   * Parses a text whose first value, when it is an object, is read by a shape: the result is then
   * {@link JsonShape.Fields} holding only the shape's keys (nested objects of the shape likewise), and every other key
   * is skipped unbuilt, though still checked for syntax.
   */
  static Object parse(String text, JsonShape shape) throws IOException {
    try (JsonParser p = FACTORY.createParser(text)) {
      return first(p, shape);
    }
  }

  /** As {@link #parse(String, JsonShape)}, from UTF-8 bytes. */
  static Object parse(byte[] utf8, JsonShape shape) throws IOException {
    try (JsonParser p = FACTORY.createParser(utf8)) {
      return first(p, shape);
    }
  }

  private static Object first(JsonParser p, JsonShape shape) throws IOException {
    JsonToken t = p.nextToken();
    return t == null ? null : value(p, t, shape);
  }

  private static Object value(JsonParser p, JsonToken t, JsonShape shape) throws IOException {
    return switch (t) {
      case START_OBJECT -> shape != null ? fields(p, shape) : object(p);
      case START_ARRAY -> array(p);
      case VALUE_STRING -> p.getText();
      case VALUE_NUMBER_INT -> p.getNumberValue();
      case VALUE_NUMBER_FLOAT -> p.getDoubleValue();
      case VALUE_TRUE -> Boolean.TRUE;
      case VALUE_FALSE -> Boolean.FALSE;
      case VALUE_NULL -> NULL;
      default -> throw new com.fasterxml.jackson.core.JsonParseException(p, "unexpected token " + t);
    };
  }

  private static Map<String, Object> object(JsonParser p) throws IOException {
    Map<String, Object> m = new LinkedHashMap<>();
    String name;
    while ((name = p.nextFieldName()) != null) {
      m.put(name, value(p, p.nextToken(), null));
    }
    return m;
  }

  private static JsonShape.Fields fields(JsonParser p, JsonShape shape) throws IOException {
    JsonShape.Fields f = new JsonShape.Fields(shape);
    String name;
    while ((name = p.nextFieldName()) != null) {
      JsonToken t = p.nextToken();
      int slot = shape.slot(name);
      if (slot < 0) {
        p.skipChildren();
      } else {
        f.set(slot, value(p, t, shape.nested(slot)));
      }
    }
    return f;
  }

  private static List<Object> array(JsonParser p) throws IOException {
    List<Object> list = new ArrayList<>();
    JsonToken t;
    while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
      list.add(value(p, t, null));
    }
    return list;
  }

  /** How a value is named in a rejection: "a string", "a number", ... */
  static String kind(Object v) {
    if (v instanceof String) {
      return "a string";
    } else if (v instanceof Number) {
      return "a number";
    } else if (v instanceof Boolean) {
      return "a boolean";
    } else if (v instanceof List) {
      return "an array";
    } else if (v instanceof Map || v instanceof JsonShape.Fields) {
      return "an object";
    }
    return "null";
  }

  /** A value as it could be written in JSON, for rejections (objects and arrays by their kind only). */
  static String show(Object v) {
    if (v instanceof String s) {
      return "\"" + s + "\"";
    }
    return v instanceof Map || v instanceof List || v instanceof JsonShape.Fields ? kind(v) : String.valueOf(v);
  }
}
