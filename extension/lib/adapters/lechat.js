// Mistral Le Chat (chat.mistral.ai). A follow-up is one POST /api/chat with
// {"chatId", "mode": "append", "model", "messageInput", "features", ...}. The
// first prompt of a new chat is two calls: the tRPC mutation
// POST /api/trpc/message.newChat?batch=1 ({"0": {"json": {"content": [...],
// "features", "model", ...}}}) stores the prompt, then POST /api/chat with
// mode "start" and no messageInput streams the answer: the prompt counts are
// kept from the first call and reported with the second, once.
// The answer streams as lines "<code>:<json>" (or, per the web bundle, a JSON
// object {"code", "value"}): code 15 carries {"json": {"type": "message",
// "patches": [...]}} (JSON-patch-like ops on the message: "/" with the whole
// message, /contentChunks, /generationStatus), 8 ends the stream. A chunk
// {type: "text", _context: {type: "reasoning"}} is the model's thinking, not
// the answer. `features` lists the tools the page offers (web search, image
// generation, code interpreter are on by default): only the user's Think and
// research choices are read from it; tools used show in the stream.
// Evidence: tests/fixtures/lechat/EVIDENCE.md.

import { tryJson, createLineSplitter } from '../capture/stream.js';
import { cleanModes, cleanModel, pathOf, contentText, countAll } from './common.js';

const CHAT_PATH = /^\/api\/chat\/?$/;
const RESUME_PATH = /^\/api\/chat\/resume\/?$/;
const NEW_CHAT_PATH = /^\/api\/trpc\/(?:[\w.]+,)*message\.newChat(?:,[\w.]+)*\/?$/;

// Features that are the user's choice for the turn (Think, research). The
// tool features (beta-websearch, beta-imagegen, beta-code-interpreter,
// beta-trampoline) are sent whenever the tool is available, used or not.
const FEATURE_MODES = [
  [/research/, 'deep_research'],
  [/reason|think/, 'reasoning'],
];
const DEEP_RESEARCH_MODEL = /deep-?research/i;

function featureModes(features, model) {
  const modes = [];
  for (const f of Array.isArray(features) ? features : []) {
    for (const [re, mode] of FEATURE_MODES) if (re.test(String(f))) modes.push(mode);
  }
  if (DEEP_RESEARCH_MODEL.test(typeof model === 'string' ? model : '')) modes.push('deep_research');
  return modes;
}

/** The mode a tool call's name shows (web_search, an image tool, ...), or null. */
function toolMode(name) {
  const n = typeof name === 'string' ? name.toLowerCase() : '';
  if (!n) return null;
  if (n.includes('research')) return 'deep_research';
  if (n.includes('search') || n.includes('browse')) return 'web_search';
  if (n.includes('image')) return 'image_generation';
  if (n.includes('canva')) return 'canvas';
  return null;
}

// Content chunk kinds, kept per chunk index (only counts leave the reader).
const TEXT = 0;
const REASONING = 1;
const IMAGE = 2;
const OTHER = 3;
const GAP = 4; // an index skipped over: a text patch may fill it
// Chunk indexes beyond this are ignored: a page-controlled path never grows the arrays without bound.
const MAX_CHUNKS = 1000;
const CHUNK_PATH = /^\/contentChunks\/(\d+|-)(?:\/(text|_context|name))?$/;
const SUFFIX = '__context__:';

/** JSON of a line's payload; a trailing `__context__:...` suffix (web bundle) is cut off when it breaks the parse. */
function parsePayload(text) {
  const v = tryJson(text);
  if (v !== undefined || text.indexOf(SUFFIX) === -1) return v;
  const last = text.lastIndexOf(SUFFIX);
  const cut = tryJson(text.slice(0, last));
  if (cut !== undefined) return cut;
  const first = text.indexOf(SUFFIX);
  return first < last ? tryJson(text.slice(0, first)) : undefined;
}

// The prompt of the newChat call, waiting for its /api/chat "start" stream.
let pending = null;

export default {
  service: 'lechat',
  label: 'Le Chat',
  hosts: ['chat.mistral.ai'],
  matches: ['https://chat.mistral.ai/*'],

  isSubmit({ url, method }) {
    const path = pathOf(url);
    return method === 'POST' && (CHAT_PATH.test(path) || NEW_CHAT_PATH.test(path) || RESUME_PATH.test(path));
  },

  parseRequest(body, { url } = {}) {
    const req = tryJson(body);
    if (!req || typeof req !== 'object') return null;
    const path = pathOf(url || '');
    if (NEW_CHAT_PATH.test(path)) {
      const input = req['0'] && req['0'].json;
      if (!input || typeof input !== 'object') return null;
      pending = {
        model: cleanModel(input.model),
        modes: cleanModes(featureModes(input.features, input.model)),
        prompt: countAll([contentText(input.content)]),
        at: Date.now(),
      };
      return null; // the answer comes on /api/chat
    }
    if (RESUME_PATH.test(path)) {
      // A read of an interrupted answer ({chatId, messageId, ...}), not a new prompt: the
      // page hook feeds it to the turn it continues when that turn waits for it.
      if (typeof req.chatId !== 'string') return null;
      return { resume: true, model: null, modes: [], prompt: {}, context: null };
    }
    if (typeof req.mode !== 'string' || typeof req.chatId !== 'string') return null;
    if (req.messageInput === undefined || req.mode === 'toolCallConfirmation') {
      // "start": the first answer of a chat created by message.newChat just
      // before. Without messageInput otherwise (retry, rewrite), or the user's
      // yes to a tool call (toolCallConfirmation): the answer counts, no new prompt.
      const first = req.mode === 'start' && pending && Date.now() - pending.at < 120000 ? pending : null;
      if (req.mode === 'start') pending = null;
      const modes = cleanModes([...(first ? first.modes : []), ...featureModes(req.features, req.model)]);
      return { model: cleanModel(req.model) || (first && first.model), modes, prompt: first ? first.prompt : {},
        context: null };
    }
    return {
      model: cleanModel(req.model),
      modes: cleanModes(featureModes(req.features, req.model)),
      prompt: countAll([contentText(req.messageInput)]),
      context: null,
    };
  },

  createReader() {
    let texts = []; // per chunk index: its text ('' for non-text chunks)
    let kinds = []; // per chunk index: TEXT, REASONING, IMAGE or OTHER
    let plain = ''; // the AI-SDK text form (code 0)
    let lineImages = 0; // code 7 lines
    let model = null;
    const modes = new Set();
    let parsed = false;
    let complete = false;

    const kindOf = (c) => {
      if (!c || typeof c !== 'object') return OTHER;
      if (c.type === 'text') return c._context && c._context.type === 'reasoning' ? REASONING : TEXT;
      if (c.type === 'image' || c.type === 'image_url') return IMAGE;
      if (c.type === 'tool_call') {
        const m = toolMode(c.name);
        if (m) modes.add(m);
      }
      return OTHER;
    };
    const put = (i, c, insert) => {
      const kind = kindOf(c);
      if (kind === REASONING) modes.add('reasoning');
      const text = (kind === TEXT || kind === REASONING) && typeof c.text === 'string' ? c.text : '';
      if (insert && i < texts.length) {
        if (texts.length >= MAX_CHUNKS) return;
        texts.splice(i, 0, text);
        kinds.splice(i, 0, kind);
        return;
      }
      while (texts.length < i) {
        texts.push('');
        kinds.push(GAP);
      }
      texts[i] = text;
      kinds[i] = kind;
    };
    const setChunks = (list) => {
      texts = [];
      kinds = [];
      if (!Array.isArray(list)) return;
      for (let i = 0; i < list.length && i < MAX_CHUNKS; i += 1) put(i, list[i], false);
    };
    const applyPatch = (p) => {
      if (!p || typeof p !== 'object') return;
      // The path is a string, or (seen in one capture) a list of segments: [] is the root.
      const path = Array.isArray(p.path) ? `/${p.path.join('/')}` : p.path;
      if (typeof path !== 'string') return;
      const v = p.value;
      if (path === '/' || path === '') {
        // The whole message (the first patch): its chunks so far, and the model when it names one.
        if (!v || typeof v !== 'object' || (v.role !== undefined && v.role !== 'assistant')) return;
        if (typeof v.model === 'string') model = v.model;
        setChunks(v.contentChunks);
        return;
      }
      if (path === '/contentChunks') {
        if (Array.isArray(v) || v === null) setChunks(v);
        return;
      }
      if (path === '/generationStatus' || path === '/status') {
        if (v === 'success' || v === 'completed') complete = true;
        return;
      }
      if (path === '/model') {
        if (typeof v === 'string') model = v;
        return;
      }
      const m = CHUNK_PATH.exec(path);
      if (!m) return;
      const i = m[1] === '-' ? texts.length : Number(m[1]);
      if (i >= MAX_CHUNKS) return;
      if (!m[2]) {
        if (p.op === 'remove') {
          texts.splice(i, 1);
          kinds.splice(i, 1);
        } else if (v && typeof v === 'object') put(i, v, p.op === 'add');
        return;
      }
      if (m[2] === 'name') {
        const mode = toolMode(v);
        if (mode) modes.add(mode);
        return;
      }
      if (m[2] === '_context') {
        // The chunk's context is resent as it grows: reasoning, or null for the answer.
        if (i < kinds.length && (kinds[i] === TEXT || kinds[i] === REASONING)) {
          kinds[i] = v && v.type === 'reasoning' ? REASONING : TEXT;
          if (kinds[i] === REASONING) modes.add('reasoning');
        }
        return;
      }
      if (typeof v !== 'string') return;
      if (i >= texts.length) put(i, { type: 'text', text: '' }, false);
      if (kinds[i] === GAP) kinds[i] = TEXT;
      texts[i] = p.op === 'append' ? texts[i] + v : v;
    };
    const onPayload = (code, payload) => {
      if (code === '8') {
        complete = true;
        return;
      }
      if (code === '0') {
        // The AI-SDK text form.
        if (typeof payload !== 'string') return;
        plain += payload;
        parsed = true;
        return;
      }
      if (code === '12') {
        // Reasoning text (not the answer).
        if (typeof payload !== 'string') return;
        modes.add('reasoning');
        parsed = true;
        return;
      }
      const obj = payload && typeof payload === 'object' && payload.json !== undefined ? payload.json : payload;
      if (!obj || typeof obj !== 'object') return;
      if (code === '15') {
        if (obj.type === 'canvas') {
          modes.add('canvas');
          parsed = true;
          return;
        }
        if (obj.type === 'bootstrap' || obj.type === 'chat') {
          parsed = true; // the chat's own record and title: not the answer
          return;
        }
        if ((obj.type !== undefined && obj.type !== 'message') || !Array.isArray(obj.patches)) return;
        parsed = true;
        for (const p of obj.patches) applyPatch(p);
        return;
      }
      if (code === '5') {
        // A tool call: what it did (web_search, an image, ...).
        const mode = toolMode(obj.name);
        if (mode) modes.add(mode);
      } else if (code === '7') lineImages += 1;
      else if (code === '13') modes.add('deep_research');
      else if (code === '14') modes.add('web_search'); // a page a tool read: {url, title, ...}
      else if (code === '3') modes.add('canvas');
      else return;
      parsed = true;
    };
    const lines = createLineSplitter((line) => {
      if (line.charCodeAt(0) === 123) {
        // {"code": N, "value": ...}
        const obj = parsePayload(line);
        if (!obj || typeof obj !== 'object' || obj.code === undefined || obj.code === null) return;
        const code = String(obj.code);
        if (/^\d{1,3}$/.test(code)) onPayload(code, obj.value);
        return;
      }
      const colon = line.indexOf(':');
      if (colon <= 0 || colon > 3) return;
      const code = line.slice(0, colon);
      if (!/^\d+$/.test(code)) return;
      onPayload(code, code === '8' ? null : parsePayload(line.slice(colon + 1)));
    });
    return {
      push: (t) => lines.push(t),
      finish() {
        lines.end();
        let answer = plain;
        let chunkImages = 0;
        for (let i = 0; i < kinds.length; i += 1) {
          if (kinds[i] === TEXT) answer += texts[i];
          else if (kinds[i] === IMAGE) chunkImages += 1;
        }
        // An image shows as a content chunk, or (older stream form) a code 7 line: not both counted.
        const images = Math.max(chunkImages, lineImages);
        if (images > 0) modes.add('image_generation');
        return { response: countAll([answer]), images, model: cleanModel(model), modes: cleanModes([...modes]),
          complete, parsed };
      },
    };
  },

  dom: {
    user: '[data-message-author-role="user"], div[class*="user-message"]',
    assistant: '[data-message-author-role="assistant"], div[class*="assistant-message"]',
    input: 'textarea, [contenteditable="true"]',
    send: 'button[type="submit"], button[aria-label*="Send" i]',
  },
};
