// The person acting: who signs, saves, plans, publishes or manages accounts. One shape everywhere
// (docs/architecture.md: Glossary); a function that needs less takes `Pick<Actor, ...>` so its
// callers can still pass the whole person.
import type { Role } from '../generated/prisma/enums';

export type Actor = { id: string; name: string; role: Role };
