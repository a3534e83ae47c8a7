package org.selflearn.rewriter.common.event;

import java.util.Map;

/**
 * The interpretation the assistant acted on.
 *
 * @param domain e.g. {@code Music}, may be null
 * @param intent e.g. {@code PlayMusic}, may be null
 * @param slots slot name to slot text, never null
 * @param confidence 0..1, or NaN when absent
 */
public record Nlu(String domain, String intent, Map<String, String> slots, double confidence) {
  public Nlu {
    slots = slots == null ? Map.of() : Map.copyOf(slots);
  }

  /** The domain part of a {@code domain|intent} key ("" for an empty key). */
  public static String domainOf(String domainIntent) {
    int i = domainIntent.indexOf('|');
    return i < 0 ? domainIntent : domainIntent.substring(0, i);
  }

  /** {@code domain|intent}, the key used to compare interpretations; empty parts when absent. */
  public String domainIntent() {
    return (domain == null ? "" : domain) + "|" + (intent == null ? "" : intent);
  }

  /** The whole interpretation as one key: {@code domain|intent|slot=value|…}, slots sorted, values normalised. */
  public String interpretationKey() {
    StringBuilder sb = new StringBuilder(domainIntent());
    slots.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(s -> sb.append('|').append(s.getKey())
        .append('=').append(org.selflearn.rewriter.common.text.TextNormalizer.normalize(s.getValue())));
    return sb.toString();
  }
}
