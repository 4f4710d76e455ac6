package ai.agentlens.web.dashboard.view;

/**
 * First steps for an org without events: how to point an SDK at this server.
 *
 * @param layout the frame
 * @param serverUrl this server's base URL as agents should use it
 * @param received whether the org has received an event yet
 * @param allowed whether the role may create API keys
 */
public record OnboardingPage(Layout layout, String serverUrl, boolean received, boolean allowed) {}
