// A TCP port on 127.0.0.1 that nothing listens on at the moment of asking (the system picks it), for
// servers a test or a tool starts, and for tests that need a port where nothing answers.
import net from 'node:net';

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}
