// Reading the head of a Hocuspocus frame (node_modules/@hocuspocus/server/src/types.ts, MessageType):
// every frame starts with the document name and the message type; what follows depends on the type.
// Only what the guard (extensions/guard.ts) decides on is read here; a frame it cannot read is left
// to Hocuspocus, which closes a socket that sends one.
import { MessageType } from '@hocuspocus/server';
import * as decoding from 'lib0/decoding';

// @hocuspocus/common's AuthMessageType.PermissionDenied: the sub-type of an Auth frame that refuses.
const PERMISSION_DENIED = 1;

export type FrameHead = { documentName: string; type: number; decoder: decoding.Decoder };

export function frameHead(data: Uint8Array): FrameHead | null {
  try {
    const decoder = decoding.createDecoder(data);
    const documentName = decoding.readVarString(decoder);
    return { documentName, type: decoding.readVarUint(decoder), decoder };
  } catch {
    return null;
  }
}

/** `removal`: the entry takes the presence away (its state is null), as a provider's timeout does. */
export type AwarenessEntry = { clientId: number; clock: number; removal: boolean };

/** The presence entries of an awareness frame (y-protocols/awareness' update: count, then id, clock, state). */
export function awarenessEntries(head: FrameHead): AwarenessEntry[] | null {
  if (head.type !== MessageType.Awareness) return null;
  try {
    const update = decoding.createDecoder(decoding.readVarUint8Array(head.decoder));
    const entries: AwarenessEntry[] = [];
    for (let count = decoding.readVarUint(update); count > 0; count -= 1) {
      const clientId = decoding.readVarUint(update);
      const clock = decoding.readVarUint(update);
      entries.push({ clientId, clock, removal: decoding.readVarString(update) === 'null' });
    }
    return entries;
  } catch {
    return null;
  }
}

/** The reason of a server's permission-denied frame (its refusal of a socket's authentication), or null. */
export function permissionDeniedReason(data: Uint8Array): { documentName: string; reason: string } | null {
  const head = frameHead(data);
  if (!head || head.type !== MessageType.Auth) return null;
  try {
    if (decoding.readVarUint(head.decoder) !== PERMISSION_DENIED) return null;
    return { documentName: head.documentName, reason: decoding.readVarString(head.decoder) };
  } catch {
    return null;
  }
}
