package org.selflearn.rewriter.online.index;

/**
 * A rephrase the customer made themselves: they said {@code source}, it failed, and {@code target} succeeded.
 *
 * @param source normalised failing request
 * @param target normalised successful rephrase
 * @param count how often
 */
public record PersonalPair(String source, String target, int count) {}
