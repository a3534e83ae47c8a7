package org.selflearn.rewriter.online.index;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.IOUtils;

/**
 * Read-only searcher over a global index directory. Thread-safe. Refuses a missing directory (rather than letting
 * Lucene create an empty one inside a model directory).
 */
public final class GlobalIndex implements AutoCloseable {
  static final String TEXT = "text";
  static final String GRAMS = "grams";
  static final String PHONETIC = "phon";
  static final String SERVABLE = "servable";
  static final String VECTOR = "vec";
  static final String VECTOR_BYTES = "vecb";
  static final String TURNS = "turns";
  static final String SUCCESSES = "successes";
  static final String CUSTOMERS = "customers";
  static final String DOMAIN_INTENT = "di";
  static final String SERVABLE_FLAG = "srv";
  private static final Query SERVABLE_FILTER = new TermQuery(new Term(SERVABLE, "y"));
  /**
   * Boost of the phonetic terms over the spelling (trigram) terms in {@link #lexical}: a little above them, because
   * speech errors are closer in sound than in spelling (the order of {@code UtteranceSimilarity}'s weights).
   */
  private static final float SOUND_BOOST = 1.2f;

  private final Path dir;
  private final FSDirectory directory;
  private final DirectoryReader reader;
  private final IndexSearcher searcher;

  public GlobalIndex(Path dir) {
    this.dir = dir;
    if (!Files.isDirectory(dir)) {
      throw new IndexException("global index " + dir + " is missing (not a directory)", null);
    }
    FSDirectory d = null;
    try {
      d = FSDirectory.open(dir);
      reader = DirectoryReader.open(d);
      directory = d;
      searcher = new IndexSearcher(reader);
      searcher.setQueryCache(null);
    } catch (IOException | RuntimeException e) {
      IOUtils.closeWhileHandlingException(d);
      throw new IndexException("cannot open global index " + dir + ": " + e.getMessage(), e);
    }
  }

  /** Number of indexed requests (servable or not). */
  public int size() {
    return reader.numDocs();
  }

  /**
   * Up to {@code n} servable requests in index order (for warming up the request path with realistic queries).
   */
  public List<String> sampleServable(int n) {
    List<String> out = new ArrayList<>();
    try {
      var stored = reader.storedFields();
      for (int doc = 0; doc < reader.maxDoc() && out.size() < n; doc++) {
        Document d = stored.document(doc, Set.of(TEXT, SERVABLE_FLAG));
        if (d.getField(SERVABLE_FLAG) != null && d.getField(SERVABLE_FLAG).numericValue().intValue() == 1) {
          out.add(d.get(TEXT));
        }
      }
    } catch (IOException e) {
      throw new IndexException("global index read failed in " + dir + ": " + e.getMessage(), e);
    }
    return out;
  }

  /** The entry of exactly this normalised request, or null. */
  public GlobalEntry lookup(String text) {
    List<GlobalEntry> hits = run(new TermQuery(new Term(TEXT, text)), 1);
    return hits.isEmpty() ? null : hits.get(0);
  }

  /** Servable requests closest in spelling and sound. */
  public List<GlobalEntry> lexical(String text, int k) {
    BooleanQuery.Builder spelling = new BooleanQuery.Builder();
    for (String g : LexicalTerms.grams(text)) {
      spelling.add(new TermQuery(new Term(GRAMS, g)), BooleanClause.Occur.SHOULD);
    }
    BooleanQuery.Builder sound = new BooleanQuery.Builder();
    for (String p : LexicalTerms.phonetic(text)) {
      sound.add(new TermQuery(new Term(PHONETIC, p)), BooleanClause.Occur.SHOULD);
    }
    Query q = new BooleanQuery.Builder()
        .add(spelling.build(), BooleanClause.Occur.SHOULD)
        .add(new BoostQuery(sound.build(), SOUND_BOOST), BooleanClause.Occur.SHOULD)
        .add(SERVABLE_FILTER, BooleanClause.Occur.FILTER).build();
    return run(q, k);
  }

  /** Servable requests nearest by embedding (HNSW). */
  public List<GlobalEntry> dense(float[] vector, int k) {
    if (vector.length == 0) {
      return List.of();
    }
    return run(new KnnFloatVectorQuery(VECTOR, vector, k), k);
  }

  private List<GlobalEntry> run(Query q, int k) {
    try {
      TopDocs top = searcher.search(q, k);
      List<GlobalEntry> out = new ArrayList<>(top.scoreDocs.length);
      var stored = searcher.storedFields();
      for (ScoreDoc sd : top.scoreDocs) {
        out.add(toEntry(stored.document(sd.doc)));
      }
      return out;
    } catch (IOException e) {
      throw new IndexException("global index search failed in " + dir + ": " + e.getMessage(), e);
    }
  }

  private static GlobalEntry toEntry(Document d) {
    BytesRef vb = d.getBinaryValue(VECTOR_BYTES);
    float[] v = new float[0];
    if (vb != null) {
      v = new float[vb.length / 4];
      ByteBuffer.wrap(vb.bytes, vb.offset, vb.length).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(v);
    }
    boolean servable = d.getField(SERVABLE_FLAG).numericValue().intValue() == 1;
    return new GlobalEntry(d.get(TEXT), d.getField(TURNS).numericValue().longValue(),
        d.getField(SUCCESSES).numericValue().longValue(), d.getField(CUSTOMERS).numericValue().intValue(),
        d.get(DOMAIN_INTENT), servable, v);
  }

  /** Closes the reader and its directory; idempotent. */
  @Override
  public void close() {
    try {
      IOUtils.close(reader, directory);
    } catch (IOException e) {
      throw new IndexException("cannot close global index " + dir, e);
    }
  }
}
