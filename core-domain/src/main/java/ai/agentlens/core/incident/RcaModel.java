package ai.agentlens.core.incident;

import ai.agentlens.core.port.llm.LanguageModel;

/**
 * The language model root-cause analysis uses, as the launchers wire it: a model, or none for the
 * built-in analysis (a holder, because a dependency-injection container cannot hold "no bean").
 *
 * @param model the model, or {@code null} for the built-in analysis
 */
public record RcaModel(LanguageModel model) {

  /**
   * The built-in analysis.
   *
   * @return a holder without a model
   */
  public static RcaModel builtin() {
    return new RcaModel(null);
  }
}
