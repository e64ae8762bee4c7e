// Joins what the page's traffic hook and the DOM fallback see into exactly
// one interaction per submitted prompt, and notices when an adapter stops
// matching the site.
//
// Inputs (all times in ms):
//   netSubmit({turn, at, model, modes, prompt, context})  traffic hook saw a submit
//   netEnd({turn, at, response, images, model, modes,      ...and the end of its answer; `parsed` (some event was
//          parsed, complete, stopped, partial})             answer data) and `complete` (the site's end marker was
//                                                          seen) are booleans, or missing for 'unknown'; `stopped`:
//                                                          the page aborted the request (the user's stop);
//                                                          `partial`: the page went away while it streamed
//   userStop(at)                                           the user pressed the page's stop button
//   intent(at)                                             the user pressed send/Enter
//   domUserTurn({at, prompt, context})                     a new user message appeared (context may be
//                                                          a function: it is called only when the DOM is
//                                                          this prompt's only source)
//   domAnswerDone({at, response})                          the answer after it settled
//   tick(now)                                              timers; needed only while `needsTick`
//   leave(now)                                             the page is going away (pagehide)
// A traffic turn that misses (no parsable answer, no end marker, or 0
// characters while the page shows text) is still recorded: its answer is
// read from the page (`readPage()`, the last answer shown) PAGE_READ_MS after
// the stream ended, and the report says so (source 'page', miss: the code).
// Outputs: emit(report) with counts only, health({group, code}) when a part
// reaches UNHEALTHY_AFTER misses in a row (code: lib/capture/health.js) or matches
// again (code null), and
// standby(on): true while the traffic hook owns every turn in flight and the
// DOM has already seen their user messages (nothing the DOM fallback could
// add), false when it must watch again (the turns ended, or a new send).

import { UNHEALTHY_AFTER } from './health.js';

export const MATCH_MS = 10000; // a DOM turn and a submit this close are the same prompt
export const GRACE_MS = 6000; // how long a DOM-only turn waits for its submit
export const SILENT_MS = 20000; // a send that neither source confirms within this
export const PAGE_READ_MS = 2500; // after a missed stream ends, when the page's answer is read

const PART_CODES = { traffic: 'no_submit', page: 'no_page_match', silent: 'silent' };
const hasCounts = (c) => Boolean(c) && Object.keys(c).length > 0;

export function createCoordinator({ service, emit, health, standby = () => {}, readPage = () => ({}) }) {
  const net = new Map(); // turn -> {submit, rec}
  const recentSubmits = []; // {at, turn, domSeen}
  let domPending = null; // {at, prompt, context, deadline, counting}
  let intentAt = null;
  const misses = { traffic: 0, page: 0, silent: 0 };
  const unhealthy = new Set();
  const pageReads = []; // {report, miss, due}: missed traffic turns waiting to be read from the page
  let stopAt = null; // when the user last pressed the page's stop button
  let leaving = false; // the page is going away: nothing waits for a timer any more

  const report = (part, missed) => {
    if (missed) {
      misses[part] += 1;
      if (misses[part] >= UNHEALTHY_AFTER && !unhealthy.has(part)) {
        unhealthy.add(part);
        health({ group: part, code: PART_CODES[part] });
      }
    } else {
      misses[part] = 0;
      if (unhealthy.delete(part)) health({ group: part, code: null });
    }
  };

  /** A missed traffic turn, counted from the page when the page shows its answer. */
  const readFromPage = (r) => {
    let shown = {};
    try {
      shown = readPage() || {};
    } catch {
      // keep what the traffic gave
    }
    // An answer cut short by the user (stop, leaving) that the traffic had not yet shown is no miss either.
    const miss = r.miss || (r.cut ? null : 'empty_answer');
    if (hasCounts(shown)) emit({ ...r.report, response: shown, source: 'page', ...(miss ? { miss } : {}) });
    else emit(r.miss ? { ...r.report, miss: r.miss } : r.report);
  };

  const emitDom = (a) => {
    const p = domPending;
    domPending = null;
    emit({
      kind: 'chat',
      service,
      model: null,
      modes: [],
      prompt: p.prompt || {},
      response: a.response || {},
      context: p.context || {},
      images: 0,
      duration_ms: Math.max(0, a.at - p.at),
      submitted_at: p.at,
      source: 'page',
    });
  };

  const findSubmitNear = (at) => recentSubmits.find((s) => !s.domSeen && Math.abs(s.at - at) <= MATCH_MS);

  // The DOM fallback may stand down while it has nothing to add: every turn in
  // flight came through the traffic hook, the page already showed its user
  // message (for the health check), no DOM-only prompt is pending and no send
  // waits for its user message. Its observer would otherwise run on every
  // streamed chunk of the answer.
  let resting = false;
  const settle = () => {
    let quiet = net.size > 0 && domPending === null && intentAt === null;
    if (quiet) {
      for (const entry of net.values()) {
        if (!entry.rec.domSeen) {
          quiet = false;
          break;
        }
      }
    }
    if (quiet !== resting) {
      resting = quiet;
      standby(quiet);
    }
  };

  return {
    netSubmit(s) {
      const rec = { at: s.at, turn: s.turn, domSeen: false };
      net.set(s.turn, { submit: s, rec });
      recentSubmits.push(rec);
      while (recentSubmits.length > 20) recentSubmits.shift();
      intentAt = null;
      report('traffic', false);
      report('silent', false);
      if (domPending && !domPending.counting && Math.abs(domPending.at - s.at) <= MATCH_MS) {
        rec.domSeen = true;
        domPending = null;
        report('page', false);
      }
      settle();
    },

    netEnd(e) {
      const entry = net.get(e.turn);
      if (!entry) return;
      net.delete(e.turn);
      const s = entry.submit;
      const out = {
        kind: 'chat',
        service,
        model: e.model || s.model || null,
        modes: [...new Set([...(s.modes || []), ...(e.modes || [])])].sort(),
        prompt: s.prompt || {},
        response: e.response || {},
        context: s.context || {},
        images: e.images || 0,
        duration_ms: Math.max(0, e.at - s.at),
        submitted_at: s.at,
        source: 'traffic',
        domSeen: entry.rec.domSeen, // the page showed this prompt's user message
      };
      // Missing flags mean 'unknown': no judgement. Only the end of a stream
      // is checked, never each chunk. An answer the user stopped, or left
      // while it streamed, ends early by the user's doing, not the site's: it
      // counts what arrived and is no sign that the adapter stopped matching.
      const cut = e.stopped === true || e.partial === true || (stopAt !== null && stopAt >= s.at && stopAt <= e.at);
      const miss = cut ? null : e.parsed === false ? 'unparsed' : e.complete === false ? 'incomplete' : null;
      // A deep research turn may end with no answer in its own stream: the report comes later, outside it
      // (ChatGPT's deep research app writes it into its widget). Its empty answer is no sign of breakage.
      const later = out.modes.includes('deep_research');
      if (miss || (!hasCounts(out.response) && !(out.images > 0) && !later)) {
        const read = { report: out, miss, cut, due: e.at + PAGE_READ_MS };
        if (leaving) readFromPage(read); // no timer runs after the page has gone
        else pageReads.push(read);
      } else {
        emit(out);
      }
      settle();
    },

    intent(at) {
      intentAt = at;
      settle();
    },

    userStop(at) {
      stopAt = at;
    },

    domUserTurn(t) {
      const near = findSubmitNear(t.at);
      if (near) {
        near.domSeen = true;
        report('page', false);
        settle();
        return;
      }
      if (domPending) return; // one prompt at a time from the DOM
      const context = typeof t.context === 'function' ? t.context() : t.context;
      domPending = { ...t, context, deadline: t.at + GRACE_MS, counting: false };
      intentAt = null;
      report('silent', false);
      settle();
    },

    domAnswerDone(a) {
      if (!domPending) return;
      if (!domPending.counting) {
        domPending.answer = a; // keep the latest until the grace period decides
        return;
      }
      emitDom(a);
      settle();
    },

    tick(now) {
      while (pageReads.length > 0 && now >= pageReads[0].due) readFromPage(pageReads.shift());
      if (domPending && !domPending.counting && now >= domPending.deadline) {
        // No submit request matched: the DOM is the only source for this prompt.
        domPending.counting = true;
        report('traffic', true);
        if (domPending.answer) emitDom(domPending.answer);
      }
      for (const rec of recentSubmits) {
        if (!rec.domSeen && !rec.pageChecked && now - rec.at > MATCH_MS) {
          rec.pageChecked = true;
          report('page', true);
        }
      }
      if (intentAt !== null && now - intentAt > SILENT_MS) {
        intentAt = null;
        report('silent', true);
      }
      settle();
    },

    /**
     * The page is going away: no submit request can match a DOM-only prompt
     * any more, so one whose answer has settled is counted from the page now
     * instead of being lost with the page.
     */
    leave(now) {
      leaving = true;
      while (pageReads.length > 0) readFromPage(pageReads.shift());
      if (domPending && domPending.answer) {
        if (!domPending.counting) report('traffic', true);
        emitDom({ ...domPending.answer, at: Math.min(domPending.answer.at, now) });
      }
    },

    /** True while a deadline is pending, so `tick` has something to decide. */
    get needsTick() {
      if (intentAt !== null || pageReads.length > 0 || (domPending && !domPending.counting)) return true;
      return recentSubmits.some((rec) => !rec.domSeen && !rec.pageChecked);
    },

    /** True while the DOM fallback may stand down (the last value given to `standby`). */
    get standingBy() {
      return resting;
    },

    /** True while a DOM-only prompt waits for its answer. */
    get waitingForDomAnswer() {
      return Boolean(domPending && domPending.counting);
    },
  };
}
