// The PDF import corpus (test/fixtures/import-pdf) is what issue 30 asks of it: pages made by at least
// three different producers (four: pdfkit's pages are blind only), each with its expected structure,
// and a blind set holding a page of each.
import { describe, expect, it } from 'vitest';

import { readPdfCorpus } from './corpus';

const corpus = readPdfCorpus();

async function producerOf(bytes: Uint8Array): Promise<string> {
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const pdf = await getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, verbosity: 0 }).promise;
  try {
    const { info } = await pdf.getMetadata();
    return String((info as { Producer?: string }).Producer ?? '');
  } finally {
    await pdf.destroy();
  }
}

describe('the PDF import corpus', () => {
  it('holds pages from Chromium, LibreOffice, pdf-lib and pdfkit, each producer in the blind set too', async () => {
    const producers = await Promise.all(
      corpus.map(async (entry) => {
        const producer = await producerOf(entry.bytes);
        if (/Skia/u.test(producer)) return { kind: 'chromium', blind: entry.blind };
        if (/LibreOffice/u.test(producer)) return { kind: 'libreoffice', blind: entry.blind };
        if (/pdf-lib/u.test(producer)) return { kind: 'pdf-lib', blind: entry.blind };
        if (/pdfkit/u.test(producer)) return { kind: 'pdfkit', blind: entry.blind };
        return { kind: producer, blind: entry.blind };
      }),
    );
    expect(new Set(producers.map((producer) => producer.kind))).toEqual(
      new Set(['chromium', 'libreoffice', 'pdf-lib', 'pdfkit']),
    );
    expect(new Set(producers.filter((producer) => producer.blind).map((producer) => producer.kind)).size).toBe(4);
    expect(producers.filter((producer) => !producer.blind).length).toBeGreaterThanOrEqual(3);
  });

  it('gives every page an expected structure with stories that have headlines and text', () => {
    for (const entry of corpus) {
      expect(entry.expected.stories.length, entry.name).toBeGreaterThan(0);
      for (const story of entry.expected.stories) {
        expect(story.headline, entry.name).not.toBe('');
        expect(story.body.length, entry.name).toBeGreaterThan(0);
      }
    }
  });
});
