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
 * The design system's components (`@strapi/design-system`, and the `@strapi/ui-primitives` and
 * Radix parts it is built on) set their own state from effects after they mount: the Select
 * mirrors its chosen item's text into its trigger, the DatePicker and Combobox measure
 * themselves, FocusScope and Popper place their content. None of it follows an event a test can
 * wrap in act(), and React warns for each, thousands of lines per run that say nothing about
 * the plugin. Only act() warnings whose component is a dependency's (its frame under
 * node_modules) are dropped: the plugin's own components still print theirs.
 */
const DEPENDENCY_FRAME = /\/node_modules\//;
const reportError = console.error.bind(console);
console.error = (...args: unknown[]) => {
  const [format, , componentStack] = args;
  if (
    typeof format === 'string' &&
    format.includes('not wrapped in act(') &&
    typeof componentStack === 'string' &&
    DEPENDENCY_FRAME.test(/^\s*at .*$/m.exec(componentStack)?.[0] ?? '')
  ) {
    return;
  }
  reportError(...args);
};
