/** Sends e-mail through the SMTP server the settings name (notifications.smtp or SIMPUL_SMTP_URL,
 *  e.g. smtp://user:pass@mail.example.go.id:587). nodemailer: the well-kept SMTP client of Node
 *  (STARTTLS, auth, pooling) rather than an SMTP dialogue of our own. */
import nodemailer from 'nodemailer';

export interface Mail {
  to: string[];
  subject: string;
  text: string;
}

export interface Mailer {
  send(mail: Mail): Promise<void>;
  close(): void;
}

export function mailer(url: string, from: string): Mailer {
  const transport = nodemailer.createTransport(url);
  return {
    async send(mail) {
      if (!mail.to.length) return;
      await transport.sendMail({ from, to: mail.to, subject: mail.subject, text: mail.text });
    },
    close: () => transport.close(),
  };
}
