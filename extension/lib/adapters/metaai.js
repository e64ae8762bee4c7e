// Meta AI (www.meta.ai). Three send shapes are in public evidence (see
// tests/fixtures/metaai/EVIDENCE.md):
//
// 1. Abra GraphQL over HTTP (to early 2026): a form POST whose
//    fb_api_req_friendly_name is useAbraSendMessageMutation and whose
//    "variables" JSON holds the prompt (message.sensitive_string_value).
//    Logged-out pages posted to graph.meta.ai/graphql?locale=user (with an
//    access_token field), logged-in ones to www.meta.ai/api/graphql/. The
//    reply is one JSON document a line, each with the whole bot message so
//    far (bot_response_message.snippet) and its streaming_state; OVERALL_DONE
//    ends it.
// 2. Ecto GraphQL over HTTP (about April to July 2026): a JSON POST
//    {doc_id, variables} to www.meta.ai/api/graphql (friendly name
//    useEctoSendMessageSubscription, in a header) whose variables hold the
//    prompt (content) and the mode. The reply is Server-Sent Events, each
//    data.sendMessageStream an AssistantMessage with the whole text so far
//    (content) and its streamingState; DONE ends it, ERROR is a failure.
// 3. The gateway WebSocket (2026, wss://gateway.meta.ai/ws/clippy): binary
//    frames whose payloads are JSON. The prompt goes out as a data frame
//    {"req-id", "payload": base64 protobuf} (prompt at field 2.2, mode at
//    1.1.12.3); the answer comes back as {"seq", "type": "full", "response":
//    {"sections": [...]}} snapshots and {"type": "patch", "operations": [...]}
//    deltas, and ends with a bare {"response_id", "sections"} event, the
//    authoritative final answer (or, in one write-up, is_complete: true). A
//    section whose primitive is a thinking status is reasoning, not answer.

import { tryJson, createLineSplitter } from '../capture/stream.js';
import { countScripts } from '../capture/scripts.js';
import { cleanModes, createAnswer, pathOf, hostOf, countAll } from './common.js';

const SEND_MUTATION = /SendMessage|SendPrompt/i;
const PAGE_HOSTS = ['www.meta.ai', 'meta.ai'];
// The model of the Ecto- and gateway-era web app (its bundle and modes are named for it).
const GATEWAY_MODEL = 'muse-spark';
// Ecto's operation name travels in this request header, not in the JSON body.
const FRIENDLY_HEADER = 'x-fb-friendly-name';
// Primitive type names vary (…ThinkingStatusPrimitive, …ThinkingStatusViewModel):
// a family, not one exact name.
const THINKING = /Thinking/i;
// A gateway event worth reading starts with one of these; others (a web search
// tool's bare {"text": "search-results://…"} output) are not answer text.
const GATEWAY_STARTS = ['{"seq"', '{"response_id"'];

function formParams(body) {
  try {
    return new URLSearchParams(body);
  } catch {
    return null;
  }
}

function findBotMessage(doc) {
  const data = doc && doc.data;
  if (!data || typeof data !== 'object') return null;
  const node = data.node || data.xfb_abra_send_message || data.xfb_silverstone_send_message;
  if (node && node.bot_response_message) return node.bot_response_message;
  for (const v of Object.values(data)) {
    if (v && typeof v === 'object' && v.bot_response_message) return v.bot_response_message;
  }
  return null;
}

const utf8 = new TextDecoder();
const asText = (frame) => (typeof frame === 'string' ? frame : frame instanceof Uint8Array ? utf8.decode(frame) : '');

function headerOf(headers, name) {
  if (!headers || typeof headers !== 'object') return '';
  for (const [k, v] of Object.entries(headers)) if (k.toLowerCase() === name) return String(v);
  return '';
}

/**
 * Every JSON object in `text` that starts with `start` (a string or a list of
 * them), parsed, in order (binary framing around them is skipped).
 */
export function jsonObjectsIn(text, start) {
  const starts = Array.isArray(start) ? start : [start];
  const next = (from) => {
    let best = -1;
    for (const s of starts) {
      const at = text.indexOf(s, from);
      if (at !== -1 && (best === -1 || at < best)) best = at;
    }
    return best;
  };
  const out = [];
  let at = next(0);
  while (at !== -1) {
    let depth = 0;
    let inString = false;
    let end = -1;
    for (let i = at; i < text.length; i += 1) {
      const c = text.charCodeAt(i);
      if (inString) {
        if (c === 92) i += 1; // backslash: skip the escaped character
        else if (c === 34) inString = false;
      } else if (c === 34) {
        inString = true;
      } else if (c === 123) {
        depth += 1;
      } else if (c === 125) {
        depth -= 1;
        if (depth === 0) {
          end = i + 1;
          break;
        }
      }
    }
    if (end === -1) break;
    const v = tryJson(text.slice(at, end));
    if (v !== undefined) out.push(v);
    at = next(end);
  }
  return out;
}

function base64Bytes(b64) {
  try {
    const bin = atob(String(b64));
    const bytes = new Uint8Array(bin.length);
    for (let i = 0; i < bin.length; i += 1) bytes[i] = bin.charCodeAt(i);
    return bytes;
  } catch {
    return null;
  }
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });
// Strings of the request that are not what the user typed: enum names, mode
// names, ids, hashes, the client's config key and device names.
const NOISE = /^(?:[A-Z0-9_:.-]+|mode_\w+|think_hard|[0-9a-f-]{16,}|[\w.-]+@[\w.-]+|Abra Web Main Key|Mac OS X|Windows|Linux)$/;

/**
 * The fields of one protobuf message, [{field, wire, value}] (a number for a
 * varint, the bytes for a length-delimited field; fixed-width fields are
 * skipped), or null when the bytes are not a message.
 */
function protoFields(bytes) {
  const out = [];
  let i = 0;
  const varint = () => {
    let v = 0;
    let mul = 1;
    for (let n = 0; n < 10; n += 1) {
      if (i >= bytes.length) return -1;
      const b = bytes[i++];
      v += (b & 0x7f) * mul;
      if (!(b & 0x80)) return v;
      mul *= 128;
    }
    return -1;
  };
  while (i < bytes.length) {
    const tag = varint();
    if (tag < 8) return null; // field 0 does not exist
    const field = Math.floor(tag / 8);
    const wire = tag % 8;
    if (wire === 0) {
      const v = varint();
      if (v < 0) return null;
      out.push({ field, wire, value: v });
    } else if (wire === 1 || wire === 5) {
      i += wire === 1 ? 8 : 4;
      if (i > bytes.length) return null;
    } else if (wire === 2) {
      const len = varint();
      if (len < 0 || i + len > bytes.length) return null;
      out.push({ field, wire, value: bytes.subarray(i, i + len) });
      i += len;
    } else {
      return null;
    }
  }
  return out;
}

/** The first value at a path of field numbers (e.g. [2, 2]), or undefined: a bounded walk. */
function protoAt(bytes, path) {
  let cur = bytes;
  for (const number of path) {
    const fields = cur instanceof Uint8Array ? protoFields(cur) : null;
    const f = fields && fields.find((x) => x.field === number);
    if (!f) return undefined;
    cur = f.value;
  }
  return cur;
}

function utf8Of(bytes) {
  if (!(bytes instanceof Uint8Array)) return null;
  try {
    return strictUtf8.decode(bytes);
  } catch {
    return null;
  }
}

/**
 * The texts of a protobuf message: every length-delimited field that is
 * valid UTF-8, and those of nested messages (the fallback when the prompt is
 * not at its known field).
 */
function protoStrings(bytes, depth = 0, out = []) {
  const fields = protoFields(bytes);
  if (!fields) return false;
  for (const { wire, value } of fields) {
    if (wire !== 2) continue;
    if (depth < 6 && value.length > 1 && protoFields(value)) protoStrings(value, depth + 1, out);
    else {
      const t = utf8Of(value);
      if (t !== null) out.push(t);
    }
  }
  return out;
}

/** The longest human text of a protobuf message (the old, field-blind reading). */
function longestHumanText(bytes) {
  const texts = protoStrings(bytes) || [];
  const human = texts.map((t) => t.trim()).filter((t) => t && !NOISE.test(t) && !/^[{[]/.test(t) && /[\s\u0080-\uffff]|^\S{1,24}$/.test(t));
  if (human.length === 0) return null;
  return human.reduce((a, b) => (b.length > a.length ? b : a));
}

/**
 * What the base64 protobuf of a gateway data frame says: {prompt, thinking}.
 * The message is field 2 (its text at 2.2), the request field 1 (the mode at
 * 1.1.12.3: {1: 1000, 2: "MODE_FAST"} or {1: 1001, 2: "mode_thinking"}).
 * Without a text at 2.2 the prompt is the longest human text of the payload.
 */
export function readPayload(b64) {
  const bytes = base64Bytes(b64);
  if (!bytes) return { prompt: null, thinking: false };
  const text = utf8Of(protoAt(bytes, [2, 2]));
  const prompt = text && text.trim() ? text : longestHumanText(bytes);
  let thinking = false;
  const mode = protoAt(bytes, [1, 1, 12, 3]);
  const fields = mode instanceof Uint8Array ? protoFields(mode) : null;
  if (fields) {
    const name = fields.find((f) => f.field === 2 && f.wire === 2);
    const code = fields.find((f) => f.field === 1 && f.wire === 0);
    const label = name ? utf8Of(name.value) : null;
    thinking = label ? /think|contemplat/i.test(label) : Boolean(code && code.value === 1001);
  }
  return { prompt, thinking };
}

/** The prompt inside the base64 protobuf of a gateway data frame. */
export function promptOfPayload(b64) {
  return readPayload(b64).prompt;
}

/** The answer text of an Ecto AssistantMessage: its content, else its rendered sections. */
function ectoText(msg) {
  if (typeof msg.content === 'string' && msg.content) return msg.content;
  const renderer = msg.contentRenderer;
  if (!renderer || typeof renderer !== 'object') return null;
  const unified = renderer.unified_response;
  if (unified && Array.isArray(unified.sections)) {
    const texts = unified.sections
      .map((s) => s && s.view_model && s.view_model.primitive)
      .filter((p) => p && typeof p.text === 'string' && !THINKING.test(String(p.__typename || '')))
      .map((p) => p.text);
    return texts.join('\n\n');
  }
  return typeof renderer.text === 'string' ? renderer.text : null;
}

function ectoThinks(msg) {
  const unified = msg.contentRenderer && msg.contentRenderer.unified_response;
  const list = unified && Array.isArray(unified.sections) ? unified.sections : [];
  return list.some((s) => THINKING.test(String((s && s.view_model && s.view_model.primitive && s.view_model.primitive.__typename) || '')));
}

/** The reader of both GraphQL-over-HTTP replies: Abra's JSON lines and Ecto's events. */
function graphqlReader() {
  const answer = createAnswer();
  let images = 0;
  let parsed = false;
  let complete = false;
  let ecto = false;
  let thinking = false;
  const onEcto = (msg) => {
    if (!/AssistantMessage/.test(String(msg.__typename || ''))) return;
    parsed = true;
    ecto = true;
    const state = String(msg.streamingState || '').toUpperCase();
    if (state === 'ERROR') return; // its content is the error, not an answer
    const text = ectoText(msg);
    if (text !== null) answer.replace(text);
    if (ectoThinks(msg)) thinking = true;
    if (Array.isArray(msg.images)) images = msg.images.length;
    if (state === 'DONE') complete = true;
  };
  const lines = createLineSplitter((raw) => {
    let line = raw.trim();
    if (line.startsWith('data:')) line = line.slice(5).trim(); // Ecto's events
    if (!line.startsWith('{')) return;
    const doc = tryJson(line);
    const stream = doc && doc.data && typeof doc.data === 'object' ? doc.data.sendMessageStream : null;
    if (stream && typeof stream === 'object') {
      onEcto(stream);
      return;
    }
    const bot = findBotMessage(doc);
    if (!bot) return;
    parsed = true;
    if (typeof bot.snippet === 'string') answer.replace(bot.snippet);
    if (bot.streaming_state === 'OVERALL_DONE' || (doc.extensions && doc.extensions.is_final === true)) complete = true;
    const sets = bot.imagine_card && bot.imagine_card.session && bot.imagine_card.session.media_sets;
    if (Array.isArray(sets)) {
      images = sets.reduce((n, s) => n + (Array.isArray(s.imagine_media) ? s.imagine_media.length : 0), 0);
    }
  });
  return {
    push: (t) => lines.push(t),
    finish() {
      lines.end();
      const modes = [];
      if (images > 0) modes.push('image_generation');
      if (thinking) modes.push('reasoning');
      return { response: answer.counts(), images, model: ecto ? GATEWAY_MODEL : null, modes, complete, parsed };
    },
  };
}

function gatewayReader() {
  let sections = []; // answer text per section index; null for a thinking section
  let thinking = false;
  let searched = false; // a web search tool's output ({"text": "search-results://…"}) came
  let parsed = false;
  let complete = false;
  const setSection = (i, primitive) => {
    const kind = String((primitive && primitive.__typename) || '');
    if (THINKING.test(kind)) {
      thinking = true;
      sections[i] = null;
    } else if (primitive && typeof primitive.text === 'string') {
      sections[i] = primitive.text;
    }
  };
  const setSections = (list) => {
    if (!Array.isArray(list)) return;
    list.forEach((s, i) => setSection(i, s && s.view_model && s.view_model.primitive));
  };
  const onPatch = (op) => {
    const path = String((op && op.path) || '');
    if (/^\/?(?:response\/)?is_complete$/.test(path) && op.value === true) complete = true;
    // Thinking text streams into the embedded screens' bodies: reasoning, not answer.
    if (path.includes('embedded_screens') && path.endsWith('/body')) {
      thinking = true;
      return;
    }
    // A new section: {"op": "add", "path": "/sections/N", "value": {view_model: …}}.
    const added = /^\/?(?:response\/)?sections\/(\d+)$/.exec(path);
    if (added && op.value && typeof op.value === 'object') {
      setSection(Number(added[1]), op.value.view_model && op.value.view_model.primitive);
      return;
    }
    const m = /^\/?(?:response\/)?sections\/(\d+)\/view_model\/primitive\/text$/.exec(path);
    if (!m || typeof op.value !== 'string' || sections[Number(m[1])] === null) return;
    const i = Number(m[1]);
    sections[i] = op.op === 'delta' || op.op === 'append' ? (sections[i] || '') + op.value : op.value;
  };
  const onDoc = (doc) => {
    if (!doc || typeof doc !== 'object') return;
    if (doc.type === 'full' && doc.response && typeof doc.response === 'object') {
      parsed = true;
      setSections(doc.response.sections);
      if (doc.response.is_complete === true) complete = true;
    } else if (doc.type === 'patch' && Array.isArray(doc.operations)) {
      parsed = true;
      doc.operations.forEach(onPatch);
    } else if (doc.seq === undefined && doc.type === undefined && doc.response_id !== undefined && Array.isArray(doc.sections)) {
      // The final answer: authoritative, it replaces what the patches built.
      parsed = true;
      sections = [];
      setSections(doc.sections);
      complete = true;
    }
  };
  return {
    /** One incoming binary frame; returns true once the answer is complete. */
    push(frame) {
      const text = asText(frame);
      if (!searched && text.includes('search-results://')) searched = true;
      for (const doc of jsonObjectsIn(text, GATEWAY_STARTS)) onDoc(doc);
      return complete;
    },
    finish() {
      return {
        response: countAll(sections.filter((s) => typeof s === 'string')),
        images: 0,
        model: parsed ? GATEWAY_MODEL : null,
        modes: [...(thinking ? ['reasoning'] : []), ...(searched ? ['web_search'] : [])],
        complete,
        parsed,
      };
    },
  };
}

/**
 * An Ecto send: a JSON body {doc_id, variables} whose variables hold the
 * prompt (content). The friendly name is in a header; without it the
 * variables' shape (content, conversationId and a turn or message id) tells.
 */
function ectoRequest(doc, friendly) {
  if (!doc || typeof doc !== 'object') return null;
  const vars = typeof doc.variables === 'string' ? tryJson(doc.variables) : doc.variables;
  if (!vars || typeof vars !== 'object' || typeof vars.content !== 'string') return null;
  const name = friendly || (typeof doc.fb_api_req_friendly_name === 'string' ? doc.fb_api_req_friendly_name : '');
  if (name) {
    if (!SEND_MUTATION.test(name)) return null;
  } else if (typeof vars.conversationId !== 'string' || !(vars.turnId || vars.userMessageId || vars.assistantMessageId)) {
    return null;
  }
  const modes = [];
  if (vars.imagineOperationRequest) modes.push('image_generation');
  if (/think|contemplat|reason/i.test(vars.mode || '')) modes.push('reasoning');
  return { model: GATEWAY_MODEL, modes: cleanModes(modes), prompt: countScripts(vars.content), context: null };
}

export default {
  service: 'metaai',
  label: 'Meta AI',
  hosts: PAGE_HOSTS,
  matches: ['https://www.meta.ai/*', 'https://meta.ai/*'],
  binaryFrames: true,
  // Ecto's operation name (useEctoSendMessageSubscription) is a request header.
  requestHeaders: [FRIENDLY_HEADER],

  isSubmit({ url, method }) {
    if (method !== 'POST') return false;
    const host = hostOf(url);
    const path = pathOf(url);
    if (PAGE_HOSTS.includes(host)) return /^\/api\/graphql\/?$/.test(path);
    return host === 'graph.meta.ai' && /^\/graphql\/?$/.test(path);
  },

  isSocket(url) {
    return hostOf(url) === 'gateway.meta.ai' && /^\/ws\/clippy\/?$/.test(pathOf(url));
  },

  parseRequest(body, { headers } = {}) {
    if (body instanceof Uint8Array) {
      // A gateway data frame: {"req-id", "payload"} after the binary header.
      const frame = jsonObjectsIn(asText(body), '{"req-id"').find((f) => typeof f.payload === 'string');
      if (!frame) return null;
      const { prompt, thinking } = readPayload(frame.payload);
      return { model: GATEWAY_MODEL, modes: thinking ? ['reasoning'] : [], prompt: prompt ? countScripts(prompt) : {}, context: null, gateway: true };
    }
    const text = typeof body === 'string' ? body : '';
    const friendly = headerOf(headers, FRIENDLY_HEADER);
    if (text.trimStart().startsWith('{')) return ectoRequest(tryJson(text), friendly);
    const params = formParams(text);
    const name = (params && params.get('fb_api_req_friendly_name')) || friendly;
    if (!params || !SEND_MUTATION.test(name || '')) return null;
    const vars = tryJson(params.get('variables'));
    const msg = vars && vars.message;
    const prompt = msg && (msg.sensitive_string_value || msg.text);
    if (typeof prompt !== 'string') return ectoRequest({ variables: vars }, name);
    const modes = [];
    if (vars.imagineOperationRequest || /imagine/i.test(vars.entrypoint || '')) modes.push('image_generation');
    if (/think|reason/i.test(vars.mode || '')) modes.push('reasoning');
    return { model: null, modes: cleanModes(modes), prompt: countScripts(prompt), context: null };
  },

  /**
   * The GraphQL reader takes streamed text (Abra's lines or Ecto's events);
   * the gateway reader takes one frame a push. A reader is made for a turn
   * after its request is known, so the request's transport picks it.
   */
  createReader(parsed) {
    return parsed && parsed.gateway ? gatewayReader() : graphqlReader();
  },

  dom: {
    user: '[data-testid="user-message"], div[class*="UserMessage"]',
    assistant: '[data-testid="assistant-message"], div[class*="BotMessage"]',
    input: 'textarea, [contenteditable="true"]',
    send: 'div[aria-label="Send Message"], button[aria-label*="Send" i]',
  },
};
