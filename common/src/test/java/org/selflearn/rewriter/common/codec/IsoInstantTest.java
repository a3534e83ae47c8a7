package org.selflearn.rewriter.common.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Random;
import org.junit.jupiter.api.Test;

class IsoInstantTest {
  @Test
  void shouldReadTheLogFormatsExampleAndOffsets() {
    assertThat(IsoInstant.parse("2026-11-20T08:15:02.120Z")).isEqualTo(Instant.parse("2026-11-20T08:15:02.120Z"));
    assertThat(IsoInstant.parse("2026-11-20T09:15:02+01:00")).isEqualTo(Instant.parse("2026-11-20T08:15:02Z"));
    assertThat(IsoInstant.parse("2026-11-20T03:45:02.5-04:30")).isEqualTo(Instant.parse("2026-11-20T08:15:02.5Z"));
    assertThat(IsoInstant.fastPath("2026-11-20T08:15:02.123456789Z")).isEqualTo(
        Instant.parse("2026-11-20T08:15:02.123456789Z"));
  }

  @Test
  void shouldRefuseWhatTheGeneralParserRefuses() {
    for (String bad : new String[] {"2026-02-32T08:15:02Z", "2026-13-01T00:00:00Z", "2026-11-20T25:00:00Z",
        "2026-11-20T08:15:02.1234567890Z", "2026-11-20T08:15:02", "2026-11-20 08:15:02Z",
        "2026-11-20T08:15:02+19:00", "yesterday", "2026-11-20T08:15:02ZZ"}) {
      assertThat(IsoInstant.fastPath(bad)).as(bad).isNull();
      assertThatThrownBy(() -> IsoInstant.parse(bad)).as(bad).isInstanceOf(DateTimeParseException.class);
    }
  }

  @Test
  void shouldAgreeWithOffsetDateTimeOnRandomTexts() {
    Random random = new Random(7);
    int fast = 0;
    for (int i = 0; i < 20_000; i++) {
      String text = randomText(random);
      Instant expected;
      try {
        expected = OffsetDateTime.parse(text).toInstant();
      } catch (DateTimeParseException e) {
        expected = null;
      }
      Instant fastResult = IsoInstant.fastPath(text);
      if (fastResult != null) {
        fast++;
        assertThat(fastResult).as(text).isEqualTo(expected);
      }
      if (expected == null) {
        assertThatThrownBy(() -> IsoInstant.parse(text)).as(text).isInstanceOf(DateTimeParseException.class);
      } else {
        assertThat(IsoInstant.parse(text)).as(text).isEqualTo(expected);
      }
    }
    assertThat(fast).as("texts taken by the fast path").isGreaterThan(5_000);
  }

  private static String randomText(Random r) {
    StringBuilder sb = new StringBuilder();
    sb.append(String.format("%04d-%02d-%02dT%02d:%02d:%02d", 1960 + r.nextInt(120), r.nextInt(14), r.nextInt(33),
        r.nextInt(25), r.nextInt(61), r.nextInt(61)));
    int fraction = r.nextInt(12) - 1;
    if (fraction >= 0) {
      sb.append('.');
      for (int i = 0; i < fraction; i++) {
        sb.append(r.nextInt(10));
      }
    }
    switch (r.nextInt(4)) {
      case 0 -> sb.append('Z');
      case 1 -> sb.append(String.format("%c%02d:%02d", r.nextBoolean() ? '+' : '-', r.nextInt(20), r.nextInt(61)));
      case 2 -> sb.append(r.nextBoolean() ? "" : "z");
      default -> sb.append("+05:30");
    }
    return sb.toString();
  }
}
