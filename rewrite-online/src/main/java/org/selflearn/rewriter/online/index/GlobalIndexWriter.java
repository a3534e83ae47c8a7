package org.selflearn.rewriter.online.index;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import org.apache.lucene.analysis.core.WhitespaceAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.store.FSDirectory;

/** Builds a {@link GlobalIndex} directory from scratch. Not thread-safe. */
public final class GlobalIndexWriter implements AutoCloseable {
  private final Path dir;
  private final IndexWriter writer;
  private long documents;

  public GlobalIndexWriter(Path dir) {
    this.dir = dir;
    try {
      IndexWriterConfig cfg = new IndexWriterConfig(new WhitespaceAnalyzer())
          .setOpenMode(IndexWriterConfig.OpenMode.CREATE).setRAMBufferSizeMB(128);
      writer = new IndexWriter(FSDirectory.open(dir), cfg);
    } catch (IOException e) {
      throw new IndexException("cannot create global index " + dir + ": " + e.getMessage(), e);
    }
  }

  /** Adds one request. */
  public void add(GlobalEntry e) {
    Document d = new Document();
    d.add(new StringField(GlobalIndex.TEXT, e.text(), Field.Store.YES));
    d.add(new TextField(GlobalIndex.GRAMS, String.join(" ", LexicalTerms.grams(e.text())), Field.Store.NO));
    d.add(new TextField(GlobalIndex.PHONETIC, String.join(" ", LexicalTerms.phonetic(e.text())), Field.Store.NO));
    d.add(new StoredField(GlobalIndex.TURNS, e.turns()));
    d.add(new StoredField(GlobalIndex.SUCCESSES, e.successes()));
    d.add(new StoredField(GlobalIndex.CUSTOMERS, e.successCustomers()));
    d.add(new StoredField(GlobalIndex.DOMAIN_INTENT, e.domainIntent()));
    d.add(new StoredField(GlobalIndex.SERVABLE_FLAG, e.servable() ? 1 : 0));
    if (e.servable()) {
      d.add(new StringField(GlobalIndex.SERVABLE, "y", Field.Store.NO));
      if (e.vector().length > 0) {
        d.add(new KnnFloatVectorField(GlobalIndex.VECTOR, e.vector(), VectorSimilarityFunction.DOT_PRODUCT));
      }
    }
    if (e.vector().length > 0) {
      ByteBuffer b = ByteBuffer.allocate(e.vector().length * 4).order(ByteOrder.LITTLE_ENDIAN);
      b.asFloatBuffer().put(e.vector());
      d.add(new StoredField(GlobalIndex.VECTOR_BYTES, b.array()));
    }
    try {
      writer.addDocument(d);
      documents++;
    } catch (IOException ex) {
      throw new IndexException("cannot add to global index " + dir + ": " + ex.getMessage(), ex);
    }
  }

  public long documents() {
    return documents;
  }

  @Override
  public void close() {
    try {
      writer.forceMerge(1);
      writer.close();
    } catch (IOException e) {
      throw new IndexException("cannot finish global index " + dir + ": " + e.getMessage(), e);
    }
  }
}
