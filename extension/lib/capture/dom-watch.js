// The DOM fallback: watches a chat page's user and assistant messages with a
// MutationObserver. A new user message counts as a submitted prompt only
// when the user just pressed send or Enter (so opening an old conversation,
// which adds many messages at once, counts nothing), and at most once per
// send. Only character counts leave this module.
//
// While the traffic hook owns the turn in flight the watcher rests
// (`rest(true)`, driven by the capture coordinator's standby): its observer
// is disconnected, so a streamed answer no longer wakes it on every chunk,
// and it stops following that answer. A send (click or Enter), noticed even
// while resting, or `rest(false)` at the end of the turn re-arms it.

import { countScripts, addCounts, sameCounts } from './scripts.js';

export const INTENT_MS = 15000; // a user message must follow a send this closely
export const SETTLE_MS = 2500; // the answer is done when unchanged this long

/** Matches of `selector` that are not inside another match. */
export function topLevel(root, selector) {
  let nodes;
  try {
    nodes = [...root.querySelectorAll(selector)];
  } catch {
    return [];
  }
  const set = new Set(nodes);
  return nodes.filter((n) => {
    for (let p = n.parentElement; p; p = p.parentElement) if (set.has(p)) return false;
    return true;
  });
}

/**
 * A message's text: textContent without <style> and <script>. Not innerText:
 * that lays the text out again, which on a long answer cost the page several
 * ms of main-thread time; white space, where the two differ most, is not
 * counted anyway.
 */
function textOf(node) {
  if (!node) return '';
  if (node.querySelector && node.querySelector('style, script')) {
    const copy = node.cloneNode(true);
    copy.querySelectorAll('style, script').forEach((n) => n.remove());
    return copy.textContent || '';
  }
  return node.textContent || '';
}

/**
 * @param {{adapter: object, doc: Document, onIntent: Function, onUserTurn: Function,
 *          onAnswerDone: Function, now?: () => number, Observer?: typeof MutationObserver}} opts
 */
export function createDomWatch({ adapter, doc, onIntent, onUserTurn, onAnswerDone, now = () => Date.now(),
  Observer = globalThis.MutationObserver }) {
  const sel = adapter.dom;
  const seen = new WeakSet();
  let intentAt = 0;
  let waiting = null; // {user, lastSize, lastChange, timer}
  let observer = null;
  let observing = false;
  let resting = false;
  let scheduled = null; // the pending onMutations timer

  const users = () => topLevel(doc, sel.user);
  const assistants = () => topLevel(doc, sel.assistant);
  const seedSeen = () => users().forEach((n) => seen.add(n));

  /** Counts of every visible message except `exclude` (the new prompt). */
  const contextCounts = (exclude) => {
    let total = {};
    for (const n of [...users(), ...assistants()]) {
      if (n !== exclude) total = addCounts(total, countScripts(textOf(n)));
    }
    return total;
  };

  const answerAfter = (userNode) => {
    const after = assistants().filter(
      (a) => userNode.compareDocumentPosition(a) & 4, // Node.DOCUMENT_POSITION_FOLLOWING
    );
    return after[after.length - 1] || null;
  };

  // While the answer streams, change is noticed by the length of its text
  // (no counting); the answer is counted once, when it has settled.
  // Counting every 500 ms cost several ms of the page's main thread on a
  // long answer.
  const checkAnswer = () => {
    if (!waiting) return;
    const node = answerAfter(waiting.user);
    const size = node ? (node.textContent || '').length : -1;
    const t = now();
    if (size !== waiting.lastSize) {
      waiting.lastSize = size;
      waiting.lastChange = t;
      return;
    }
    if (!node || size === 0 || t - waiting.lastChange < SETTLE_MS) return;
    if (doc.querySelector('[data-is-streaming="true"], [data-testid="stop-button"]')) return;
    const counts = countScripts(textOf(node));
    if (Object.keys(counts).length === 0) return;
    clearInterval(waiting.timer);
    const done = waiting;
    waiting = null;
    onAnswerDone({ at: done.lastChange, response: counts });
  };

  const stopAnswer = () => {
    if (waiting) clearInterval(waiting.timer);
    waiting = null;
  };

  const onMutations = () => {
    const fresh = users().filter((n) => !seen.has(n));
    fresh.forEach((n) => seen.add(n));
    if (fresh.length === 0) return;
    // Several user messages at once: a conversation was opened, not a prompt sent.
    if (fresh.length > 1 || now() - intentAt > INTENT_MS) return;
    intentAt = 0;
    const user = fresh[0];
    stopAnswer();
    const at = now();
    // The context is counted only if the coordinator needs it (a DOM-only
    // prompt); a prompt the traffic hook saw has its context already.
    onUserTurn({ at, prompt: countScripts(textOf(user)), context: () => contextCounts(user) });
    // The coordinator may have put the watcher to rest meanwhile: then the
    // traffic hook measures this answer.
    if (!resting) waiting = { user, lastSize: null, lastChange: at, timer: setInterval(checkAnswer, 500) };
  };

  const schedule = () => {
    if (scheduled !== null) return;
    scheduled = setTimeout(() => {
      scheduled = null;
      onMutations();
    }, 150);
  };

  const observe = () => {
    if (observing) return;
    observing = true;
    observer.observe(doc.documentElement, { childList: true, subtree: true, characterData: true });
  };

  const disconnect = () => {
    if (!observing) return;
    observing = false;
    observer.disconnect();
    if (scheduled !== null) clearTimeout(scheduled);
    scheduled = null;
  };

  const noteIntent = () => {
    intentAt = now();
    // A send wakes a resting watcher, normally before the page adds the new
    // message; in case the page was quicker, it looks once at what changed.
    if (resting) {
      resting = false;
      if (observer) {
        observe();
        schedule();
      }
    }
    onIntent(intentAt);
  };
  // Only the browser makes trusted events: a page script's synthetic click or
  // Enter is no send (issue 15, finding 11).
  const onKey = (ev) => {
    if (ev.isTrusted !== true || ev.key !== 'Enter' || ev.shiftKey || ev.isComposing) return;
    const t = ev.target;
    if (t && t.closest && t.closest(`${sel.input}, textarea, [contenteditable="true"]`)) noteIntent();
  };
  const onClick = (ev) => {
    if (ev.isTrusted !== true) return;
    const t = ev.target;
    if (t && t.closest && t.closest(sel.send)) noteIntent();
  };

  return {
    start() {
      seedSeen();
      doc.addEventListener('keydown', onKey, true);
      doc.addEventListener('click', onClick, true);
      observer = new Observer(schedule);
      if (!resting) observe();
    },
    stop() {
      if (observer) disconnect();
      observer = null;
      doc.removeEventListener('keydown', onKey, true);
      doc.removeEventListener('click', onClick, true);
      stopAnswer();
    },
    /**
     * Rests (true: no observer, no answer to follow) while the traffic hook
     * owns the turn in flight, or watches again (false).
     */
    rest(on) {
      if (on === resting) return;
      resting = on;
      if (on) {
        stopAnswer();
        if (observer) disconnect();
      } else if (observer) {
        // Without a send meanwhile (which would have woken the watcher), user
        // messages that appeared while resting are no new prompt: seen.
        seedSeen();
        observe();
      }
    },
    /**
     * Looks for a new user message now rather than after the observer's
     * batching delay (called when the traffic hook reports a submit, so the
     * watcher can rest sooner). Nothing while resting.
     */
    check() {
      if (resting || !observer) return;
      if (scheduled !== null) clearTimeout(scheduled);
      scheduled = null;
      onMutations();
    },
    /** True while resting. */
    get resting() {
      return resting;
    },
    /** Counts of the last answer the page shows ({} when none): read once, after a missed stream. */
    lastAnswer() {
      const a = assistants();
      return a.length ? countScripts(textOf(a[a.length - 1])) : {};
    },
    /**
     * What the page shows of the conversation: characters of its messages'
     * text (a length, not a count per script) and images in the answers.
     * Read once per answer, when the traffic hook reports its end.
     */
    pageSize() {
      let chars = 0;
      let images = 0;
      for (const n of users()) chars += (n.textContent || '').length;
      for (const n of assistants()) {
        chars += (n.textContent || '').length;
        images += n.querySelectorAll ? n.querySelectorAll('img').length : 0;
      }
      return { chars, images };
    },
    /** Counts of the conversation so far, minus the newest user message when it equals `prompt`. */
    contextFor(prompt) {
      const u = users();
      const last = u[u.length - 1];
      const exclude = last && sameCounts(countScripts(textOf(last)), prompt) ? last : null;
      return contextCounts(exclude);
    },
  };
}
