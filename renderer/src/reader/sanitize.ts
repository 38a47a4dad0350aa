// The renderer's own sanitizing pass: article HTML is sanitized again here, under the same
// allowlist as the importers, before any of it reaches the DOM. Stored images
// (margin://asset/<name>) are then pointed at the app's own origin, which serves them.
import DOMPurify from 'dompurify';
import { ASSET_PATH_PREFIX, assetNameFromUrl } from '../../../electron/shared/asset-url';
import { SANITIZE_CONFIG, installSanitizeHooks } from '../../../electron/shared/sanitize-policy';

installSanitizeHooks(DOMPurify);

export function sanitizeToFragment(html: string): DocumentFragment {
  const fragment = DOMPurify.sanitize(html, { ...SANITIZE_CONFIG, RETURN_DOM_FRAGMENT: true });
  for (const image of fragment.querySelectorAll('img')) {
    const name = assetNameFromUrl(image.getAttribute('src') ?? '');
    if (name !== null) image.setAttribute('src', `${ASSET_PATH_PREFIX}${name}`);
    else if (!image.getAttribute('src')?.startsWith('data:')) image.removeAttribute('src');
  }
  return fragment;
}
