import 'server-only';
import { createTranslator } from 'use-intl/core';
import type { NotificationItem } from '@/lib/notifications/queries';
import { getEnv } from '@/lib/env';
import type { Locale } from '@/lib/policy/types';
import en from '@/messages/en.json';
import fr from '@/messages/fr.json';

// Emails are composed outside any request (in the job runner), in the member's own language. `use-intl/core`
// is the createTranslator that next-intl re-exports; next-intl's own entry point needs a React renderer.
const catalogues: Record<Locale, typeof en> = { en, fr: fr as typeof en };

export type EmailDetail = 'neutral' | 'full';
export type EmailContent = { subject: string; text: string; html: string };

/** One item of a detailed email: a line saying what happened, an optional excerpt, a link to it. */
export type EmailItemView = { line: string; excerpt: string; url: string };

export function emailTranslator(locale: Locale) {
  return createTranslator({ locale, messages: catalogues[locale], namespace: 'email' });
}

export function escapeHtml(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/** An absolute link to one of our own paths; anything else becomes the home page. */
export function absoluteUrl(href: string): string {
  const origin = getEnv().appUrl;
  return href.startsWith('/') && !href.startsWith('//') ? `${origin}${href}` : `${origin}/`;
}

const oneLine = (value: string) => value.replace(/\s+/g, ' ').trim();

/**
 * Plain text and simple HTML from the same parts. The HTML loads nothing: no remote images, no tracking
 * pixel, no external style sheet; every value is escaped. The `baraza-email-detail` marker records whether
 * the message carried content (titles, names, excerpts), so the admins' outbox can withhold those bodies.
 */
export function renderEmail(input: {
  locale: Locale;
  detail: EmailDetail;
  subject: string;
  paragraphs: readonly string[];
  items?: readonly EmailItemView[];
  more?: string;
  action: { label: string; url: string };
  unsubscribeUrl: string;
}): EmailContent {
  const t = emailTranslator(input.locale);
  const settingsUrl = absoluteUrl('/settings');
  const items = input.items ?? [];

  const text = [
    ...input.paragraphs,
    ...items.map((item) => [`- ${oneLine(item.line)}`, item.excerpt ? `  "${oneLine(item.excerpt)}"` : '', `  ${item.url}`].filter(Boolean).join('\n')),
    input.more ?? '',
    `${input.action.label}\n${input.action.url}`,
    `--\n${t('footer.why')}\n${t('footer.settings')}: ${settingsUrl}\n${t('footer.unsubscribe')}: ${input.unsubscribeUrl}`,
  ]
    .filter(Boolean)
    .join('\n\n');

  const muted = 'color:#57534e;font-size:14px';
  const html = [
    '<!doctype html>',
    `<html lang="${escapeHtml(input.locale)}">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<meta name="baraza-email-detail" content="${input.detail}">`,
    `<title>${escapeHtml(input.subject)}</title>`,
    '</head>',
    '<body style="margin:0;padding:16px;background:#ffffff;color:#1c1917;font-family:Arial,Helvetica,sans-serif;font-size:16px;line-height:1.5">',
    ...input.paragraphs.map((paragraph) => `<p>${escapeHtml(paragraph)}</p>`),
    items.length
      ? `<ul style="padding-left:20px">${items
          .map(
            (item) =>
              `<li style="margin-bottom:12px"><a href="${escapeHtml(item.url)}" style="color:#115e59">${escapeHtml(oneLine(item.line))}</a>${
                item.excerpt ? `<br><span style="${muted}">${escapeHtml(oneLine(item.excerpt))}</span>` : ''
              }</li>`,
          )
          .join('')}</ul>`
      : '',
    input.more ? `<p>${escapeHtml(input.more)}</p>` : '',
    `<p><a href="${escapeHtml(input.action.url)}" style="color:#115e59;font-weight:bold">${escapeHtml(input.action.label)}</a></p>`,
    '<hr style="border:none;border-top:1px solid #e7e5e4;margin:24px 0 12px">',
    `<p style="${muted}">${escapeHtml(t('footer.why'))}<br><a href="${escapeHtml(settingsUrl)}" style="color:#57534e">${escapeHtml(t('footer.settings'))}</a> · <a href="${escapeHtml(input.unsubscribeUrl)}" style="color:#57534e">${escapeHtml(t('footer.unsubscribe'))}</a></p>`,
    '</body>',
    '</html>',
  ]
    .filter(Boolean)
    .join('\n');

  return { subject: input.subject, text, html };
}

/** Whether a stored email carried content (titles, names, excerpts) rather than a neutral count. */
export function emailCarriesContent(html: string): boolean {
  return !html.includes('<meta name="baraza-email-detail" content="neutral">');
}

export type ActivityMode = 'immediate' | 'daily' | 'weekly';

/** How many items a detailed email lists; the rest are counted and wait on the notifications page. */
export const listedItemLimit = 20;

/**
 * The email about new notifications, at once or as a digest. Neutral unless the member chose otherwise: the
 * subject and body then say only how many there are and link to the notifications page. The subject stays
 * neutral even in detailed emails, because phones show it on the lock screen.
 */
export function composeActivityEmail(input: { locale: Locale; detail: EmailDetail; mode: ActivityMode; items: readonly NotificationItem[]; unsubscribeUrl: string }): EmailContent {
  const t = emailTranslator(input.locale);
  const count = input.items.length;
  const listed = input.detail === 'full' ? input.items.slice(0, listedItemLimit) : [];
  return renderEmail({
    locale: input.locale,
    detail: input.detail,
    subject: t(`subject.${input.mode}`),
    paragraphs: [t(`intro.${input.mode}`, { count })],
    items: listed.map((item) => ({
      line: t(`item.${item.kind}`, { actor: item.actorName ?? t('someone'), title: oneLine(item.title) }),
      excerpt: item.excerpt,
      url: absoluteUrl(item.href),
    })),
    more: input.detail === 'full' && count > listed.length ? t('more', { count: count - listed.length }) : undefined,
    action: { label: t('openNotifications'), url: absoluteUrl('/notifications') },
    unsubscribeUrl: input.unsubscribeUrl,
  });
}
