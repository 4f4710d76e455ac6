package ai.agentlens.web.dashboard.view;

/**
 * The step between a billing form and Stripe: the dashboard's CSP allows forms to post only to
 * itself ({@code form-action 'self'}), which also forbids a form's redirect to Stripe, so the
 * browser is sent on by this page (meta refresh, and a link for anyone whose browser does not
 * follow it).
 *
 * @param layout the frame
 * @param url where Stripe wants the browser
 * @param what what it is, e.g. {@code Stripe Checkout}
 */
public record BillingRedirectPage(Layout layout, String url, String what) {}
