// Claude (claude.ai). Submit: POST
// /api/organizations/<org>/chat_conversations/<id>/completion (or
// retry_completion, which carries no prompt) with a JSON body; the answer
// streams as SSE in the Messages API event shapes (content_block_* with
// text_delta / thinking_delta / thinking_summary_delta, message_stop at the
// end).
// Extended thinking: the turn's own `thinking_mode` ("extended"; "auto" leaves
// it to the model, so only a thinking block with content in the stream marks
// it) or the older conversation setting paprika_mode "extended". Research: a
// tool_use named launch_extended_search_task in the stream, or the older
// conversation setting compass_mode "advanced". Conversation settings are set
// in create_conversation_params on the first send, or later with PUT/PATCH on
// the conversation; the tools listed on nearly every request (artifacts, repl,
// web_search) only say what the model may use. What it did use shows in the
// stream. Files and artifacts the model writes stream as input_json_delta of a
// tool_use (create_file, artifacts, visualize:show_widget): the string of their
// generated-text field counts as answer text. Evidence:
// tests/fixtures/claude/EVIDENCE.md.

import { tryJson, createSseParser } from '../capture/stream.js';
import { addCounts, countScripts } from '../capture/scripts.js';
import { cleanModes, cleanModel, createAnswer, pathOf } from './common.js';

const CONVERSATION = /^\/api\/organizations\/[^/]+\/chat_conversations(?:\/([^/]+))?\/?$/;
const SUBMIT_PATH = /^\/api\/organizations\/[^/]+\/chat_conversations\/([^/]+)\/(?:retry_)?completion\/?$/;
const SEARCH_TOOLS = /^(?:web_search|web_fetch|google_search)/;
const RESEARCH_TOOL = 'launch_extended_search_task';
// Tools whose input carries text the model writes for the user (a file, an
// artifact, a widget), and the input fields that hold it. Other tool inputs
// (search queries, research commands, paths) are never counted.
const GENERATORS = new Set(['create_file', 'artifacts', 'visualize:show_widget']);
const GENERATED_FIELDS = new Set(['file_text', 'content', 'widget_code']);
// At most this many generated characters are kept for counting per answer.
const GENERATED_MAX = 1_000_000;

// Settings each conversation of this page was created or updated with: id -> {paprika, thinking, compass}.
const settings = new Map();

function remember(id, source) {
  if (!id || !source || typeof source !== 'object') return;
  const known = settings.get(id) || {};
  if ('paprika_mode' in source) known.paprika = source.paprika_mode;
  if ('thinking_mode' in source) known.thinking = source.thinking_mode;
  if ('compass_mode' in source) known.compass = source.compass_mode;
  if (settings.size > 200) settings.clear();
  settings.set(id, known);
}

const ESCAPES = { n: '\n', t: '\t', r: '\r', b: '\b', f: '\f' };

/**
 * Reads the JSON text of a tool input as it streams in pieces
 * (input_json_delta.partial_json) and hands `sink` the decoded characters of
 * the string values of GENERATED_FIELDS at the top level of the input
 * object. Constant state (depth is a number, key names are cut at 32
 * characters), no recursion, no buffering of the JSON itself.
 */
function createFieldReader(sink) {
  let depth = 0;
  let inString = false;
  let escape = 0; // 0 none, 1 after a backslash, 2 reading \uXXXX
  let hex = '';
  let expectKey = false;
  let isKey = false;
  let key = '';
  let capture = false;
  return (json) => {
    if (typeof json !== 'string') return;
    let out = '';
    const emit = (c) => {
      if (isKey) {
        if (key.length < 32) key += c;
      } else if (capture) out += c;
    };
    for (const ch of json) {
      if (inString) {
        if (escape === 1) {
          if (ch === 'u') {
            escape = 2;
            hex = '';
          } else {
            emit(ESCAPES[ch] || ch);
            escape = 0;
          }
        } else if (escape === 2) {
          hex += ch;
          if (hex.length === 4) {
            const code = parseInt(hex, 16);
            if (Number.isFinite(code)) emit(String.fromCharCode(code));
            escape = 0;
          }
        } else if (ch === '\\') {
          escape = 1;
        } else if (ch === '"') {
          inString = false;
          if (isKey) expectKey = false;
          isKey = false;
          capture = false;
        } else emit(ch);
      } else if (ch === '"') {
        inString = true;
        isKey = depth === 1 && expectKey;
        if (isKey) key = '';
        capture = !isKey && depth === 1 && GENERATED_FIELDS.has(key);
      } else if (ch === '{' || ch === '[') {
        depth += 1;
        if (depth === 1) expectKey = ch === '{';
      } else if (ch === '}' || ch === ']') {
        depth = Math.max(0, depth - 1);
      } else if (ch === ',' && depth === 1) {
        expectKey = true;
      }
    }
    if (out) sink(out);
  };
}

export default {
  service: 'claude',
  label: 'Claude',
  hosts: ['claude.ai'],
  matches: ['https://claude.ai/*'],

  isSubmit({ url, method }) {
    const path = pathOf(url);
    if (method === 'POST') return SUBMIT_PATH.test(path) || CONVERSATION.test(path);
    // A settings update: read for its thinking/paprika/compass mode, never a turn.
    return (method === 'PUT' || method === 'PATCH') && CONVERSATION.test(path);
  },

  parseRequest(body, { url } = {}) {
    const req = tryJson(body);
    if (!req || typeof req !== 'object') return null;
    const path = pathOf(url || '');
    const submit = SUBMIT_PATH.exec(path);
    if (!submit) {
      const conv = CONVERSATION.exec(path);
      // Creation (POST .../chat_conversations {uuid, paprika_mode, ...}) or update ({settings: {...}}).
      if (conv) remember(conv[1] || req.uuid, req.settings || req);
      return null;
    }
    const id = submit[1];
    if (req.create_conversation_params) remember(id, req.create_conversation_params);
    if ('paprika_mode' in req) remember(id, req);
    const known = settings.get(id) || {};
    // The turn's own thinking_mode stands over the conversation's; "auto" is decided by the stream.
    const thinking = typeof req.thinking_mode === 'string' ? req.thinking_mode : known.thinking;
    const modes = [];
    if (known.paprika === 'extended' || thinking === 'extended') modes.push('reasoning');
    if (known.compass) modes.push('deep_research');
    const params = req.create_conversation_params || {};
    return {
      model: cleanModel(req.model || params.model),
      modes: cleanModes(modes),
      prompt: countScripts(typeof req.prompt === 'string' ? req.prompt : ''),
      context: null,
    };
  },

  createReader() {
    const answer = createAnswer();
    const generated = createAnswer();
    const blockTypes = new Map();
    const fieldReaders = new Map(); // index -> reader of a generating tool's input
    const modes = new Set();
    const addGenerated = (text) => {
      if (typeof text === 'string' && generated.length < GENERATED_MAX) {
        generated.append(text.slice(0, GENERATED_MAX - generated.length));
      }
    };
    let model = null;
    let parsed = false;
    let stopped = false;
    const sse = createSseParser(({ data }) => {
      const ev = tryJson(data);
      if (!ev || typeof ev !== 'object' || typeof ev.type !== 'string') return;
      switch (ev.type) {
        case 'message_start':
          // Often empty on claude.ai: the request's model stands then.
          if (ev.message && ev.message.model) model = ev.message.model;
          break;
        case 'content_block_start': {
          const block = ev.content_block || {};
          blockTypes.set(ev.index, block.type);
          if (block.type === 'text') answer.append(block.text || '');
          // A thinking block also comes empty (start, then stop) when the model did not think.
          if (block.type === 'redacted_thinking'
            || (block.type === 'thinking' && (block.thinking || (Array.isArray(block.summaries) && block.summaries.length)))) {
            modes.add('reasoning');
          }
          if (block.type === 'tool_use' || block.type === 'server_tool_use') {
            const name = typeof block.name === 'string' ? block.name : '';
            if (SEARCH_TOOLS.test(name)) modes.add('web_search');
            if (name === RESEARCH_TOOL) modes.add('deep_research');
            if (block.type === 'tool_use' && GENERATORS.has(name)) {
              fieldReaders.set(ev.index, createFieldReader(addGenerated));
              const input = block.input && typeof block.input === 'object' ? block.input : {};
              for (const field of GENERATED_FIELDS) addGenerated(input[field]);
            }
          }
          break;
        }
        case 'content_block_delta': {
          const type = blockTypes.get(ev.index);
          const delta = ev.delta || {};
          if (delta.type === 'text_delta' && (type === undefined || type === 'text')) {
            answer.append(delta.text);
          } else if ((delta.type === 'thinking_delta' && delta.thinking)
            || (delta.type === 'thinking_summary_delta' && delta.summary)) {
            // The summary is what the page shows of the thinking: it marks reasoning, never answer text.
            modes.add('reasoning');
          } else if (delta.type === 'input_json_delta' && fieldReaders.has(ev.index)) {
            fieldReaders.get(ev.index)(delta.partial_json);
          }
          // citation_*_delta, tool_*_block_update_delta: nothing to count.
          break;
        }
        case 'message_stop':
          stopped = true;
          break;
        case 'completion':
          // The older event shape: {"type": "completion", "completion": "<text delta>"}.
          answer.append(ev.completion);
          break;
        case 'content_block_stop':
          fieldReaders.delete(ev.index);
          break;
        case 'message_delta':
        case 'message_limit':
        case 'ping':
          break;
        default:
          return;
      }
      parsed = true;
    });
    return {
      push: (text) => sse.push(text),
      finish() {
        sse.end();
        const response = generated.length ? addCounts(answer.counts(), generated.counts()) : answer.counts();
        return { response, images: 0, model: cleanModel(model), modes: cleanModes([...modes]),
          complete: stopped, parsed };
      },
    };
  },

  dom: {
    user: '[data-testid="user-message"]',
    assistant: '.font-claude-response, [class*="font-claude-response"]',
    input: '[contenteditable="true"], textarea',
    send: 'button[aria-label*="Send" i]',
  },
};
