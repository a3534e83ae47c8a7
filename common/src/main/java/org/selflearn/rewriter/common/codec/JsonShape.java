package org.selflearn.rewriter.common.codec;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The keys of one JSON object that a reader wants, and the shapes of those that are objects themselves.
 * {@link JsonValues} keeps only these keys (in a fixed slot each) and skips every other key without building it.
 */
final class JsonShape {
  private final Map<String, Integer> slots = new HashMap<>();
  private final JsonShape[] nested;

  /**
   * @param keys the wanted keys
   * @param nested shapes of wanted keys that hold objects; a wanted key without a shape that holds an object is
   *     read whole, as a {@code Map}
   */
  JsonShape(List<String> keys, Map<String, JsonShape> nested) {
    this.nested = new JsonShape[keys.size()];
    for (int i = 0; i < keys.size(); i++) {
      slots.put(keys.get(i), i);
      this.nested[i] = nested.get(keys.get(i));
    }
  }

  JsonShape(String... keys) {
    this(List.of(keys), Map.of());
  }

  /** The slot of a key, or -1 when the key is not wanted. */
  int slot(String key) {
    Integer i = slots.get(key);
    return i == null ? -1 : i;
  }

  int size() {
    return nested.length;
  }

  JsonShape nested(int slot) {
    return nested[slot];
  }

  /** The wanted values of one object read by a shape. */
  static final class Fields {
    private final JsonShape shape;
    private final Object[] values;

    Fields(JsonShape shape) {
      this.shape = shape;
      this.values = new Object[shape.size()];
    }

    void set(int slot, Object value) {
      values[slot] = value;
    }

    /** The value of a wanted key, or null when the object did not have it. */
    Object get(String key) {
      int slot = shape.slot(key);
      if (slot < 0) {
        throw new IllegalArgumentException("key '" + key + "' is not part of the shape");
      }
      return values[slot];
    }
  }
}
