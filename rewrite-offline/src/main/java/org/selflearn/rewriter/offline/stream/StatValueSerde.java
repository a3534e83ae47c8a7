package org.selflearn.rewriter.offline.stream;

import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;
import org.selflearn.rewriter.offline.mining.StatValue;

/** Serde of {@link StatValue} in its versioned binary form (the value format of the statistics topic). */
public final class StatValueSerde {
  private StatValueSerde() {}

  public static Serde<StatValue> serde() {
    Serializer<StatValue> ser = (topic, v) -> v == null ? null : v.toBytes();
    Deserializer<StatValue> de = (topic, b) -> b == null ? null : StatValue.fromBytes(b);
    return Serdes.serdeFrom(ser, de);
  }
}
