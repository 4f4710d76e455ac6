package ai.agentlens.api;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/**
 * A launcher started for account tests: GreenMail as its SMTP server, {@link TestClock} as its
 * clock, {@code X-Forwarded-For} trusted (each {@link Browser} has its own IP), plan {@code team}
 * for new orgs on both launchers, cookies always {@code Secure}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class AccountStack {

  /**
   * Starts the launcher under test in this JVM, on fresh storage of its own.
   *
   * @param extra Micronaut properties this start needs on top of the launcher's defaults
   * @return the running launcher; the suite closes it
   */
  protected abstract TestStack start(Map<String, Object> extra);

  protected TestStack stack;
  protected Mailbox mail;
  protected Accounts accounts;

  /**
   * The properties every account test stack runs with.
   *
   * @param smtpPort GreenMail's port
   * @return the properties
   */
  public static Map<String, Object> testProperties(int smtpPort) {
    Map<String, Object> p = new HashMap<>();
    p.put("agentlens.test.clock", "mutable");
    p.put("agentlens.mail.smtp.host", "127.0.0.1");
    p.put("agentlens.mail.smtp.port", smtpPort);
    p.put("agentlens.mail.smtp.starttls", false);
    p.put("agentlens.http.trust-forwarded-for", true);
    // why: X-Forwarded-For is believed only from a trusted proxy; the tests' client is one
    p.put("agentlens.http.trusted-proxies", "127.0.0.1");
    p.put("agentlens.orgs.default-plan", "team");
    p.put("agentlens.bcrypt-cost", 4);
    // why: the account suites check cookies as a server behind HTTPS sets them (Secure); what
    // "auto" does over plain HTTP is LanSelfHostingContract's subject
    p.put("agentlens.cookies.secure", "always");
    // why: these suites sign people up by mail from the start; self-hosted's first-run owner page
    // (which would take the first visitor) has its own test there
    p.put("agentlens.setup.first-run", "false");
    return p;
  }

  @BeforeAll
  void startStack() {
    mail = new Mailbox();
    stack = start(testProperties(mail.port()));
    accounts = new Accounts(stack, mail);
  }

  @AfterAll
  void stopStack() {
    if (stack != null) {
      stack.close();
    }
    mail.close();
  }
}
