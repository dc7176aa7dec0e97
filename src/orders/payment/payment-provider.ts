/** What a payment method shows the shopper after the order is placed (bank details, a QR code…). */
export interface PaymentInstructions {
  readonly title: string;
  readonly lines: readonly { readonly label: string; readonly value: string }[];
  readonly note: string;
}

export interface PaymentContext {
  readonly orderNumber: string;
  readonly totalText: string;
  readonly settings: Readonly<Record<string, string>>;
}

/**
 * The port every payment method implements. An online provider (Alipay, WeChat Pay) would add a
 * redirect or QR code in `instructions` and confirm payment by moving the order to `paid`.
 */
export interface PaymentProvider {
  /** The value of the checkout form's `payment` field. */
  readonly code: string;
  readonly label: string;
  /** Shown under the choice at checkout. */
  readonly hint: string;
  /** Cash on delivery ships before the money arrives: the desk may go 待付款 → 已发货 directly. */
  readonly shipsBeforePayment: boolean;
  instructions(ctx: PaymentContext): PaymentInstructions | null;
}
