// The DOM fallback: watches a chat page's user and assistant messages with a
// MutationObserver. A new user message counts as a submitted prompt only
// when the user just pressed send or Enter (so opening an old conversation,
// which adds many messages at once, counts nothing), and at most once per
// send. Only character counts leave this module.

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
 *          onAnswerDone: Function, now?: () => number}} opts
 */
export function createDomWatch({ adapter, doc, onIntent, onUserTurn, onAnswerDone, now = () => Date.now() }) {
  const sel = adapter.dom;
  const seen = new WeakSet();
  let intentAt = 0;
  let waiting = null; // {user, lastSize, lastChange, timer}
  let observer = null;

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

  const onMutations = () => {
    const fresh = users().filter((n) => !seen.has(n));
    fresh.forEach((n) => seen.add(n));
    if (fresh.length === 0) return;
    // Several user messages at once: a conversation was opened, not a prompt sent.
    if (fresh.length > 1 || now() - intentAt > INTENT_MS) return;
    intentAt = 0;
    const user = fresh[0];
    if (waiting) clearInterval(waiting.timer);
    waiting = { user, lastSize: null, lastChange: now(), timer: setInterval(checkAnswer, 500) };
    onUserTurn({ at: now(), prompt: countScripts(textOf(user)), context: contextCounts(user) });
  };

  const noteIntent = () => {
    intentAt = now();
    onIntent(intentAt);
  };
  const onKey = (ev) => {
    if (ev.key !== 'Enter' || ev.shiftKey || ev.isComposing) return;
    const t = ev.target;
    if (t && t.closest && t.closest(`${sel.input}, textarea, [contenteditable="true"]`)) noteIntent();
  };
  const onClick = (ev) => {
    const t = ev.target;
    if (t && t.closest && t.closest(sel.send)) noteIntent();
  };

  return {
    start() {
      seedSeen();
      doc.addEventListener('keydown', onKey, true);
      doc.addEventListener('click', onClick, true);
      let scheduled = false;
      observer = new MutationObserver(() => {
        if (scheduled) return;
        scheduled = true;
        setTimeout(() => {
          scheduled = false;
          onMutations();
        }, 150);
      });
      observer.observe(doc.documentElement, { childList: true, subtree: true, characterData: true });
    },
    stop() {
      if (observer) observer.disconnect();
      doc.removeEventListener('keydown', onKey, true);
      doc.removeEventListener('click', onClick, true);
      if (waiting) clearInterval(waiting.timer);
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
