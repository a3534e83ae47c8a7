/**
 * Text handling shared by every module, so that mining, the table, the indexes and replay agree on what "the same
 * request" means: {@link org.selflearn.rewriter.common.text.TextNormalizer} (the one normal form of an utterance),
 * {@link org.selflearn.rewriter.common.text.PhoneticEncoder} (Double Metaphone keys, because speech errors are close
 * in sound) and {@link org.selflearn.rewriter.common.text.Similarity} (edit, character n-gram and token measures on
 * primitive arrays).
 */
package org.selflearn.rewriter.common.text;
