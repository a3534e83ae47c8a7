/**
 * The interaction event of log format version 1 ({@code docs/log-format.md}) as immutable Java records, and the
 * small value types every module shares ({@link org.selflearn.rewriter.common.event.RewriteSource}).
 *
 * <p>Nothing here parses or validates: {@link org.selflearn.rewriter.common.codec} builds these records only from
 * input that passed validation, so code that holds an {@link org.selflearn.rewriter.common.event.InteractionEvent}
 * may rely on its required fields being present.
 */
package org.selflearn.rewriter.common.event;
