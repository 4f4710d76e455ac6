package ai.agentlens.app.selfhosted;

import ai.agentlens.api.TestClock;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

/** The test kit's {@link TestClock} as this launcher's clock bean when a suite asks for it. */
@Singleton
@Requires(property = "agentlens.test.clock", value = "mutable")
class MutableTestClock extends TestClock {}
