// Which database a client talks to, carried on the client itself (and seen through its transaction
// clients, which read the client's properties), so the per-database implementations of a concern
// can pick theirs from the client they are handed. Feature code never asks.
import type { DatabaseKind } from './config/database';

const KIND = Symbol.for('newsroom.databaseKind');

type Marked = { [KIND]?: DatabaseKind };

export function markKind<T extends object>(client: T, kind: DatabaseKind): T {
  Object.defineProperty(client, KIND, { value: kind, enumerable: false });
  return client;
}

export function kindOf(client: object): DatabaseKind {
  return (client as Marked)[KIND] ?? 'sqlite';
}
