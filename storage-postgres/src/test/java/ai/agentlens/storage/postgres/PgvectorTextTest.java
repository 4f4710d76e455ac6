package ai.agentlens.storage.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PgvectorTextTest {

  @Test
  void formatsInPgvectorsTextForm() {
    assertThat(PgvectorText.of(new float[] {1f, -0.5f, 3.0e-5f, -0.0f}))
        .isEqualTo("[1.0,-0.5,3.0E-5,-0.0]");
    assertThat(PgvectorText.of(new float[] {Float.MIN_NORMAL, PgvectorText.MAX_MAGNITUDE}))
        .isEqualTo("[1.17549435E-38,9.9999999E14]");
  }

  @Test
  void answersNullForWhatPgvectorRefusesOrWouldMisrank() {
    assertThat(PgvectorText.of(new float[] {1f, Float.NaN})).isNull();
    assertThat(PgvectorText.of(new float[] {Float.POSITIVE_INFINITY})).isNull();
    assertThat(PgvectorText.of(new float[] {Float.NEGATIVE_INFINITY})).isNull();
    assertThat(PgvectorText.of(new float[] {Float.MIN_VALUE})).as("subnormal").isNull();
    assertThat(PgvectorText.of(new float[] {-1e16f})).as("squares overflow").isNull();
    assertThat(PgvectorText.of(new float[0])).isNull();
    assertThat(PgvectorText.of(null)).isNull();
  }

  @Test
  void answersNullBeyondPgvectorsLargestDimension() {
    assertThat(PgvectorText.of(new float[PgvectorText.MAX_DIMS])).startsWith("[0.0,");
    assertThat(PgvectorText.of(new float[PgvectorText.MAX_DIMS + 1])).isNull();
  }
}
