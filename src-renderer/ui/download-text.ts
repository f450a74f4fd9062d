/**
 * Saves text the host produced (e.g. rejected import rows as CSV) as a file the user
 * downloads: a Blob URL on a temporary `<a download>`, released right after the click.
 * CSV gets a UTF-8 BOM so Excel on Chinese Windows reads the Chinese text correctly.
 */
export function downloadText(fileName: string, text: string, mime = 'text/csv;charset=utf-8'): void {
  const body = mime.startsWith('text/csv') && !text.startsWith('\uFEFF') ? `\uFEFF${text}` : text;
  const url = URL.createObjectURL(new Blob([body], { type: mime }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  a.style.display = 'none';
  document.body.appendChild(a);
  try {
    a.click();
  } finally {
    a.remove();
    // Revoked later, not at once: the browser reads the Blob after the click returns.
    setTimeout(() => URL.revokeObjectURL(url), 30_000);
  }
}
