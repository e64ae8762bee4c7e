// ChatGPT (chatgpt.com). Submit: POST /backend-api/f/conversation (logged in;
// also /backend-api/conversation) or /backend-anon/f/conversation (logged
// out) with a JSON body; the answer streams as SSE, either as "v1" delta
// patches ({p, o, v}) or, in the older encoding, as the whole message resent
// each time. A stream that carries `stream_handoff` and no answer continues on
// POST .../f/conversation/resume ({conversation_id, offset}): the reader then
// reports `handoff` and the page hook feeds the resume stream into the same
// reader, so the continuation counts once, as the same turn. The page may
// instead follow the handoff's `subscribe_ws_topic` option: the answer then
// arrives on its WebSocket (ws.chatgpt.com/ws/user/...), in frames that are a
// JSON envelope or an array of them; a `stream-item` envelope's
// payload.payload.encoded_item is a piece of the same SSE stream, and the
// subscription's reply replays the items sent before it (`catchups`).
// `continuation` takes that text out, once per stream item, for the reader of
// the turn that handed off. The answer is the text of the assistant messages
// shown to the user (recipient "all", not hidden), summed over the turn; each
// message streams on its own channel (`c`). Where the evidence for each shape
// was seen: tests/fixtures/chatgpt/EVIDENCE.md.

import { tryJson, createSseParser } from '../capture/stream.js';
import { countScripts } from '../capture/scripts.js';
import { cleanModes, cleanModel, pathOf, contentText } from './common.js';

// {"v": "<text without quotes, backslashes or control characters>"}: a delta whose JSON needs no decoding.
// eslint-disable-next-line no-control-regex -- JSON strings cannot hold raw control characters
const SIMPLE_DELTA = /^\{"v": ?"([^"\\\u0000-\u001f]*)"\}$/;

const SUBMIT_PATH = /^\/backend-(?:api|anon)\/(?:f\/)?conversation\/?$/;
const RESUME_PATH = /^\/backend-(?:api|anon|alt)\/f\/conversation\/resume\/?$/;
// Slugs of models that reason before answering: o3, gpt-5-thinking, gpt-5-6-thinking, gpt-5-6-t-mini, gpt-5-6-pro,
// and the Work mode slugs (gpt-5.6-sol-wm, gpt-6-astra-wm: reasoning models whose lightest effort is "min").
const REASONING_MODEL = /(^o\d)|thinking|reason|-t-mini|-pro\b|-wm\b/i;
// thinking_effort values that mean reasoning by themselves. The page sends "standard" with every request, even
// with model "auto", an Instant model or image generation, so only the higher levels say so on their own; the
// lower ones (min, standard) leave it to the model slug (EVIDENCE.md, "Thinking effort").
const REASONING_EFFORT = new Set(['extended', 'max', 'xhigh']);
const PARTS = '/message/content/parts/0';
// The continuation socket's limits: a message, one encoded item, envelopes in a message (a catch-up
// replays a whole turn so far), stream-item ids remembered per turn.
const MAX_WS_MESSAGE = 2 * 1024 * 1024;
const MAX_ENCODED_ITEM = 1024 * 1024;
const MAX_ENVELOPES = 4096;
const MAX_SEEN_ITEMS = 65536;
// The end of a topic's turn that carries no SSE text of its own (an inner `done`, or a
// `conversation-turn-complete` envelope): handed to the reader as this control event.
const TOPIC_END = 'data: {"type":"conversation-turn-complete"}\n\n';
const THOUGHT_TYPES = new Set(['thoughts', 'reasoning_recap']);
// Patch lists nest (a `patch` op whose value is a list of ops): deeper than this is not the site's stream.
const MAX_PATCH_DEPTH = 4;
// Messages of a turn are streamed on numbered channels (`c`); an event naming a channel patches that channel's
// message. At most this many channels are remembered per turn.
const MAX_CHANNELS = 256;
const TURN_END_TYPES = new Set(['message_stream_complete', 'assistant_turn_complete', 'conversation-turn-complete']);

function partsText(parts) {
  return Array.isArray(parts) ? parts.map((p) => (typeof p === 'string' ? p : '')).join('') : '';
}

function imagesIn(content) {
  if (!content || !Array.isArray(content.parts)) return 0;
  return content.parts.filter((p) => p && typeof p === 'object' && p.content_type === 'image_asset_pointer').length;
}

/** The modes a list of system hints asks for (the request's, or a message's metadata.system_hints). */
function hintModes(hints, modes) {
  if (!Array.isArray(hints)) return;
  for (const hint of hints.slice(0, 32)) {
    if (typeof hint !== 'string') continue;
    if (hint === 'search') modes.push('web_search');
    // "research" (older), and since 2026 the deep research app as a connector:
    // "connector:connector_openai_deep_research", later "plugin:connector_openai_deep_research".
    else if (hint === 'research' || hint.includes('deep_research')) modes.push('deep_research');
    else if (hint === 'picture_v2' || hint === 'image_gen') modes.push('image_generation');
    else if (hint === 'reason') modes.push('reasoning');
    else if (hint === 'canvas' || hint === 'canmore') modes.push('canvas');
  }
}

function requestModes(req, last) {
  const modes = [];
  hintModes(req.system_hints, modes);
  // Since mid-2026 the page repeats the hints in the user message's metadata.
  hintModes(last && last.metadata && last.metadata.system_hints, modes);
  if (req.force_use_search) modes.push('web_search');
  if (req.model === 'research') modes.push('deep_research');
  if (REASONING_MODEL.test(typeof req.model === 'string' ? req.model : '')) modes.push('reasoning');
  if (typeof req.thinking_effort === 'string' && REASONING_EFFORT.has(req.thinking_effort)) modes.push('reasoning');
  return modes;
}

export default {
  service: 'chatgpt',
  label: 'ChatGPT',
  hosts: ['chatgpt.com', 'chat.openai.com'],
  matches: ['https://chatgpt.com/*', 'https://chat.openai.com/*'],

  // The socket that can carry a handed-off answer (subscribe_ws_topic). A
  // message sent on it is a subscription, never a prompt (parseRequest reads
  // none); what arrives on it feeds a held turn through `continuation`.
  isSocket(url) {
    try {
      const u = new URL(url);
      const host = u.hostname.toLowerCase();
      return (u.protocol === 'wss:' || u.protocol === 'ws:') && (host === 'chatgpt.com' || host.endsWith('.chatgpt.com'));
    } catch {
      return false;
    }
  },

  /**
   * The SSE text a continuation-socket message carries, or null. A message is one envelope or an array of
   * them; the reply to the page's subscription holds the turn's earlier envelopes (`catchups`). `seen` (a Set
   * kept for the turn) drops a stream item that arrives twice, as in a catch-up and then live.
   */
  continuation(message, seen = null) {
    if (typeof message !== 'string' || message.length === 0 || message.length > MAX_WS_MESSAGE) return null;
    const parsed = tryJson(message);
    const frames = Array.isArray(parsed) ? parsed : parsed && typeof parsed === 'object' ? [parsed] : null;
    if (!frames) return null;
    let text = '';
    let budget = MAX_ENVELOPES;
    const read = (envelope) => {
      if (budget <= 0 || !envelope || typeof envelope !== 'object') return;
      budget -= 1;
      const outer = envelope.payload;
      if (!outer || typeof outer !== 'object') return;
      if (outer.type === 'conversation-turn-complete') {
        text += TOPIC_END;
        return;
      }
      if (outer.type !== undefined && outer.type !== 'conversation-turn-stream') return;
      const inner = outer.payload;
      if (!inner || typeof inner !== 'object') return;
      if (inner.type === 'done') {
        text += TOPIC_END;
        return;
      }
      if (inner.type !== undefined && inner.type !== 'stream-item') return; // a heartbeat
      const item = inner.encoded_item;
      if (typeof item !== 'string' || item.length === 0 || item.length > MAX_ENCODED_ITEM) return;
      const id = inner.stream_item_id;
      if (seen instanceof Set && (typeof id === 'string' || typeof id === 'number')) {
        if (seen.has(id)) return;
        if (seen.size < MAX_SEEN_ITEMS) seen.add(id);
      }
      // Each item is one whole event (clients parse them one by one): end it, so the next starts afresh.
      text += item.endsWith('\n\n') ? item : item.endsWith('\n') ? `${item}\n` : `${item}\n\n`;
    };
    for (const frame of frames) {
      if (budget <= 0) break;
      const reply = frame && typeof frame === 'object' ? frame.reply : null;
      if (reply && typeof reply === 'object' && Array.isArray(reply.catchups)) {
        for (const catchup of reply.catchups) read(catchup);
      } else {
        read(frame);
      }
    }
    return text || null;
  },

  isSubmit({ url, method }) {
    if (method !== 'POST') return false;
    const path = pathOf(url);
    return SUBMIT_PATH.test(path) || RESUME_PATH.test(path);
  },

  parseRequest(body, { url } = {}) {
    const req = tryJson(body);
    if (!req || typeof req !== 'object') return null;
    if (RESUME_PATH.test(pathOf(url || ''))) {
      // A read of the turn in flight, not a new prompt.
      if (typeof req.conversation_id !== 'string') return null;
      return { resume: true, model: null, modes: [], prompt: {}, context: null };
    }
    if (!Array.isArray(req.messages)) return null;
    const users = req.messages.filter((m) => m && m.author && m.author.role === 'user');
    // "variant" regenerates the last answer: no new user message.
    if (users.length === 0 && req.action !== 'variant') return null;
    const last = users[users.length - 1];
    const prompt = last ? countScripts(partsText(last.content && last.content.parts) || contentText(last.content)) : {};
    // "auto" is an alias: the model that ran comes from the stream.
    // "auto" is an alias, "research" a mode (deep research): the model that ran comes from the stream.
    const model = req.model === 'auto' || req.model === 'research' ? null : cleanModel(req.model);
    return { model, modes: cleanModes(requestModes(req, last)), prompt, context: null };
  },

  createReader() {
    const texts = new Map(); // assistant text message id -> {text} so far
    const images = new Map(); // message id -> generated images in it
    const modes = new Set();
    let resolved = null; // resolved_model_slug: the model that actually ran
    let routed = null; // server_ste_metadata.model_slug
    let label = null; // the assistant message's model_slug
    let current = null; // the message being patched: {id, answer, text, path, op}
    const channels = new Map(); // stream channel (`c`) -> its message
    let lastPath = '';
    let lastOp = '';
    let parsed = false;
    let done = false;
    let handoff = false; // a stream_handoff not yet followed by the end of the turn
    let turnEnded = false; // the turn's own end (end_turn, message_stream_complete) since the last handoff

    const readMetadata = (meta) => {
      if (!meta || typeof meta !== 'object') return;
      if (typeof meta.resolved_model_slug === 'string') resolved = meta.resolved_model_slug;
      if (Array.isArray(meta.search_result_groups) && meta.search_result_groups.length) modes.add('web_search');
      if (Array.isArray(meta.search_queries) && meta.search_queries.length) modes.add('web_search');
      const modelQueries = meta.search_model_queries;
      if (modelQueries && Array.isArray(modelQueries.queries) && modelQueries.queries.length) modes.add('web_search');
      // 2026 image generation runs as an async task: the tool message says so before any picture arrives.
      if (meta.async_task_type === 'image_gen' || meta.image_gen_async === true) modes.add('image_generation');
      // The deep research app: its tool messages name the connector; the user message repeats its hints.
      const sdk = meta.chatgpt_sdk;
      if (sdk && typeof sdk === 'object' && typeof sdk.resolved_pineapple_uri === 'string'
        && sdk.resolved_pineapple_uri.includes('deep_research')) modes.add('deep_research');
      if (typeof meta.deep_research_version === 'string') modes.add('deep_research');
      if (Array.isArray(meta.system_hints)) {
        const hinted = [];
        hintModes(meta.system_hints, hinted);
        for (const m of hinted) modes.add(m);
      }
    };
    let channel = null; // the channel (`c`) of the event being read, if it names one
    const startMessage = (msg) => {
      parsed = true;
      const role = msg && msg.author && msg.author.role;
      const type = msg && msg.content && msg.content.content_type;
      // Without an id (older encodings), one slot per role and kind: resends replace it.
      const id = (msg && typeof msg.id === 'string' && msg.id) || `${role}:${type}`;
      readMetadata(msg && msg.metadata);
      if (role === 'assistant' && msg.metadata && typeof msg.metadata.model_slug === 'string') {
        label = msg.metadata.model_slug;
      }
      if (THOUGHT_TYPES.has(type)) modes.add('reasoning');
      const pictures = role === 'assistant' || role === 'tool' ? imagesIn(msg.content) : 0;
      if (pictures) images.set(id, pictures);
      // Answer text: an assistant text message the user sees. Not one addressed to a tool (a connector call
      // such as the deep research dispatch is text to recipient "api_tool.call_tool"), nor a hidden one.
      const recipient = msg && msg.recipient;
      const hidden = !!(msg && msg.metadata && msg.metadata.is_visually_hidden_from_conversation === true);
      const answer = role === 'assistant' && type === 'text' && !hidden
        && (recipient === undefined || recipient === null || recipient === 'all');
      // A message added again (a resume replays it) replaces its earlier text.
      current = { id, answer, text: answer ? partsText(msg.content.parts) : '', path: '', op: '' };
      if (answer) texts.set(id, current);
      if (channel !== null && (channels.has(channel) || channels.size < MAX_CHANNELS)) channels.set(channel, current);
      if (answer && msg.end_turn === true) {
        handoff = false;
        turnEnded = true;
      }
    };
    // A message added by an event: {p: "", o: "add", v: {message}}, also without `p` (2026 captures), or
    // without `p` and `o`.
    const addedMessage = (op) => {
      const v = op.v;
      if (!v || typeof v !== 'object' || !v.message || typeof v.message !== 'object') return null;
      if ((op.p === undefined || op.p === '') && (op.o === undefined || op.o === 'add')) return v.message;
      return null;
    };
    const applyPatch = (op, depth = 0) => {
      if (!op || typeof op !== 'object' || depth > MAX_PATCH_DEPTH) return undefined;
      const added = addedMessage(op);
      if (added) {
        lastPath = '';
        lastOp = 'add';
        return startMessage(added);
      }
      const path = op.p !== undefined ? op.p : lastPath;
      let kind = op.o !== undefined ? op.o : lastOp;
      // A bare list of ops ({"v": [{p, o, v}, ...]}) is a patch list too.
      if (op.o === undefined && op.p === undefined && Array.isArray(op.v) && op.v.length
        && op.v[0] && typeof op.v[0] === 'object' && (op.v[0].p !== undefined || op.v[0].o !== undefined)) kind = 'patch';
      lastPath = path;
      lastOp = kind;
      if (current) {
        current.path = path;
        current.op = kind;
      }
      if (kind === 'patch' && Array.isArray(op.v)) {
        for (const inner of op.v) applyPatch(inner, depth + 1);
        return undefined;
      }
      if (!current) return undefined;
      if (kind === 'append' && path === PARTS && typeof op.v === 'string' && current.answer) {
        current.text += op.v;
      } else if (path === '/message/end_turn' && op.v === true && current.answer) {
        handoff = false;
        turnEnded = true;
      } else if (path === '/message/metadata' && op.v && typeof op.v === 'object') {
        readMetadata(op.v);
      }
      return undefined;
    };
    const onControl = (msg) => {
      if (msg.type === 'stream_handoff') {
        handoff = true;
        turnEnded = false;
      } else if (TURN_END_TYPES.has(msg.type)) {
        handoff = false;
        turnEnded = true;
      }
      else if (msg.type === 'server_ste_metadata' && msg.metadata) {
        if (typeof msg.metadata.model_slug === 'string') routed = msg.metadata.model_slug;
        readMetadata(msg.metadata);
      } else return;
      parsed = true;
    };
    const onEvent = ({ data }) => {
      if (data === '[DONE]') {
        done = true;
        return;
      }
      // Any event after the end marker is a resume stream fed into this reader:
      // the answer is complete again only at its own end marker. (Not on each
      // push: the hook's last push after the end flushes its decoder, often an
      // empty string, and must not undo the end.)
      done = false;
      // Most events of a long answer are one-token deltas {"v": "..."}: read
      // those without JSON.parse (same result, a fraction of the page's time).
      const simple = SIMPLE_DELTA.exec(data);
      if (simple) {
        if (current && current.answer && lastPath === PARTS && lastOp === 'append') current.text += simple[1];
        else applyPatch({ v: simple[1] });
        return undefined;
      }
      const msg = tryJson(data);
      if (!msg || typeof msg !== 'object') return;
      if (typeof msg.type === 'string') return onControl(msg);
      if (msg.v !== undefined || msg.o !== undefined || msg.p !== undefined) {
        channel = Number.isInteger(msg.c) ? msg.c : null;
        // An event on another channel's message: go back to that message and its last path.
        const target = channel !== null ? channels.get(channel) : undefined;
        if (target && target !== current && !addedMessage(msg)) {
          current = target;
          lastPath = target.path;
          lastOp = target.op;
        }
        return applyPatch(msg);
      }
      if (msg.message && msg.message.author) {
        // Legacy encoding: the message is resent in full each time.
        channel = null;
        startMessage(msg.message);
        if (msg.message.status !== 'finished_successfully' && images.has(current.id)) images.delete(current.id);
      }
      return undefined;
    };
    const sse = createSseParser(onEvent);
    return {
      // True once the turn has ended (no handoff pending, and the end marker or
      // the turn's own end seen): what a socket feeding a handed-off turn waits
      // for (a topic has no [DONE] of its own); a fetch stream ends by itself.
      push(text) {
        sse.push(text);
        return !handoff && (done || turnEnded);
      },
      finish() {
        sse.end();
        let pictures = 0;
        for (const n of images.values()) pictures += n;
        const model = resolved || routed || label;
        if (pictures > 0) modes.add('image_generation');
        if (REASONING_MODEL.test(model || '')) modes.add('reasoning');
        return {
          response: countScripts([...texts.values()].map((m) => m.text).join('')),
          images: pictures,
          model: cleanModel(model),
          modes: cleanModes([...modes]),
          complete: !handoff && (done || turnEnded), // [DONE], or the turn's own end (a topic has no [DONE])
          parsed,
          handoff,
        };
      },
    };
  },

  dom: {
    user: '[data-message-author-role="user"]',
    assistant: '[data-message-author-role="assistant"]',
    input: '#prompt-textarea, form textarea, [contenteditable="true"]',
    send: '[data-testid="send-button"], button[type="submit"]',
  },
};
