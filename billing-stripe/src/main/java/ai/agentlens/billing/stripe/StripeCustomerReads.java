package ai.agentlens.billing.stripe;

import ai.agentlens.core.port.billing.Invoice;
import ai.agentlens.core.port.billing.PaymentMethodState;
import com.stripe.StripeClient;
import com.stripe.exception.InvalidRequestException;
import com.stripe.exception.StripeException;
import com.stripe.model.Customer;
import com.stripe.model.PaymentMethod;
import com.stripe.param.CustomerRetrieveParams;
import com.stripe.param.InvoiceCreatePreviewParams;
import com.stripe.param.InvoiceListParams;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the billing overview reads of a Stripe customer: past invoices, the upcoming invoice (a
 * preview) and the default payment method. Errors as {@link StripeBillingGateway}'s.
 */
final class StripeCustomerReads {

  private final StripeClient client;
  private final StripeMapping map;

  StripeCustomerReads(StripeClient client, StripeMapping map) {
    this.client = client;
    this.map = map;
  }

  List<Invoice> invoices(String customerId, int limit) {
    InvoiceListParams p =
        InvoiceListParams.builder()
            .setCustomer(customerId)
            .setLimit((long) Math.max(1, Math.min(100, limit)))
            .build();
    try {
      List<Invoice> out = new ArrayList<>();
      for (com.stripe.model.Invoice inv : client.v1().invoices().list(p).getData()) {
        out.add(map.invoice(inv));
      }
      return out;
    } catch (StripeException e) {
      throw StripeBillingGateway.failed("list invoices", e);
    }
  }

  Optional<Invoice> upcomingInvoice(String customerId) {
    InvoiceCreatePreviewParams p =
        InvoiceCreatePreviewParams.builder().setCustomer(customerId).build();
    try {
      return Optional.of(map.invoice(client.v1().invoices().createPreview(p)));
    } catch (InvalidRequestException e) {
      // why: Stripe answers 404 invoice_upcoming_none when the customer has nothing to bill
      if ("invoice_upcoming_none".equals(e.getCode())
          || (e.getStatusCode() != null && e.getStatusCode() == 404)) {
        return Optional.empty();
      }
      throw StripeBillingGateway.failed("preview invoice", e);
    } catch (StripeException e) {
      throw StripeBillingGateway.failed("preview invoice", e);
    }
  }

  PaymentMethodState paymentMethod(String customerId) {
    CustomerRetrieveParams p =
        CustomerRetrieveParams.builder()
            .addExpand("invoice_settings.default_payment_method")
            .build();
    try {
      Customer c = client.v1().customers().retrieve(customerId, p, null);
      PaymentMethod pm =
          c.getInvoiceSettings() == null
              ? null
              : c.getInvoiceSettings().getDefaultPaymentMethodObject();
      if (pm == null) {
        return PaymentMethodState.NONE;
      }
      PaymentMethod.Card card = pm.getCard();
      if (card == null) {
        return new PaymentMethodState(true, pm.getType(), null, 0, 0);
      }
      return new PaymentMethodState(
          true,
          card.getBrand(),
          card.getLast4(),
          card.getExpMonth() == null ? 0 : card.getExpMonth().intValue(),
          card.getExpYear() == null ? 0 : card.getExpYear().intValue());
    } catch (StripeException e) {
      throw StripeBillingGateway.failed("read customer", e);
    }
  }
}
