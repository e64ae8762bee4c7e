// Meta AI (www.meta.ai). Two transports are in public evidence (see
// tests/fixtures/metaai/EVIDENCE.md):
//
// 1. GraphQL over HTTP: a form POST whose fb_api_req_friendly_name is
//    useAbraSendMessageMutation and whose "variables" JSON holds the prompt
//    (message.sensitive_string_value). Logged-out pages post to
//    graph.meta.ai/graphql?locale=user (with an access_token field), logged-in
//    ones to www.meta.ai/api/graphql/. The reply is one JSON document a line,
//    each with the whole bot message so far (bot_response_message.snippet)
//    and its streaming_state; OVERALL_DONE ends it.
// 2. The gateway WebSocket (2026, wss://gateway.meta.ai/ws/clippy): binary
//    frames whose payloads are JSON. The prompt goes out as a data frame
//    {"req-id", "payload": base64 protobuf}; the answer comes back as
//    {"seq", "type": "full", "response": {"sections": [...], "is_complete"}}
//    snapshots and {"type": "patch", "operations": [{"op": "delta", "path":
//    "/sections/0/view_model/primitive/text", "value"}]} deltas. A section
//    whose primitive is a thinking status is reasoning, not the answer.

import { tryJson, createLineSplitter } from '../capture/stream.js';
import { countScripts } from '../capture/scripts.js';
import { cleanModes, createAnswer, pathOf, hostOf, countAll } from './common.js';

const SEND_MUTATION = /SendMessage|SendPrompt/i;
const PAGE_HOSTS = ['www.meta.ai', 'meta.ai'];
// The model of the gateway-era web app (its bundle and modes are named for it).
const GATEWAY_MODEL = 'muse-spark';

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

/** Every JSON object in `text` that starts with `start`, parsed (binary framing around them is skipped). */
export function jsonObjectsIn(text, start) {
  const out = [];
  let at = text.indexOf(start);
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
    at = text.indexOf(start, end);
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
// Strings of the request that are not what the user typed: enum names, ids,
// hashes, the client's config key and device names.
const NOISE = /^(?:[A-Z0-9_:.-]+|[0-9a-f-]{16,}|[\w.-]+@[\w.-]+|Abra Web Main Key|Mac OS X|Windows|Linux)$/;

/**
 * The texts of a protobuf message: every length-delimited field that is
 * valid UTF-8, and those of nested messages. Protobuf has no field names on
 * the wire, so the prompt is found by shape (see promptOfPayload).
 */
function protoStrings(bytes, depth = 0, out = []) {
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
    if (tag <= 0) return false;
    const wire = tag % 8;
    if (wire === 0) {
      if (varint() < 0) return false;
    } else if (wire === 1) {
      i += 8;
    } else if (wire === 5) {
      i += 4;
    } else if (wire === 2) {
      const len = varint();
      if (len < 0 || i + len > bytes.length) return false;
      const sub = bytes.subarray(i, i + len);
      i += len;
      if (depth < 6 && len > 1 && protoStrings(sub, depth + 1, [])) protoStrings(sub, depth + 1, out);
      else {
        try {
          out.push(strictUtf8.decode(sub));
        } catch {
          // bytes, not text
        }
      }
    } else {
      return false;
    }
    if (i > bytes.length) return false;
  }
  return out;
}

/** The prompt inside the base64 protobuf of a gateway data frame: its longest human text. */
export function promptOfPayload(b64) {
  const bytes = base64Bytes(b64);
  if (!bytes) return null;
  const texts = protoStrings(bytes) || [];
  const human = texts.map((t) => t.trim()).filter((t) => t && !NOISE.test(t) && !/^[{[]/.test(t) && /[\s\u0080-\uffff]|^\S{1,24}$/.test(t));
  if (human.length === 0) return null;
  return human.reduce((a, b) => (b.length > a.length ? b : a));
}

function graphqlReader() {
  const answer = createAnswer();
  let images = 0;
  let parsed = false;
  let complete = false;
  const lines = createLineSplitter((line) => {
    const doc = tryJson(line.trim());
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
      return { response: answer.counts(), images, model: null, modes: images > 0 ? ['image_generation'] : [], complete, parsed };
    },
  };
}

function gatewayReader() {
  const sections = []; // answer text per section index; null for a thinking section
  let thinking = false;
  let parsed = false;
  let complete = false;
  const setSection = (i, primitive) => {
    const kind = String((primitive && primitive.__typename) || '');
    if (/Thinking/i.test(kind)) {
      thinking = true;
      sections[i] = null;
    } else if (primitive && typeof primitive.text === 'string') {
      sections[i] = primitive.text;
    }
  };
  const onDoc = (doc) => {
    if (!doc || typeof doc !== 'object') return;
    if (doc.type === 'full' && doc.response && typeof doc.response === 'object') {
      parsed = true;
      const list = Array.isArray(doc.response.sections) ? doc.response.sections : [];
      list.forEach((s, i) => setSection(i, s && s.view_model && s.view_model.primitive));
      if (doc.response.is_complete === true) complete = true;
    } else if (doc.type === 'patch' && Array.isArray(doc.operations)) {
      parsed = true;
      for (const op of doc.operations) {
        const path = String((op && op.path) || '');
        if (/^\/?(?:response\/)?is_complete$/.test(path) && op.value === true) complete = true;
        const m = /^\/sections\/(\d+)\/view_model\/primitive\/text$/.exec(path);
        if (!m || typeof op.value !== 'string' || sections[Number(m[1])] === null) continue;
        const i = Number(m[1]);
        sections[i] = op.op === 'delta' || op.op === 'append' ? (sections[i] || '') + op.value : op.value;
      }
    }
  };
  return {
    /** One incoming binary frame; returns true once the answer is complete. */
    push(frame) {
      for (const doc of jsonObjectsIn(asText(frame), '{"seq"')) onDoc(doc);
      return complete;
    },
    finish() {
      return {
        response: countAll(sections.filter((s) => typeof s === 'string')),
        images: 0,
        model: parsed ? GATEWAY_MODEL : null,
        modes: thinking ? ['reasoning'] : [],
        complete,
        parsed,
      };
    },
  };
}

export default {
  service: 'metaai',
  label: 'Meta AI',
  hosts: PAGE_HOSTS,
  matches: ['https://www.meta.ai/*', 'https://meta.ai/*'],
  binaryFrames: true,

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

  parseRequest(body) {
    if (body instanceof Uint8Array) {
      // A gateway data frame: {"req-id", "payload"} after the binary header.
      const frame = jsonObjectsIn(asText(body), '{"req-id"').find((f) => typeof f.payload === 'string');
      if (!frame) return null;
      const prompt = promptOfPayload(frame.payload);
      return { model: GATEWAY_MODEL, modes: [], prompt: prompt ? countScripts(prompt) : {}, context: null, gateway: true };
    }
    const params = formParams(typeof body === 'string' ? body : '');
    if (!params || !SEND_MUTATION.test(params.get('fb_api_req_friendly_name') || '')) return null;
    const vars = tryJson(params.get('variables'));
    const msg = vars && vars.message;
    const text = msg && (msg.sensitive_string_value || msg.text);
    if (typeof text !== 'string') return null;
    const modes = [];
    if (vars.imagineOperationRequest || /imagine/i.test(vars.entrypoint || '')) modes.push('image_generation');
    if (/think|reason/i.test(vars.mode || '')) modes.push('reasoning');
    return { model: null, modes: cleanModes(modes), prompt: countScripts(text), context: null };
  },

  /**
   * The GraphQL reader takes streamed text; the gateway reader takes one
   * frame a push. A reader is made for a turn after its request is known,
   * so the request's transport picks it.
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
