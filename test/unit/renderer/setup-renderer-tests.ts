/**
 * Setup for renderer tests (happy-dom): unmount what each test rendered, since vitest runs
 * without globals and @testing-library/react cannot register its own cleanup; and load the pages
 * the app loads on demand before the tests render them.
 */
import { cleanup } from '@testing-library/react';
import { afterEach, beforeAll } from 'vitest';
import { preloadLazyPages } from '../../../src-renderer/app/lazy-page.tsx';

// The app loads its pages on demand (src-renderer/app/lazy-page.tsx); a test renders the pages
// its modules declared at once, as the app does once they are loaded.
beforeAll(() => preloadLazyPages());

afterEach(() => {
  cleanup();
});
