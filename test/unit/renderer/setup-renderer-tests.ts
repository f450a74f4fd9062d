/**
 * Setup for renderer tests (happy-dom): unmount what each test rendered, since vitest runs
 * without globals and @testing-library/react cannot register its own cleanup.
 */
import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';

afterEach(() => {
  cleanup();
});
