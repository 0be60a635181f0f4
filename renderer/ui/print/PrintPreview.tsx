// A printable paper shown on screen exactly as it prints: the same HTML body and styles.
import { DOC_CSS } from './html';

/**
 * The papers' stylesheet, hoisted into the head once (React's href and precedence) and kept: a style
 * element inserted with each paper made the browser restyle the whole page for every receipt. A
 * screen that shows a paper at a moment someone waits for (the receipt after an acceptance) draws
 * this from the start, so the paper's first showing does not add a stylesheet to the page.
 */
export function DocStyles() {
  return (
    <style href="tongban-doc-css" precedence="tongban">
      {DOC_CSS}
    </style>
  );
}

export function PrintPreview({ body, label }: { body: string; label: string }) {
  return (
    <section aria-label={label} style={{ background: '#fff', border: '1px solid #d9d9d9', boxShadow: '0 2px 8px rgba(0,0,0,0.08)', padding: '24px 32px' }}>
      <DocStyles />
      {/* The body is built by our templates, which escape every value they insert. */}
      <div dangerouslySetInnerHTML={{ __html: body }} />
    </section>
  );
}
