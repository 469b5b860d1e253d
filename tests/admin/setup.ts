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
