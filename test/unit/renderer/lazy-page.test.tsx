/**
 * lazyPage (issue 19): a page loaded on demand shows a quiet placeholder until its chunk is in,
 * then the page; once loaded (or preloaded) it renders at once, with its props.
 */
import { act, render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { lazyPage, preloadLazyPages } from '../../../src-renderer/app/lazy-page.tsx';

function Greeting({ name }: { readonly name: string }) {
  return <p data-testid="greeting">你好，{name}</p>;
}

describe('lazyPage', () => {
  it('shows a placeholder until the page is loaded, then the page with its props', async () => {
    let loads = 0;
    let release: () => void = () => undefined;
    const Page = lazyPage(
      () =>
        new Promise<typeof Greeting>((resolve) => {
          loads++;
          release = () => resolve(Greeting);
        }),
    );
    const { container } = render(<Page name="李" />);
    expect(screen.queryByTestId('greeting')).toBeNull();
    expect(container.querySelector('[aria-busy="true"]')).not.toBeNull();
    await act(async () => release());
    expect(screen.getByTestId('greeting').textContent).toBe('你好，李');
    render(<Page name="王" />); // loaded: shown at once, not loaded again
    expect(screen.getAllByTestId('greeting').map((p) => p.textContent)).toEqual(['你好，李', '你好，王']);
    expect(loads).toBe(1);
  });

  it('renders a preloaded page at once, and a failed load can be tried again', async () => {
    let attempt = 0;
    const Page = lazyPage(() => (++attempt === 1 ? Promise.reject(new Error('offline')) : Promise.resolve(Greeting)));
    await preloadLazyPages(); // the first attempt fails quietly
    expect(attempt).toBe(1);
    await Page.preload();
    render(<Page name="赵" />);
    expect(screen.getByTestId('greeting').textContent).toBe('你好，赵');
    expect(attempt).toBe(2);
  });
});
