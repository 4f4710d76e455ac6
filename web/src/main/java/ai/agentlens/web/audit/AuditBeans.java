package ai.agentlens.web.audit;

import ai.agentlens.core.audit.AuditVerifier;
import ai.agentlens.core.audit.ReportSigner;
import ai.agentlens.core.port.Clock;
import ai.agentlens.core.port.storage.EventStore;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Builds audit verification: the report signer from {@code agentlens.audit.signing-key} or the key
 * file {@code agentlens.audit.signing-key-file} (default {@code agentlens-audit-signing.key} in the
 * working directory; self-hosted sets it inside its data directory), and the verifier with its time
 * budget {@code agentlens.audit.verify-budget} (default 30s, as the reference).
 */
@Factory
public class AuditBeans {

  @Singleton
  ReportSigner reportSigner(
      @Value("${agentlens.audit.signing-key:}") String key,
      @Value("${agentlens.audit.signing-key-file:agentlens-audit-signing.key}") String file) {
    return new ReportSigner(SigningKeys.load(key, Path.of(file)));
  }

  @Singleton
  AuditVerifier auditVerifier(
      EventStore events,
      Clock clock,
      ReportSigner signer,
      @Value("${agentlens.audit.verify-budget:30s}") Duration budget,
      @io.micronaut.core.annotation.Nullable ai.agentlens.core.port.storage.RetentionPurge purge) {
    if (purge == null) {
      return new AuditVerifier(events, clock, signer, budget);
    }
    // why: a session partly purged by retention is verified from its first kept event
    return new AuditVerifier(events, clock, signer, budget, purge::purgePoint);
  }
}
