package ai.agentlens.core.llm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SearchTextTest {

  @Test
  void wordsArePhrasesOfOneAndQuotedTextIsOnePhrase() {
    assertThat(SearchText.parse("Refund \"order Twelve\" late"))
        .containsExactly(List.of("refund"), List.of("order", "twelve"), List.of("late"));
  }

  @Test
  void operatorsAndPunctuationAreSeparatorsNotSyntax() {
    assertThat(SearchText.parse("a) OR -b* NEAR(c"))
        .containsExactly(List.of("a"), List.of("or"), List.of("b"), List.of("near"), List.of("c"));
    assertThat(SearchText.parse("sk-abc123_x"))
        .containsExactly(List.of("sk"), List.of("abc123"), List.of("x"));
  }

  @Test
  void anUnclosedQuoteIsReadAsWordsAndEmptyInputIsNoPhrase() {
    assertThat(SearchText.parse("\"open quote")).containsExactly(List.of("open"), List.of("quote"));
    assertThat(SearchText.parse(null)).isEmpty();
    assertThat(SearchText.parse("  \"\" ...")).isEmpty();
    assertThat(SearchText.parse("é ünï 東京"))
        .containsExactly(List.of("é"), List.of("ünï"), List.of("東京"));
  }

  @Test
  void atMostSixteenPhrasesAreKept() {
    assertThat(SearchText.parse("a b c d e f g h i j k l m n o p q r s")).hasSize(16);
  }
}
