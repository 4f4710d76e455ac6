package ai.agentlens.embedding.onnx;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The real in-process model: meaning, dimension, batch order, empty input. */
class OnnxEmbeddingModelTest {

  private final OnnxEmbeddingModel model = new OnnxEmbeddingModel();

  static double cosine(float[] a, float[] b) {
    double dot = 0;
    double na = 0;
    double nb = 0;
    for (int i = 0; i < a.length; i++) {
      dot += a[i] * b[i];
      na += a[i] * a[i];
      nb += b[i] * b[i];
    }
    return dot / Math.sqrt(na * nb);
  }

  @Test
  void aRefundRequestIsCloserToMoneyBackThanToShipping() {
    List<float[]> v =
        model.embed(
            List.of(
                "refund request",
                "tool_call: issue_payment_reversal({\"reason\":\"customer wants their money back\"})",
                "tool_call: track_parcel({\"carrier\":\"DHL\",\"status\":\"shipping delayed\"})"));
    double money = cosine(v.get(0), v.get(1));
    double shipping = cosine(v.get(0), v.get(2));
    assertThat(money).isGreaterThan(shipping);
  }

  @Test
  void everyVectorHasTheModelsDimensionAndTheNameIsStable() {
    assertThat(model.name()).isEqualTo("all-minilm-l6-v2-q");
    assertThat(model.dimension()).isEqualTo(384);
    assertThat(model.embed(List.of("hello", ""))).allSatisfy(v -> assertThat(v).hasSize(384));
    assertThat(OnnxEmbeddingModel.loaded()).isTrue();
  }

  @Test
  void aBatchAnswersInTheOrderOfItsTexts() {
    List<String> texts = List.of("cats purr", "stock prices fell", "the cat is purring");
    List<float[]> batch = model.embed(texts);
    assertThat(batch).hasSize(3);
    for (int i = 0; i < texts.size(); i++) {
      float[] alone = model.embed(List.of(texts.get(i))).get(0);
      assertThat(cosine(batch.get(i), alone)).isGreaterThan(0.999);
    }
    assertThat(cosine(batch.get(0), batch.get(2)))
        .isGreaterThan(cosine(batch.get(0), batch.get(1)));
  }

  @Test
  void anEmptyListAnswersAnEmptyList() {
    assertThat(model.embed(List.of())).isEmpty();
  }
}
