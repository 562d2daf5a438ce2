/** Trimmed text, or null when absent or blank: how every optional free-text field is stored. */
export function clean(value: string | null | undefined): string | null {
  const s = value?.trim();
  return s ? s : null;
}
