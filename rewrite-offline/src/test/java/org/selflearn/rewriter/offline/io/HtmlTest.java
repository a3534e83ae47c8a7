package org.selflearn.rewriter.offline.io;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HtmlTest {
  @Test
  void shouldEscapeAllFiveSpecialCharacters() {
    assertThat(Html.escape("<a href=\"x\" title='y'>rock & roll</a>"))
        .isEqualTo("&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;rock &amp; roll&lt;/a&gt;");
  }

  @Test
  void shouldEscapeAnAmpersandOnceAndNullAsEmpty() {
    assertThat(Html.escape("&lt;")).isEqualTo("&amp;lt;");
    assertThat(Html.escape(null)).isEmpty();
  }
}
