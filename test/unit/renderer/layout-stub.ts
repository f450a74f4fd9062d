/**
 * happy-dom does no layout, so a virtualised list would see a 0-pixel viewport and render
 * nothing. This gives elements with a chosen data-testid a fixed client size (and leaves
 * every other element at 0) until `restore()`.
 */
export interface LayoutStub {
  restore(): void;
}

export function stubViewport(testId: string, size: { width: number; height: number }): LayoutStub {
  const proto = HTMLElement.prototype;
  const saved = {
    clientHeight: Object.getOwnPropertyDescriptor(proto, 'clientHeight'),
    clientWidth: Object.getOwnPropertyDescriptor(proto, 'clientWidth'),
    offsetHeight: Object.getOwnPropertyDescriptor(proto, 'offsetHeight'),
  };
  const sized = (el: HTMLElement) => el.getAttribute('data-testid') === testId;
  Object.defineProperty(proto, 'clientHeight', {
    configurable: true,
    get(this: HTMLElement) {
      return sized(this) ? size.height : 0;
    },
  });
  Object.defineProperty(proto, 'clientWidth', {
    configurable: true,
    get(this: HTMLElement) {
      return sized(this) ? size.width : 0;
    },
  });
  Object.defineProperty(proto, 'offsetHeight', {
    configurable: true,
    get(this: HTMLElement) {
      return sized(this) ? size.height : 0;
    },
  });
  return {
    restore() {
      for (const [key, descriptor] of Object.entries(saved)) {
        if (descriptor) Object.defineProperty(proto, key, descriptor);
        else delete (proto as unknown as Record<string, unknown>)[key];
      }
    },
  };
}
