// The renderer's own sanitizing pass: article HTML is sanitized again here, under the same
// allowlist as the importers, before any of it reaches the DOM.
import DOMPurify from 'dompurify';
import { SANITIZE_CONFIG, installSanitizeHooks } from '../../electron/shared/sanitize-policy';

installSanitizeHooks(DOMPurify);

export function sanitizeToFragment(html: string): DocumentFragment {
  return DOMPurify.sanitize(html, { ...SANITIZE_CONFIG, RETURN_DOM_FRAGMENT: true });
}
