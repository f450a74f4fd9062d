/**
 * Saves a file the host produced as base64 (the evidence pack PDF / XLSX, a 报关单 data file): decoded to bytes,
 * wrapped in a Blob and offered through a temporary `<a download>`, released after the click.
 */
export function base64ToBytes(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64);
  const bytes = new Uint8Array(new ArrayBuffer(binary.length));
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

const MIME: Readonly<Record<string, string>> = {
  pdf: 'application/pdf',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

export function downloadBase64(fileName: string, base64: string): void {
  const extension = fileName.split('.').pop()?.toLowerCase() ?? '';
  const blob = new Blob([base64ToBytes(base64)], { type: MIME[extension] ?? 'application/octet-stream' });
  const href = URL.createObjectURL(blob);
  const link = Object.assign(document.createElement('a'), { href, download: fileName, rel: 'noopener' });
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // The browser reads the Blob after the click returns: release it later.
  window.setTimeout(() => URL.revokeObjectURL(href), 30_000);
}
