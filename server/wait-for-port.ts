// Waiting for a child process to listen: the co-editing process has no health route, only its port.
import type { ChildProcess } from 'node:child_process';
import net from 'node:net';

function isOpen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1', () => {
      socket.end();
      resolve(true);
    });
    socket.on('error', () => resolve(false));
  });
}

/** Resolves once something listens on 127.0.0.1:port; fails when the child exits first or after a minute. */
export async function waitForPort(port: number, child: ChildProcess, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null)
      throw new Error(`server on ${port} exited with ${child.exitCode ?? child.signalCode}`);
    if (await isOpen(port)) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`nothing listening on ${port}`);
}
