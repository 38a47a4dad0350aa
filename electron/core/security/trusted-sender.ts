// Which pages may call Margin's IPC handlers, and which links may leave the app.
import { mailtoWithKeptFields } from '../../shared/mailto';
import { APP_HOST, APP_SCHEME } from '../protocol/app-files';

/** Only the app's own page, served from margin://app/ in a top-level frame, may call the handlers. */
export function isTrustedSender(sender: { url: string | undefined; isMainFrame: boolean } | null): boolean {
  return sender !== null && sender.isMainFrame && isTrustedSenderUrl(sender.url);
}

export function isTrustedSenderUrl(url: string | undefined): boolean {
  if (url === undefined) return false;
  try {
    const parsed = new URL(url);
    return parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST;
  } catch {
    return false;
  }
}

/**
 * Links handed to the system: web pages and e-mail addresses only, never file:, javascript: or
 * custom schemes, and no e-mail link with fields a mail program could act on unseen (shared/mailto.ts).
 */
export function isExternalWebUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    if (parsed.protocol === 'mailto:') return mailtoWithKeptFields(url) === url.trim();
    return (parsed.protocol === 'https:' || parsed.protocol === 'http:') && parsed.username === '' && parsed.password === '';
  } catch {
    return false;
  }
}
