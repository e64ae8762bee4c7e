// One counted submit per user action (issue 15, finding 11). A page's own
// scripts can call fetch on the conversation endpoint as often as they like,
// and can dispatch synthetic clicks and key presses; only the browser can
// make a trusted one (`event.isTrusted`). Each trusted send gesture (a click,
// Enter without Shift) grants one submit within ACTION_MS; a submit the
// traffic hook reports without a grant is not counted.

export const ACTION_MS = 20000; // a submit must follow the user's action this closely
export const MAX_GRANTS = 3; // actions remembered at once (a double click, a quick second prompt)

export function createActionGate({ windowMs = ACTION_MS, max = MAX_GRANTS } = {}) {
  const grants = []; // times of unused actions, oldest first
  const expire = (now) => {
    while (grants.length && now - grants[0] > windowMs) grants.shift();
  };
  return {
    /** Notes a trusted user action at `at` (ms). */
    note(at) {
      expire(at);
      grants.push(at);
      while (grants.length > max) grants.shift();
    },
    /** Uses one action noted at most `windowMs` before `at`; false when there is none. */
    take(at) {
      expire(at);
      const i = grants.findIndex((g) => g <= at + 1000);
      if (i === -1) return false;
      grants.splice(i, 1);
      return true;
    },
  };
}

/** Whether a DOM event is a trusted send gesture: a click, or Enter without Shift outside an IME composition. */
export function isSendGesture(ev) {
  if (!ev || ev.isTrusted !== true) return false;
  if (ev.type === 'click') return true;
  return ev.type === 'keydown' && ev.key === 'Enter' && !ev.shiftKey && !ev.isComposing;
}

// A stop control as the sites label it (ChatGPT's stop-button, Claude's and
// Gemini's "Stop response", Chinese interfaces' 停止).
const STOP_LABEL = /(^|[^a-z])stop([^a-z]|$)|停止/i;

/** Whether a DOM event is the user's trusted click on the page's stop button. */
export function isStopGesture(ev) {
  if (!ev || ev.isTrusted !== true || ev.type !== 'click') return false;
  const target = ev.target && typeof ev.target.closest === 'function' ? ev.target : null;
  const control = target && target.closest('button, [role="button"]');
  if (!control) return false;
  const label = ['aria-label', 'data-testid', 'title'].map((a) => control.getAttribute(a) || '').join(' ');
  return STOP_LABEL.test(label);
}
