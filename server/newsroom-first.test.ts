// Reader answers wait their turn while a newsroom request is being answered, and only then.
import { EventEmitter } from 'node:events';
import type { ServerResponse } from 'node:http';
import { describe, expect, it } from 'vitest';

import { isNewsroomPath, NewsroomFirst } from './newsroom-first';

function setup(perTurn = 2) {
  const turns: (() => void)[] = [];
  const first = new NewsroomFirst(perTurn, (run) => turns.push(run));
  const sent: number[] = [];
  const reader = (id: number) => first.reader(() => sent.push(id));
  const nextTurn = () => turns.shift()?.();
  return { first, sent, reader, turns, nextTurn };
}

const response = () => new EventEmitter() as unknown as ServerResponse;

describe('NewsroomFirst', () => {
  it('with no newsroom request under way, a reader is answered at once', () => {
    const { sent, reader, turns } = setup();
    reader(1);
    reader(2);
    expect(sent).toEqual([1, 2]);
    expect(turns).toHaveLength(0);
  });

  it('is idle only with no newsroom request under way and no reader waiting', () => {
    const { first, reader, nextTurn } = setup(1);
    expect(first.idle).toBe(true);
    const answer = response();
    first.track(answer);
    expect(first.idle).toBe(false);
    reader(1);
    reader(2);
    answer.emit('close');
    expect(first.idle).toBe(false); // readers still waiting for their turn
    nextTurn();
    expect(first.idle).toBe(true);
  });

  it('while one is under way, readers go out a few per turn of the loop, in order', () => {
    const { first, sent, reader, nextTurn } = setup(2);
    first.track(response());
    for (const id of [1, 2, 3, 4, 5]) reader(id);
    expect(sent).toEqual([]);
    expect(first.queued).toBe(5);
    nextTurn();
    expect(sent).toEqual([1, 2]);
    nextTurn();
    expect(sent).toEqual([1, 2, 3, 4]);
  });

  it('once the newsroom answer is done, everyone still waiting goes out in the next turn', () => {
    const { first, sent, reader, nextTurn } = setup(2);
    const newsroom = response();
    first.track(newsroom);
    for (const id of [1, 2, 3, 4, 5]) reader(id);
    nextTurn();
    newsroom.emit('close');
    expect(first.inFlight).toBe(0);
    reader(6);
    expect(sent).toEqual([1, 2]);
    nextTurn();
    expect(sent).toEqual([1, 2, 3, 4, 5, 6]);
    reader(7);
    expect(sent.at(-1)).toBe(7);
  });
});

describe('isNewsroomPath', () => {
  it('the newsroom, sign-in, invitations and the API; not reader pages', () => {
    expect(isNewsroomPath('/newsroom/articles/1?tab=history')).toBe(true);
    expect(isNewsroomPath('/api/newsroom/import')).toBe(true);
    expect(isNewsroomPath('/login')).toBe(true);
    expect(isNewsroomPath('/articles/newsroom')).toBe(false);
    expect(isNewsroomPath('/?q=/newsroom')).toBe(false);
  });
});
