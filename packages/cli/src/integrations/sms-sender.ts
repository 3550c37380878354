import { type AldeaConfig, type SmsSender, twilioSmsSender } from '@aldea/core';

/**
 * The SMS sender the configuration describes (`ALDEA_TWILIO_ACCOUNT_SID`,
 * `ALDEA_TWILIO_AUTH_TOKEN`, `ALDEA_SMS_FROM`, at `ALDEA_SMS_URL`), or
 * undefined without one: then SMS messages wait in the outbox.
 */
export function smsSenderFromConfig(config: AldeaConfig): SmsSender | undefined {
  const { twilioAccountSid, twilioAuthToken, smsFrom } = config;
  if (!twilioAccountSid || !twilioAuthToken || !smsFrom) return undefined;
  return twilioSmsSender({
    accountSid: twilioAccountSid,
    authToken: twilioAuthToken,
    from: smsFrom,
    baseUrl: config.smsUrl,
  });
}
