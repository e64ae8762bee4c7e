// Claude (claude.ai). Submit: POST
// /api/organizations/<org>/chat_conversations/<id>/completion (or
// retry_completion, which carries no prompt) with a JSON body; the answer
// streams as SSE in the Messages API event shapes (content_block_* with
// text_delta / thinking_delta, message_stop at the end).
// Extended thinking (paprika_mode "extended") and Research (compass_mode
// "advanced") are conversation settings: set in create_conversation_params on
// the first send, or later with PUT/PATCH on the conversation; the tools
// listed on nearly every request (artifacts, repl, web_search) only say what
// the model may use. What it did use shows in the stream. Evidence:
// tests/fixtures/claude/EVIDENCE.md.

import { tryJson, createSseParser } from '../capture/stream.js';
import { countScripts } from '../capture/scripts.js';
import { cleanModes, cleanModel, createAnswer, pathOf } from './common.js';

const CONVERSATION = /^\/api\/organizations\/[^/]+\/chat_conversations(?:\/([^/]+))?\/?$/;
const SUBMIT_PATH = /^\/api\/organizations\/[^/]+\/chat_conversations\/([^/]+)\/(?:retry_)?completion\/?$/;
const SEARCH_TOOLS = /^(?:web_search|web_fetch|google_search)/;

// Settings each conversation of this page was created or updated with: id -> {paprika, compass}.
const settings = new Map();

function remember(id, source) {
  if (!id || !source || typeof source !== 'object') return;
  const known = settings.get(id) || {};
  if ('paprika_mode' in source) known.paprika = source.paprika_mode;
  if ('compass_mode' in source) known.compass = source.compass_mode;
  if (settings.size > 200) settings.clear();
  settings.set(id, known);
}

export default {
  service: 'claude',
  label: 'Claude',
  hosts: ['claude.ai'],
  matches: ['https://claude.ai/*'],

  isSubmit({ url, method }) {
    const path = pathOf(url);
    if (method === 'POST') return SUBMIT_PATH.test(path) || CONVERSATION.test(path);
    // A settings update: read for its paprika/compass mode, never a turn.
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
    const modes = [];
    if (known.paprika === 'extended' || req.thinking_mode === 'extended') modes.push('reasoning');
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
    const blockTypes = new Map();
    const modes = new Set();
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
          if (block.type === 'thinking' || block.type === 'redacted_thinking') modes.add('reasoning');
          if ((block.type === 'tool_use' || block.type === 'server_tool_use') && SEARCH_TOOLS.test(block.name || '')) {
            modes.add('web_search');
          }
          break;
        }
        case 'content_block_delta': {
          const type = blockTypes.get(ev.index);
          if (ev.delta && ev.delta.type === 'text_delta' && (type === undefined || type === 'text')) {
            answer.append(ev.delta.text);
          }
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
        return { response: answer.counts(), images: 0, model: cleanModel(model), modes: cleanModes([...modes]),
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
