import escapeHtml from 'escape-html';
import { translate } from '../i18n/translate';
import { msg } from '../i18n/catalogs';
import type { ComposedMail, MailContent, MailRecipient } from './mail-content';

/** `content` written out in the recipient's language, as plain text and as HTML. */
export function composeMail(
  recipient: MailRecipient,
  content: MailContent,
  urlOf: (path: string, query?: Record<string, string>) => string,
): ComposedMail {
  const t = (message: Parameters<typeof translate>[1]) => translate(recipient.locale, message);
  const greeting = t(
    recipient.name?.trim()
      ? msg('mail.greeting', { name: recipient.name.trim() })
      : msg('mail.greetingNoName'),
  );
  const paragraphs = content.paragraphs.map(t);
  const action = content.action && {
    label: t(content.action.label),
    url: urlOf(content.action.path, content.action.query),
  };
  const footer = [t(msg('mail.signature')), t(msg('mail.whyYouGetThis'))];
  const lang = recipient.locale.toLowerCase();

  const text = [
    greeting,
    ...paragraphs,
    ...(action ? [`${action.label}:\n${action.url}`] : []),
    `-- \n${footer.join('\n')}`,
  ].join('\n\n');

  const p = (line: string) => `<p style="margin:0 0 16px">${escapeHtml(line)}</p>`;
  const html = [
    '<!doctype html>',
    `<html lang="${lang}"><head><meta charset="utf-8">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(t(content.subject))}</title></head>`,
    '<body style="margin:0;padding:24px;background:#f4f6f8;font-family:Arial,Helvetica,sans-serif;color:#1f2933;font-size:16px;line-height:1.5">',
    '<div style="max-width:560px;margin:0 auto;background:#ffffff;padding:24px;border-radius:8px">',
    p(greeting),
    ...paragraphs.map(p),
    ...(action
      ? [
          `<p style="margin:24px 0"><a href="${escapeHtml(action.url)}" style="display:inline-block;background:#005ea2;color:#ffffff;padding:12px 20px;border-radius:4px;text-decoration:none;font-weight:bold">${escapeHtml(action.label)}</a></p>`,
          `<p style="margin:0 0 16px;font-size:14px">${escapeHtml(t(msg('mail.linkFallback')))}<br><a href="${escapeHtml(action.url)}">${escapeHtml(action.url)}</a></p>`,
        ]
      : []),
    `<hr style="border:0;border-top:1px solid #d9e0e6;margin:24px 0">`,
    ...footer.map(
      (line) => `<p style="margin:0 0 8px;font-size:13px;color:#52606d">${escapeHtml(line)}</p>`,
    ),
    '</div></body></html>',
  ].join('\n');

  return { to: recipient.email, subject: t(content.subject), text, html };
}
