/**
 * Offline replay: logged turns, in time order, through the online rewriter exactly as a dialogue service would call
 * it, scored per log-format.md (with {@code truth} when present, with the customers' own successful rephrases when
 * not), beside baselines measured on the same turns: no rewrite, most-frequent-successful-rephrase pair counting,
 * and Lucene spelling correction over the successful requests.
 */
package org.selflearn.rewriter.offline.replay;
