/** Small helpers of the offline tools: JSON reports and summaries, directories, peak heap. */
package org.selflearn.rewriter.offline.io;
