package org.selflearn.rewriter.common.codec;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.selflearn.rewriter.common.event.InteractionEvent;
import org.selflearn.rewriter.common.event.ResponseStatus;
import org.selflearn.rewriter.common.event.RewriteSource;

class EventCodecTest {
  static final String GOOD = "{\"v\":1,\"eventId\":\"e-1\",\"timestamp\":\"2026-11-20T07:02:11.000Z\","
      + "\"customerId\":\"c-1\",\"deviceType\":\"SPEAKER\",\"utterance\":\"play maj and dragons\","
      + "\"asrConfidence\":0.52,\"nlu\":{\"domain\":\"Music\",\"intent\":\"PlayMusic\",\"slots\":{\"artist\":\"x\"},"
      + "\"confidence\":0.4},\"response\":{\"status\":\"ERROR\",\"text\":\"Sorry\"},"
      + "\"signals\":{\"bargeIn\":false,\"feedback\":\"NONE\",\"engagementMs\":0},"
      + "\"rewrite\":{\"to\":\"play imagine dragons\",\"source\":\"PRECOMPUTED\",\"score\":0.9},"
      + "\"truth\":{\"intended\":\"play imagine dragons\",\"equivalent\":[\"play the band imagine dragons\"]},"
      + "\"someFutureField\":{\"x\":1}}";

  private final EventCodec codec = new EventCodec();

  @Test
  void shouldDecodeEveryFieldAndIgnoreUnknownOnes() {
    DecodeResult r = codec.decode(GOOD, 1);
    assertThat(r.isOk()).isTrue();
    InteractionEvent e = r.event();
    assertThat(e.eventId()).isEqualTo("e-1");
    assertThat(e.response().status()).isEqualTo(ResponseStatus.ERROR);
    assertThat(e.nlu().slots()).containsEntry("artist", "x");
    assertThat(e.rewrite().source()).isEqualTo(RewriteSource.PRECOMPUTED);
    assertThat(e.truth().equivalent()).containsExactly("play the band imagine dragons");
    assertThat(e.executedText()).isEqualTo("play imagine dragons");
  }

  @Test
  void shouldRoundTripThroughTheEncoder() {
    InteractionEvent e = codec.decode(GOOD, 1).event();
    InteractionEvent again = codec.decode(new EventEncoder().encode(e), 1).event();
    assertThat(again).usingRecursiveComparison().isEqualTo(e);
  }

  @Test
  void shouldRejectBadJsonWithTheLineNumber() {
    Rejection r = codec.decode("{\"v\":1,", 7).rejection();
    assertThat(r.lineNumber()).isEqualTo(7);
    assertThat(r.field()).isEqualTo("$");
    assertThat(r.reason()).contains("not valid JSON");
  }

  @Test
  void shouldRejectAMissingRequiredFieldNamingIt() {
    Rejection r = codec.decode(GOOD.replace("\"customerId\":\"c-1\",", ""), 3).rejection();
    assertThat(r.field()).isEqualTo("customerId");
    assertThat(r.reason()).contains("missing");
    assertThat(r.eventId()).isEqualTo("e-1");
  }

  @Test
  void shouldRejectAWrongType() {
    Rejection r = codec.decode(GOOD.replace("\"asrConfidence\":0.52", "\"asrConfidence\":\"high\""), 1).rejection();
    assertThat(r.field()).isEqualTo("asrConfidence");
    assertThat(r.reason()).contains("expected a number");
  }

  @Test
  void shouldRejectAnUnknownEnumListingTheAllowedValues() {
    Rejection r = codec.decode(GOOD.replace("\"status\":\"ERROR\"", "\"status\":\"FAIL\""), 1).rejection();
    assertThat(r.field()).isEqualTo("response.status");
    assertThat(r.reason()).contains("FAIL").contains("SUCCESS, ERROR, UNHANDLED");
  }

  @Test
  void shouldRejectABadTimestamp() {
    Rejection r = codec.decode(GOOD.replace("2026-11-20T07:02:11.000Z", "yesterday"), 1).rejection();
    assertThat(r.field()).isEqualTo("timestamp");
  }

  @Test
  void shouldAcceptATimestampWithAnOffset() {
    DecodeResult r = codec.decode(GOOD.replace("2026-11-20T07:02:11.000Z", "2026-11-20T08:02:11+01:00"), 1);
    assertThat(r.event().timestamp().toString()).isEqualTo("2026-11-20T07:02:11Z");
  }

  @Test
  void shouldRejectAnOutOfRangeConfidenceAndAnotherVersion() {
    assertThat(codec.decode(GOOD.replace("0.52", "1.5"), 1).rejection().field()).isEqualTo("asrConfidence");
    assertThat(codec.decode(GOOD.replace("\"v\":1", "\"v\":2"), 1).rejection().field()).isEqualTo("v");
  }

  @Test
  void shouldRejectANonStringSlot() {
    Rejection r = codec.decode(GOOD.replace("\"artist\":\"x\"", "\"artist\":3"), 1).rejection();
    assertThat(r.field()).isEqualTo("nlu.slots.artist");
  }

  @Test
  void shouldDecodeUtf8BytesLikeTheText() {
    String accented = GOOD.replace("play maj and dragons", "joue beyonc\u00e9");
    InteractionEvent fromBytes = codec.decode(accented.getBytes(java.nio.charset.StandardCharsets.UTF_8), 1).event();
    assertThat(fromBytes).usingRecursiveComparison().isEqualTo(codec.decode(accented, 1).event());
    assertThat(fromBytes.utterance()).isEqualTo("joue beyonc\u00e9");
  }

  @Test
  void shouldRejectBytesThatAreNotUtf8() {
    byte[] bad = GOOD.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    bad[GOOD.indexOf("maj")] = (byte) 0xC3; // a lead byte followed by an ASCII letter
    Rejection r = codec.decode(bad, 4).rejection();
    assertThat(r.field()).isEqualTo("$");
    assertThat(r.reason()).contains("not valid JSON");
    assertThat(codec.decode(GOOD.replace("\"customerId\":\"c-1\",", "")
        .getBytes(java.nio.charset.StandardCharsets.UTF_8), 2).rejection().field()).isEqualTo("customerId");
  }
}
