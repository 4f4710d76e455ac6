package ai.agentlens.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Marks a browser suite: without Debian's Chromium every test of it is reported as skipped, one by
 * one, with the reason and the install command, instead of vanishing from the test counts.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(RequiresChromium.Condition.class)
public @interface RequiresChromium {

  /** Disables each test method, not the class, so Surefire counts every one as skipped. */
  final class Condition implements ExecutionCondition {
    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
      if (context.getTestMethod().isEmpty() || Chromium.installed()) {
        return ConditionEvaluationResult.enabled("Chromium at " + Chromium.executable());
      }
      return ConditionEvaluationResult.disabled(
          "Chromium is not installed at "
              + Chromium.executable()
              + ": browser tests skipped (install it with: apt-get install -y chromium)");
    }
  }
}
