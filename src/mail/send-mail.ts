/**
 * The one place that sends e-mail (subscriptions now; letters and reminders later), over SMTP with
 * nodemailer. Addresses are personal data: they are never logged, and errors are logged by code only.
 */
import type { Transporter } from "nodemailer";
import type { AppContext } from "../app/app-context.ts";
import type { Config } from "../config/config.schema.ts";

export type MailMessage = {
  to: string;
  subject: string;
  text: string;
  html?: string | undefined;
  /** Language of the message (Content-Language). */
  lang: "fr" | "en";
  /**
   * One-click unsubscribe URL. Adds `List-Unsubscribe` and `List-Unsubscribe-Post: List-Unsubscribe=One-Click`
   * (RFC 2369, RFC 8058): mail clients then offer the button, and a POST to the URL unsubscribes.
   */
  unsubscribeUrl?: string | undefined;
};

export type SendResult = { sent: true; messageId: string } | { sent: false; reason: "no_smtp" | "failed" };

const transports = new WeakMap<Config, Transporter>();

async function transportFor(config: Config, smtpUrl: string): Promise<Transporter> {
  const known = transports.get(config);
  if (known) return known;
  // Loaded on first use: most commands never send mail.
  const nodemailer = await import("nodemailer");
  const transport = nodemailer.createTransport(smtpUrl);
  transports.set(config, transport);
  return transport;
}

/**
 * Sends one message. Never throws for a delivery failure: the caller (a publication, a form) has already
 * done its work and reports the count of failures instead. Without `smtpUrl`, nothing is sent.
 *
 * @example await sendMail(ctx, { to, subject: "Confirm", text: "…", lang: "fr", unsubscribeUrl })
 */
export async function sendMail(ctx: AppContext, message: MailMessage): Promise<SendResult> {
  const { smtpUrl } = ctx.config;
  if (smtpUrl === undefined) {
    ctx.log.warn("mail not sent: no SMTP server configured (GARDIEN_SMTP_URL)");
    return { sent: false, reason: "no_smtp" };
  }
  const headers: Record<string, string> = { "Content-Language": message.lang };
  if (message.unsubscribeUrl) {
    headers["List-Unsubscribe"] = `<${message.unsubscribeUrl}>`;
    headers["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click";
  }
  try {
    const transport = await transportFor(ctx.config, smtpUrl);
    const info = await transport.sendMail({
      from: ctx.config.mailFrom,
      to: message.to,
      subject: message.subject,
      text: message.text,
      ...(message.html ? { html: message.html } : {}),
      headers,
    });
    return { sent: true, messageId: String(info.messageId) };
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    ctx.log.warn({ code: typeof code === "string" ? code : "unknown" }, "mail delivery failed");
    return { sent: false, reason: "failed" };
  }
}
