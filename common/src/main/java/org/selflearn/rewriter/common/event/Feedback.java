package org.selflearn.rewriter.common.event;

/** Explicit feedback a customer gave on one turn. */
public enum Feedback { POSITIVE, NEGATIVE, NONE }
