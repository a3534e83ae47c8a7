package org.selflearn.rewriter.common.event;

import java.time.Instant;
import java.util.Objects;

/**
 * One turn: a request the assistant heard and answered (log format version 1).
 *
 * @param eventId unique per event
 * @param timestamp when the turn happened
 * @param customerId pseudonymous customer id; never logged in clear
 * @param deviceId may be null
 * @param deviceType never null, {@link DeviceType#OTHER} when absent
 * @param sessionId may be null: sessions are then cut by an inactivity gap
 * @param locale BCP-47 tag, {@code en-US} when absent
 * @param utterance what speech recognition heard, before any rewrite
 * @param asrConfidence 0..1, NaN when absent
 * @param nlu may be null
 * @param response never null
 * @param signals never null
 * @param rewrite the rewrite our online rewriter applied, or null
 * @param truth simulated ground truth, or null
 */
public record InteractionEvent(
    String eventId,
    Instant timestamp,
    String customerId,
    String deviceId,
    DeviceType deviceType,
    String sessionId,
    String locale,
    String utterance,
    double asrConfidence,
    Nlu nlu,
    Response response,
    Signals signals,
    AppliedRewrite rewrite,
    Truth truth) {

  /** The only log format version this code reads and writes. */
  public static final int VERSION = 1;

  public InteractionEvent {
    Objects.requireNonNull(eventId, "eventId");
    Objects.requireNonNull(timestamp, "timestamp");
    Objects.requireNonNull(customerId, "customerId");
    Objects.requireNonNull(utterance, "utterance");
    Objects.requireNonNull(response, "response");
    deviceType = deviceType == null ? DeviceType.OTHER : deviceType;
    locale = locale == null ? "en-US" : locale;
    signals = signals == null ? Signals.NONE : signals;
  }

  /** The text the assistant executed: the rewrite when one was applied, else the heard utterance. */
  public String executedText() {
    return rewrite == null ? utterance : rewrite.to();
  }
}
