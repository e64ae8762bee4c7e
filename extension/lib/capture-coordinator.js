// Joins what the page's traffic hook and the DOM fallback see into exactly
// one interaction per submitted prompt, and notices when an adapter stops
// matching the site.
//
// Inputs (all times in ms):
//   netSubmit({turn, at, model, modes, prompt, context})  traffic hook saw a submit
//   netEnd({turn, at, response, images, model, modes})     ...and the end of its answer
//   intent(at)                                             the user pressed send/Enter
//   domUserTurn({at, prompt, context})                     a new user message appeared (context may be
//                                                          a function: it is called only when the DOM is
//                                                          this prompt's only source)
//   domAnswerDone({at, response})                          the answer after it settled
//   tick(now)                                              timers; needed only while `needsTick`
//   leave(now)                                             the page is going away (pagehide)
// Outputs: emit(report) with counts only, health({ok, detail}), and
// standby(on): true while the traffic hook owns every turn in flight and the
// DOM has already seen their user messages (nothing the DOM fallback could
// add), false when it must watch again (the turns ended, or a new send).

export const MATCH_MS = 10000; // a DOM turn and a submit this close are the same prompt
export const GRACE_MS = 6000; // how long a DOM-only turn waits for its submit
export const SILENT_MS = 20000; // a send that neither source confirms within this
export const UNHEALTHY_AFTER = 2; // consecutive misses before the adapter is unhealthy

export function createCoordinator({ service, emit, health, standby = () => {} }) {
  const net = new Map(); // turn -> {submit, rec}
  const recentSubmits = []; // {at, turn, domSeen}
  let domPending = null; // {at, prompt, context, deadline, counting}
  let intentAt = null;
  const misses = { traffic: 0, page: 0, silent: 0 };
  let unhealthy = null;

  const report = (part, missed) => {
    if (missed) {
      misses[part] += 1;
      if (misses[part] >= UNHEALTHY_AFTER && unhealthy !== part) {
        unhealthy = part;
        const detail = {
          traffic: `no submit request matched for ${misses.traffic} prompts`,
          page: `message selectors matched none of ${misses.page} prompts`,
          silent: `nothing recognised after ${misses.silent} sends`,
        }[part];
        health({ ok: false, detail });
      }
    } else {
      misses[part] = 0;
      if (unhealthy === part) {
        unhealthy = null;
        health({ ok: true, detail: 'matching again' });
      }
    }
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
      emit({
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
      });
      settle();
    },

    intent(at) {
      intentAt = at;
      settle();
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
      if (domPending && domPending.answer) {
        if (!domPending.counting) report('traffic', true);
        emitDom({ ...domPending.answer, at: Math.min(domPending.answer.at, now) });
      }
    },

    /** True while a deadline is pending, so `tick` has something to decide. */
    get needsTick() {
      if (intentAt !== null || (domPending && !domPending.counting)) return true;
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
