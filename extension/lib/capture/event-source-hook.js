// The page hook's EventSource wrapper (content/page-hook.js), on its own so
// it can be tested with a stand-in EventSource. An EventSource reconnects by
// itself after its stream ends unless the page closes it, so a turn cannot
// wait for the source to close for good: it ends at the first error (the
// stream ended or broke; a reconnect would only replay it), when the page
// calls close(), or when the reader reports the site's end marker. Only
// unnamed "message" events are seen.

/**
 * @param {object} win  the page's window (its EventSource is replaced)
 * @param {(url: string) => ({push: (data: string) => boolean|void, end: () => void}|null)} startTurn
 *   called for each new source; returns the turn to feed, or null to leave the source alone
 */
export function hookEventSource(win, startTurn) {
  const ES = win.EventSource;
  if (!ES) return;
  const origClose = ES.prototype.close;
  const closing = new WeakMap(); // source -> ends its turn
  ES.prototype.close = function close() {
    try {
      const finish = closing.get(this);
      if (finish) finish();
    } catch {
      // ignore
    }
    return origClose.apply(this, arguments);
  };
  win.EventSource = new Proxy(ES, {
    construct(target, args, newTarget) {
      const es = Reflect.construct(target, args, newTarget);
      try {
        const turn = startTurn(args[0]);
        if (turn) {
          let open = true;
          const finish = () => {
            if (!open) return;
            open = false;
            closing.delete(es);
            es.removeEventListener('message', onMessage);
            es.removeEventListener('error', onError);
            turn.end();
          };
          // Only what the browser delivers: a page script can dispatch a made-up
          // message or error on the source, but not a trusted one.
          const onMessage = (ev) => {
            if (!ev || ev.isTrusted !== true) return;
            try {
              if (turn.push(ev.data) === true) finish();
            } catch {
              // ignore
            }
          };
          const onError = (ev) => {
            if (ev && ev.isTrusted === true) finish();
          };
          closing.set(es, finish);
          es.addEventListener('message', onMessage);
          es.addEventListener('error', onError);
        }
      } catch {
        // ignore
      }
      return es;
    },
  });
}
