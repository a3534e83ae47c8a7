/** Small file helpers of the offline tools: JSON reports and summaries. */
package org.selflearn.rewriter.offline.io;
