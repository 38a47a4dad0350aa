// The one allowlist every sanitizing pass uses: the importers in core (DOMPurify on jsdom) and
// the reader in the renderer (DOMPurify in the page). Pure data plus hooks that take the
// DOMPurify instance they are installed on, so both sides enforce exactly the same rules.
import type { Config, DOMPurify } from 'dompurify';
import { assetNameFromUrl } from './asset-url';
import { MISSING_IMAGE_CLASS } from './image-summary';
import { mailtoWithKeptFields } from './mailto';

const ALLOWED_TAGS = [
  'a', 'abbr', 'b', 'blockquote', 'br', 'caption', 'cite', 'code', 'dd', 'del', 'div', 'dl', 'dt',
  'em', 'figcaption', 'figure', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'hr', 'i', 'img', 'ins', 'kbd',
  'li', 'ol', 'p', 'pre', 'q', 's', 'section', 'small', 'span', 'strong', 'sub', 'sup', 'table',
  'tbody', 'td', 'tfoot', 'th', 'thead', 'time', 'tr', 'u', 'ul',
  // A collapsed section (Markdown's <details>): text a person can open, nothing that runs.
  'details', 'summary',
];

const ALLOWED_ATTR = [
  'alt', 'class', 'colspan', 'datetime', 'dir', 'height', 'href', 'lang', 'rel', 'rowspan',
  'src', 'target', 'title', 'width',
  // A table column's alignment (checked in the hook), and whether a <details> starts open.
  'align', 'open',
];

/**
 * An article's ids all start with this (DOMPurify's SANITIZE_NAMED_PROPS adds it, and leaves an id
 * that has it alone, so sanitizing twice changes nothing): no article can name an element the way
 * the app names its own, or shadow a property of `document` or `window`.
 */
const ARTICLE_ID_PREFIX = 'user-content-';

/**
 * MathML for formulas (Presentation MathML as browsers draw it): layout only. No element that
 * acts (maction), loads (mglyph) or embeds another language (semantics, annotation-xml); a
 * formula's TeX annotation is its source, not its text, and goes with its content. The reader
 * needs nothing else for it: browsers draw MathML natively, with no script or style.
 */
const MATHML_TAGS = [
  'math', 'menclose', 'merror', 'mfrac', 'mi', 'mmultiscripts', 'mn', 'mo', 'mover', 'mpadded', 'mphantom',
  'mprescripts', 'mroot', 'mrow', 'ms', 'mspace', 'msqrt', 'mstyle', 'msub', 'msubsup', 'msup', 'mtable', 'mtd',
  'mtext', 'mtr', 'munder', 'munderover',
];

const MATHML_ATTR = [
  'accent', 'accentunder', 'columnalign', 'columnspan', 'depth', 'display', 'displaystyle', 'fence', 'largeop',
  'linethickness', 'lspace', 'mathsize', 'mathvariant', 'maxsize', 'minsize', 'movablelimits', 'notation',
  'rowalign', 'rspace', 'scriptlevel', 'separator', 'stretchy', 'symmetric', 'voffset',
];

/** Every element an article may keep (HTML and MathML); DOMPurify unwraps or drops the rest. */
export const KEPT_TAGS: ReadonlySet<string> = new Set([...ALLOWED_TAGS, ...MATHML_TAGS]);

/** Attributes whose values are never addresses: DOMPurify checks any other value against the URL pattern below. */
const PLAIN_VALUE_ATTR = ['align', 'colspan', 'datetime', 'dir', 'height', 'lang', 'open', 'rowspan', 'width', ...MATHML_ATTR];

/** Classes an article may carry: the ones the reader styles. Anything else could borrow app UI styles. */
export const ARTICLE_CLASSES = new Set(['caption', 'credit', 'formula', MISSING_IMAGE_CLASS]);

export const SANITIZE_CONFIG: Config = {
  ALLOWED_TAGS,
  ALLOWED_ATTR,
  ALLOW_DATA_ATTR: false,
  ALLOW_ARIA_ATTR: false,
  ALLOW_UNKNOWN_PROTOCOLS: false,
  // The targets of in-page links (footnotes, contents), namespaced: see ARTICLE_ID_PREFIX.
  ADD_ATTR: ['id', ...MATHML_ATTR],
  SANITIZE_NAMED_PROPS: true,
  KEEP_CONTENT: true,
  ADD_TAGS: MATHML_TAGS,
  ADD_FORBID_CONTENTS: ['annotation'],
  ADD_URI_SAFE_ATTR: PLAIN_VALUE_ATTR,
  // A formula holds MathML and text only: no HTML element inside MathML's text elements, where
  // the parser switches languages and sanitized trees are read back differently.
  MATHML_TEXT_INTEGRATION_POINTS: {},
  WHOLE_DOCUMENT: false,
  // Links may go to the web or to an e-mail address; images only to stored assets (checked in the hook).
  ALLOWED_URI_REGEXP: /^(?:https?:|mailto:|margin:\/\/asset\/|data:image\/(?:png|jpeg|gif|webp|avif);base64,|#)/i,
};

const SAFE_DATA_IMAGE = /^data:image\/(?:png|jpeg|gif|webp|avif);base64,[a-z0-9+/=\s]+$/i;
const SAFE_LINK_HREF = /^(?:https?:\/\/|mailto:|#)/i;

/** Whether a URL may stay in an attribute of sanitized article HTML. */
export function isAllowedArticleUrl(attribute: 'href' | 'src', value: string): boolean {
  const trimmed = value.trim();
  if (attribute === 'href') return SAFE_LINK_HREF.test(trimmed);
  return assetNameFromUrl(trimmed) !== null || SAFE_DATA_IMAGE.test(trimmed);
}

/** "#fn1" to "#user-content-fn1", the id the footnote has once sanitized; already namespaced, unchanged. */
function inPageHref(href: string): string {
  const fragment = href.trim().slice(1);
  return fragment === '' || fragment.startsWith(ARTICLE_ID_PREFIX) ? `#${fragment}` : `#${ARTICLE_ID_PREFIX}${fragment}`;
}

export function installSanitizeHooks(purify: DOMPurify): void {
  purify.removeAllHooks();
  purify.addHook('beforeSanitizeAttributes', (node) => {
    // Older pages mark footnotes with <a name="fn1">: kept as the id their links point at.
    if (node.nodeName === 'A' && node.hasAttribute('name') && !node.hasAttribute('id')) node.setAttribute('id', node.getAttribute('name') ?? '');
  });
  purify.addHook('uponSanitizeAttribute', (node, data) => {
    const name = data.attrName;
    if (name === 'href' || name === 'src') {
      if (!isAllowedArticleUrl(name, data.attrValue)) data.keepAttr = false;
      else if (name === 'href' && data.attrValue.trim().startsWith('#')) data.attrValue = inPageHref(data.attrValue);
      else if (name === 'href' && /^mailto:/iu.test(data.attrValue.trim())) data.attrValue = mailtoWithKeptFields(data.attrValue);
    } else if (name === 'id') {
      if (data.attrValue.trim() === '') data.keepAttr = false;
    } else if (name === 'class') {
      const kept = data.attrValue.split(/\s+/).filter((c) => ARTICLE_CLASSES.has(c));
      if (kept.length === 0) data.keepAttr = false;
      else data.attrValue = kept.join(' ');
    } else if (name === 'align') {
      if (!/^(?:left|center|right)$/i.test(data.attrValue.trim()) || (node.nodeName !== 'TD' && node.nodeName !== 'TH')) data.keepAttr = false;
    } else if (name === 'target' || name === 'rel') {
      // Set for every link in afterSanitizeAttributes; never taken from the page.
      data.keepAttr = false;
    }
  });
  purify.addHook('afterSanitizeAttributes', (node) => {
    if (node.nodeName === 'A' && node.hasAttribute('href')) {
      node.setAttribute('rel', 'noopener noreferrer');
      if (!node.getAttribute('href')?.startsWith('#')) node.setAttribute('target', '_blank');
    }
  });
}
