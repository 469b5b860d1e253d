import '@testing-library/jest-dom';

// jsdom lacks these browser APIs; the design system's popovers and recharts call them.
class ResizeObserverStub {
  observe() {}
  unobserve() {}
  disconnect() {}
}
class IntersectionObserverStub {
  observe() {}
  unobserve() {}
  disconnect() {}
  takeRecords() {
    return [];
  }
}
Object.assign(globalThis, {
  ResizeObserver: ResizeObserverStub,
  IntersectionObserver: IntersectionObserverStub,
});
window.HTMLElement.prototype.scrollIntoView = function scrollIntoView() {};
window.HTMLElement.prototype.hasPointerCapture = () => false;
window.HTMLElement.prototype.releasePointerCapture = () => {};
Object.assign(window, { strapi: { backendURL: 'http://localhost' } });

// The design system renders heavy trees (the date picker's calendar) on a shared 2-core machine.
jest.setTimeout(30_000);

/**
 * The design system's Select (`@strapi/ui-primitives`) mirrors the chosen item's text into its
 * trigger from an effect of each `SelectItemText` after it mounts, outside any event a test can
 * wrap in act(): React warns once per option per render, thousands of lines per run that say
 * nothing about the plugin. Only that warning, for those components, is dropped; every other
 * act() warning still prints.
 */
const DESIGN_SYSTEM_INTERNALS = new Set(['SelectItemText']);
const reportError = console.error.bind(console);
console.error = (...args: unknown[]) => {
  const [format, component] = args;
  if (
    typeof format === 'string' &&
    format.includes('not wrapped in act(') &&
    typeof component === 'string' &&
    DESIGN_SYSTEM_INTERNALS.has(component)
  ) {
    return;
  }
  reportError(...args);
};
