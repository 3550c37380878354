import {
  type AldeaConfig,
  createStripeProvider,
  manualProvider,
  type PaymentGateway,
} from '@aldea/core';

/** The payment gateway the configuration describes: manual always, Stripe with a key. */
export function gatewayFromConfig(config: AldeaConfig): PaymentGateway {
  if (!config.stripeSecretKey || !config.stripeWebhookSecret) return { manual: manualProvider };
  const api = config.stripeApiUrl ? new URL(config.stripeApiUrl) : undefined;
  return {
    manual: manualProvider,
    card: createStripeProvider({
      secretKey: config.stripeSecretKey,
      webhookSecret: config.stripeWebhookSecret,
      ...(api
        ? {
            host: api.hostname,
            protocol: api.protocol === 'http:' ? 'http' : 'https',
            ...(api.port ? { port: Number(api.port) } : {}),
          }
        : {}),
    }),
  };
}
