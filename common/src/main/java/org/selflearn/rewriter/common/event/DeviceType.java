package org.selflearn.rewriter.common.event;

/** The kind of device a turn was spoken to; {@code OTHER} when the producer did not say. */
public enum DeviceType { SPEAKER, SCREEN, TV, AUTO, MOBILE, OTHER }
