// One native-messaging port to wattprint-host at a time, with `req`
// correlation and timeouts. The port lives only as long as this worker; every
// durable fact (connection state, outbox) is in storage, kept by the caller.

import { HOST_NAME, helloMessage } from '../lib/delivery/native-protocol.js';

const REPLY_TIMEOUT_MS = 30000;
const IDLE_DISCONNECT_MS = 20000;

export function createNativeClient({ runtime, extensionVersion, browserName }) {
  let port = null;
  let opening = null;
  let helloReply = null;
  let seq = 0;
  let idleTimer = null;
  const prefix = Math.random().toString(36).slice(2, 8);
  const pending = new Map();

  const failAll = (error) => {
    for (const { reject, timer } of pending.values()) {
      clearTimeout(timer);
      reject(error);
    }
    pending.clear();
  };

  const touch = () => {
    clearTimeout(idleTimer);
    idleTimer = setTimeout(() => {
      if (port && pending.size === 0) {
        port.disconnect();
        port = null;
        helloReply = null;
      }
    }, IDLE_DISCONNECT_MS);
  };

  let lastDisconnect = null;

  const send = (message) => {
    if (!port) return Promise.reject(lastDisconnect || new Error('not connected'));
    const req = `${prefix}-${++seq}`;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        pending.delete(req);
        reject(new Error('the host did not answer in time'));
        if (port) port.disconnect();
        port = null;
        helloReply = null;
      }, REPLY_TIMEOUT_MS);
      pending.set(req, { resolve, reject, timer });
      try {
        port.postMessage({ ...message, req });
        touch();
      } catch (e) {
        clearTimeout(timer);
        pending.delete(req);
        reject(e);
      }
    });
  };

  const open = async () => {
    const name = await browserName();
    lastDisconnect = null;
    const p = runtime.connectNative(HOST_NAME);
    port = p;
    p.onMessage.addListener((msg) => {
      const entry = msg && pending.get(msg.req);
      if (!entry) return;
      pending.delete(msg.req);
      clearTimeout(entry.timer);
      entry.resolve(msg);
      touch();
    });
    p.onDisconnect.addListener((dp) => {
      const err = (dp && dp.error) || runtime.lastError;
      if (port === p) {
        port = null;
        helloReply = null;
      }
      lastDisconnect = new Error((err && err.message) || 'the host disconnected');
      failAll(lastDisconnect);
    });
    const reply = await send(helloMessage('', extensionVersion, name));
    if (reply.type !== 'hello') {
      const e = new Error(reply.message || 'the host refused hello');
      e.code = reply.code;
      throw e;
    }
    helloReply = reply;
    return reply;
  };

  return {
    /** Connects and says hello when needed; returns the hello reply. */
    async ensure() {
      if (port && helloReply) return helloReply;
      if (!opening) {
        opening = open().finally(() => {
          opening = null;
        });
      }
      return opening;
    },
    /** Sends one request (after ensure) and resolves with its reply. */
    request(message) {
      return send(message);
    },
    get connected() {
      return Boolean(port && helloReply);
    },
  };
}
