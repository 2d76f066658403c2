import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { openTestDatabase } from '../../test/support/database';
import { sampleNewsroom, type SampleNewsroom } from '../../test/support/newsroom';
import { IMMUTABLE_CACHE_CONTROL, LISTS_PATH, listsResponse } from './list-route';
import { addEntry } from './list-service';
import { decodeLists, encodeLists } from './list-wire';
import { DEFAULT_LISTS } from './lists';
import { listsVersion, readEntries } from './store';

const db = openTestDatabase();
let newsroom: SampleNewsroom;
beforeAll(async () => {
  newsroom = await sampleNewsroom(db);
});
afterAll(() => db.$disconnect());

describe('the lists as the editor fetches them', () => {
  it('round-trips every entry, each source written once', () => {
    const wire = encodeLists('v', DEFAULT_LISTS);
    expect(new Set(wire.sources).size).toBe(wire.sources.length);
    expect(decodeLists(JSON.parse(JSON.stringify(wire)))).toEqual(DEFAULT_LISTS);
  });

  it('refuses what is not an answer of the route', () => {
    expect(decodeLists(null)).toBeNull();
    expect(decodeLists({ sources: [], entries: [['TYPO', '按装', '安装', 'WARN', 0]] })).toBeNull();
    expect(decodeLists({ sources: ['x'], entries: [['NOPE', '按装', '安装', 'WARN', 0]] })).toBeNull();
    expect(decodeLists({ sources: ['x'], entries: [['TYPO', '按装', '安装', 'LOUD', 0]] })).toBeNull();
  });

  it('is kept for good under its version, answers 304 to its ETag, and a change makes a new version', async () => {
    const version = await listsVersion(db);
    expect(await listsVersion(db)).toBe(version);
    const answer = await listsResponse(db, version, null);
    expect(answer.status).toBe(200);
    expect(answer.headers.get('Cache-Control')).toBe(IMMUTABLE_CACHE_CONTROL);
    expect(answer.headers.get('ETag')).toBe(`"${version}"`);
    expect(decodeLists(await answer.json())).toEqual(await readEntries(db));
    expect((await listsResponse(db, version, `"${version}"`)).status).toBe(304);

    await addEntry(db, newsroom.chief, {
      kind: 'TYPO',
      term: '柯城错字',
      suggestion: '柯城',
      level: 'WARN',
      source: '本社',
    });
    const next = await listsVersion(db);
    expect(next).not.toBe(version);
    // The page that still names the old version is sent on to the current lists, not given old ones.
    const stale = await listsResponse(db, version, `"${version}"`);
    expect(stale.status).toBe(307);
    expect(stale.headers.get('Location')).toBe(`${LISTS_PATH}/${next}`);
    expect(stale.headers.get('Cache-Control')).toContain('no-store');
    const fresh = decodeLists(await (await listsResponse(db, next, null)).json());
    expect(fresh?.some((entry) => entry.term === '柯城错字')).toBe(true);
  });
});
