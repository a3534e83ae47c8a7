package org.selflearn.rewriter.offline.stream;

import java.util.function.Function;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;
import org.selflearn.rewriter.offline.mining.StatValue;
import org.selflearn.rewriter.offline.mining.LatestValue;

/**
 * Serdes of the aggregated values in their versioned binary forms: {@link StatValue} (the statistics topic) and
 * {@link LatestValue} (the facts topic).
 */
public final class StatValueSerde {
  private StatValueSerde() {}

  public static Serde<StatValue> serde() {
    return of(StatValue::toBytes, StatValue::fromBytes);
  }

  public static Serde<LatestValue> facts() {
    return of(LatestValue::toBytes, LatestValue::fromBytes);
  }

  private static <T> Serde<T> of(Function<T, byte[]> encode, Function<byte[], T> decode) {
    Serializer<T> ser = (topic, v) -> v == null ? null : encode.apply(v);
    Deserializer<T> de = (topic, b) -> b == null ? null : decode.apply(b);
    return Serdes.serdeFrom(ser, de);
  }
}
