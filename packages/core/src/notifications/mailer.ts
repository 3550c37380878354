import nodemailer from 'nodemailer';

/** One email ready to go. `messageId` is stable per outbox row, so a resend is recognisable. */
export interface OutgoingEmail {
  from: string;
  to: string[];
  subject: string;
  text: string;
  html: string;
  messageId: string;
}

/** Something that sends email. Throw to fail; an error with `permanent: true` is not retried. */
export interface Mailer {
  send(email: OutgoingEmail): Promise<void>;
  close(): void;
}

/** Where the SMTP server is. */
export interface SmtpOptions {
  host: string;
  port: number;
  /** TLS from the first byte (port 465). STARTTLS is used when offered otherwise. */
  secure?: boolean;
  auth?: { user: string; pass: string };
  /** Local test servers without certificates. */
  ignoreTLS?: boolean;
  /** Connection, greeting and socket timeouts (keep below the outbox lease). */
  timeoutMs?: number;
}

/** An SMTP error whose code says retrying will not help (5xx: no such mailbox…). */
export function isPermanentMailError(err: unknown): boolean {
  const code = (err as { responseCode?: number } | null)?.responseCode;
  return (
    (typeof code === 'number' && code >= 500 && code < 600) ||
    (err as { permanent?: boolean } | null)?.permanent === true
  );
}

/**
 * A {@link Mailer} over SMTP with nodemailer (pooled connection).
 *
 * @example
 * const mailer = smtpMailer({ host: '127.0.0.1', port: 2525, ignoreTLS: true });
 */
export function smtpMailer(opts: SmtpOptions): Mailer {
  const timeout = opts.timeoutMs ?? 30_000;
  const transport = nodemailer.createTransport({
    host: opts.host,
    port: opts.port,
    secure: opts.secure ?? false,
    ignoreTLS: opts.ignoreTLS ?? false,
    ...(opts.auth ? { auth: opts.auth } : {}),
    pool: true,
    maxConnections: 2,
    connectionTimeout: timeout,
    greetingTimeout: timeout,
    socketTimeout: timeout,
  });
  return {
    async send(email) {
      await transport.sendMail({
        from: email.from,
        to: email.to,
        subject: email.subject,
        text: email.text,
        html: email.html,
        messageId: email.messageId,
      });
    },
    close() {
      transport.close();
    },
  };
}
