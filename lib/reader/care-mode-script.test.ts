import { describe, expect, it } from 'vitest';

import { CARE_MODE_KEY, CARE_MODE_SCRIPT } from './care-mode-script';

type Listener = (event: Record<string, unknown>) => void;

class FakeElement {
  attributes = new Map<string, string>();
  setAttribute(name: string, value: string) {
    this.attributes.set(name, value);
  }
  removeAttribute(name: string) {
    this.attributes.delete(name);
  }
  hasAttribute(name: string) {
    return this.attributes.has(name);
  }
}

/** Runs the inline script against a page with one switch and a localStorage holding `stored`. */
function run(stored: Record<string, string>, options: { storageThrows?: boolean } = {}) {
  const root = new FakeElement();
  const toggle = new FakeElement();
  const listeners: Record<string, Listener[]> = {};
  const on = (type: string, listener: Listener) => (listeners[type] ??= []).push(listener);
  const localStorage = {
    getItem(key: string) {
      if (options.storageThrows) throw new Error('SecurityError');
      return stored[key] ?? null;
    },
    setItem(key: string, value: string) {
      if (options.storageThrows) throw new Error('SecurityError');
      stored[key] = value;
    },
  };
  const document = { documentElement: root, querySelectorAll: () => [toggle], addEventListener: on };
  const window = { localStorage, addEventListener: on };
  new Function('window', 'document', CARE_MODE_SCRIPT)(window, document);
  const fire = (type: string, event: Record<string, unknown> = {}) => listeners[type]?.forEach((l) => l(event));
  const click = (target: unknown) => fire('click', { target });
  const switchTarget = { closest: (selector: string) => (selector === '[data-care-toggle]' ? toggle : null) };
  const elsewhere = { closest: () => null };
  return { root, toggle, fire, clickSwitch: () => click(switchTarget), clickElsewhere: () => click(elsewhere) };
}

describe('the care-mode script', () => {
  it('sets the mode on <html> as it runs, before the page is parsed, when the browser remembers it', () => {
    expect(run({ [CARE_MODE_KEY]: '1' }).root.hasAttribute('data-care')).toBe(true);
    expect(run({ [CARE_MODE_KEY]: '0' }).root.hasAttribute('data-care')).toBe(false);
    expect(run({}).root.hasAttribute('data-care')).toBe(false);
  });

  it('marks the switch pressed or not once the page is parsed', () => {
    const page = run({ [CARE_MODE_KEY]: '1' });
    page.fire('DOMContentLoaded');
    expect(page.toggle.attributes.get('aria-pressed')).toBe('true');
  });

  it('flips the mode on a click of the switch, remembers it, and ignores other clicks', () => {
    const stored: Record<string, string> = {};
    const page = run(stored);
    page.clickElsewhere();
    expect(page.root.hasAttribute('data-care')).toBe(false);
    page.clickSwitch();
    expect(page.root.hasAttribute('data-care')).toBe(true);
    expect(page.toggle.attributes.get('aria-pressed')).toBe('true');
    expect(stored[CARE_MODE_KEY]).toBe('1');
    page.clickSwitch();
    expect(page.root.hasAttribute('data-care')).toBe(false);
    expect(page.toggle.attributes.get('aria-pressed')).toBe('false');
    expect(stored[CARE_MODE_KEY]).toBe('0');
  });

  it('still switches this page where storage is refused', () => {
    const page = run({}, { storageThrows: true });
    expect(page.root.hasAttribute('data-care')).toBe(false);
    page.clickSwitch();
    page.fire('DOMContentLoaded');
    expect(page.root.hasAttribute('data-care')).toBe(true);
  });

  it('follows a switch made in another tab', () => {
    const page = run({});
    page.fire('storage', { key: CARE_MODE_KEY, newValue: '1' });
    expect(page.root.hasAttribute('data-care')).toBe(true);
    page.fire('storage', { key: 'other', newValue: '0' });
    expect(page.root.hasAttribute('data-care')).toBe(true);
  });

  it('cannot close the inline <script> it is written into', () => {
    expect(CARE_MODE_SCRIPT).not.toMatch(/<\/script/i);
  });
});
