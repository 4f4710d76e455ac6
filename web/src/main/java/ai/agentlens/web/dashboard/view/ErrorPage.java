package ai.agentlens.web.dashboard.view;

/**
 * A page that explains why something was refused or not found.
 *
 * @param title e.g. {@code 404 Not Found}
 * @param message the explanation
 */
public record ErrorPage(String title, String message) {}
