// A minimal document for ProseMirror's DOMSerializer that builds strings instead of DOM nodes, so
// the server renders stories with the extensions' own renderHTML and needs no browser or DOM library.
const VOID = new Set([
  'area',
  'base',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'link',
  'meta',
  'source',
  'track',
  'wbr',
]);

function escapeText(value: string): string {
  return value.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}

function escapeAttribute(value: string): string {
  return escapeText(value).replaceAll('"', '&quot;');
}

abstract class StringNode {
  abstract readonly nodeType: number;
  abstract toHtml(): string;
}

class StringText extends StringNode {
  readonly nodeType = 3;
  constructor(readonly text: string) {
    super();
  }
  toHtml(): string {
    return escapeText(this.text);
  }
}

class StringParent extends StringNode {
  readonly nodeType: number = 11;
  readonly childNodes: StringNode[] = [];
  appendChild<T extends StringNode>(child: T): T {
    this.childNodes.push(child);
    return child;
  }
  toHtml(): string {
    return this.childNodes.map((child) => child.toHtml()).join('');
  }
}

class StringElement extends StringParent {
  override readonly nodeType = 1;
  private readonly attributes = new Map<string, string>();
  constructor(readonly tagName: string) {
    super();
  }
  setAttribute(name: string, value: unknown): void {
    // Attribute names come from our extensions, never from content; keep them to a safe alphabet.
    if (/^[a-zA-Z][a-zA-Z0-9_:.-]*$/.test(name)) this.attributes.set(name.toLowerCase(), String(value));
  }
  setAttributeNS(_ns: string, name: string, value: unknown): void {
    this.setAttribute(name, value);
  }
  override toHtml(): string {
    const attrs = [...this.attributes].map(([name, value]) => ` ${name}="${escapeAttribute(value)}"`).join('');
    if (VOID.has(this.tagName)) return `<${this.tagName}${attrs}>`;
    return `<${this.tagName}${attrs}>${super.toHtml()}</${this.tagName}>`;
  }
}

export function createStringDocument() {
  return {
    createElement: (tag: string) => new StringElement(tag.toLowerCase()),
    createElementNS: (_ns: string, tag: string) => new StringElement(tag.toLowerCase()),
    createTextNode: (text: string) => new StringText(text),
    createDocumentFragment: () => new StringParent(),
  };
}

export function fragmentToHtml(fragment: unknown): string {
  return (fragment as StringParent).toHtml();
}
