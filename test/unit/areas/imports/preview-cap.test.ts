/**
 * Bounded memory (issue 16, point 1): a workspace keeps at most one pending import preview — a
 * second preview replaces the first, which then answers imports.preview.expired.
 */
import { describe, expect, it } from 'vitest';
import { PREVIEW_CAP, PreviewCache } from '../../../../src-main/areas/imports/import-service.ts';

const entry = (previewId: string) => ({ previewId, createdAt: 0 }) as unknown as Parameters<PreviewCache['set']>[0];

describe('pending previews', () => {
  it('keeps one per workspace: a new preview replaces the old one', () => {
    expect(PREVIEW_CAP).toBe(1);
    const cache = new PreviewCache(() => 0);
    cache.set(entry('a'));
    cache.set(entry('b'));
    expect(cache.get('b').previewId).toBe('b');
    expect(() => cache.get('a')).toThrow(expect.objectContaining({ code: 'imports.preview.expired' }));
  });
});
