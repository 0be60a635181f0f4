// Canonical JSON (RFC 8785: keys sorted at every depth, no spaces): what certificates are signed over.
import canonicalize from 'canonicalize';

export function canonicalJson(value: unknown): string {
  const text = canonicalize(value);
  if (text === undefined) throw new TypeError('canonicalJson: value has no JSON form');
  return text;
}
