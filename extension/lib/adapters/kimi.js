// Kimi (www.kimi.com, and www.kimi.ai for the global site). Since 2025 the
// page sends a prompt as a Connect-RPC call: POST
// /apiv2/kimi.gateway.chat.v1.ChatService/Chat, content type
// application/connect+json, the body one Connect envelope (1 flag byte, a
// 4-byte big-endian length, then JSON) holding {"scenario", "chat_id" (absent
// on the first prompt of a new chat), "tools" ([{"type":"TOOL_TYPE_SEARCH"}]
// while the page's search switch is on, which it is by default), "message":
// {"role":"user", "blocks":[{"text":{"content"}}], "parent_id"}, "options":
// {"thinking", "reasoning_effort", "model"}}. Since mid-2026 `options.model`
// names the model ("k2d6-chat" with SCENARIO_CHAT; "k3-agent" with
// SCENARIO_OK_COMPUTER, the agent); older pages name it only by scenario
// (SCENARIO_K2D5, which has run K2.6 since K2.6 shipped). The answer streams
// back as Connect envelopes of JSON state operations: {"op":"set"|"append",
// "mask": "block.text" | "block.text.content" | "block.think..." |
// "block.tool..." | "message...", "block": {"text": {"content"}}, "message":
// {"role", "status"}}, {"notification": {"type", "message"}} notices,
// heartbeats, {"done": {}} and a final envelope with flag 0x02 (trailers or an
// error). The older REST stream (/api/chat/<id>/completion/stream, SSE "cmpl"
// events) is still read for kimi.moonshot.cn pages that keep it.
// See tests/fixtures/kimi/EVIDENCE.md.

import { tryJson, createSseParser, createConnectParser, jsonAfterEnvelope } from '../capture/stream.js';
import { cleanModes, cleanModel, createAnswer, pathOf, contentText, countAll } from './common.js';

// The gateway path since late 2025; an earlier Connect path had no "gateway.".
const CHAT_RPC = /^\/apiv2\/kimi\.(?:gateway\.)?chat\.v1\.ChatService\/Chat$/;
const LEGACY_PATH = /^\/api\/chat\/[^/]+\/completion\/stream\/?$/;

/**
 * A Connect scenario as a model slug: SCENARIO_K2D5 and SCENARIO_K2D6 -> k2.6
 * (the page's K2D5 scenario has run K2.6 since K2.6 shipped in 2026),
 * SCENARIO_K3 / SCENARIO_K3_THINKING -> k3, SCENARIO_K2 -> k2; others (CHAT,
 * OK_COMPUTER, SEARCH...) name no model.
 */
export function scenarioModel(scenario) {
  const m = /^SCENARIO_(K\d+(?:D\d+)?)(?:_.*)?$/.exec(String(scenario || ''));
  if (!m) return null;
  const slug = m[1].toLowerCase().replace('d', '.');
  return slug === 'k2.5' ? 'k2.6' : slug;
}

/**
 * The page's model key (options.model) as a slug: k2d6-chat -> k2.6,
 * k28-agent-preview -> k2.8, k3-agent / k3-agent-swarm -> k3; a key of
 * another form is passed on as it is.
 */
export function modelKeySlug(key) {
  if (typeof key !== 'string' || !key) return null;
  const m = /^k(\d)(?:d?(\d))?(?=$|[-_])/i.exec(key);
  if (!m) return cleanModel(key);
  return m[2] ? `k${m[1]}.${m[2]}` : `k${m[1]}`;
}

/** The one model a notice names ("... K2.6 ..."), or null when it names none or several. */
export function noticeModel(text) {
  if (typeof text !== 'string') return null;
  const names = new Set();
  for (const m of text.slice(0, 500).matchAll(/(?:^|[^A-Za-z0-9])K(\d)(?:\.(\d))?(?!\d|\.\d)/g)) {
    names.add(m[2] ? `k${m[1]}.${m[2]}` : `k${m[1]}`);
  }
  return names.size === 1 ? [...names][0] : null;
}

function parseConnectRequest(req) {
  const msg = req.message;
  if (!msg || typeof msg !== 'object' || !Array.isArray(msg.blocks)) return null;
  const text = msg.blocks.map((b) => contentText(b && b.text && b.text.content)).join('');
  const tools = Array.isArray(req.tools) ? req.tools.map((t) => String((t && t.type) || '')) : [];
  const scenario = String(req.scenario || msg.scenario || '');
  const options = req.options && typeof req.options === 'object' ? req.options : {};
  const modes = [];
  // TOOL_TYPE_SEARCH only says the search switch is on (it is by default):
  // web search counts when the answer stream shows a search tool call.
  if (scenario === 'SCENARIO_SEARCH') modes.push('web_search');
  if (/RESEARCH/.test(scenario)) modes.push('deep_research');
  if (tools.includes('TOOL_TYPE_IMAGE_GENERATION')) modes.push('image_generation');
  if (options.thinking === true && options.reasoning_effort !== 'REASONING_EFFORT_NONE') modes.push('reasoning');
  return {
    model: modelKeySlug(options.model) || cleanModel(scenarioModel(scenario)),
    modes: cleanModes(modes),
    prompt: countAll([text]),
    context: null,
  };
}

function parseLegacyRequest(req) {
  if (!Array.isArray(req.messages)) return null;
  const users = req.messages.filter((m) => m && m.role === 'user');
  if (users.length === 0) return null;
  const modes = [];
  if (req.use_search) modes.push('web_search');
  if (req.use_deep_research) modes.push('deep_research');
  if (req.use_thinking || /k1|thinking/i.test(req.model || '')) modes.push('reasoning');
  return { model: cleanModel(req.model), modes: cleanModes(modes), prompt: countAll([contentText(users[users.length - 1].content)]), context: null };
}

/** Reader of the Connect answer stream (bytes). */
function connectReader() {
  // Answer text per block id: a "set" starts (or restarts) a block, an
  // "append" adds to it.
  const blocks = new Map();
  let role = 'assistant';
  let complete = false;
  let parsed = false;
  let failed = false;
  let model = null;
  let degraded = null; // the model a TYPE_MODEL_DEGRADE notice says the answer fell back to
  let searched = false;
  const onOp = (msg) => {
    if (msg.error) failed = true;
    if (msg.message && typeof msg.message === 'object') {
      parsed = true;
      if (typeof msg.message.role === 'string') role = msg.message.role;
      if (msg.message.status === 'MESSAGE_STATUS_COMPLETED' && role === 'assistant') complete = true;
      const s = scenarioModel(msg.message.scenario);
      if (s && role === 'assistant') model = s;
    }
    if (msg.chat || msg.heartbeat) parsed = true;
    if (msg.notification && typeof msg.notification === 'object') {
      parsed = true;
      if (msg.notification.type === 'TYPE_MODEL_DEGRADE') degraded = noticeModel(msg.notification.message) || degraded;
    }
    if (msg.done !== undefined) {
      parsed = true;
      complete = true;
    }
    const block = msg.block;
    if (!block || typeof block !== 'object') return;
    parsed = true;
    const mask = String(msg.mask || '');
    if (block.tool && typeof block.tool === 'object' && role === 'assistant'
      && /search/i.test(String(block.tool.name || ''))) searched = true;
    // Thinking and tool blocks are not the answer, nor the user's own blocks.
    if (role !== 'assistant' || block.think || block.tool || /^block\.(?:think|tool)/.test(mask)) return;
    const text = block.text && block.text.content;
    if (typeof text !== 'string') return;
    const id = String(block.id || '');
    blocks.set(id, msg.op === 'append' ? (blocks.get(id) || '') + text : text);
  };
  const connect = createConnectParser(({ end, data }) => {
    const msg = tryJson(data);
    if (end) {
      // The end-of-stream envelope: {} or {"metadata":...} when all went
      // well, {"error": {...}} when the server stopped the answer.
      if (msg && typeof msg === 'object' && !msg.error) complete = true;
      if (msg && msg.error) failed = true;
      return;
    }
    if (msg && typeof msg === 'object') onOp(msg);
  });
  return {
    pushBytes: (b) => connect.push(b),
    push: (t) => connect.push(new TextEncoder().encode(t)),
    finish() {
      return {
        response: countAll([...blocks.values()]),
        images: 0,
        model: cleanModel(degraded || model),
        modes: searched ? ['web_search'] : [],
        complete: complete && !failed && connect.pending === 0,
        parsed,
      };
    },
  };
}

/** Reader of the legacy SSE stream. */
function legacyReader() {
  const answer = createAnswer();
  let complete = false;
  let parsed = false;
  const sse = createSseParser(({ data }) => {
    const msg = tryJson(data);
    if (!msg || typeof msg.event !== 'string') return;
    parsed = true;
    if (msg.event === 'cmpl' && typeof msg.text === 'string') answer.append(msg.text);
    if (msg.event === 'all_done') complete = true;
  });
  return {
    push: (t) => sse.push(t),
    finish() {
      sse.end();
      return { response: answer.counts(), images: 0, model: null, complete, parsed };
    },
  };
}

export default {
  service: 'kimi',
  label: 'Kimi',
  hosts: ['www.kimi.com', 'kimi.com', 'www.kimi.ai', 'kimi.ai', 'kimi.moonshot.cn'],
  matches: ['https://www.kimi.com/*', 'https://kimi.com/*', 'https://www.kimi.ai/*', 'https://kimi.ai/*', 'https://kimi.moonshot.cn/*'],

  isSubmit({ url, method }) {
    const path = pathOf(url);
    return method === 'POST' && (CHAT_RPC.test(path) || LEGACY_PATH.test(path));
  },

  parseRequest(body, { url } = {}) {
    const req = jsonAfterEnvelope(typeof body === 'string' ? body : '');
    if (!req || typeof req !== 'object') return null;
    const connect = url ? CHAT_RPC.test(pathOf(url)) : !Array.isArray(req.messages);
    return connect ? parseConnectRequest(req) : parseLegacyRequest(req);
  },

  /**
   * The stream's own first byte tells its encoding: a Connect envelope
   * starts with its flag byte (0x00-0x03), the legacy SSE stream with text.
   */
  createReader() {
    let inner = null;
    let dec = null;
    const pick = (first) => {
      inner = first <= 0x03 ? connectReader() : legacyReader();
      if (!inner.pushBytes) dec = new TextDecoder();
    };
    return {
      pushBytes(bytes) {
        if (!(bytes instanceof Uint8Array) || bytes.length === 0) return;
        if (!inner) pick(bytes[0]);
        if (dec) inner.push(dec.decode(bytes, { stream: true }));
        else inner.pushBytes(bytes);
      },
      push(text) {
        if (typeof text !== 'string' || text.length === 0) return;
        if (!inner) pick(text.charCodeAt(0));
        inner.push(text);
      },
      finish() {
        if (!inner) return { response: {}, images: 0, model: null, complete: false, parsed: false };
        if (dec) inner.push(dec.decode());
        return inner.finish();
      },
    };
  },

  dom: {
    user: '.chat-content-item-user, [class*="segment-user"]',
    assistant: '.chat-content-item-assistant, [class*="segment-assistant"]',
    input: '.chat-input-editor, [contenteditable="true"], textarea',
    send: '.send-button, button[type="submit"]',
  },
};
