// A printable paper shown on screen exactly as it prints: the same HTML body and styles (DOC_CSS,
// in the head from start-up: renderer/ui/static-styles.ts).

export function PrintPreview({ body, label }: { body: string; label: string }) {
  return (
    <section aria-label={label} style={{ background: '#fff', border: '1px solid #d9d9d9', boxShadow: '0 2px 8px rgba(0,0,0,0.08)', padding: '24px 32px' }}>
      {/* The body is built by our templates, which escape every value they insert. */}
      <div dangerouslySetInnerHTML={{ __html: body }} />
    </section>
  );
}
