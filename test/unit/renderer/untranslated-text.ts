/**
 * Finds text on screen that did not come through `t()` while the pseudo-locale is active:
 * every translated string is wrapped in ⟦…⟧, so any other visible text (or title, aria-label,
 * placeholder) is hard-coded — unless it is data the test names, only digits and separators, or
 * inside an element marked `translate="no"` (formatted amounts, dates and codes).
 */
export function untranslated(root: HTMLElement, data: ReadonlySet<string>): string[] {
  const found: string[] = [];
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = (node.textContent ?? '').trim();
    // Digits, separators and arrows (sort direction, old → new) are not words to translate.
    if (text === '' || data.has(text) || /^[\d\s/.,:·↑↓↕→←-]+$/.test(text) || text.includes('⟦')) continue;
    // HTML's own marker for content that is never translated: amounts, dates, codes shown as data.
    if (node.parentElement?.closest('[translate="no"]')) continue;
    found.push(text);
  }
  for (const el of root.querySelectorAll('[title], [aria-label], [placeholder]')) {
    for (const attr of ['title', 'aria-label', 'placeholder']) {
      const value = el.getAttribute(attr);
      if (value && !value.includes('⟦') && !data.has(value)) found.push(`${attr}="${value}"`);
    }
  }
  return found;
}
