package ai.agentlens.core.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class ModelPricesTest {

  @Test
  void exactAndDatedModelNamesFindTheirFamily() {
    assertThat(ModelPrices.find("gpt-4o"))
        .hasValueSatisfying(p -> assertThat(p.model()).isEqualTo("gpt-4o"));
    assertThat(ModelPrices.find("gpt-4o-2024-08-06"))
        .hasValueSatisfying(p -> assertThat(p.model()).isEqualTo("gpt-4o"));
    assertThat(ModelPrices.find("gpt-4o-mini-2024-07-18"))
        .hasValueSatisfying(p -> assertThat(p.model()).isEqualTo("gpt-4o-mini"));
    assertThat(ModelPrices.find("GPT-4-0613"))
        .hasValueSatisfying(p -> assertThat(p.model()).isEqualTo("gpt-4"));
    assertThat(ModelPrices.find("anthropic/claude-3-5-sonnet-20241022"))
        .hasValueSatisfying(p -> assertThat(p.model()).isEqualTo("claude-3-5-sonnet"));
  }

  @Test
  void aPrefixMustEndAtADash() {
    assertThat(ModelPrices.find("gpt-4oz")).isEmpty();
    assertThat(ModelPrices.find("o1x")).isEmpty();
    assertThat(ModelPrices.find("my-local-llama")).isEmpty();
    assertThat(ModelPrices.find(null)).isEmpty();
  }

  @Test
  void costIsTokensTimesPricePerMillion() {
    // 1,000 in × $2.50/M + 500 out × $10/M = 0.0025 + 0.005
    assertThat(ModelPrices.cost("gpt-4o", 1000, 500)).contains(new BigDecimal("0.0075"));
    assertThat(ModelPrices.cost("gemini-1.5-flash", 1_000_000, 0))
        .contains(new BigDecimal("0.075"));
    assertThat(ModelPrices.cost("unknown-model", 10, 10)).isEmpty();
  }

  @Test
  void everyRowHasPositivePricesAndAUniqueName() {
    assertThat(ModelPrices.table()).extracting(ModelPrices.Price::model).doesNotHaveDuplicates();
    assertThat(ModelPrices.table())
        .allSatisfy(
            p -> {
              assertThat(p.inputPerMillion()).isPositive();
              assertThat(p.outputPerMillion()).isGreaterThanOrEqualTo(p.inputPerMillion());
            });
  }
}
