package ai.agentlens.core.risk;

/**
 * One reason that contributed to a risk score.
 *
 * @param code what was found, e.g. {@code prompt_injection}, {@code pii_in_response}
 * @param weight its weight in (0, 1]: the score is {@code 100 × (1 − Π(1 − weight))}
 * @param detail the pattern or fact behind it (never the matched text itself)
 */
public record RiskReason(String code, double weight, String detail) {}
