// A WebSocket class for HocuspocusProviderWebsocket's `WebSocketPolyfill` that sends what a browser
// sends with the upgrade: the session cookie and the page's Origin (the co-editing guard checks both).
import WebSocket from 'ws';

export function cookieSocket(cookie: string, origin?: string) {
  const headers = origin === undefined ? { cookie } : { cookie, origin };
  return class CookieSocket extends WebSocket {
    constructor(address: string, protocols?: string | string[]) {
      super(address, protocols, { headers });
      // A socket closed while still connecting (at the end of a run) reports it as an error event.
      this.on('error', () => {});
    }
  };
}
