/**
 * The payment settings screen's UI strings in English (the source), spread into
 * the admin catalogue (`messages/en.ts`) so the same missing-key test covers them.
 */
export const paymentsEn = {
  'payments.title': 'Getting paid',
  'payments.methods': 'How buyers pay',
  'payments.methodsHint': 'Buyers see the ways you tick here, with your instructions.',
  'payments.card': 'Card (through Stripe)',
  'payments.cardUnavailable':
    'Card payments are not set up on this platform: buyers see the other ways only.',
  'payments.atLeastOne': 'Tick at least one way to pay.',
  'payments.instructions': 'Instructions in {language}',
  'payments.instructionsHint.bank_transfer':
    'Bank, account holder, account number or CLABE. Buyers add the order reference.',
  'payments.instructionsHint.cash': 'Who collects the money, and how.',
  'payments.instructionsHint.pay_at_coop': 'Where the co-op is and when it is open.',
  'payments.holdDays': 'Days to wait for a transfer or cash',
  'payments.holdDaysHint':
    'The items stay reserved for the buyer this long; then the order expires.',
  'payments.holdDaysInvalid': 'Type whole days from 1 to 30.',
  'payments.notifyEmail': 'Email for new orders (optional)',
  'payments.notifyEmailHint': 'We write here when a buyer orders. Empty: the shop owners’ emails.',
  'payments.stripe': 'Stripe account',
  'payments.stripeHint':
    'Your Stripe connected account, so card payments go straight to you. It looks like acct_1AbC…; leave empty to be paid by the platform.',
  'payments.stripeAccount': 'Connected account id',
  'payments.stripeInvalid':
    'A Stripe connected account id looks like acct_ followed by letters and digits.',
  'payments.stripeNow': 'Card payments go to {account}.',
  'payments.stripeNone': 'Card payments go to the platform, which pays you out.',
  'payments.platformFee': 'Platform fee on card payments: {rate}.',
} as const;

/** Every key of the payment settings screen. */
export type PaymentsMessageKey = keyof typeof paymentsEn;
