// What the catalog's source readers share: the error for input that cannot be read as what it should be, and
// accessors that take a parsed value of any shape (the sources are other people's files, so nothing is assumed).

/** Input that cannot be read as what it should be; the message names the file (and the line when known). */
export class CatalogInputError extends Error {}

export function isObject(value: unknown): value is Record<string, any> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

/** A scalar as trimmed text ('' for anything else). */
export function text1(value: unknown): string {
  return typeof value === 'string' ? value.trim() : typeof value === 'number' || typeof value === 'boolean' ? String(value) : '';
}

export function url(value: unknown): string | undefined {
  const s = text1(value);
  return /^https?:\/\/\S+$/.test(s) ? s : undefined;
}
