// DeepSeek (chat.deepseek.com). Submit: POST /api/v0/chat/completion (also
// /regenerate, /edit_message, and /resume_stream for an answer that goes on
// after a reload) with {"prompt", "model_type", "thinking_enabled",
// "search_enabled", ...}; the answer streams as SSE. The current encoding
// patches a response object the way the page does: {p, o, v} where a missing
// p/o repeats the previous ones and a BATCH applies its items under its path.
// Fragments of type THINK (reasoning), SEARCH / TOOL_SEARCH / TOOL_OPEN
// (search steps), TIP and RESPONSE; only RESPONSE (and TEMPLATE_RESPONSE, the
// text a content filter puts in place of a retracted answer) is the answer.
// The answer ends with "response/status" FINISHED (or quasi_status in a
// BATCH) and an "event: close"; CONTENT_FILTER, INCOMPLETE, FAILED or an error
// hint/toast end it unfinished. An answer left INCOMPLETE (or marked
// auto_continue) goes on in POST /api/v0/chat/continue: that stream is read
// into the same turn (the reader reports `handoff`). The older encoding sent
// OpenAI-style choices[0].delta.content with a "type" of thinking or text. See
// tests/fixtures/deepseek/EVIDENCE.md.

import { tryJson, createSseParser } from '../capture/stream.js';
import { countScripts } from '../capture/scripts.js';
import { cleanModes, cleanModel, pathOf } from './common.js';

const SUBMIT_PATH = /^\/api\/v0\/chat\/(?:completion|regenerate|edit_message|resume_stream|continue)\/?$/;
const CONTINUE_PATH = /^\/api\/v0\/chat\/continue\/?$/;
// Fragments whose text the page shows as the answer.
const ANSWER_TYPES = new Set(['RESPONSE', 'TEMPLATE_RESPONSE']);
// Fragments that mean a web search ran.
const SEARCH_TYPES = new Set(['SEARCH', 'TOOL_SEARCH', 'TOOL_OPEN']);
// Message states that end an answer unfinished.
const UNFINISHED = new Set(['INCOMPLETE', 'CONTENT_FILTER', 'FAILED']);
// A citation marker the page draws as a small badge, not as text.
const REFERENCE = /^\[reference:\d+\]$/;
// Most events of a long answer are one-token deltas {"v":"..."}: read those without JSON.parse.
// eslint-disable-next-line no-control-regex -- JSON strings cannot hold raw control characters
const SIMPLE_DELTA = /^\{"v": ?"([^"\\\u0000-\u001f]*)"\}$/;
const FRAGMENT_PATH = /^response\/fragments\/(-?\d+)(?:\/(content))?$/;
const MAX_BATCH_DEPTH = 4;

/** Whether a patch naming a path but no operation appends (see onMessage). */
function appends(path, v) {
  if (typeof v === 'string') return /\/content$/.test(path);
  return Array.isArray(v) && path === 'response/fragments';
}

/**
 * The model a DeepSeek web mode runs. Since DeepSeek V4 (April 2026) the
 * request's model_type picks it: "expert" is V4-Pro, the default (null,
 * "default") is V4-Flash; "vision" is not mapped by any public source and is
 * reported as the default. Without model_type (older requests), thinking runs
 * the reasoner, else the chat model.
 */
function modelFor(modelType, thinking) {
  if (modelType === undefined) return thinking ? 'deepseek-reasoner' : 'deepseek-chat';
  return modelType === 'expert' ? 'deepseek-v4-pro' : 'deepseek-v4-flash';
}

export default {
  service: 'deepseek',
  label: 'DeepSeek',
  hosts: ['chat.deepseek.com'],
  matches: ['https://chat.deepseek.com/*'],

  isSubmit({ url, method }) {
    return method === 'POST' && SUBMIT_PATH.test(pathOf(url));
  },

  parseRequest(body, { url } = {}) {
    const req = tryJson(body);
    if (!req || typeof req !== 'object') return null;
    if (CONTINUE_PATH.test(pathOf(url || ''))) {
      // The page goes on with an unfinished answer: the same turn, no new prompt.
      if (typeof req.chat_session_id !== 'string') return null;
      return { resume: true, model: null, modes: [], prompt: {}, context: null };
    }
    const modes = [];
    if (req.thinking_enabled) modes.push('reasoning');
    if (req.search_enabled) modes.push('web_search');
    return {
      model: cleanModel(modelFor(req.model_type, req.thinking_enabled)),
      modes: cleanModes(modes),
      prompt: countScripts(typeof req.prompt === 'string' ? req.prompt : ''),
      context: null,
    };
  },

  createReader() {
    // The response's fragments as the page holds them: {type, text}; text is
    // kept only for answer fragments.
    let fragments = [];
    let legacy = ''; // "response/content", an older path of the answer
    let choicesAnswer = ''; // the OpenAI-style encoding
    const modes = new Set();
    let lastPath = '';
    let lastOp = 'SET';
    let model = null;
    let parsed = false;
    let status = ''; // the message's last status (status or quasi_status)
    let finished = false; // FINISHED seen since the last status that ends unfinished
    let filtered = false; // CONTENT_FILTER: the answer was retracted
    let errored = false; // an error hint/toast
    let closed = false;
    let autoContinue = false;
    let choicesDone = false;

    const fragmentAt = (index) => fragments[index < 0 ? fragments.length + index : index];
    const addFragment = (f) => {
      const type = f && typeof f.type === 'string' ? f.type.toUpperCase() : '';
      if (SEARCH_TYPES.has(type)) modes.add('web_search');
      const answer = ANSWER_TYPES.has(type);
      fragments.push({ type, answer, text: answer && typeof f.content === 'string' ? f.content : '' });
    };
    const setFragments = (list) => {
      fragments = [];
      for (const f of Array.isArray(list) ? list : []) addFragment(f);
    };
    const setStatus = (v) => {
      if (typeof v !== 'string' || !v) return;
      status = v;
      if (v === 'FINISHED') finished = true;
      else if (UNFINISHED.has(v)) finished = false;
      if (v === 'CONTENT_FILTER') filtered = true;
    };
    const readResponse = (r) => {
      if (!r || typeof r !== 'object') return;
      if (typeof r.model === 'string' && r.model) model = r.model;
      // A snapshot replaces the page's response state, fragments included.
      if (Array.isArray(r.fragments)) setFragments(r.fragments);
      setStatus(r.status);
      if (r.auto_continue === true) autoContinue = true;
      if (r.conversation_mode === 'DEEP_SEARCH') modes.add('web_search');
    };
    const apply = (path, op, v, depth = 0) => {
      if (op === 'BATCH') {
        if (!Array.isArray(v) || depth >= MAX_BATCH_DEPTH) return;
        // Items are read like a stream of their own: p/o carry on, paths are relative.
        let p = '';
        let o = 'SET';
        for (const item of v) {
          if (!item || typeof item !== 'object') continue;
          if (item.p !== undefined) p = String(item.p);
          if (item.o !== undefined) o = String(item.o);
          apply(path && p ? `${path}/${p}` : path || p, o, item.v, depth + 1);
        }
        return;
      }
      if (path === '' || path === 'response') {
        if (v && typeof v === 'object') readResponse(path ? v : v.response);
        return;
      }
      const rel = path.startsWith('response/') ? path : `response/${path}`;
      if (rel === 'response/status' || rel === 'response/quasi_status') return setStatus(v);
      if (rel === 'response/auto_continue') {
        if (v === true) autoContinue = true;
        return;
      }
      if (rel === 'response/conversation_mode') {
        if (v === 'DEEP_SEARCH') modes.add('web_search');
        return;
      }
      if (rel === 'response/fragments') {
        if (op === 'APPEND') for (const f of Array.isArray(v) ? v : []) addFragment(f);
        else if (op === 'SET') setFragments(v);
        return;
      }
      if (rel === 'response/content') {
        // An older path of the answer text.
        if (typeof v === 'string') legacy = op === 'SET' ? v : legacy + v;
        return;
      }
      if (rel === 'response/thinking_content') {
        if (typeof v === 'string' && v) modes.add('reasoning');
        return;
      }
      const m = FRAGMENT_PATH.exec(rel);
      if (!m) return;
      const f = fragmentAt(Number(m[1]));
      if (!f) return;
      if (m[2] && typeof v === 'string' && f.answer) {
        if (op === 'APPEND' && !REFERENCE.test(v)) f.text += v;
        else if (op === 'SET') f.text = v;
      }
    };
    const onMessage = (data) => {
      const simple = SIMPLE_DELTA.exec(data);
      if (simple) {
        apply(lastPath, lastOp, simple[1]);
        return;
      }
      const msg = tryJson(data);
      if (!msg || typeof msg !== 'object') return;
      if (msg.type === 'error') {
        errored = true;
        if (msg.clear_response === true) setFragments([]);
        return;
      }
      if (Array.isArray(msg.choices)) {
        parsed = true;
        const choice = msg.choices[0];
        if (choice && choice.finish_reason) choicesDone = true;
        const delta = choice && choice.delta;
        if (typeof msg.model === 'string' && msg.model) model = msg.model;
        if (delta && typeof delta.content === 'string' && delta.type !== 'thinking') choicesAnswer += delta.content;
        return;
      }
      if (msg.v === undefined) return;
      parsed = true;
      if (msg.p !== undefined) lastPath = String(msg.p);
      if (msg.o !== undefined) lastOp = String(msg.o);
      // Without "o", text on a content path and a list on the fragments path
      // are still appends (the answer goes on; a TIP follows it); else a SET.
      else if (msg.p !== undefined) lastOp = appends(lastPath, msg.v) ? 'APPEND' : 'SET';
      // The snapshot {"v":{"response":...}} starts the fragment stream: what follows appends to the last one.
      if (msg.p === undefined && msg.o === undefined && msg.v && typeof msg.v === 'object' && !Array.isArray(msg.v)) {
        readResponse(msg.v.response);
        lastPath = 'response/fragments/-1/content';
        lastOp = 'APPEND';
        return;
      }
      apply(lastPath, lastOp, msg.v);
    };
    const sse = createSseParser(({ event, data }) => {
      // An event after the close is the continuation stream fed into this turn.
      if (closed && event !== 'close') closed = false;
      if (event === 'close') {
        closed = true;
        return;
      }
      if (event === 'ready') {
        parsed = true;
        // A stream of its own (the first, or the continuation of an unfinished answer).
        lastPath = '';
        lastOp = 'SET';
        status = '';
        finished = false;
        autoContinue = false;
        const ready = tryJson(data);
        if (ready && typeof ready.model_type === 'string') model = modelFor(ready.model_type);
        return;
      }
      if (event === 'hint' || event === 'toast' || event === 'error') {
        const hint = tryJson(data);
        if (hint && hint.type === 'error') {
          parsed = true;
          errored = true;
          if (hint.clear_response === true) setFragments([]);
        }
        return;
      }
      if (event === 'title' || event === 'finish' || (event === 'update_session' && !/"v"/.test(data))) return;
      onMessage(data);
    });
    return {
      push: (t) => sse.push(t),
      finish() {
        sse.end();
        const unfinished = errored || filtered || UNFINISHED.has(status);
        // Left unfinished for the page to go on with (POST /chat/continue).
        const handoff = !errored && !filtered && !finished && (status === 'INCOMPLETE' || autoContinue);
        const answer = fragments.filter((f) => f.answer).map((f) => f.text).join('');
        return {
          response: countScripts(answer + legacy + choicesAnswer),
          images: 0,
          model: cleanModel(model),
          modes: cleanModes([...modes]),
          complete: choicesDone || (!unfinished && (finished || closed)),
          parsed,
          handoff,
        };
      },
    };
  },

  dom: {
    user: '._9663006, [class*="fbb737a4"]',
    assistant: '.ds-markdown',
    input: 'textarea#chat-input, textarea',
    send: 'div[role="button"][aria-disabled="false"]',
  },
};
