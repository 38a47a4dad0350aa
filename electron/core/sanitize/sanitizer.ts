// DOMPurify on jsdom, configured by the shared allowlist. jsdom is created without scripts or
// resource loading, so nothing in an article runs or is fetched while it is sanitized.
import createDOMPurify, { type DOMPurify } from 'dompurify';
import { JSDOM } from 'jsdom';
import { SANITIZE_CONFIG, installSanitizeHooks } from '../../shared/sanitize-policy';
import { attributeReachesOut, drawingDeclarations, drawingStylesheet } from './svg-styles';

let purifier: DOMPurify | null = null;

function getPurifier(): DOMPurify {
  if (purifier === null) {
    const { window } = new JSDOM('<!DOCTYPE html>');
    purifier = createDOMPurify(window as unknown as Parameters<typeof createDOMPurify>[0]);
    installSanitizeHooks(purifier);
  }
  return purifier;
}

export function sanitizeArticleHtml(html: string): string {
  return getPurifier().sanitize(html, { ...SANITIZE_CONFIG, RETURN_TRUSTED_TYPE: false }) as string;
}

/** An SVG file reduced to drawing only (no script, no links out), or null if nothing is left. */
export function sanitizeSvg(svg: string): string | null {
  const clean = getSvgPurifier().sanitize(svg, { USE_PROFILES: { svg: true, svgFilters: true }, RETURN_TRUSTED_TYPE: false }) as string;
  return clean.trim().startsWith('<svg') ? clean : null;
}

let svgPurifier: DOMPurify | null = null;

/**
 * A separate instance: a stored SVG may point only inside itself (#id) or at inline image data,
 * and its styles only draw (svg-styles.ts).
 */
function getSvgPurifier(): DOMPurify {
  if (svgPurifier === null) {
    const { window } = new JSDOM('<!DOCTYPE html>');
    svgPurifier = createDOMPurify(window as unknown as Parameters<typeof createDOMPurify>[0]);
    svgPurifier.addHook('uponSanitizeElement', (node) => {
      if (node.nodeName.toLowerCase() === 'style') node.textContent = drawingStylesheet(node.textContent ?? '');
    });
    svgPurifier.addHook('uponSanitizeAttribute', (_node, data) => {
      const value = data.attrValue.trim();
      if (data.attrName === 'href' || data.attrName === 'xlink:href' || data.attrName === 'src') {
        if (!value.startsWith('#') && !/^data:image\/(?:png|jpeg|gif|webp);base64,/iu.test(value)) data.keepAttr = false;
      } else if (data.attrName === 'style') {
        data.attrValue = drawingDeclarations(value);
        if (data.attrValue === '') data.keepAttr = false;
      } else if (attributeReachesOut(value)) {
        data.keepAttr = false;
      }
    });
  }
  return svgPurifier;
}
