package ai.agentlens.storage.spi.archfixture;

/** Violates MICRONAUT_ONLY_IN_WEB_AND_APPS. */
public class SpiUsingMicronaut {
  io.micronaut.context.BeanContext context;
}
